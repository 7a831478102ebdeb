package main

import (
	"bytes"
	"net/http"
	"os"
	"testing"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/document/pdf"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func annualInput(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../annualreport/testdata/sample-2020-21.json")
	require.NoError(t, err)
	return data
}

// TestAnnualReport checks that the endpoint answers with the bytes the
// annualreport and document packages give, in the negotiated format, and
// that "ready" takes the draft marks away.
func TestAnnualReport(t *testing.T) {
	h := newTestServer(t)
	body := annualInput(t)
	in, err := annualreport.Parse(body)
	require.NoError(t, err)
	r, err := annualreport.Assemble(masa.Essex(), in)
	require.NoError(t, err)
	doc := annualreport.Publish(r, vocab.MustDate("2021-06-30"))
	wantPDF, err := pdf.Bytes(doc)
	require.NoError(t, err)
	wantHTML, err := html.Bytes(doc)
	require.NoError(t, err)

	rec := call(h, "POST", "/v1/annual-report?prepared=2021-06-30", body, "Content-Type", "application/json")
	require.Equal(t, http.StatusOK, rec.Code, "%.1000s", rec.Body)
	assertDocumented(t, "POST", "/v1/annual-report", rec.Code)
	assert.Equal(t, "application/pdf", rec.Header().Get("Content-Type"))
	assert.Equal(t, `inline; filename="report-2020-21.pdf"`, rec.Header().Get("Content-Disposition"))
	assert.True(t, bytes.Equal(wantPDF, rec.Body.Bytes()), "the PDF differs from the packages'")

	rec = call(h, "POST", "/v1/annual-report?prepared=2021-06-30", body, "Accept", "text/html")
	require.Equal(t, http.StatusOK, rec.Code, "%.1000s", rec.Body)
	assert.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
	assert.NotEmpty(t, rec.Header().Get("Content-Security-Policy"))
	assert.Equal(t, string(wantHTML), rec.Body.String())
	assert.Contains(t, rec.Body.String(), `class="watermark"`)

	rec = call(h, "POST", "/v1/annual-report?format=html&ready=2021-07-20", body)
	require.Equal(t, http.StatusOK, rec.Code, "%.1000s", rec.Body)
	assert.NotContains(t, rec.Body.String(), `class="watermark"`)
	assert.Contains(t, rec.Body.String(), "Ready to publish 20 July 2021")
}

func TestAnnualReportProblems(t *testing.T) {
	h := newTestServer(t)
	body := annualInput(t)
	tests := []struct {
		name, target string
		body         []byte
		header       []string
		status       int
		want         []want
	}{
		{name: "not ready yet", target: "/v1/annual-report?ready=2021-07-01", body: body, status: 422, want: []want{{inBody, "reportReview", "publication-gate"}}},
		{name: "missing part", target: "/v1/annual-report?ready=2021-07-20", body: []byte(`{"year": "2020/21", "activities": []}`), status: 422, want: []want{{inBody, "sections.arrangements", "missing-part"}}},
		{name: "bad ready date", target: "/v1/annual-report?ready=2021-02-30", body: body, status: 400, want: []want{{inQuery, "ready", "date"}}},
		{name: "unknown field", target: "/v1/annual-report", body: []byte(`{"year": "2020/21", "logo": "x"}`), status: 400, want: []want{{inBody, "logo", "unknown-field"}}},
		{name: "bad priority", target: "/v1/annual-report", body: []byte(`{"year": "2020/21", "priorities": [{"name": "x", "progress": "fine"}]}`), status: 422, want: []want{{inBody, "priorities[0].progress", "progress"}}},
		{name: "unacceptable", target: "/v1/annual-report", body: body, header: []string{"Accept", "application/json"}, status: 406},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(h, "POST", tt.target, tt.body, tt.header...)
			require.Equal(t, tt.status, rec.Code, "body: %.1000s", rec.Body)
			assertDocumented(t, "POST", tt.target, rec.Code)
			if len(tt.want) == 0 {
				return
			}
			p := readProblem(t, rec)
			for _, w := range tt.want {
				assert.True(t, hasProblem(p, w), "want %+v in %s", w, rec.Body)
			}
		})
	}
}
