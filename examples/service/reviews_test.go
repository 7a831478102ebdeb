package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseFile reads one of the fictional cases under testdata/cases.
func caseFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cases", name+".json"))
	require.NoError(t, err)
	return b
}

// engine returns a reviews engine for Essex, as the service builds it.
func engine(t testing.TB) *reviews.Engine {
	t.Helper()
	e, err := reviews.New(masa.Essex())
	require.NoError(t, err)
	return e
}

// TestTimeline checks that the timeline endpoint answers with the reviews
// package's status of the case on the date.
func TestTimeline(t *testing.T) {
	h := newTestServer(t)
	e := engine(t)
	tests := []struct {
		file, on string
		stage    reviews.Stage
		overdue  bool
		review   string
	}{
		{"open", "2021-03-10", "rapid-review", false, "Child Safeguarding Practice Review"},
		{"open", "2021-04-01", "rapid-review", true, "Child Safeguarding Practice Review"},
		{"wt2023", "2024-05-10", "notification", false, "Child Safeguarding Practice Review"},
		{"before-go-live", "2019-03-12", "notification", false, "Serious Case Review"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" on "+tt.on, func(t *testing.T) {
			body := caseFile(t, tt.file)
			target := "/v1/reviews/timeline?on=" + tt.on
			rec := call(h, "POST", target, body, "Content-Type", "application/json")
			require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
			assertDocumented(t, "POST", target, rec.Code)
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))

			c, err := reviews.ParseCase(body)
			require.NoError(t, err)
			st, err := e.Status(c, vocab.MustDate(tt.on))
			require.NoError(t, err)
			want, err := vocab.EncodeJSON(timelineAnswer{Status: st, Basis: basisOn(t, tt.on)})
			require.NoError(t, err)
			assert.Equal(t, string(want), rec.Body.String())

			var got reviews.Status
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
			assert.Equal(t, tt.stage, got.Stage)
			assert.Equal(t, tt.overdue, got.Overdue)
			assert.Equal(t, tt.review, got.Rules.ReviewName)
			for _, s := range got.Steps {
				assert.NotEmpty(t, s.Owner.Name, "step %s has an owner", s.Step)
			}
		})
	}
}

// TestTimelineOwnersFollowTheDate checks that the ratification step's
// owner is the holder of the ratification lead area: the Assistant Chief
// Constable for Essex.
func TestTimelineOwnersFollowTheDate(t *testing.T) {
	c, err := reviews.ParseCase(caseFile(t, "open"))
	require.NoError(t, err)
	c.Events = append(c.Events,
		reviews.Event{Step: "rapid-review", On: vocab.MustDate("2021-03-19"), By: "safeguarding partners"},
		reviews.Event{Step: "panel-decision", On: vocab.MustDate("2021-04-09"), By: "the Panel", Outcome: "no-national-review"},
		reviews.Event{Step: "local-recommendation", On: vocab.MustDate("2021-04-16"), By: "CSPR sub-committee", Outcome: "recommend-local-review", Criteria: []vocab.ID{"improvements"}},
	)
	body, err := vocab.EncodeJSON(c)
	require.NoError(t, err)
	rec := call(newTestServer(t), "POST", "/v1/reviews/timeline?on=2021-04-20", body)
	require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
	var got reviews.Status
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
	ratify, ok := got.Step("ratify-decision")
	require.True(t, ok, "%s", rec.Body)
	assert.Equal(t, "Assistant Chief Constable", ratify.Owner.Post)
	assert.Equal(t, []vocab.ID{"essex-police"}, ratify.Owner.Orgs)
}

// overdueBody wraps case files in the overdue request.
func overdueBody(t testing.TB, cases ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(`{"cases": [`)
	for i, c := range cases {
		if i > 0 {
			b.WriteString(",")
		}
		b.Write(c)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// TestOverdue checks the overdue report against the reviews package's.
func TestOverdue(t *testing.T) {
	h := newTestServer(t)
	e := engine(t)
	files := []string{"open", "wt2023", "before-go-live"}
	var bodies [][]byte
	var cases []reviews.Case
	for _, f := range files {
		b := caseFile(t, f)
		bodies = append(bodies, b)
		c, err := reviews.ParseCase(b)
		require.NoError(t, err)
		cases = append(cases, *c)
	}
	for _, on := range []string{"2019-04-01", "2021-04-01", "2024-06-20"} {
		// The cases known on the date: a later one is a problem (issue 13,
		// bug 4).
		var known [][]byte
		var knownCases []reviews.Case
		for i, c := range cases {
			if !c.Facts.Aware.After(vocab.MustDate(on)) {
				known = append(known, bodies[i])
				knownCases = append(knownCases, c)
			}
		}
		target := "/v1/reviews/overdue?on=" + on
		rec := call(h, "POST", target, overdueBody(t, known...))
		require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
		assertDocumented(t, "POST", target, rec.Code)
		rep, err := e.Overdue(knownCases, vocab.MustDate(on))
		require.NoError(t, err)
		want, err := vocab.EncodeJSON(overdueAnswer{Report: rep, Basis: basisOn(t, on)})
		require.NoError(t, err)
		assert.Equal(t, string(want), rec.Body.String(), on)
	}

	rec := call(h, "POST", "/v1/reviews/overdue?on=2024-06-20", overdueBody(t, bodies...))
	var got reviews.Report
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
	assert.Equal(t, 3, got.Cases)
	assert.NotEmpty(t, got.Overdue)
	for _, o := range got.Overdue {
		assert.Positive(t, o.DaysOverdue)
		assert.NotEmpty(t, o.Owner.Name)
	}

	late := call(h, "POST", "/v1/reviews/overdue?on=2019-04-01", overdueBody(t, bodies...))
	require.Equal(t, http.StatusUnprocessableEntity, late.Code, "%s", late.Body)
	assert.Equal(t, "after-on", readProblem(t, late).Problems[0].Rule)

	empty := call(h, "POST", "/v1/reviews/overdue", []byte(`{"cases": []}`))
	require.Equal(t, http.StatusOK, empty.Code, "%s", empty.Body)
	assert.JSONEq(t, `{"on": "2020-06-29", "cases": 0, "open": 0, "problems": 0, "overdue": [],
		"basis": {"edition": {"partnership": "escb", "name": "Essex Safeguarding Children Board", "year": "2020/21", "published": "2020-06-29", "number": 2},
		"on": "2020-06-29", "asPublished": false, "successions": []}}`, empty.Body.String())
}

// TestOverduePartial checks that partial=true reports the sound cases and
// lists the problems of the others, and that without it the request is
// rejected.
func TestOverduePartial(t *testing.T) {
	h := newTestServer(t)
	bad := bytes.Replace(caseFile(t, "open"), []byte(`"on": "2021-03-04"`), []byte(`"on": "2021-02-01"`), 1)
	body := overdueBody(t, caseFile(t, "wt2023"), bad)

	rec := call(h, "POST", "/v1/reviews/overdue?on=2024-06-20", body)
	require.Equal(t, http.StatusUnprocessableEntity, rec.Code, "%s", rec.Body)
	p := readProblem(t, rec)
	assert.True(t, hasProblem(p, want{inBody, "cases[1].events[0].on", "after-aware"}), "%s", rec.Body)

	rec = call(h, "POST", "/v1/reviews/overdue?on=2024-06-20&partial=true", body)
	require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
	var got overdueAnswer
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
	assert.Equal(t, 2, got.Cases)
	assert.Equal(t, 1, got.Problems)
	require.NotEmpty(t, got.CaseProblems)
	assert.Equal(t, "cases[1].events[0].on", got.CaseProblems[0].Field)
	for _, o := range got.Overdue {
		assert.Equal(t, "SVC-EXAMPLE-002", o.Ref)
	}
}

// TestEscalation checks the escalation levels and their overseer.
func TestEscalation(t *testing.T) {
	h := newTestServer(t)
	rec := call(h, "GET", "/v1/reviews/escalation", nil)
	require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
	assertDocumented(t, "GET", "/v1/reviews/escalation", rec.Code)
	levels, err := engine(t).Escalation(vocab.MustDate("2020-06-29"))
	require.NoError(t, err)
	want, err := vocab.EncodeJSON(escalationAnswer{Partnership: "escb", On: vocab.MustDate("2020-06-29"), Basis: basisOn(t, "2020-06-29"), Levels: levels})
	require.NoError(t, err)
	assert.Equal(t, string(want), rec.Body.String())
	var got escalationAnswer
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
	top := got.Levels[len(got.Levels)-1]
	require.NotNil(t, top.Overseer)
	assert.Equal(t, vocab.ID("dispute-resolution"), top.Overseer.LeadArea)
}

// TestReviewsMistakes checks the 4xx answers of the reviews endpoints.
func TestReviewsMistakes(t *testing.T) {
	h := newTestServer(t)
	open := caseFile(t, "open")
	twice := bytes.Replace(open, []byte(`"events": [`), []byte(`"events": [{"step": "notify-panel", "on": "2021-03-02", "by": "DCS"},`), 1)
	tests := []struct {
		name, method, target string
		body                 []byte
		status               int
		want                 []want
	}{
		{name: "malformed case", method: "POST", target: "/v1/reviews/timeline?on=2021-04-01", body: []byte(`{"ref": "x",`), status: 400, want: []want{{inBody, "", "json"}}},
		{name: "personal data is not a field", method: "POST", target: "/v1/reviews/timeline?on=2021-04-01",
			body: bytes.Replace(open, []byte(`"harm":`), []byte(`"childName": "A", "harm":`), 1), status: 400, want: []want{{inBody, "facts.childName", "unknown-field"}}},
		{name: "bad fact value", method: "POST", target: "/v1/reviews/timeline?on=2021-04-01",
			body: bytes.Replace(open, []byte(`"serious-harm"`), []byte(`"bruised"`), 1), status: 422, want: []want{{inBody, "facts.harm", ""}}},
		{name: "step recorded twice", method: "POST", target: "/v1/reviews/timeline?on=2021-04-01", body: twice, status: 422},
		{name: "unknown step", method: "POST", target: "/v1/reviews/timeline?on=2021-04-01",
			body: bytes.Replace(open, []byte(`"inform-partners"`), []byte(`"tell-everyone"`), 1), status: 422},
		{name: "date before becoming aware", method: "POST", target: "/v1/reviews/timeline?on=2021-02-01", body: open, status: 400, want: []want{{inQuery, "on", "after-aware"}}},
		{name: "today is before becoming aware", method: "POST", target: "/v1/reviews/timeline", body: open, status: 400, want: []want{{inQuery, "on", "after-aware"}}},
		{name: "bad date", method: "POST", target: "/v1/reviews/timeline?on=tomorrow", body: open, status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "overdue without cases", method: "POST", target: "/v1/reviews/overdue", body: []byte(`{}`), status: 422, want: []want{{inBody, "cases", "required"}}},
		{name: "overdue with a bare list", method: "POST", target: "/v1/reviews/overdue", body: []byte(`[]`), status: 400, want: []want{{inBody, "", "type"}}},
		{name: "overdue partial not a boolean", method: "POST", target: "/v1/reviews/overdue?partial=yes", body: overdueBody(t, open), status: 400, want: []want{{inQuery, "partial", "boolean"}}},
		{name: "escalation bad date", method: "GET", target: "/v1/reviews/escalation?on=2020-02-31", status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "escalation before any rule set", method: "GET", target: "/v1/reviews/escalation?on=0001-01-01", status: 404, want: []want{{inQuery, "on", "exists"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(h, tt.method, tt.target, tt.body)
			require.Equal(t, tt.status, rec.Code, "body: %s", rec.Body)
			assertDocumented(t, tt.method, tt.target, rec.Code)
			p := readProblem(t, rec)
			require.NotEmpty(t, p.Problems)
			for _, w := range tt.want {
				found := false
				for _, fp := range p.Problems {
					found = found || (fp.In == w.in && fp.Field == w.field && (w.rule == "" || fp.Rule == w.rule))
				}
				assert.True(t, found, "want %+v in %s", w, rec.Body)
			}
		})
	}
}

// TestTimelineProperty checks, over many random dates, that the timeline
// endpoint agrees with reviews.StatusOf: the same status, or a 400 for a
// date before the case began; never a 5xx.
func TestTimelineProperty(t *testing.T) {
	h := newTestServer(t)
	p := masa.Essex()
	rng := rand.New(rand.NewPCG(5, 2026))
	files := []string{"open", "wt2023", "before-go-live"}
	for range 150 {
		f := files[rng.IntN(len(files))]
		body := caseFile(t, f)
		on := vocab.NewDate(2019+rng.IntN(7), 1, 1).AddDays(rng.IntN(366))
		rec := call(h, "POST", "/v1/reviews/timeline?on="+on.String(), body)
		c, err := reviews.ParseCase(body)
		require.NoError(t, err)
		st, err := reviews.StatusOf(p, c, on)
		if err != nil {
			require.Equal(t, http.StatusBadRequest, rec.Code, "%s on %s: %s", f, on, rec.Body)
			continue
		}
		require.Equal(t, http.StatusOK, rec.Code, "%s on %s: %s", f, on, rec.Body)
		want, err := vocab.EncodeJSON(timelineAnswer{Status: st, Basis: basisOn(t, on.String())})
		require.NoError(t, err)
		assert.Equal(t, string(want), rec.Body.String())
	}
}

// TestOpenAPIReviewsEnums checks that the case facts' enumerations in
// openapi.json are the reviews package's values.
func TestOpenAPIReviewsEnums(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas struct {
				Case struct {
					Properties struct {
						Facts struct {
							Properties map[string]struct {
								Enum []string `json:"enum"`
							} `json:"properties"`
						} `json:"facts"`
					} `json:"properties"`
				} `json:"Case"`
			} `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(openAPIJSON, &doc))
	facts := doc.Components.Schemas.Case.Properties.Facts.Properties
	assert.Equal(t, []string{string(reviews.HarmDied), string(reviews.HarmSerious), string(reviews.HarmNotSerious)}, facts["harm"].Enum)
	assert.Equal(t, []string{string(reviews.AbuseKnown), string(reviews.AbuseSuspected), string(reviews.AbuseNotSuspected)}, facts["abuseOrNeglect"].Enum)
	assert.Equal(t, []string{string(reviews.InArea), string(reviews.ResidentOutsideEngland), string(reviews.OutsideArea)}, facts["location"].Enum)
	originals := map[string]string{"harm": `"harm": "serious-harm"`, "abuseOrNeglect": `"abuseOrNeglect": "known"`, "location": `"location": "in-area"`}
	for f, orig := range originals {
		for _, v := range facts[f].Enum {
			c := bytes.Replace(caseFile(t, "open"), []byte(orig), []byte(`"`+f+`": "`+v+`"`), 1)
			_, err := reviews.ParseCase(c)
			assert.NoError(t, err, "%s %s is accepted", f, v)
		}
	}
}

// basisOn is the basis of the Essex partnership on date on, with the
// successions up to then applied.
func basisOn(t *testing.T, on string) masa.Basis {
	t.Helper()
	v, err := masa.Essex().On(vocab.MustDate(on))
	require.NoError(t, err)
	return v.Basis
}
