package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/masa-go/masa/internal/consistency"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSameAnswersAsTheLibrary asks the program the questions of package
// consistency (the day before and the day of each recorded succession,
// with and without -as-published) and checks that it answers as the
// library does. The program names organisations, so the library's IDs are
// turned into names first; it does not report the escalation overseer.
func TestSameAnswersAsTheLibrary(t *testing.T) {
	p := masa.Essex()
	names := map[vocab.ID]string{}
	for _, o := range p.Organisations {
		names[o.ID] = o.Name
	}
	for _, q := range consistency.Questions(p) {
		t.Run(q.String(), func(t *testing.T) {
			want, err := consistency.Library(p, q)
			require.NoError(t, err)
			want.Overseer = nil
			for id, h := range want.Holders {
				var orgs []vocab.ID
				for _, o := range h.Orgs {
					orgs = append(orgs, vocab.ID(names[o]))
				}
				h.Orgs = orgs
				want.Holders[id] = h
			}

			args := []string{"-json", "-on", q.On.String()}
			if q.AsPublished {
				args = append(args, "-as-published")
			}
			var out, errOut bytes.Buffer
			code := run(args, &out, &errOut)
			require.Contains(t, []int{0, 1}, code, errOut.String())
			var r report
			require.NoError(t, json.Unmarshal(out.Bytes(), &r))
			assert.Equal(t, code == 1, len(r.Problems) > 0, "exit status 1 exactly when there are problems")

			var got consistency.Answer
			got.Basis(r.Basis)
			got.RuleSet = r.RuleSet.ID
			got.Holders = map[vocab.ID]consistency.Holder{}
			for _, l := range r.LeadAreas {
				var orgs []vocab.ID
				for _, o := range l.Orgs {
					orgs = append(orgs, vocab.ID(o))
				}
				got.Holders[l.ID] = consistency.Holder{Role: l.Role, Title: l.Title, Orgs: orgs, Period: l.Period}
			}
			got.Problems = consistency.Problems(r.Problems)
			assert.Equal(t, want, got)
		})
	}
}
