package masa_test

import (
	"fmt"
	"testing"

	"github.com/masa-go/masa/internal/testcheck"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCatalogueProblems(t *testing.T) {
	tests := []struct {
		name string
		json string
		want map[string]string
	}{
		{"standard IDs with the file's wording", `{"voice":{"mechanisms":[{"id":"case-audits","label":"Audits of cases"}],"dataSources":[]}}`, nil},
		{"an own item declared", `{"scrutiny":{"leadArea":"x","functions":[{"id":"youth-parliament","label":"The youth parliament","own":true}]}}`, nil},
		{"wording for an unknown ID", `{"scrutiny":{"leadArea":"x","aims":[{"id":"world-peace","label":"World peace"}]}}`,
			map[string]string{"scrutiny.aims[0].id": "known-id"}},
		{"a data source ID among the mechanisms", `{"voice":{"mechanisms":[{"id":"commissioning","label":"Commissioning"}],"dataSources":[]}}`,
			map[string]string{"voice.mechanisms[0].id": "known-id"}},
		{"the same ID declared twice", `{"training":{"subCommittee":"x","methods":[{"id":"e-learning","label":"a"},{"id":"e-learning","label":"b"}]}}`,
			map[string]string{"training.methods[1].id": "declared-once"}},
		{"an own ID in both voice lists", `{"voice":{"mechanisms":[{"id":"forum","label":"Forum","own":true}],"dataSources":[{"id":"forum","label":"Forum notes","own":true}]}}`,
			map[string]string{"voice.dataSources[0].id": "declared-once"}},
		{"a standard ID declared as own", `{"training":{"subCommittee":"x","sources":[{"id":"inspections","label":"Inspections","own":true}]}}`,
			map[string]string{"training.sources[0].own": "standard-id"}},
		{"empty wording", `{"training":{"subCommittee":"x","evaluation":[{"id":"supervision","label":""}]}}`,
			map[string]string{"training.evaluation[0].label": "required"}},
		{"untrimmed wording", `{"training":{"subCommittee":"x","evaluation":[{"id":"supervision","label":" supervision"}]}}`,
			map[string]string{"training.evaluation[0].label": "trimmed"}},
		{"a bad ID", `{"scrutiny":{"leadArea":"x","functions":[{"id":"Bad ID","label":"x","own":true}]}}`,
			map[string]string{"scrutiny.functions[0].id": "id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := masa.Parse([]byte(tt.json))
			if tt.want == nil {
				require.NoError(t, err)
				require.NotNil(t, p)
				return
			}
			assert.Nil(t, p)
			assert.Equal(t, tt.want, testcheck.Problems(t, err))
		})
	}
}

func TestCatalogueWording(t *testing.T) {
	p := masa.Essex()
	for _, c := range masa.Catalogues() {
		assert.True(t, c.Valid())
		assert.Empty(t, p.Items(c)[0].Own, "%s: Essex uses standard IDs", c)
		for _, id := range c.Standard() {
			assert.True(t, c.IsStandard(id))
			assert.True(t, p.Declared(c, id), "Essex words every standard %s ID; missing %s", c, id)
		}
	}
	assert.False(t, masa.Catalogue("colours").Valid())
	assert.Empty(t, masa.Catalogue("colours").Standard())

	got, ok := p.Wording(masa.VoiceDataSources, "involvement-team")
	assert.True(t, ok)
	assert.Equal(t, "The Children & Young People's Involvement Team (Essex County Council)", got)
	_, ok = p.Wording(masa.VoiceMechanisms, "involvement-team")
	assert.False(t, ok, "a data source is not a mechanism")

	p.Voice = nil
	_, ok = p.Wording(masa.VoiceDataSources, "involvement-team")
	assert.False(t, ok, "no section, no wording: nothing falls back to Essex")
	assert.Nil(t, p.Items(masa.VoiceMechanisms))
	assert.Nil(t, masa.Essex().Items("colours"))
}

func TestUndeclared(t *testing.T) {
	e := masa.Undeclared("activities[0].function", "horoscopes", []vocab.ID{"stocktake"}, masa.ScrutinyFunctions)
	assert.ErrorIs(t, e, vocab.ErrNotFound)
	assert.Equal(t, "declared", e.Rule)
	assert.Equal(t, `activities[0].function: is not declared in the partnership file's scrutiny.functions (it declares stocktake) (value "horoscopes", rule declared)`, e.Error())
	e = masa.Undeclared[vocab.ID]("feedback[0].voice", "x", nil, masa.VoiceMechanisms, masa.VoiceDataSources)
	assert.Contains(t, e.Message, "voice.mechanisms or voice.dataSources (it declares none)")
}

func ExamplePartnership_CatalogueProblems() {
	_, err := masa.Parse([]byte(`{
	  "voice": {
	    "mechanisms": [
	      {"id": "case-audits", "label": "Audits of cases"},
	      {"id": "youth-forum", "label": "The youth forum", "own": true},
	      {"id": "youth-panel", "label": "The youth panel"}
	    ],
	    "dataSources": [{"id": "case-audits", "label": "Audit data"}]
	  }
	}`))
	fmt.Println(err)
	// Output:
	// masa: partnership file: 3 problems:
	//   voice.mechanisms[2].id: is not a standard ID of voice.mechanisms (case-audits, councils-and-groups, service-user-panels); to declare an item of the partnership's own, set "own": true (value "youth-panel", rule known-id)
	//   voice.dataSources[0].id: is already listed at voice.mechanisms[0].id (value "case-audits", rule declared-once)
	//   voice.dataSources[0].id: is a standard ID of voice.mechanisms, not of voice.dataSources (value "case-audits", rule known-id)
}
