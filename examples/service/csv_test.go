package main

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// formulaScenario names contributors the way a spreadsheet attack would
// (issue 13, bug 3).
const formulaScenario = `{"name":"x","year":"2021/22","baseline":{"year":"2020/21","lines":[
{"org":"a","name":"=HYPERLINK(\"http://evil.example\",\"Click\")","amount":"300"},
{"org":"b","name":"+Police £","amount":"200"},
{"org":"c","name":"@Health","amount":"100"}]},
"changes":[{"kind":"fixed","org":"a","amount":"100"}]}`

func TestFundingCSVNeutralisesFormulas(t *testing.T) {
	h := newTestServer(t)
	for _, target := range []string{"/v1/funding/apportion?format=csv", "/v1/funding/compare?format=csv", "/v1/funding/project?years=2&percent=1&format=csv"} {
		t.Run(target, func(t *testing.T) {
			rec := call(h, "POST", target, []byte(formulaScenario), "Content-Type", "application/json")
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Contains(t, rec.Body.String(), "£")
			rows, err := csv.NewReader(rec.Body).ReadAll()
			require.NoError(t, err)
			for _, row := range rows[1:] {
				assert.NotContains(t, "=+@", row[1][:1], "name cell %q", row[1])
			}
		})
	}
}

func TestFundingCSVBOM(t *testing.T) {
	h := newTestServer(t)
	rec := call(h, "POST", "/v1/funding/apportion?format=csv&bom=true", []byte(formulaScenario), "Content-Type", "application/json")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.True(t, strings.HasPrefix(rec.Body.String(), funding.UTF8BOM+"org,"))
	assertDocumented(t, "POST", "/v1/funding/apportion?format=csv&bom=true", rec.Code)

	rec = call(h, "POST", "/v1/funding/apportion?format=csv", []byte(formulaScenario), "Content-Type", "application/json")
	assert.True(t, strings.HasPrefix(rec.Body.String(), "org,"), "no BOM unless asked")

	rec = call(h, "POST", "/v1/funding/apportion?format=csv&bom=yes", []byte(formulaScenario), "Content-Type", "application/json")
	assert.Equal(t, http.StatusBadRequest, rec.Code)
	assert.Equal(t, "bom", readProblem(t, rec).Problems[0].Field)
}
