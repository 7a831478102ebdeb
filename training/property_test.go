package training_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var audiences = []vocab.Audience{vocab.AudienceChildren, vocab.AudienceAdults, vocab.AudienceBoth}

// randomFindings returns n valid findings for 2020/21 over a few themes.
func randomFindings(r *rand.Rand, n int) []training.Finding {
	sources := vocab.LearningSources()
	start := vocab.FinancialYear(2020).Start()
	fs := make([]training.Finding, n)
	for i := range fs {
		fs[i] = training.Finding{
			Ref:      fmt.Sprintf("ref-%d", i),
			Source:   sources[r.IntN(len(sources))],
			Theme:    fmt.Sprintf("theme %d", r.IntN(12)),
			Date:     start.AddDays(r.IntN(365)),
			Severity: 1 + r.IntN(5),
			Audience: audiences[r.IntN(3)],
		}
	}
	return fs
}

// The ranking depends only on the findings, not on their order; ranks run
// from 1 without gaps in order of score; every finding lands in exactly
// one need; and a need's score follows the documented formula.
func TestRankingProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(2020, 21))
	p := masa.Essex()
	s := training.DefaultScoring()
	for c := 0; c < 300; c++ {
		fs := randomFindings(r, 1+r.IntN(60))
		a, err := training.Analyse(p, 2020, fs, s)
		require.NoError(t, err)

		shuffled := slices.Clone(fs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		b, err := training.Analyse(p, 2020, shuffled, s)
		require.NoError(t, err)
		require.Equal(t, a.Needs, b.Needs, "case %d: order of findings changed the ranking", c)

		total := 0
		for i, n := range a.Needs {
			require.Equal(t, i+1, n.Rank)
			if i > 0 {
				require.GreaterOrEqual(t, a.Needs[i-1].Score, n.Score)
			}
			total += n.Findings
			points, srcs := 0, map[vocab.LearningSource]bool{}
			for _, f := range fs {
				if f.Theme == n.Theme {
					points += s.Weights[f.Source] * f.Severity * int(vocab.QuarterOf(f.Date))
					srcs[f.Source] = true
				}
			}
			require.Equal(t, points, n.Points)
			require.Equal(t, points*len(srcs), n.Score)
			require.Equal(t, n.Audience == vocab.AudienceBoth, n.ThinkFamily)
		}
		require.Equal(t, len(fs), total)
	}
}

// Adding a finding to a theme never lowers that theme's score.
func TestMoreEvidenceNeverLowersScore(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	p := masa.Essex()
	for c := 0; c < 200; c++ {
		fs := randomFindings(r, 1+r.IntN(30))
		a, err := training.Analyse(p, 2020, fs, training.DefaultScoring())
		require.NoError(t, err)
		extra := randomFindings(r, 1)[0]
		extra.Ref = "extra"
		extra.Theme = fs[r.IntN(len(fs))].Theme
		b, err := training.Analyse(p, 2020, append(slices.Clone(fs), extra), training.DefaultScoring())
		require.NoError(t, err)
		before, _ := a.Need(extra.Theme)
		after, _ := b.Need(extra.Theme)
		assert.Greater(t, after.Score, before.Score, "case %d", c)
	}
}
