package annualreport_test

import (
	"strings"
	"testing"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func headings(d *document.Document) []string {
	var out []string
	for s := range d.Parts() {
		out = append(out, s.Heading())
	}
	return out
}

func TestPublishDraftFlagsMissingParts(t *testing.T) {
	in := sampleInput(t)
	in.Effectiveness, in.Training = nil, nil
	r, err := annualreport.Assemble(masa.Essex(), in)
	require.NoError(t, err)
	d := annualreport.Publish(r, vocab.MustDate("2021-06-30"))
	require.NoError(t, d.Check())
	assert.True(t, d.Meta.Draft)
	assert.Equal(t, "DRAFT: ONE PART MISSING", d.Meta.Watermark)
	assert.Equal(t, "Draft prepared 30 June 2021", d.Cover.Status)
	// The supporting training part has nothing to say and is left out; the
	// required effectiveness part stays, flagged.
	hs := headings(d)
	assert.NotContains(t, hs, "Multi-agency training")
	assert.Contains(t, hs, "4. How effective the arrangements were")
	about := d.Sections[0]
	note, ok := about.Blocks[1].(*document.Note)
	require.True(t, ok)
	assert.Equal(t, document.NoteWarning, note.Kind)
	assert.Equal(t, "This draft lacks one required part: How effective the arrangements were.", note.Text())
	assert.Equal(t, "effectiveness", note.Spans[1].Ref)
}

func TestPublishReadyHasNoWatermark(t *testing.T) {
	r, err := annualreport.Assemble(masa.Essex(), sampleInput(t))
	require.NoError(t, err)
	require.NoError(t, r.MarkReady(vocab.MustDate("2021-07-20")))
	d := annualreport.Publish(r, vocab.MustDate("2021-06-30"))
	require.NoError(t, d.Check())
	assert.False(t, d.Meta.Draft)
	assert.Empty(t, d.Meta.Watermark)
	assert.Equal(t, vocab.MustDate("2021-07-20"), d.Meta.Date, "a ready report is dated the day it was marked ready")
	assert.Len(t, d.Sections[0].Blocks, 1, "no missing-parts note")
	for s := range d.Parts() {
		for _, b := range s.Blocks {
			if n, ok := b.(*document.Note); ok {
				assert.NotEqual(t, document.NoteWarning, n.Kind, "%s: %s", s.ID, n.Text())
			}
		}
	}
}

func TestPublishFundingHasTableAndChart(t *testing.T) {
	r, err := annualreport.Assemble(masa.Essex(), sampleInput(t))
	require.NoError(t, err)
	d := annualreport.Publish(r, vocab.MustDate("2021-06-30"))
	var table *document.Table
	var chart *document.BarChart
	for s := range d.Parts() {
		if s.ID != string(annualreport.SectionFunding) {
			continue
		}
		for _, b := range s.Blocks {
			switch v := b.(type) {
			case *document.Table:
				table = v
			case *document.BarChart:
				chart = v
			}
		}
	}
	require.NotNil(t, table)
	require.NotNil(t, chart)
	assert.Equal(t, document.AlignRight, table.Columns[1].Align, "amounts align right")
	assert.Equal(t, []string{"Total", "£389,095"}, table.Total)
	require.Len(t, chart.Bars, len(table.Rows))
	sum := chart.Bars[0].Value
	for _, b := range chart.Bars[1:] {
		sum = sum.Add(b.Value)
	}
	assert.Equal(t, "389095", sum.String(), "the bars add up to the total")
}

func TestPracticeReviewsFromCases(t *testing.T) {
	c, err := reviews.LoadCase("../reviews/testdata/lifecycle-case.json")
	require.NoError(t, err)
	in := sampleInput(t)
	in.Reviews = nil
	in.Cases = []reviews.Case{*c}
	r, err := annualreport.Assemble(masa.Essex(), in)
	require.NoError(t, err)
	s, ok := r.Section(annualreport.SectionReviews)
	require.True(t, ok)
	assert.False(t, s.Missing)
	require.Len(t, s.Items, 1)
	assert.Equal(t, c.Ref, s.Items[0].Label)
	// Steps after 31 March 2021 belong to the next year's report.
	assert.Contains(t, s.Items[0].Text, "Complete the rapid review and send it to the Panel (20 November 2020)")
	assert.NotContains(t, s.Items[0].Text, "2021-07")
	assert.NotContains(t, s.Items[0].Text, "July 2021")
	assert.True(t, strings.HasSuffix(s.Summary, "From the case records for 2020/21: one rapid review, one child safeguarding practice review commissioned and no reviews published."), s.Summary)
}

func TestCaseProblemsAreNamedAtTheirPath(t *testing.T) {
	c, err := reviews.LoadCase("../reviews/testdata/lifecycle-case.json")
	require.NoError(t, err)
	c.Events[0].Step = "no-such-step"
	in := sampleInput(t)
	in.Cases = []reviews.Case{*c}
	_, err = annualreport.Assemble(masa.Essex(), in)
	require.Error(t, err)
	ps := vocab.AsProblems(err)
	require.NotEmpty(t, ps)
	assert.True(t, strings.HasPrefix(ps[0].Field, "cases[0]."), ps[0].Field)
}
