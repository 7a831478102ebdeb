package plan_test

import (
	"errors"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// raise returns the Essex baseline scenario raised to £400,000 for the
// next year.
func raise() *funding.Scenario {
	s := funding.EssexScenario()
	s.Name = "A budget of £400,000"
	s.Year = 0
	s.Changes = []funding.Change{{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")}}
	return s
}

// icb returns a 2023/24 scenario that merges the CCG lines into the
// integrated care boards and adds 3%.
func icb() *funding.Scenario {
	s := funding.EssexScenario()
	s.Name = "ICBs from 2023"
	s.Year = 2023
	s.Changes = []funding.Change{{Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2021-06-26"))}, {Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2022-07-01"))}, {Kind: funding.Uplift, Percent: funding.MustNumber("3")}}
	return s
}

func TestDraftNextYear(t *testing.T) {
	s := raise()
	d, err := plan.Draft(masa.Essex(), s, vocab.MustDate("2021-02-01"))
	require.NoError(t, err)
	assertGolden(t, "essex-draft-2021-22.txt", []byte(plainText(d)))
	assert.Zero(t, s.Year, "Draft does not change the caller's scenario")

	assert.True(t, d.Meta.Draft)
	assert.Equal(t, vocab.MustDate("2021-02-01"), d.Meta.Date)
	assert.Equal(t, "Multi-Agency Safeguarding Arrangements 2021-22", d.Cover.Title)
	assert.Equal(t, "Draft prepared 1 February 2021", d.Cover.Status)
	assert.Equal(t, "Draft prepared 1 February 2021; not yet published", d.Contact.Edition)
	tb := table(t, d, "funding-contributions")
	assert.Equal(t, []string{"Contributing partner", "2020/21", "2021/22 (draft)"}, []string{tb.Columns[0].Header, tb.Columns[1].Header, tb.Columns[2].Header})
	assert.Equal(t, []string{"Total", "£389,095", "£400,000"}, tb.Total)
	assert.Equal(t, []string{"Essex County Council", "£240,205", "£247,198"}, tb.Rows[0])
	assert.Equal(t, []string{"City, District and Borough Councils (12 at £1,210 each)", "£14,520", "£14,520"}, tb.Rows[4], "a flat-rate group keeps its rate")
}

func TestDraftAfterTheICBSuccession(t *testing.T) {
	d, err := plan.Draft(masa.Essex(), icb(), vocab.MustDate("2023-02-01"))
	require.NoError(t, err)
	assertGolden(t, "essex-draft-2023-24.txt", []byte(plainText(d)))
	text := plainText(d)
	assert.Contains(t, text, "On 1 April 2023 the rules in force are those of Working Together to Safeguard Children 2018, with integrated care boards.")
	partners := table(t, d, "statutory-partners")
	assert.Equal(t, "NHS Mid and South Essex Integrated Care Board", partners.Rows[2][0])
	for _, row := range table(t, d, "funding-contributions").Rows {
		assert.NotContains(t, row[0], " CCG", "the CCG lines are merged into the ICBs")
	}
	assert.Equal(t, "£400,768", table(t, d, "funding-contributions").Total[2])
	assert.NotContains(t, text, "of the seven", "the published count of health bodies no longer applies")
	assert.Equal(t, "Three integrated care boards", table(t, d, "lead-areas").Rows[0][1])
}

func TestDraftProblems(t *testing.T) {
	_, err := plan.Draft(nil, nil, vocab.Date{})
	require.Error(t, err)
	assert.Equal(t, []string{"", "scenario", "prepared"}, vocab.AsProblems(err).Fields())

	noTable := masa.Essex()
	noTable.Funding = nil
	_, err = plan.Draft(noTable, raise(), vocab.MustDate("2021-02-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)

	other := raise()
	other.Baseline.Lines[2].Amount = funding.MustNumber("15634")
	_, err = plan.Draft(masa.Essex(), other, vocab.MustDate("2021-02-01"))
	require.ErrorIs(t, err, vocab.ErrConflict)
	assert.Equal(t, "baseline.lines[2]", vocab.AsProblems(err)[0].Field)

	riverside, err := masa.Load("../masa/testdata/riverside.json")
	require.NoError(t, err)
	_, err = plan.Draft(riverside, raise(), vocab.MustDate("2021-02-01"))
	assert.ErrorIs(t, err, vocab.ErrConflict, "an Essex scenario cannot draft Riverside's plan")

	bad := raise()
	bad.Changes = []funding.Change{{Kind: funding.SetTotal, Amount: funding.MustNumber("-1")}}
	_, err = plan.Draft(masa.Essex(), bad, vocab.MustDate("2021-02-01"))
	assert.ErrorIs(t, err, vocab.ErrInvalid, "the scenario's own problems are reported")
}

func TestDraftOfOtherPartnership(t *testing.T) {
	p, err := masa.Load("../masa/testdata/riverside.json")
	require.NoError(t, err)
	base, err := funding.BaselineOf(p)
	require.NoError(t, err)
	s := &funding.Scenario{Name: "2.5% uplift", Rounding: funding.Rounding{Unit: funding.Pence, Policy: funding.LargestRemainder}, Baseline: base,
		Changes: []funding.Change{{Kind: funding.Uplift, Percent: funding.MustNumber("2.5")}}}
	d, err := plan.Draft(p, s, vocab.MustDate("2025-01-15"))
	require.NoError(t, err)
	tb := table(t, d, "funding-contributions")
	assert.Equal(t, "2025/26 (draft)", tb.Columns[2].Header)
	assert.Equal(t, []string{"Total", "£200,000.50", "£205,000.51"}, tb.Total)
	assert.Len(t, tb.Rows, 3)
}

func FuzzDraft(f *testing.F) {
	for _, s := range []*funding.Scenario{raise(), icb(), funding.EssexScenario()} {
		data, err := funding.EncodeScenario(s)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{"name":"x","baseline":{"year":"2020/21","lines":[]},"changes":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := funding.ParseScenario(data)
		if err != nil {
			return
		}
		d, err := plan.Draft(masa.Essex(), s, vocab.MustDate("2021-02-01"))
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("Draft error does not match vocab.ErrInvalid: %v", err)
			}
			return
		}
		if !d.Meta.Draft || len(d.Sections) != 11 {
			t.Fatal("not a complete draft")
		}
		_ = plainText(d)
	})
}
