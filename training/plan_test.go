package training_test

import (
	"testing"

	"github.com/masa-go/masa/internal/testcheck"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sampleAnalysis(t *testing.T) (*training.Input, *training.Analysis) {
	t.Helper()
	in := sampleInput(t)
	a, err := training.Analyse(masa.Essex(), in.Year, in.Findings, training.DefaultScoring())
	require.NoError(t, err)
	return in, a
}

func TestPlanDelivery(t *testing.T) {
	in, a := sampleAnalysis(t)
	pl, err := training.PlanDelivery(masa.Essex(), a, in.Delivery)
	require.NoError(t, err)
	require.Len(t, pl.Items, 5)
	var order []string
	for _, it := range pl.Items {
		order = append(order, it.Quarter.String()+" "+it.Theme)
	}
	assert.Equal(t, []string{
		"Q1 child exploitation", "Q2 neglect",
		"Q3 neglect", "Q3 parental mental health", "Q3 domestic abuse",
	}, order, "by quarter, then rank")
	assert.Equal(t, vocab.Period{From: vocab.MustDate("2020-07-01"), To: vocab.MustDate("2020-09-30")}, pl.Items[1].Period)
	assert.Len(t, pl.Quarter(3), 3)
	assert.Empty(t, pl.Quarter(4))
	assert.Equal(t, []string{"parental mental health", "domestic abuse", "information sharing"}, pl.ThinkFamily)
	assert.Equal(t, []training.Gap{
		{Rank: 2, Theme: "parental mental health", Kind: training.GapThinkFamily, Message: "is a Think Family need, but its delivery reaches only the children's workforce"},
		{Rank: 4, Theme: "information sharing", Kind: training.GapUnplanned, Message: "has no planned delivery"},
		{Rank: 5, Theme: "online harm during lockdown", Kind: training.GapUnplanned, Message: "has no planned delivery"},
	}, pl.Gaps)
}

func TestThinkFamilyReachedByTwoDeliveries(t *testing.T) {
	_, a := sampleAnalysis(t)
	pl, err := training.PlanDelivery(masa.Essex(), a, []training.Delivery{
		{Theme: "parental mental health", Methods: []training.Method{training.MethodConferences}, Audience: vocab.AudienceChildren, Quarter: 2},
		{Theme: "parental mental health", Methods: []training.Method{training.MethodELearning}, Audience: vocab.AudienceAdults, Quarter: 3},
	})
	require.NoError(t, err)
	for _, g := range pl.Gaps {
		assert.NotEqual(t, "parental mental health", g.Theme)
	}
}

func TestPlanDeliveryErrors(t *testing.T) {
	_, a := sampleAnalysis(t)
	good := training.Delivery{Theme: "neglect", Methods: []training.Method{training.MethodELearning}, Audience: vocab.AudienceChildren, Quarter: 1}
	tests := []struct {
		name   string
		change func(*training.Delivery)
		field  string
		rule   string
	}{
		{"quarter 0", func(d *training.Delivery) { d.Quarter = 0 }, "delivery[0].quarter", "quarter"},
		{"quarter 5", func(d *training.Delivery) { d.Quarter = 5 }, "delivery[0].quarter", "quarter"},
		{"unknown need", func(d *training.Delivery) { d.Theme = "knitting" }, "delivery[0].theme", "exists"},
		{"no methods", func(d *training.Delivery) { d.Methods = nil }, "delivery[0].methods", "required"},
		{"unknown method", func(d *training.Delivery) { d.Methods = []training.Method{"webinar"} }, "delivery[0].methods[0]", "declared"},
		{"method twice", func(d *training.Delivery) {
			d.Methods = []training.Method{training.MethodConferences, training.MethodConferences}
		}, "delivery[0].methods[1]", "unique"},
		{"bad audience", func(d *training.Delivery) { d.Audience = "" }, "delivery[0].audience", "audience"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good
			d.Methods = append([]training.Method(nil), good.Methods...)
			tt.change(&d)
			_, err := training.PlanDelivery(masa.Essex(), a, []training.Delivery{d})
			assert.Equal(t, tt.rule, testcheck.Problems(t, err)[tt.field], "%v", err)
		})
	}
	_, err := training.PlanDelivery(masa.Essex(), nil, nil)
	assert.Equal(t, "required", testcheck.Problems(t, err)["analysis"])
}

func TestEvaluate(t *testing.T) {
	in, a := sampleAnalysis(t)
	pl, err := training.PlanDelivery(masa.Essex(), a, in.Delivery)
	require.NoError(t, err)
	im, err := training.Evaluate(masa.Essex(), a, pl, in.Evaluation)
	require.NoError(t, err)
	assert.Equal(t, "annually to the Executive Board", im.ReportTo)
	assert.Equal(t, "ESCB monitoring and evaluation toolkit", im.Toolkit)
	assert.Equal(t, 3, im.Evaluated)
	var unevaluated []string
	for _, g := range im.Unevaluated {
		unevaluated = append(unevaluated, g.Theme+": "+g.Message)
	}
	assert.Equal(t, []string{
		"parental mental health: has no evaluation evidence",
		"information sharing: has no evaluation evidence and no planned delivery",
		"online harm during lockdown: has no evaluation evidence and no planned delivery",
	}, unevaluated)
	assert.Equal(t, []training.EvidenceCount{
		{Type: training.EvidencePractitionerFeedback, Label: "practitioner feedback", Count: 1},
		{Type: training.EvidencePracticeAudits, Label: "practice audits", Count: 1},
	}, im.Needs[0].Evidence)
	assert.Equal(t, []vocab.Quarter{2, 3}, im.Needs[0].Quarters)
	assert.Equal(t, []training.EvidenceType{training.EvidenceLearningAudits}, im.UnusedTypes)
}

func TestEvaluateErrors(t *testing.T) {
	in, a := sampleAnalysis(t)
	pl, err := training.PlanDelivery(masa.Essex(), a, in.Delivery)
	require.NoError(t, err)
	good := training.Evidence{Theme: "neglect", Type: training.EvidenceSupervision, Date: vocab.MustDate("2020-10-01")}
	tests := []struct {
		name   string
		change func(*training.Evidence)
		field  string
		rule   string
		kind   error
	}{
		{"unknown need", func(e *training.Evidence) { e.Theme = "knitting" }, "evaluation[0].theme", "exists", vocab.ErrNotFound},
		{"unplanned need", func(e *training.Evidence) { e.Theme = "information sharing" }, "evaluation[0].theme", "planned", vocab.ErrConflict},
		{"unknown type", func(e *training.Evidence) { e.Type = "vibes" }, "evaluation[0].type", "declared", nil},
		{"outside the year", func(e *training.Evidence) { e.Date = vocab.MustDate("2021-05-01") }, "evaluation[0].date", "in-year", nil},
		{"before delivery", func(e *training.Evidence) { e.Date = vocab.MustDate("2020-06-30") }, "evaluation[0].date", "after-delivery", vocab.ErrConflict},
		{"note with a line break", func(e *training.Evidence) { e.Note = "a\nb" }, "evaluation[0].note", "text", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := good
			tt.change(&e)
			_, err := training.Evaluate(masa.Essex(), a, pl, []training.Evidence{e})
			assert.Equal(t, tt.rule, testcheck.Problems(t, err)[tt.field], "%v", err)
			if tt.kind != nil {
				assert.ErrorIs(t, err, tt.kind)
			}
		})
	}
}

func TestRunReportsPlanAndEvaluationProblemsTogether(t *testing.T) {
	in := sampleInput(t)
	in.Delivery[0].Quarter = 7
	in.Evaluation[2].Type = "vibes"
	_, err := training.Run(masa.Essex(), in)
	got := testcheck.Problems(t, err)
	assert.Equal(t, map[string]string{"delivery[0].quarter": "quarter", "evaluation[2].type": "declared"}, got,
		"evidence for a need whose delivery was rejected is not also blamed")
}

func TestPartnershipArrangements(t *testing.T) {
	in := sampleInput(t)

	p := masa.Essex()
	p.Training = nil
	_, err := training.Run(p, in)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	_, err = training.Run(nil, in)
	assert.Equal(t, "required", testcheck.Problems(t, err)["partnership"])
	_, err = training.Run(masa.Essex(), nil)
	assert.Error(t, err)

	p = masa.Essex()
	p.Training.Sources = p.Training.Sources[1:3] // practice reviews and case audits
	_, err = training.Run(p, in)
	assert.Equal(t, "declared", testcheck.Problems(t, err)["findings[2].source"])

	p = masa.Essex()
	p.Training.Methods = []masa.Item{{ID: "e-learning", Label: "online courses"}, {ID: "webinars", Label: "webinars"}}
	_, err = training.MethodsOf(p)
	assert.Equal(t, "known-id", testcheck.Problems(t, err)["training.methods[1].id"], "an ID neither standard nor declared as its own")

	p.Training.Methods[1].Own = true
	methods, err := training.MethodsOf(p)
	require.NoError(t, err)
	assert.Equal(t, vocab.Terms[training.Method]{{ID: training.MethodELearning, Label: "online courses"}, {ID: "webinars", Label: "webinars"}}, methods)
	_, err = training.Run(p, in)
	assert.Equal(t, "declared", testcheck.Problems(t, err)["delivery[0].methods[1]"], "face-to-face is no longer declared")

	p = masa.Essex()
	p.Training.Evaluation = p.Training.Evaluation[:1]
	_, err = training.Run(p, in)
	assert.Equal(t, "declared", testcheck.Problems(t, err)["evaluation[1].type"])

	p = masa.Essex()
	p.Training.Sources, p.Training.Methods, p.Training.Evaluation = nil, nil, nil
	_, err = training.Run(p, in)
	assert.Equal(t, "declared", testcheck.Problems(t, err)["findings[0].source"], "an empty list declares nothing: nothing falls back to a default")
}

func TestRunGolden(t *testing.T) {
	res, err := training.Run(masa.Essex(), sampleInput(t))
	require.NoError(t, err)
	got, err := vocab.EncodeJSON(res)
	require.NoError(t, err)
	assertGolden(t, "result-2020-21.golden.json", got)
}

func TestFromLearning(t *testing.T) {
	items := []vocab.Learning{
		{Ref: "cspr-2020-01", Source: vocab.SourcePracticeReviews, Theme: "neglect", Date: vocab.MustDate("2020-05-12"), Severity: 5, Audience: vocab.AudienceChildren},
	}
	fs := training.FromLearning(items)
	require.Len(t, fs, 1)
	assert.Equal(t, items[0], fs[0].Learning())
	a, err := training.Analyse(masa.Essex(), 2020, fs, training.DefaultScoring())
	require.NoError(t, err)
	assert.Equal(t, 25, a.Needs[0].Score)
	assert.Equal(t, []vocab.LearningSource{
		vocab.SourceBoardPriorities, vocab.SourceCaseAudits, vocab.SourceInspections, vocab.SourcePriorities,
		vocab.SourceSection11Audits, vocab.SourceTrainingFeedback, vocab.SourceEmergingIssues,
	}, a.Silent)
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, doc, field, rule string
	}{
		{"unknown field", `{"year":"2020/21","findings":[{"ref":"a","colour":"red"}]}`, "findings[0].colour", "unknown-field"},
		{"bad date", `{"year":"2020/21","findings":[{"date":"2020-02-30"}]}`, "findings[0].date", "date"},
		{"bad year", `{"year":"2020/22"}`, "year", "financial-year"},
		{"quarter as text", `{"year":"2020/21","delivery":[{"quarter":"Q2"}]}`, "delivery[0].quarter", "type"},
		{"trailing data", `{"year":"2020/21"} {}`, "", "json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := training.Parse([]byte(tt.doc))
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field, "%v", err)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
	in, err := training.Parse([]byte(`{"year":"2020/21","findings":[]}`))
	require.NoError(t, err)
	_, err = training.Run(masa.Essex(), in)
	require.NoError(t, err, "a year with no findings is not an error")
	in, err = training.Parse([]byte(`{"findings":[]}`))
	require.NoError(t, err)
	_, err = training.Run(masa.Essex(), in)
	assert.Equal(t, "required", testcheck.Problems(t, err)["year"])
}
