package masa_test

import (
	"errors"
	"os"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRuleSetsReadsTheEmbeddedFile(t *testing.T) {
	data, err := os.ReadFile("data/rulesets.json")
	require.NoError(t, err)
	sets, err := masa.ParseRuleSets(data)
	require.NoError(t, err)
	assert.Equal(t, masa.RuleSets(), sets)
}

func TestParseRuleSetsReportsEveryProblem(t *testing.T) {
	data := []byte(`[
	  {"id": "b", "name": "B", "regime": "masa", "from": "2020-01-01", "body": "x", "partnerTerm": "x",
	   "bodies": {"health": ["icb"]}, "reviewName": "x", "citations": [], "rules": []},
	  {"id": "b", "name": "", "regime": "board", "from": "2019-01-01", "body": "x", "partnerTerm": "x",
	   "bodies": {"fire": ["brigade"], "police": []}, "reviewName": "x", "citations": [], "rules": []},
	  {"id": "Not An ID", "name": "C", "regime": "lscb", "body": "x", "partnerTerm": "x",
	   "bodies": {}, "reviewName": "x", "citations": [], "rules": []}
	]`)
	_, err := masa.ParseRuleSets(data)
	got := map[string]string{}
	for _, fe := range vocab.AsProblems(err) {
		got[fe.Field] = fe.Rule
	}
	assert.Equal(t, map[string]string{
		"[1].id": "unique-id", "[1].name": "required", "[1].regime": "regime", "[1].from": "in-order",
		"[1].bodies.fire": "role", "[1].bodies.police": "required",
		"[2].id": "id", "[2].from": "required", "[2].bodies": "required",
	}, got)

	_, err = masa.ParseRuleSets([]byte(`[]`))
	require.Error(t, err)
	_, err = masa.ParseRuleSets([]byte(`[{"id": "a", "colour": "red"}]`))
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "[0].colour", fe.Field)
}

// A new edition of the guidance is a data file: the partnership given it
// answers from it, through every surface that asks for the rule set.
func TestWithRuleSetsSuppliesANewEdition(t *testing.T) {
	sets, err := masa.LoadRuleSets("testdata/rulesets/with-2027.json")
	require.NoError(t, err)
	p, err := masa.Essex().WithRuleSets(sets)
	require.NoError(t, err)
	on := vocab.MustDate("2027-06-01")

	rs, err := masa.RuleSetOn(p, on)
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2027"), rs.ID)

	v, err := p.On(on)
	require.NoError(t, err)
	rs, err = v.RuleSet()
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2027"), rs.ID, "the view keeps the supplied sets")

	rs, err = validate.Partnership(v.Partnership, on)
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2027"), rs.ID, "validation uses the supplied sets")

	rs, err = masa.RuleSetOn(masa.Essex(), on)
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2023"), rs.ID, "other partnerships keep the embedded sets")
	assert.Len(t, p.RuleSets(), len(masa.RuleSets())+1)
}

func TestWithRuleSetsChecksTheSets(t *testing.T) {
	sets := masa.RuleSets()
	sets[1].From = vocab.MustDate("1999-01-01")
	_, err := masa.Essex().WithRuleSets(sets)
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "[1].from", fe.Field)
}

func FuzzParseRuleSets(f *testing.F) {
	f.Add([]byte(`[{"id": "a", "name": "A", "regime": "masa", "from": "2020-01-01", "bodies": {"health": ["icb"]}}]`))
	f.Add([]byte(`[{"id": "a", "name": "A", "regime": "lscb", "from": "2006-04-01", "bodies": {"police": ["police-force"]}},
	  {"id": "b", "name": "B", "regime": "masa", "from": "2018-06-29", "goLiveBy": "2019-09-29", "bodies": {"health": ["ccg"]}}]`))
	f.Add([]byte(`[{"id": "b", "from": "2019-01-01"}, {"id": "b", "from": "2018-01-01"}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sets, err := masa.ParseRuleSets(data)
		if err != nil {
			var fe *vocab.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a FieldError: %v", err)
			}
			return
		}
		p, err := masa.Essex().WithRuleSets(sets)
		if err != nil {
			t.Fatalf("sets that parse are refused: %v", err)
		}
		for _, d := range []string{"1990-01-01", "2019-09-29", "2022-07-01", "2030-01-01"} {
			rs, err := masa.RuleSetOn(p, vocab.MustDate(d))
			if err == nil && !slicesContainsID(sets, rs.ID) {
				t.Fatalf("rule set %s on %s is not one of the sets given", rs.ID, d)
			}
		}
	})
}

func slicesContainsID(sets []masa.RuleSet, id vocab.ID) bool {
	for _, rs := range sets {
		if rs.ID == id {
			return true
		}
	}
	return false
}
