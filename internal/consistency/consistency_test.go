package consistency_test

import (
	"testing"

	"github.com/masa-go/masa/internal/consistency"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The questions straddle every recorded succession, and the library's
// answers change across them only when the successions are applied.
func TestLibraryAnswersChangeAtEachSuccession(t *testing.T) {
	p := masa.Essex()
	qs := consistency.Questions(p)
	require.Contains(t, qs, consistency.Question{On: vocab.MustDate("2022-07-01")})
	require.Contains(t, qs, consistency.Question{On: vocab.MustDate("2022-06-30")})
	for _, s := range p.Successions {
		if s.On == vocab.MustDate("2021-06-26") {
			require.Contains(t, qs, consistency.Question{On: vocab.MustDate("2021-06-25")}, "the probation unification is asked about")
		}
	}
	before, err := consistency.Library(p, consistency.Question{On: vocab.MustDate("2022-06-30")})
	require.NoError(t, err)
	after, err := consistency.Library(p, consistency.Question{On: vocab.MustDate("2022-07-01")})
	require.NoError(t, err)
	published, err := consistency.Library(p, consistency.Question{On: vocab.MustDate("2022-07-01"), AsPublished: true})
	require.NoError(t, err)

	assert.Len(t, before.Successions, 1, "only the probation unification of 26 June 2021")
	assert.Len(t, after.Successions, 4, "and the three ICBs")
	assert.Empty(t, published.Successions)
	assert.Empty(t, before.Problems)
	assert.Empty(t, after.Problems, "the partnership on 1 July 2022 is valid")
	assert.NotEmpty(t, published.Problems, "the edition as published names CCGs, abolished that day")

	icbs := []vocab.ID{"nhs-mid-and-south-essex-icb", "nhs-suffolk-and-north-east-essex-icb", "nhs-hertfordshire-and-west-essex-icb"}
	assert.ElementsMatch(t, icbs, after.Holders["dispute-resolution"].Orgs)
	assert.ElementsMatch(t, icbs, after.Overseer)
	assert.Equal(t, p.PartnersInRole(vocab.Health), before.Holders["dispute-resolution"].Orgs)
	assert.Equal(t, p.PartnersInRole(vocab.Health), published.Overseer)
	assert.Equal(t, vocab.MustDate("2022-06-30"), before.Holders["dispute-resolution"].Period.To)
	assert.Equal(t, vocab.MustDate("2022-07-01"), after.Holders["dispute-resolution"].Period.From)
}
