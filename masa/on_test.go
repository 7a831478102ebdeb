package masa_test

import (
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOnAppliesSuccessionsUpToTheDate(t *testing.T) {
	p := masa.Essex()
	tests := []struct {
		on          string
		asPublished bool
		successions int
		holderOrgs  []vocab.ID
		title       string
		period      vocab.Period
	}{
		{on: "2022-06-30", successions: len(p.SuccessionsOn(vocab.MustDate("2022-06-30"))),
			holderOrgs: p.PartnersInRole(vocab.Health), title: "Clinical Commissioning Group leads",
			period: vocab.Period{From: vocab.MustDate("2019-09-29"), To: vocab.MustDate("2022-06-30")}},
		{on: "2022-07-01", successions: len(p.SuccessionsOn(vocab.MustDate("2022-07-01"))),
			holderOrgs: []vocab.ID{"nhs-mid-and-south-essex-icb", "nhs-suffolk-and-north-east-essex-icb", "nhs-hertfordshire-and-west-essex-icb"},
			title:      "Integrated Care Board leads",
			period:     vocab.Period{From: vocab.MustDate("2022-07-01")}},
		{on: "2023-06-01", asPublished: true,
			holderOrgs: p.PartnersInRole(vocab.Health), title: "Clinical Commissioning Group leads",
			period: vocab.Period{From: vocab.MustDate("2019-09-29")}},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			v, err := p.ViewOn(vocab.MustDate(tt.on), tt.asPublished)
			require.NoError(t, err)
			assert.Equal(t, tt.asPublished, v.Basis.AsPublished)
			assert.Equal(t, vocab.MustDate(tt.on), v.Basis.On)
			assert.Equal(t, p.Arrangements.Published, v.Basis.Edition.Published)
			assert.Len(t, v.Basis.Successions, tt.successions)
			assert.NotNil(t, v.Basis.Successions, "an empty list, never null")
			h, err := v.LeadHolder("dispute-resolution")
			require.NoError(t, err)
			assert.ElementsMatch(t, tt.holderOrgs, h.Orgs)
			assert.Equal(t, tt.title, h.Title)
			assert.Equal(t, tt.period, h.Period)
		})
	}
}

func TestOnLeavesThePublishedEditionUnchanged(t *testing.T) {
	p := masa.Essex()
	before, err := masa.Encode(p)
	require.NoError(t, err)
	_, err = p.On(vocab.MustDate("2024-01-01"))
	require.NoError(t, err)
	after, err := masa.Encode(p)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
}

func TestOnRejectsAnInvalidDate(t *testing.T) {
	_, err := masa.Essex().On(vocab.Date{Year: 2023, Month: 2, Day: 30})
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "on", fe.Field)
}

func TestBasisSaysWhichPartnership(t *testing.T) {
	p := masa.Essex()
	v, err := p.AsPublished(vocab.MustDate("2023-06-01"))
	require.NoError(t, err)
	assert.Contains(t, v.Basis.String(), "as published")
	v, err = p.On(vocab.MustDate("2023-06-01"))
	require.NoError(t, err)
	assert.Contains(t, v.Basis.String(), "with 4 successions applied")
	assert.Contains(t, v.Basis.Successions[0].String(), "on 26 June 2021 the-probation-service replaced national-probation-service and essex-crc")
	assert.Contains(t, v.Basis.Successions[1].String(), "nhs-mid-and-south-essex-icb replaced")
}
