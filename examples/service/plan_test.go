package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/html"
	"github.com/masa-go/masa/plan/pdf"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// essexPlan renders the Essex plan directly with the plan packages.
func essexPlan(t *testing.T) (pdfBytes, htmlBytes []byte) {
	t.Helper()
	doc, err := plan.Build(masa.Essex())
	require.NoError(t, err)
	pdfBytes, err = pdf.Bytes(doc)
	require.NoError(t, err)
	htmlBytes, err = html.Bytes(doc)
	require.NoError(t, err)
	return pdfBytes, htmlBytes
}

// TestPlanSuccess checks that the plan endpoints answer with the same
// bytes as the plan packages, in the negotiated format.
func TestPlanSuccess(t *testing.T) {
	h := newTestServer(t)
	wantPDF, wantHTML := essexPlan(t)
	essex := masa.EssexJSON()
	tests := []struct {
		name, method, target string
		body                 []byte
		accept               string
		want                 []byte
		contentType          string
	}{
		{"default is PDF", "GET", "/v1/plan", nil, "", wantPDF, "application/pdf"},
		{"PDF again, from the cache", "GET", "/v1/plan", nil, "", wantPDF, "application/pdf"},
		{"HTML by parameter", "GET", "/v1/plan?format=html", nil, "application/pdf", wantHTML, "text/html; charset=utf-8"},
		{"HTML by Accept", "GET", "/v1/plan", nil, "text/html,application/xhtml+xml,*/*;q=0.8", wantHTML, "text/html; charset=utf-8"},
		{"posted PDF", "POST", "/v1/plan", essex, "", wantPDF, "application/pdf"},
		{"posted HTML", "POST", "/v1/plan?format=html", essex, "", wantHTML, "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := []string{"Content-Type", "application/json"}
			if tt.accept != "" {
				header = append(header, "Accept", tt.accept)
			}
			rec := call(h, tt.method, tt.target, tt.body, header...)
			require.Equal(t, http.StatusOK, rec.Code, "body: %.500s", rec.Body)
			assertDocumented(t, tt.method, tt.target, rec.Code)
			assert.Equal(t, tt.contentType, rec.Header().Get("Content-Type"))
			assert.True(t, bytes.Equal(tt.want, rec.Body.Bytes()), "the answer differs from the plan package's rendering")
			if strings.HasPrefix(tt.contentType, "text/html") {
				assert.Equal(t, planCSP, rec.Header().Get("Content-Security-Policy"))
			} else {
				assert.True(t, bytes.HasPrefix(rec.Body.Bytes(), []byte("%PDF-")))
			}
		})
	}
}

// TestPlanEscapesPostedNames checks that markup in a posted partnership
// is rendered as text in the HTML plan.
func TestPlanEscapesPostedNames(t *testing.T) {
	p := masa.Essex()
	p.Name = `Essex <script>alert("x")</script> Board`
	body, err := masa.Encode(p)
	require.NoError(t, err)
	rec := call(newTestServer(t), "POST", "/v1/plan?format=html", body)
	require.Equal(t, http.StatusOK, rec.Code, "%.500s", rec.Body)
	assert.NotContains(t, rec.Body.String(), `<script>alert`)
	assert.Contains(t, rec.Body.String(), `&lt;script&gt;`)
	rec = call(newTestServer(t), "POST", "/v1/plan", body)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.True(t, bytes.HasPrefix(rec.Body.Bytes(), []byte("%PDF-")))
}

// TestPlanMistakes checks the 4xx answers of the plan endpoints.
func TestPlanMistakes(t *testing.T) {
	h := newTestServer(t)
	p := masa.Essex()
	p.Texts = map[string]string{"epilogue": "A closing word.", "vision": "  "}
	badTexts, err := masa.Encode(p)
	require.NoError(t, err)
	neg := masa.Essex()
	neg.Funding.Lines[0].Amount = neg.Funding.Lines[0].Amount.Neg()
	negative, err := masa.Encode(neg)
	require.NoError(t, err)
	tests := []struct {
		name, method, target string
		body                 []byte
		header               []string
		status               int
		want                 []want
	}{
		{name: "unknown format", method: "GET", target: "/v1/plan?format=docx", status: 400, want: []want{{inQuery, "format", "format"}}},
		{name: "unacceptable", method: "GET", target: "/v1/plan", header: []string{"Accept", "application/json"}, status: 406, want: []want{{inHeader, "Accept", "media-type"}}},
		{name: "unknown parameter", method: "GET", target: "/v1/plan?on=2020-06-29", status: 400, want: []want{{inQuery, "on", "unknown-parameter"}}},
		{name: "malformed file", method: "POST", target: "/v1/plan", body: []byte(`{"id": "x"`), status: 400, want: []want{{inBody, "", "json"}}},
		{name: "unknown field", method: "POST", target: "/v1/plan", body: []byte(`{"id": "x", "logo": "x.png"}`), status: 400, want: []want{{inBody, "logo", "unknown-field"}}},
		{name: "texts for no section", method: "POST", target: "/v1/plan?format=html", body: badTexts, status: 422, want: []want{{inBody, "texts.epilogue", "exists"}, {inBody, "texts.vision", "required"}}},
		// Issue 13, bug 5: only a valid model is rendered.
		{name: "empty partnership", method: "POST", target: "/v1/plan", body: []byte(`{}`), status: 422, want: []want{{inBody, "arrangements.published", "required"}}},
		{name: "negative funding", method: "POST", target: "/v1/plan", body: negative, status: 422, want: []want{{inBody, "funding.lines[0].amount", "funding-line"}}},
		{name: "not JSON", method: "POST", target: "/v1/plan", body: badTexts, header: []string{"Content-Type", "application/xml"}, status: 415},
		{name: "unacceptable post", method: "POST", target: "/v1/plan", body: badTexts, header: []string{"Accept", "text/plain"}, status: 406},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(h, tt.method, tt.target, tt.body, tt.header...)
			require.Equal(t, tt.status, rec.Code, "body: %.1000s", rec.Body)
			assertDocumented(t, tt.method, tt.target, rec.Code)
			p := readProblem(t, rec)
			for _, w := range tt.want {
				assert.True(t, hasProblem(p, w), "want %+v in %s", w, rec.Body)
			}
		})
	}
}

// TestDraftPlan checks that the draft endpoint answers with the plan
// package's draft for the posted scenario.
func TestDraftPlan(t *testing.T) {
	h := newTestServer(t)
	icb := icbScenario(t)
	sc, err := funding.ParseScenario(icb)
	require.NoError(t, err)
	doc, err := plan.Draft(masa.Essex(), sc, vocab.MustDate("2021-02-01"))
	require.NoError(t, err)
	wantPDF, err := pdf.Bytes(doc)
	require.NoError(t, err)
	wantHTML, err := html.Bytes(doc)
	require.NoError(t, err)

	rec := call(h, "POST", "/v1/plan/draft?prepared=2021-02-01", icb, "Content-Type", "application/json")
	require.Equal(t, http.StatusOK, rec.Code, "%.1000s", rec.Body)
	assertDocumented(t, "POST", "/v1/plan/draft", rec.Code)
	assert.Equal(t, "application/pdf", rec.Header().Get("Content-Type"))
	assert.True(t, bytes.Equal(wantPDF, rec.Body.Bytes()), "the draft PDF differs from the plan package's")

	rec = call(h, "POST", "/v1/plan/draft?prepared=2021-02-01&format=html", icb)
	require.Equal(t, http.StatusOK, rec.Code, "%.1000s", rec.Body)
	assert.Equal(t, string(wantHTML), rec.Body.String())
	assert.Contains(t, rec.Body.String(), "Draft prepared 1 February 2021")

	// Without a date the draft is prepared today, by the service's clock.
	rec = call(h, "POST", "/v1/plan/draft?format=html", icb)
	require.Equal(t, http.StatusOK, rec.Code, "%.1000s", rec.Body)
	assert.Contains(t, rec.Body.String(), "Draft prepared 29 June 2020")
}

// TestDraftPlanMistakes checks the 4xx answers of the draft endpoint.
func TestDraftPlanMistakes(t *testing.T) {
	h := newTestServer(t)
	icb := icbScenario(t)
	other := bytes.Replace(icb, []byte(`"amount": "240205"`), []byte(`"amount": "240000"`), 1)
	require.NotEqual(t, icb, other)
	tests := []struct {
		name, target string
		body         []byte
		status       int
		want         []want
	}{
		{"another baseline", "/v1/plan/draft", other, 422, []want{{inBody, "baseline.lines[0]", "baseline"}}},
		{"bad prepared date", "/v1/plan/draft?prepared=2021-13-01", icb, 400, []want{{inQuery, "prepared", "date"}}},
		{"malformed scenario", "/v1/plan/draft", []byte(`{"name": 1}`), 400, []want{{inBody, "name", "type"}}},
		{"broken scenario", "/v1/plan/draft", scenarioJSON(t, "x", funding.Change{Kind: funding.SetTotal, Amount: funding.MustNumber("0")}), 422, []want{{inBody, "changes[0].amount", "positive"}}},
		{"unknown format", "/v1/plan/draft?format=odt", icb, 400, []want{{inQuery, "format", "format"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(h, "POST", tt.target, tt.body)
			require.Equal(t, tt.status, rec.Code, "body: %.1000s", rec.Body)
			assertDocumented(t, "POST", tt.target, rec.Code)
			p := readProblem(t, rec)
			for _, w := range tt.want {
				assert.True(t, hasProblem(p, w), "want %+v in %s", w, rec.Body)
			}
		})
	}
}
