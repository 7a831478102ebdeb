package scrutiny_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/internal/testcheck"

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

func samplePlan(t testing.TB) *scrutiny.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "plan-2020-21.json"))
	require.NoError(t, err)
	pl, err := scrutiny.ParsePlan(data)
	require.NoError(t, err)
	return pl
}

func TestEssexArrangements(t *testing.T) {
	p := masa.Essex()
	a, err := scrutiny.ArrangementsOf(p)
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("independent-scrutiny"), a.LeadArea)
	assert.Equal(t, scrutiny.Functions(), a.Functions.IDs(), "Essex lists every standard function")
	assert.Equal(t, scrutiny.Aims(), a.Aims.IDs())
	assert.Equal(t, scrutiny.Voices(), a.Voices().IDs())
	assert.Equal(t, masa.Labels(p.Scrutiny.Functions), labelsOf(a.Functions), "labels are the file's wording")
	assert.Equal(t, masa.Labels(p.Scrutiny.Aims), labelsOf(a.Aims))
	assert.Equal(t, append(masa.Labels(p.Voice.Mechanisms), masa.Labels(p.Voice.DataSources)...), labelsOf(a.Voices()))
	assert.Equal(t, scrutiny.KindMechanism, a.Kind(scrutiny.VoicePanels))
	assert.Equal(t, scrutiny.KindDataSource, a.Kind(scrutiny.VoiceCommissioning))
	assert.Equal(t, scrutiny.VoiceKind(""), a.Kind("gossip"))
	assert.Len(t, scrutiny.Functions(), 6)
	assert.Len(t, scrutiny.Aims(), 5)
}

func TestLeadFollowsRotation(t *testing.T) {
	p := masa.Essex()
	h, err := scrutiny.Lead(p, vocab.MustDate("2020-06-29"))
	require.NoError(t, err)
	assert.Equal(t, "Executive Director of Children's Services", h.Title)
	assert.Equal(t, []vocab.ID{"essex-county-council"}, h.Orgs)

	// Rotate the area annually from 1 April 2021: police, then health.
	la, ok := p.LeadArea("independent-scrutiny")
	require.True(t, ok)
	la.Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: []vocab.Role{vocab.Police, vocab.Health}, Start: vocab.MustDate("2021-04-01")}
	h, err = scrutiny.Lead(p, vocab.MustDate("2021-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "Assistant Chief Constable", h.Title)
	h, err = scrutiny.Lead(p, vocab.MustDate("2020-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "Executive Director of Children's Services", h.Title, "before the rotation starts")

	p.Scrutiny.LeadArea = "nobody"
	_, err = scrutiny.Lead(p, vocab.MustDate("2020-06-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

func TestBuildSample(t *testing.T) {
	s, err := scrutiny.Build(masa.Essex(), samplePlan(t))
	require.NoError(t, err)
	assert.Equal(t, "Executive Director of Children's Services", s.Overseer.Title)
	var order []string
	for _, a := range s.Activities {
		order = append(order, a.Quarter.String()+" "+string(a.ID)+" / "+a.Lead.Name)
	}
	assert.Equal(t, []string{
		"Q1 what-we-know / Executive Board",
		"Q2 young-people-challenge / Executive Director of Children's Services",
		"Q2 parents-conference-survey / Children's Social Care",
		"Q2 yearly-report-review / Executive Director of Children's Services",
		"Q3 neglect-case-audit / Performance, Audit and Quality Assurance sub-committee",
		"Q3 stay-safe-peer-review / Mid Stay Safe Group",
		"Q4 eastern-peer-review / Clinical Commissioning Group lead",
	}, order)
	assert.Equal(t, vocab.ID("independent-scrutiny"), s.Activities[1].Lead.Ref, "no lead given: the scrutiny lead area")
	assert.Len(t, s.Quarter(2), 3)

	c := s.Coverage
	assert.Empty(t, c.Uncovered)
	assert.NoError(t, c.Check())
	assert.Equal(t, []scrutiny.Function{scrutiny.FunctionInspections}, c.Unused)
	// Peer reviews serve leadership once and challenge twice.
	assert.Equal(t, []int{0, 1, 0, 0, 2}, c.Cells[5])
	for _, a := range scrutiny.Aims() {
		assert.True(t, c.Served(a), a)
	}
	assert.False(t, c.Served("nonsense"))

	assert.Equal(t, []scrutiny.Voice{scrutiny.VoiceCommissioning}, s.Undrawn)
	assert.Equal(t, []vocab.ID{"neglect-case-audit"}, s.Voice[0].Activities)

	g := s.Gate(2019)
	assert.NoError(t, g.CanPublish(vocab.MustDate("2020-09-15")))
	assert.ErrorIs(t, g.CanPublish(vocab.MustDate("2020-09-14")), vocab.ErrConflict)
	assert.ErrorIs(t, s.Gate(2020).CanPublish(vocab.MustDate("2021-09-01")), vocab.ErrConflict)
}

func TestUncoveredAim(t *testing.T) {
	pl := samplePlan(t)
	pl.Activities[2].Aims = []scrutiny.Aim{scrutiny.AimEffectiveness} // the only activity serving "reports"
	s, err := scrutiny.Build(masa.Essex(), pl)
	require.NoError(t, err)
	assert.Equal(t, []scrutiny.Aim{scrutiny.AimReports}, s.Coverage.Uncovered)
	assert.False(t, s.Coverage.Served(scrutiny.AimReports))
	got := testcheck.Problems(t, s.Coverage.Check())
	assert.Equal(t, map[string]string{"aims[2]": "aim-served"}, got)
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*scrutiny.Plan)
		field  string
		rule   string
	}{
		{"unknown aim", func(pl *scrutiny.Plan) { pl.Activities[0].Aims[1] = "world-peace" }, "activities[0].aims[1]", "declared"},
		{"no aims", func(pl *scrutiny.Plan) { pl.Activities[0].Aims = nil }, "activities[0].aims", "required"},
		{"aim twice", func(pl *scrutiny.Plan) { pl.Activities[0].Aims[1] = scrutiny.AimEffectiveness }, "activities[0].aims[1]", "unique"},
		{"quarter 0", func(pl *scrutiny.Plan) { pl.Activities[3].Quarter = 0 }, "activities[3].quarter", "quarter"},
		{"quarter 5", func(pl *scrutiny.Plan) { pl.Activities[3].Quarter = 5 }, "activities[3].quarter", "quarter"},
		{"unknown function", func(pl *scrutiny.Plan) { pl.Activities[1].Function = "horoscopes" }, "activities[1].function", "declared"},
		{"unknown lead", func(pl *scrutiny.Plan) { pl.Activities[1].Lead = "ministry-of-magic" }, "activities[1].lead", "exists"},
		{"malformed lead", func(pl *scrutiny.Plan) { pl.Activities[1].Lead = "Bad Lead" }, "activities[1].lead", "id"},
		{"unknown voice", func(pl *scrutiny.Plan) { pl.Activities[0].Voice[0] = "gossip" }, "activities[0].voice[0]", "declared"},
		{"voice twice", func(pl *scrutiny.Plan) { pl.Activities[0].Voice[1] = pl.Activities[0].Voice[0] }, "activities[0].voice[1]", "unique"},
		{"bad ID", func(pl *scrutiny.Plan) { pl.Activities[0].ID = "Young_People" }, "activities[0].id", "id"},
		{"duplicate ID", func(pl *scrutiny.Plan) { pl.Activities[1].ID = pl.Activities[0].ID }, "activities[1].id", "unique"},
		{"empty title", func(pl *scrutiny.Plan) { pl.Activities[0].Title = "" }, "activities[0].title", "required"},
		{"no year", func(pl *scrutiny.Plan) { pl.Year = 0 }, "year", "required"},
		{"review date outside the year", func(pl *scrutiny.Plan) { pl.ReportReviews[0].Date = vocab.MustDate("2021-04-02") }, "reportReviews[0].date", "in-year"},
		{"review before the reported year ends", func(pl *scrutiny.Plan) { pl.ReportReviews[0].ReportYear = 2020 }, "reportReviews[0].date", "after-report-year"},
		{"review before its activity's quarter", func(pl *scrutiny.Plan) { pl.ReportReviews[0].Date = vocab.MustDate("2020-06-30") }, "reportReviews[0].date", "after-activity"},
		{"review under an unknown activity", func(pl *scrutiny.Plan) { pl.ReportReviews[0].Activity = "nope" }, "reportReviews[0].activity", "exists"},
		{"review under an activity without the aim", func(pl *scrutiny.Plan) { pl.ReportReviews[0].Activity = "what-we-know" }, "reportReviews[0].activity", "annual-report-aim"},
		{"review without outcome", func(pl *scrutiny.Plan) { pl.ReportReviews[0].Outcome = "" }, "reportReviews[0].outcome", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl := samplePlan(t)
			tt.change(pl)
			_, err := scrutiny.Build(masa.Essex(), pl)
			assert.Equal(t, tt.rule, testcheck.Problems(t, err)[tt.field], "%v", err)
		})
	}
}

func TestPartnershipSubset(t *testing.T) {
	p := masa.Essex()
	p.Scrutiny.Aims = p.Scrutiny.Aims[:3]
	_, err := scrutiny.Build(p, samplePlan(t))
	got := testcheck.Problems(t, err)
	assert.Equal(t, "declared", got["activities[0].aims[1]"], "challenge is not one of this partnership's aims")

	p = masa.Essex()
	p.Scrutiny.Functions = append(p.Scrutiny.Functions, masa.Item{ID: "tea-leaves", Label: "reading tea leaves"})
	_, err = scrutiny.ArrangementsOf(p)
	assert.Equal(t, map[string]string{"scrutiny.functions[6].id": "known-id"}, testcheck.Problems(t, err), "an undeclared own item")
	p.Scrutiny.Functions[6].Own = true
	a, err := scrutiny.ArrangementsOf(p)
	require.NoError(t, err, "declared as the partnership's own")
	assert.Equal(t, "reading tea leaves", a.Functions.Label("tea-leaves"))

	p = masa.Essex()
	p.Voice.Mechanisms = append(p.Voice.Mechanisms, masa.Item{ID: "case-audits", Label: "Audits again"})
	p.Voice.Mechanisms = append(p.Voice.Mechanisms, masa.Item{ID: "youth-forum", Label: "The youth forum", Own: true})
	p.Voice.DataSources = append(p.Voice.DataSources, masa.Item{ID: "youth-forum", Label: "Youth forum minutes", Own: true})
	_, err = scrutiny.VoicesOf(p)
	assert.Equal(t, map[string]string{"voice.mechanisms[3].id": "declared-once", "voice.dataSources[3].id": "declared-once"},
		testcheck.Problems(t, err), "an ID declared twice, in one list or across the two voice lists, which share IDs")
	_, err = scrutiny.VoicesOf(nil)
	assert.Error(t, err)

	p = masa.Essex()
	p.Scrutiny = nil
	vs, err := scrutiny.VoicesOf(p)
	require.NoError(t, err, "voices do not need scrutiny arrangements")
	assert.Equal(t, scrutiny.Voices(), vs.IDs())

	p = masa.Essex()
	p.Voice = nil
	_, err = scrutiny.Build(p, samplePlan(t))
	assert.Equal(t, "declared", testcheck.Problems(t, err)["activities[0].voice[0]"])

	p = masa.Essex()
	p.Scrutiny = nil
	_, err = scrutiny.Build(p, samplePlan(t))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	_, err = scrutiny.Build(nil, samplePlan(t))
	assert.Error(t, err)
	_, err = scrutiny.Build(masa.Essex(), nil)
	assert.Error(t, err)
}

func TestBuildGolden(t *testing.T) {
	s, err := scrutiny.Build(masa.Essex(), samplePlan(t))
	require.NoError(t, err)
	out := struct {
		Schedule *scrutiny.Schedule    `json:"schedule"`
		Gates    []scrutiny.GateStatus `json:"gates"`
	}{s, []scrutiny.GateStatus{
		s.Gate(2019).Status(vocab.MustDate("2020-09-30")),
		s.Gate(2020).Status(vocab.MustDate("2021-09-30")),
	}}
	got, err := vocab.EncodeJSON(out)
	require.NoError(t, err)
	assertGolden(t, "schedule-2020-21.golden.json", got)
}

func TestDecodePlanErrors(t *testing.T) {
	tests := []struct{ name, doc, field, rule string }{
		{"unknown field", `{"year":"2020/21","activities":[{"id":"a","owner":"x"}]}`, "activities[0].owner", "unknown-field"},
		{"quarter as text", `{"year":"2020/21","activities":[{"quarter":"Q1"}]}`, "activities[0].quarter", "type"},
		{"bad review date", `{"year":"2020/21","reportReviews":[{"date":"2020-13-01"}]}`, "reportReviews[0].date", "date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scrutiny.ParsePlan([]byte(tt.doc))
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field, "%v", err)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
}

func labelsOf[T ~string](ts vocab.Terms[T]) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Label
	}
	return out
}
