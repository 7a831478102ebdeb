package main

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/masa-go/masa/internal/consistency"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSameAnswersAsTheLibrary asks the service the questions of package
// consistency (the day before and the day of each recorded succession,
// both ways) and checks that it answers as the library does.
func TestSameAnswersAsTheLibrary(t *testing.T) {
	h := newTestServer(t)
	p := masa.Essex()
	for _, q := range consistency.Questions(p) {
		t.Run(q.String(), func(t *testing.T) {
			want, err := consistency.Library(p, q)
			require.NoError(t, err)
			query := "?on=" + q.On.String()
			if q.AsPublished {
				query += "&asPublished=true"
			}
			var got consistency.Answer

			var holdings holdingsAnswer
			get(t, h, "GET", "/v1/lead-areas"+query, nil, http.StatusOK, &holdings)
			got.Basis(holdings.Basis)
			got.Holders = map[vocab.ID]consistency.Holder{}
			for _, l := range holdings.LeadAreas {
				got.Holders[l.Area] = consistency.Holder{Role: l.Role, Title: l.Title, Orgs: l.Orgs, Period: l.Period}
			}

			var rs ruleSetAnswer
			get(t, h, "GET", "/v1/ruleset"+query, nil, http.StatusOK, &rs)
			got.RuleSet = rs.RuleSet.ID
			assert.Equal(t, holdings.Basis, rs.Basis)

			rec := call(h, "POST", "/v1/partnership/validate"+query, masa.EssexJSON())
			got.Problems = []string{}
			if rec.Code == http.StatusUnprocessableEntity {
				p := readProblem(t, rec)
				for _, fp := range p.Problems {
					got.Problems = append(got.Problems, fp.Field+" "+fp.Rule)
				}
			} else {
				require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
			}

			var esc escalationAnswer
			get(t, h, "GET", "/v1/reviews/escalation"+query, nil, http.StatusOK, &esc)
			got.Overseer = consistency.Overseer(esc.Levels)
			assert.Equal(t, holdings.Basis, esc.Basis)

			assert.Equal(t, want, got)
		})
	}
}

func get(t *testing.T, h http.Handler, method, target string, body []byte, status int, v any) {
	t.Helper()
	rec := call(h, method, target, body)
	require.Equal(t, status, rec.Code, "%s %s: %s", method, target, rec.Body)
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), v))
}
