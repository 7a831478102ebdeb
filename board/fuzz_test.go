package board_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// FuzzParse feeds arbitrary documents to Parse and Bind: neither may
// panic, every error must be ErrInvalid and name a field, and a bound
// board must give the same digest twice, a partition of its meetings and
// an action log whose counts add up.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"partnership":"escb","editions":[{"id":"e","name":"E","regime":"lscb","period":{"from":"2018-01-01"},"bodies":[{"id":"b","name":"B","kind":"board"}]}],"meetings":[{"id":"m","edition":"e","body":"b","held":"2018-06","items":[{"id":"i","title":"I"}],"actions":[{"id":"a","text":"T","owner":"essex-police","due":"2018-07"}]}]}`))
	f.Add([]byte(`{"partnership":"escb","editions":[],"meetings":[]}`))
	f.Add([]byte(`{"partnership":"escb","editions":[{"id":"m","name":"M","regime":"masa","period":{"from":"2019-09-29"},"fromPartnership":true}],"meetings":[],"plans":[{"id":"p","name":"P","period":{"from":"2019-04-01","to":"2021-03-31"},"priorities":[{"id":"q","name":"Q","progress":"little"}]}]}`))
	p := masa.Essex()
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := board.Parse(data)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("parse error is not ErrInvalid: %v", err)
			}
			return
		}
		bd, err := board.Bind(p, b)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("bind error names no field: %v", err)
			}
			return
		}
		all := vocab.Period{}
		d1, d2 := bd.Digest(all), bd.Digest(all)
		if len(d1.Meetings) != len(b.Meetings) {
			t.Fatalf("the digest of all dates has %d meetings, the log %d", len(d1.Meetings), len(b.Meetings))
		}
		a1, err := vocab.EncodeJSON(d1)
		if err != nil {
			t.Fatal(err)
		}
		a2, _ := vocab.EncodeJSON(d2)
		if !bytes.Equal(a1, a2) {
			t.Fatal("two digests encoded differently")
		}
		_ = d1.Summary()
		for _, on := range []string{"2018-06-30", "2020-01-15"} {
			log, err := bd.Actions(nil, vocab.MustDate(on))
			if err != nil {
				if !errors.Is(err, vocab.ErrNotFound) {
					t.Fatalf("action log: %v", err)
				}
				continue
			}
			if log.Open+log.Overdue+log.Done != len(log.Actions) {
				t.Fatal("action counts do not add up")
			}
			for _, a := range log.Actions {
				_ = a.Line()
			}
		}
		for _, on := range []string{"2018-06-30", "2020-01-15"} {
			if s, err := bd.On(vocab.MustDate(on)); err == nil {
				_ = s.Summary()
			} else if !errors.Is(err, vocab.ErrNotFound) {
				t.Fatalf("On: %v", err)
			}
		}
	})
}
