package training_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/internal/testcheck"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), got)
}

func sampleInput(t testing.TB) *training.Input {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "input-2020-21.json"))
	require.NoError(t, err)
	in, err := training.Parse(data)
	require.NoError(t, err)
	return in
}

func TestEssexCatalogue(t *testing.T) {
	p := masa.Essex()
	methods, err := training.MethodsOf(p)
	require.NoError(t, err)
	assert.Equal(t, training.Methods(), methods.IDs(), "Essex lists every standard method")
	assert.Equal(t, masa.Labels(p.Training.Methods), termLabels(methods), "labels are the file's wording")

	types, err := training.EvidenceTypesOf(p)
	require.NoError(t, err)
	assert.Equal(t, training.EvidenceTypes(), types.IDs())
	assert.Equal(t, masa.Labels(p.Training.Evaluation), termLabels(types))

	sources, err := training.SourcesOf(p)
	require.NoError(t, err)
	assert.Equal(t, vocab.LearningSources(), sources.IDs())
	assert.Equal(t, "multi-agency case audits", sources.Label(vocab.SourceCaseAudits))
	assert.Equal(t, "the board's priorities", sources.Label(vocab.SourceBoardPriorities))
}

func termLabels[T ~string](ts vocab.Terms[T]) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Label
	}
	return out
}

func TestAnalyseRanking(t *testing.T) {
	in := sampleInput(t)
	a, err := training.Analyse(masa.Essex(), in.Year, in.Findings, training.DefaultScoring())
	require.NoError(t, err)
	assert.Equal(t, "Joint Learning and Development sub-committee (Children & Adults)", a.SubCommittee)
	want := []struct {
		theme       string
		points      int
		score       int
		audience    vocab.Audience
		thinkFamily bool
	}{
		{"neglect", 73, 219, vocab.AudienceChildren, false},
		{"parental mental health", 96, 192, vocab.AudienceBoth, true},
		{"domestic abuse", 60, 120, vocab.AudienceBoth, true},
		{"information sharing", 48, 48, vocab.AudienceBoth, true}, // ties with online harm; later finding
		{"online harm during lockdown", 48, 48, vocab.AudienceChildren, false},
		{"child exploitation", 30, 30, vocab.AudienceChildren, false},
	}
	require.Len(t, a.Needs, len(want))
	for i, w := range want {
		n := a.Needs[i]
		assert.Equal(t, i+1, n.Rank)
		assert.Equal(t, w.theme, n.Theme)
		assert.Equal(t, w.points, n.Points, w.theme)
		assert.Equal(t, w.score, n.Score, w.theme)
		assert.Equal(t, w.audience, n.Audience, w.theme)
		assert.Equal(t, w.thinkFamily, n.ThinkFamily, w.theme)
	}
	neglect := a.Needs[0]
	assert.Equal(t, []vocab.LearningSource{vocab.SourceBoardPriorities, vocab.SourcePracticeReviews, vocab.SourceCaseAudits}, neglect.Sources)
	assert.Equal(t, []string{"board-plan-2020", "cspr-2020-01", "maca-2020-q2"}, neglect.Refs)
	assert.Equal(t, 5, neglect.MaxSeverity)
	assert.Equal(t, vocab.MustDate("2020-08-20"), neglect.Latest)
	assert.Equal(t, 10, a.Findings)
	assert.Empty(t, a.Silent, "the sample has a finding from each source")
	require.Len(t, a.Sources, 8)
	assert.Equal(t, 2, a.Sources[1].Findings, "two practice review findings")
}

func TestTieBreaks(t *testing.T) {
	d := vocab.MustDate("2020-05-01")
	f := func(ref, theme string, date vocab.Date) training.Finding {
		return training.Finding{Ref: ref, Source: vocab.SourceInspections, Theme: theme, Date: date, Severity: 2, Audience: vocab.AudienceChildren}
	}
	tests := []struct {
		name     string
		findings []training.Finding
		want     []string
	}{
		{"equal score: more findings first", []training.Finding{
			{Ref: "a", Source: vocab.SourceInspections, Theme: "one big", Date: d, Severity: 4, Audience: vocab.AudienceChildren},
			f("b", "two small", d), f("c", "two small", d),
		}, []string{"two small", "one big"}},
		{"equal score and count: later finding first", []training.Finding{
			f("a", "early", d), f("b", "late", d.AddDays(10)),
		}, []string{"late", "early"}},
		{"all equal: theme order", []training.Finding{
			f("a", "zebra", d), f("b", "aardvark", d), f("c", "Mango", d),
		}, []string{"Mango", "aardvark", "zebra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := training.Analyse(masa.Essex(), 2020, tt.findings, training.DefaultScoring())
			require.NoError(t, err)
			var got []string
			for _, n := range a.Needs {
				got = append(got, n.Theme)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, a.Needs[0].Score, a.Needs[len(a.Needs)-1].Score, "the case is a tie on score")
		})
	}
}

func TestAnalyseErrors(t *testing.T) {
	good := training.Finding{Ref: "cspr-1", Source: vocab.SourcePracticeReviews, Theme: "neglect", Date: vocab.MustDate("2020-06-01"), Severity: 3, Audience: vocab.AudienceChildren}
	with := func(change func(*training.Finding)) []training.Finding {
		f := good
		change(&f)
		return []training.Finding{good, f}
	}
	tests := []struct {
		name     string
		findings []training.Finding
		field    string
		rule     string
		kind     error
	}{
		{"unknown source", with(func(f *training.Finding) { f.Source = "gossip" }), "findings[1].source", "declared", nil},
		{"empty source", with(func(f *training.Finding) { f.Source = "" }), "findings[1].source", "declared", nil},
		{"date before the year", with(func(f *training.Finding) { f.Date = vocab.MustDate("2020-03-31") }), "findings[1].date", "in-year", nil},
		{"date after the year", with(func(f *training.Finding) { f.Date = vocab.MustDate("2021-04-01") }), "findings[1].date", "in-year", nil},
		{"no date", with(func(f *training.Finding) { f.Date = vocab.Date{} }), "findings[1].date", "required", nil},
		{"severity 0", with(func(f *training.Finding) { f.Severity = 0 }), "findings[1].severity", "range", nil},
		{"severity 6", with(func(f *training.Finding) { f.Severity = 6 }), "findings[1].severity", "range", nil},
		{"bad audience", with(func(f *training.Finding) { f.Audience = "parents" }), "findings[1].audience", "audience", nil},
		{"empty theme", with(func(f *training.Finding) { f.Theme = "" }), "findings[1].theme", "required", nil},
		{"untrimmed theme", with(func(f *training.Finding) { f.Theme = "neglect " }), "findings[1].theme", "trimmed", nil},
		{"theme spelt two ways", with(func(f *training.Finding) { f.Ref, f.Theme = "cspr-2", "Neglect" }), "findings[1].theme", "theme-spelling", vocab.ErrConflict},
		{"duplicate finding", with(func(*training.Finding) {}), "findings[1].ref", "unique", vocab.ErrConflict},
		{"empty ref", with(func(f *training.Finding) { f.Ref = "" }), "findings[1].ref", "required", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := training.Analyse(masa.Essex(), 2020, tt.findings, training.DefaultScoring())
			got := testcheck.Problems(t, err)
			assert.Equal(t, tt.rule, got[tt.field], "problems: %v", err)
			if tt.kind != nil {
				assert.ErrorIs(t, err, tt.kind)
			}
		})
	}
}

func TestAnalyseReportsEveryProblem(t *testing.T) {
	fs := []training.Finding{
		{Ref: "a", Source: "rumour", Theme: "x", Date: vocab.MustDate("2019-01-01"), Severity: 9, Audience: "all"},
	}
	got := testcheck.Problems(t, func() error {
		_, err := training.Analyse(masa.Essex(), 2020, fs, training.DefaultScoring())
		return err
	}())
	assert.Equal(t, map[string]string{
		"findings[0].source":   "declared",
		"findings[0].date":     "in-year",
		"findings[0].severity": "range",
		"findings[0].audience": "audience",
	}, got)
}

func TestScoringErrors(t *testing.T) {
	tests := []struct {
		name    string
		weights map[vocab.LearningSource]int
		field   string
		rule    string
	}{
		{"zero weight", map[vocab.LearningSource]int{vocab.SourceInspections: 0}, "weights.inspections", "range"},
		{"too heavy", map[vocab.LearningSource]int{vocab.SourceInspections: 11}, "weights.inspections", "range"},
		{"unknown source", map[vocab.LearningSource]int{"hunches": 3}, "weights.hunches", "declared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := training.DefaultScoring().With(tt.weights)
			got := testcheck.Problems(t, s.Check("weights"))
			assert.Equal(t, tt.rule, got[tt.field])
			in := sampleInput(t)
			in.Weights = tt.weights
			_, err := training.Run(masa.Essex(), in)
			assert.Equal(t, tt.rule, testcheck.Problems(t, err)[tt.field])
		})
	}
	got := testcheck.Problems(t, training.Scoring{Weights: map[vocab.LearningSource]int{}}.Check("weights"))
	assert.Len(t, got, 8, "every source needs a weight")
	assert.NoError(t, training.DefaultScoring().Check("weights"))
}

func TestWeightsChangeRanking(t *testing.T) {
	in := sampleInput(t)
	in.Weights = map[vocab.LearningSource]int{vocab.SourcePriorities: 10}
	res, err := training.Run(masa.Essex(), in)
	require.NoError(t, err)
	n, ok := res.Analysis.Need("child exploitation")
	require.True(t, ok)
	assert.Equal(t, 100, n.Score, "10 x severity 5 x quarter 2")
	assert.Equal(t, 4, n.Rank)
	assert.Equal(t, 10, res.Analysis.Scoring.Weights[vocab.SourcePriorities])
	assert.Equal(t, 5, res.Analysis.Scoring.Weights[vocab.SourcePracticeReviews], "other weights keep their defaults")
}
