package main

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"net/http"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scenarioJSON returns the Essex baseline scenario with changes, encoded.
func scenarioJSON(t testing.TB, name string, changes ...funding.Change) []byte {
	t.Helper()
	s := funding.EssexScenario()
	s.Name = name
	s.Changes = append(s.Changes, changes...)
	b, err := funding.EncodeScenario(s)
	require.NoError(t, err)
	return b
}

// icbScenario raises the budget to £400,000 for 2021/22 and merges the
// CCGs into the ICBs.
func icbScenario(t testing.TB) []byte {
	s := funding.EssexScenario()
	s.Name = "ICB merger at £400,000"
	s.Year = 2021
	s.Changes = []funding.Change{
		{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")},
		{Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2022-07-01"))},
	}
	b, err := funding.EncodeScenario(s)
	require.NoError(t, err)
	return b
}

// fundingAnswer computes what an endpoint should answer for a scenario
// directly with the funding package: kind is "apportion", "compare" or
// "project" (at 3 years and 2%).
func fundingAnswer(t *testing.T, kind, format string, scenario []byte) []byte {
	t.Helper()
	s, err := funding.ParseScenario(scenario)
	require.NoError(t, err)
	var v any
	var writeCSV func(*bytes.Buffer) error
	switch kind {
	case "apportion":
		r, err := funding.Apply(s)
		require.NoError(t, err)
		v, writeCSV = r, func(b *bytes.Buffer) error { return r.WriteCSV(b) }
	case "compare":
		r, err := funding.Apply(s)
		require.NoError(t, err)
		c := r.Compare()
		v, writeCSV = c, func(b *bytes.Buffer) error { return c.WriteCSV(b) }
	case "project":
		p, err := funding.Project(s, 3, funding.MustNumber("2"))
		require.NoError(t, err)
		v, writeCSV = p, func(b *bytes.Buffer) error { return p.WriteCSV(b) }
	}
	if format == "csv" {
		var b bytes.Buffer
		require.NoError(t, writeCSV(&b))
		return b.Bytes()
	}
	b, err := vocab.EncodeJSON(v)
	require.NoError(t, err)
	return b
}

// TestFundingSuccess checks that each funding endpoint answers with
// exactly what the funding package computes, as JSON or CSV.
func TestFundingSuccess(t *testing.T) {
	h := newTestServer(t)
	base := scenarioJSON(t, "baseline")
	icb := icbScenario(t)
	tests := []struct {
		kind, target string
		body         []byte
		accept       string
		format       string
	}{
		{"apportion", "/v1/funding/apportion", base, "", "json"},
		{"apportion", "/v1/funding/apportion", icb, "", "json"},
		{"apportion", "/v1/funding/apportion?format=csv", icb, "", "csv"},
		{"apportion", "/v1/funding/apportion", icb, "text/csv", "csv"},
		{"compare", "/v1/funding/compare?format=json", icb, "text/csv", "json"},
		{"compare", "/v1/funding/compare", icb, "application/json;q=0.5, text/csv", "csv"},
		{"project", "/v1/funding/project?years=3&percent=2", icb, "*/*", "json"},
		{"project", "/v1/funding/project?percent=2&years=3&format=csv", icb, "", "csv"},
	}
	for _, tt := range tests {
		t.Run(tt.target+" "+tt.accept, func(t *testing.T) {
			header := []string{"Content-Type", "application/json"}
			if tt.accept != "" {
				header = append(header, "Accept", tt.accept)
			}
			rec := call(h, "POST", tt.target, tt.body, header...)
			require.Equal(t, http.StatusOK, rec.Code, "body: %s", rec.Body)
			assertDocumented(t, "POST", tt.target, rec.Code)
			if tt.format == "csv" {
				assert.Equal(t, "text/csv; charset=utf-8", rec.Header().Get("Content-Type"))
				rows, err := csv.NewReader(bytes.NewReader(rec.Body.Bytes())).ReadAll()
				require.NoError(t, err)
				assert.Equal(t, "total", rows[len(rows)-1][0])
			} else {
				assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			}
			assert.Equal(t, string(fundingAnswer(t, tt.kind, tt.format, tt.body)), rec.Body.String())
		})
	}
}

// TestFundingBaseline checks the served baseline scenario.
func TestFundingBaseline(t *testing.T) {
	rec := call(newTestServer(t), "GET", "/v1/funding/baseline", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	assertDocumented(t, "GET", "/v1/funding/baseline", rec.Code)
	want, err := funding.EncodeScenario(funding.EssexScenario())
	require.NoError(t, err)
	assert.Equal(t, string(want), rec.Body.String())
}

// TestFundingBaselineRoundTrip checks that the served baseline, posted
// back unchanged, reproduces the published table.
func TestFundingBaselineRoundTrip(t *testing.T) {
	h := newTestServer(t)
	base := call(h, "GET", "/v1/funding/baseline", nil)
	require.Equal(t, http.StatusOK, base.Code)
	rec := call(h, "POST", "/v1/funding/apportion", base.Body.Bytes())
	require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
	var res funding.Result
	require.NoError(t, vocab.DecodeJSON(rec.Body.Bytes(), &res))
	p := masa.Essex()
	require.Len(t, res.Lines, len(p.Funding.Lines))
	for i, l := range p.Funding.Lines {
		assert.Equal(t, l.Org, res.Lines[i].Org)
		assert.True(t, l.Amount.Equal(res.Lines[i].Amount.Decimal()), "%s: %s", l.Org, res.Lines[i].Amount)
	}
	assert.Equal(t, "389095", res.Total.String())
}

// TestApportionProperty checks, over many random budgets, that the
// service's parts sum exactly to the budget and match funding.Apply.
func TestApportionProperty(t *testing.T) {
	h := newTestServer(t)
	rng := rand.New(rand.NewPCG(3, 2026))
	for range 200 {
		total := decimal.NewFromInt(int64(20000 + rng.IntN(2_000_000)))
		unit := funding.Pounds
		if rng.IntN(2) == 0 {
			unit = funding.Pence
			total = total.Add(decimal.New(int64(rng.IntN(100)), -2))
		}
		s := funding.EssexScenario()
		s.Rounding = funding.Rounding{Unit: unit, Policy: funding.Policies()[rng.IntN(len(funding.Policies()))]}
		s.Changes = []funding.Change{{Kind: funding.SetTotal, Amount: funding.Num(total)}}
		body, err := funding.EncodeScenario(s)
		require.NoError(t, err)
		rec := call(h, "POST", "/v1/funding/apportion", body)
		require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
		var got funding.Result
		require.NoError(t, vocab.DecodeJSON(rec.Body.Bytes(), &got))
		sum := decimal.Zero
		for _, l := range got.Lines {
			sum = sum.Add(l.Amount.Decimal())
			assert.False(t, l.Amount.Decimal().IsNegative())
		}
		assert.True(t, sum.Equal(total), "parts sum to %s, not %s", sum, total)
		want, err := funding.Apply(s)
		require.NoError(t, err)
		wantJSON, err := vocab.EncodeJSON(want)
		require.NoError(t, err)
		assert.Equal(t, string(wantJSON), rec.Body.String())
	}
}

// TestFundingMistakes checks the 4xx answers of the funding endpoints.
func TestFundingMistakes(t *testing.T) {
	h := newTestServer(t)
	icb := icbScenario(t)
	tests := []struct {
		name, target string
		body         []byte
		header       []string
		status       int
		want         []want
	}{
		{name: "malformed JSON", target: "/v1/funding/apportion", body: []byte(`{"name": `), status: 400, want: []want{{inBody, "name", "json"}}},
		{name: "unknown field", target: "/v1/funding/apportion", body: bytes.Replace(icb, []byte(`"name": "ICB`), []byte(`"colour": "red", "name": "ICB`), 1), status: 400, want: []want{{inBody, "colour", "unknown-field"}}},
		{name: "amount with a pound sign", target: "/v1/funding/apportion", body: bytes.Replace(icb, []byte(`"400000"`), []byte(`"£400,000"`), 1), status: 400, want: []want{{inBody, "changes[0].amount", "number"}}},
		{name: "negative budget", target: "/v1/funding/apportion", body: scenarioJSON(t, "cut", funding.Change{Kind: funding.SetTotal, Amount: funding.MustNumber("-5")}), status: 422, want: []want{{inBody, "changes[0].amount", "positive"}}},
		{name: "unknown contributor", target: "/v1/funding/compare", body: scenarioJSON(t, "x", funding.Change{Kind: funding.Fixed, Org: "nobody", Amount: funding.MustNumber("5")}), status: 422, want: []want{{inBody, "changes[0].org", "exists"}}},
		{name: "two changes to the total", target: "/v1/funding/apportion", body: scenarioJSON(t, "x",
			funding.Change{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")},
			funding.Change{Kind: funding.SetTotal, Amount: funding.MustNumber("410000")}), status: 422, want: []want{{inBody, "changes[1].amount", "one-change"}}},
		{name: "percentages short of 100", target: "/v1/funding/apportion", body: scenarioJSON(t, "x", funding.Change{Kind: funding.Shares, ShareRule: funding.ShareRule{
			Method: funding.Percentages, Parts: []funding.Part{
				{Role: vocab.LocalAuthority, Percent: funding.MustNumber("50")},
				{Role: vocab.Police, Percent: funding.MustNumber("20")},
			}}}), status: 422},
		{name: "pence in a pounds scenario", target: "/v1/funding/apportion", body: scenarioJSON(t, "x", funding.Change{Kind: funding.SetTotal, Amount: funding.MustNumber("400000.50")}), status: 422, want: []want{{inBody, "changes[0].amount", "unit"}}},
		{name: "unknown format", target: "/v1/funding/apportion?format=xlsx", body: icb, status: 400, want: []want{{inQuery, "format", "format"}}},
		{name: "unacceptable", target: "/v1/funding/compare", body: icb, header: []string{"Accept", "application/pdf"}, status: 406, want: []want{{inHeader, "Accept", "media-type"}}},
		{name: "CSV refused by q=0", target: "/v1/funding/compare", body: icb, header: []string{"Accept", "text/csv;q=0"}, status: 406},
		{name: "not JSON", target: "/v1/funding/apportion", body: icb, header: []string{"Content-Type", "text/csv"}, status: 415, want: []want{{inHeader, "Content-Type", "media-type"}}},
		{name: "project without parameters", target: "/v1/funding/project", body: icb, status: 400, want: []want{{inQuery, "years", "required"}, {inQuery, "percent", "number"}}},
		{name: "project years not a number", target: "/v1/funding/project?years=three&percent=2", body: icb, status: 400, want: []want{{inQuery, "years", "integer"}}},
		{name: "project years out of range", target: "/v1/funding/project?years=0&percent=2", body: icb, status: 400, want: []want{{inQuery, "years", "range"}}},
		{name: "project every query problem at once", target: "/v1/funding/project?years=100&percent=abc", body: icb, status: 400, want: []want{{inQuery, "years", "range"}, {inQuery, "percent", "number"}}},
		{name: "project cut of 100%", target: "/v1/funding/project?years=2&percent=-100", body: icb, status: 400, want: []want{{inQuery, "percent", "range"}}},
		{name: "project bad percent", target: "/v1/funding/project?years=2&percent=2%25", body: icb, status: 400, want: []want{{inQuery, "percent", "number"}}},
		{name: "project bad scenario", target: "/v1/funding/project?years=2&percent=2", body: scenarioJSON(t, "x", funding.Change{Kind: funding.Fixed, Org: "nobody", Amount: funding.MustNumber("5")}), status: 422, want: []want{{inBody, "changes[0].org", "exists"}}},
		{name: "baseline takes no body parameters", target: "/v1/funding/baseline?year=2021", status: 400, want: []want{{inQuery, "year", "unknown-parameter"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := "POST"
			if tt.body == nil {
				method = "GET"
			}
			rec := call(h, method, tt.target, tt.body, tt.header...)
			require.Equal(t, tt.status, rec.Code, "body: %s", rec.Body)
			assertDocumented(t, method, tt.target, rec.Code)
			p := readProblem(t, rec)
			require.NotEmpty(t, p.Problems)
			for _, w := range tt.want {
				assert.True(t, hasProblem(p, w), "want %+v in %s", w, rec.Body)
			}
		})
	}
}

// TestFundingBaselineMissing checks the answer when the served
// partnership publishes no funding table.
func TestFundingBaselineMissing(t *testing.T) {
	d := testDeps(nil)
	d.Partnership.Funding = nil
	h, err := newServer(d)
	require.NoError(t, err)
	rec := call(h, "GET", "/v1/funding/baseline", nil)
	require.Equal(t, http.StatusNotFound, rec.Code)
	readProblem(t, rec)
}

// TestOpenAPIFundingEnums checks that the enumerations in openapi.json
// are the funding package's own.
func TestOpenAPIFundingEnums(t *testing.T) {
	doc := loadOpenAPI(t)
	schemas := doc.Components.Schemas
	enum := func(path ...string) []string {
		var cur any = schemas
		for _, p := range path {
			cur = cur.(map[string]any)[p]
		}
		var out []string
		for _, v := range cur.([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	var kinds, units, policies []string
	for _, k := range funding.Kinds() {
		kinds = append(kinds, string(k))
	}
	for _, u := range funding.Units() {
		units = append(units, string(u))
	}
	for _, p := range funding.Policies() {
		policies = append(policies, string(p))
	}
	assert.Equal(t, kinds, enum("Scenario", "properties", "changes", "items", "properties", "kind", "enum"))
	assert.Equal(t, units, enum("Rounding", "properties", "unit", "enum"))
	assert.Equal(t, policies, enum("Rounding", "properties", "policy", "enum"))
}
