package board_test

import (
	"testing"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// BenchmarkBind measures parsing and checking the Essex board file against
// the partnership, the fixed cost of every answer.
func BenchmarkBind(b *testing.B) {
	p := masa.Essex()
	data := board.EssexJSON()
	b.ReportAllocs()
	for b.Loop() {
		bs, err := board.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := board.Bind(p, bs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDigestAndLog measures the digest of the whole log, the action
// log on its last day and the document built from them.
func BenchmarkDigestAndLog(b *testing.B) {
	bd := bind(b, essex(b))
	all := vocab.Period{From: vocab.MustDate("2018-06-01"), To: vocab.MustDate("2021-03-31")}
	b.ReportAllocs()
	for b.Loop() {
		dg := bd.Digest(all)
		log, err := bd.Actions(nil, all.To)
		if err != nil {
			b.Fatal(err)
		}
		_ = board.Publish(dg, log, nil, all.To)
	}
}

// BenchmarkPeerPartnershipParse is the peer of BenchmarkBind in the same
// run: parsing the Essex partnership file, a document of similar size
// through the same strict decoder.
func BenchmarkPeerPartnershipParse(b *testing.B) {
	data := masa.EssexJSON()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := masa.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
