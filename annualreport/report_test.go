package annualreport_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/internal/testcheck"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), got)
}

func sampleInput(t testing.TB) *annualreport.Input {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "input-2020-21.json"))
	require.NoError(t, err)
	in, err := annualreport.Parse(data)
	require.NoError(t, err)
	return in
}

func TestAssembleSample(t *testing.T) {
	r, err := annualreport.Assemble(masa.Essex(), sampleInput(t))
	require.NoError(t, err)
	assert.Equal(t, annualreport.StatusDraft, r.Status)
	assert.True(t, r.Complete(), "missing: %+v", r.Missing)
	var ids []annualreport.SectionID
	for _, s := range r.Sections {
		ids = append(ids, s.ID)
	}
	assert.Equal(t, []annualreport.SectionID{"arrangements", "practice-reviews", "effectiveness", "impact", "little-progress",
		"review-actions", "voice", "funding", "training", "scrutiny"}, ids)

	f, ok := r.Section(annualreport.SectionFunding)
	require.True(t, ok)
	require.Len(t, f.Tables, 1)
	assert.Equal(t, []string{"Total", "£389,095"}, f.Tables[0].Footer)
	assert.Contains(t, f.Tables[0].Rows, []string{"City, District and Borough Councils (12 × £1,210)", "£14,520"})

	sc, _ := r.Section(annualreport.SectionScrutiny)
	assert.Contains(t, sc.Summary, "Executive Director of Children's Services")
	lp, _ := r.Section(annualreport.SectionLittleProgress)
	require.Len(t, lp.Items, 1)
	assert.Equal(t, "Transition to adult services", lp.Items[0].Label)
	_, ok = r.Section("nope")
	assert.False(t, ok)

	got, err := vocab.EncodeJSON(r)
	require.NoError(t, err)
	assertGolden(t, "report-2020-21.golden.json", got)
}

// parts maps each input part to the section that goes missing without it.
var parts = []struct {
	section annualreport.SectionID
	clear   func(*annualreport.Input)
}{
	{annualreport.SectionArrangements, func(in *annualreport.Input) { in.Activities = nil }},
	{annualreport.SectionReviews, func(in *annualreport.Input) { in.Reviews = nil }},
	{annualreport.SectionEffectiveness, func(in *annualreport.Input) { in.Effectiveness = nil }},
	{annualreport.SectionLittleProgress, func(in *annualreport.Input) { in.Priorities = nil }},
	{annualreport.SectionReviewActions, func(in *annualreport.Input) { in.ReviewActions = nil }},
	{annualreport.SectionVoice, func(in *annualreport.Input) { in.Feedback = nil }},
	{annualreport.SectionTraining, func(in *annualreport.Input) { in.Training = nil }},
	{annualreport.SectionScrutiny, func(in *annualreport.Input) { in.Scrutiny = nil }},
}

func missingIDs(r *annualreport.Report) []annualreport.SectionID {
	var out []annualreport.SectionID
	for _, m := range r.Missing {
		out = append(out, m.Section)
	}
	return out
}

func TestMissingParts(t *testing.T) {
	for _, part := range parts {
		t.Run(string(part.section), func(t *testing.T) {
			in := sampleInput(t)
			part.clear(in)
			r, err := annualreport.Assemble(masa.Essex(), in)
			require.NoError(t, err, "a missing part is not an error")
			s, _ := r.Section(part.section)
			assert.True(t, s.Missing)
			assert.NotEmpty(t, s.Reason)
			if s.Required {
				assert.Equal(t, []annualreport.SectionID{part.section}, missingIDs(r))
			} else {
				assert.Empty(t, r.Missing, "optional parts are flagged in their section only")
			}
		})
	}

	t.Run("impact needs entries or evaluated training", func(t *testing.T) {
		in := sampleInput(t)
		in.Impact = nil
		r, err := annualreport.Assemble(masa.Essex(), in)
		require.NoError(t, err)
		assert.Empty(t, r.Missing, "evaluated training is evidence of impact")
		in.Training = nil
		r, err = annualreport.Assemble(masa.Essex(), in)
		require.NoError(t, err)
		assert.Equal(t, []annualreport.SectionID{annualreport.SectionImpact}, missingIDs(r))
	})

	t.Run("empty lists say there were none", func(t *testing.T) {
		in := sampleInput(t)
		in.Reviews, in.Priorities, in.ReviewActions = []annualreport.PracticeReview{}, []annualreport.Priority{}, []annualreport.ReviewAction{}
		r, err := annualreport.Assemble(masa.Essex(), in)
		require.NoError(t, err)
		assert.Empty(t, r.Missing)
		s, _ := r.Section(annualreport.SectionReviews)
		assert.Contains(t, s.Summary, "no rapid reviews, no child safeguarding practice reviews and no other learning reviews")
	})

	t.Run("funding", func(t *testing.T) {
		p := masa.Essex()
		p.Funding = nil
		r, err := annualreport.Assemble(p, sampleInput(t))
		require.NoError(t, err)
		assert.Equal(t, []annualreport.SectionID{annualreport.SectionFunding}, missingIDs(r))

		p = masa.Essex()
		p.Funding.Year = 2019
		r, err = annualreport.Assemble(p, sampleInput(t))
		require.NoError(t, err)
		assert.Equal(t, "the partnership model's funding table is for 2019/20, not 2020/21", r.Missing[0].Reason)
	})
}

// Whatever subset of parts is left out, exactly the required ones among
// them are listed as missing, in report order, and marking the report
// ready fails exactly when one is.
func TestMissingProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 14))
	base := sampleInput(t)
	for c := 0; c < 200; c++ {
		in := *base
		var want []annualreport.SectionID
		for _, part := range parts {
			if r.IntN(2) == 0 {
				part.clear(&in)
				if part.section != annualreport.SectionTraining && part.section != annualreport.SectionScrutiny {
					want = append(want, part.section)
				}
			}
		}
		if in.Training == nil && in.Impact == nil {
			want = append(want, annualreport.SectionImpact)
		}
		rep, err := annualreport.Assemble(masa.Essex(), &in)
		require.NoError(t, err)
		got := missingIDs(rep)
		slices.Sort(got)
		slices.Sort(want)
		require.Equal(t, want, got, "case %d", c)
		err = rep.MarkReady(vocab.MustDate("2021-09-30"))
		require.Equal(t, len(want) == 0, err == nil, "case %d: %v", c, err)
	}
}

func TestMarkReady(t *testing.T) {
	tests := []struct {
		name   string
		change func(*annualreport.Input)
		on     string
		want   map[string]string
	}{
		{"complete and reviewed", nil, "2021-07-14", nil},
		{"before the review", nil, "2021-07-13", map[string]string{"reportReview": "publication-gate"}},
		{"no review recorded", func(in *annualreport.Input) { in.ReportReviews = nil }, "2021-09-30", map[string]string{"reportReview": "publication-gate"}},
		{"within the year", nil, "2021-03-31", map[string]string{"readyOn": "after-year", "reportReview": "publication-gate"}},
		{"a part missing", func(in *annualreport.Input) { in.Feedback = nil }, "2021-09-30", map[string]string{"sections.voice": "missing-part"}},
		{"everything wrong", func(in *annualreport.Input) { in.Feedback, in.Priorities, in.ReportReviews = nil, nil, nil }, "2021-09-30",
			map[string]string{"sections.voice": "missing-part", "sections.little-progress": "missing-part", "reportReview": "publication-gate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sampleInput(t)
			if tt.change != nil {
				tt.change(in)
			}
			r, err := annualreport.Assemble(masa.Essex(), in)
			require.NoError(t, err)
			err = r.MarkReady(vocab.MustDate(tt.on))
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, annualreport.StatusReady, r.Status)
				assert.Equal(t, vocab.MustDate(tt.on), r.ReadyOn)
				return
			}
			assert.Equal(t, tt.want, testcheck.Problems(t, err))
			assert.ErrorIs(t, err, vocab.ErrConflict)
			assert.Equal(t, annualreport.StatusDraft, r.Status, "still a draft")
			assert.True(t, r.ReadyOn.IsZero())
		})
	}
	r, err := annualreport.Assemble(masa.Essex(), sampleInput(t))
	require.NoError(t, err)
	assert.Equal(t, "required", testcheck.Problems(t, r.MarkReady(vocab.Date{}))["readyOn"])
}

func TestAssembleErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*annualreport.Input)
		field  string
		rule   string
	}{
		{"no year", func(in *annualreport.Input) { in.Year = 0 }, "year", "required"},
		{"activity date outside the year", func(in *annualreport.Input) { in.Activities[0].Date = vocab.MustDate("2021-04-01") }, "activities[0].date", "in-year"},
		{"empty activity title", func(in *annualreport.Input) { in.Activities[1].Title = "" }, "activities[1].title", "required"},
		{"unknown review kind", func(in *annualreport.Input) { in.Reviews[0].Kind = "serious-case-review" }, "reviews[0].kind", "review-kind"},
		{"unknown review status", func(in *annualreport.Input) { in.Reviews[1].Status = "abandoned" }, "reviews[1].status", "review-status"},
		{"review date outside the year", func(in *annualreport.Input) { in.Reviews[2].Date = vocab.MustDate("2020-03-01") }, "reviews[2].date", "in-year"},
		{"duplicate review", func(in *annualreport.Input) { in.Reviews[1].Ref = in.Reviews[0].Ref }, "reviews[1].ref", "unique"},
		{"unknown progress", func(in *annualreport.Input) { in.Priorities[0].Progress = "stellar" }, "priorities[0].progress", "progress"},
		{"little progress without a reason", func(in *annualreport.Input) { in.Priorities[2].Note = "" }, "priorities[2].note", "required"},
		{"unknown scope", func(in *annualreport.Input) { in.ReviewActions[0].Scope = "global" }, "reviewActions[0].scope", "scope"},
		{"unknown action status", func(in *annualreport.Input) { in.ReviewActions[1].Status = "maybe" }, "reviewActions[1].status", "action-status"},
		{"unknown voice", func(in *annualreport.Input) { in.Feedback[0].Voice = "gossip" }, "feedback[0].voice", "declared"},
		{"empty feedback use", func(in *annualreport.Input) { in.Feedback[1].Used = "" }, "feedback[1].used", "required"},
		{"training: unknown source", func(in *annualreport.Input) { in.Training.Findings[0].Source = "rumour" }, "training.findings[0].source", "declared"},
		{"training: quarter outside 1-4", func(in *annualreport.Input) { in.Training.Delivery[0].Quarter = 5 }, "training.delivery[0].quarter", "quarter"},
		{"training: another year", func(in *annualreport.Input) { in.Training.Year = 2021 }, "training.year", "same-year"},
		{"scrutiny: unknown aim", func(in *annualreport.Input) { in.Scrutiny.Activities[0].Aims[0] = "world-peace" }, "scrutiny.activities[0].aims[0]", "declared"},
		{"scrutiny: quarter outside 1-4", func(in *annualreport.Input) { in.Scrutiny.Activities[1].Quarter = 0 }, "scrutiny.activities[1].quarter", "quarter"},
		{"scrutiny: another year", func(in *annualreport.Input) { in.Scrutiny.Year = 2019 }, "scrutiny.year", "same-year"},
		{"report review during the year", func(in *annualreport.Input) { in.ReportReviews[0].Date = vocab.MustDate("2021-03-01") }, "reportReviews[0].date", "after-report-year"},
		{"review of another report", func(in *annualreport.Input) { in.ReportReviews[0].ReportYear = 2019 }, "reportReviews[0].reportYear", "same-report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sampleInput(t)
			tt.change(in)
			_, err := annualreport.Assemble(masa.Essex(), in)
			assert.Equal(t, tt.rule, testcheck.Problems(t, err)[tt.field], "%v", err)
		})
	}
	_, err := annualreport.Assemble(nil, sampleInput(t))
	assert.Error(t, err)
	_, err = annualreport.Assemble(masa.Essex(), nil)
	assert.Error(t, err)

	p := masa.Essex()
	p.Voice = nil
	_, err = annualreport.Assemble(p, sampleInput(t))
	assert.Equal(t, "declared", testcheck.Problems(t, err)["feedback[0].voice"])
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct{ name, doc, field, rule string }{
		{"unknown field", `{"year":"2020/21","priorities":[{"name":"x","colour":"red"}]}`, "priorities[0].colour", "unknown-field"},
		{"nested training field", `{"year":"2020/21","training":{"year":"2020/21","findings":[{"severity":"high"}]}}`, "training.findings[0].severity", "type"},
		{"nested scrutiny field", `{"year":"2020/21","scrutiny":{"activities":[{"quarter":1.5}]}}`, "scrutiny.activities[0].quarter", "type"},
		{"bad date", `{"year":"2020/21","reviews":[{"date":"31/03/2021"}]}`, "reviews[0].date", "date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := annualreport.Parse([]byte(tt.doc))
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field, "%v", err)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
}

func TestGateInReport(t *testing.T) {
	in := sampleInput(t)
	in.ReportReviews = append(in.ReportReviews, scrutiny.Review{ReportYear: 2020, Date: vocab.MustDate("2021-06-01"), Outcome: "First look"})
	r, err := annualreport.Assemble(masa.Essex(), in)
	require.NoError(t, err)
	require.Len(t, r.Gate.Reviews, 2)
	assert.Equal(t, vocab.MustDate("2021-06-01"), r.Gate.Reviews[0].Date, "reviews are kept by date")
	assert.NoError(t, r.MarkReady(vocab.MustDate("2021-06-01")))
}
