package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/masa-go/masa/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// registerFixture is a test server over a register in a new SQLite file,
// with one token of each role.
type registerFixture struct {
	h                   http.Handler
	handle              *registerHandle
	read, record, admin string
	revoked             string
}

func newRegisterFixture(t testing.TB) *registerFixture {
	t.Helper()
	d := testDeps(nil)
	bd, err := loadBoard(d.Partnership, "", true)
	require.NoError(t, err)
	d.Board = bd
	d.Register = newRegisterHandle(dbTarget{"sqlite", filepath.Join(t.TempDir(), "register.db")})
	t.Cleanup(func() { d.Register.Close() })
	h, err := newServer(d)
	require.NoError(t, err)
	reg, err := d.Register.get(t.Context())
	require.NoError(t, err)
	f := &registerFixture{h: h, handle: d.Register}
	var last register.Token
	issue := func(holder string, role register.Role) string {
		secret, tok, err := reg.IssueToken(t.Context(), "test", holder, role)
		require.NoError(t, err)
		last = tok
		return secret
	}
	f.read = issue("Essex Police", register.RoleRead)
	f.record = issue("ESCB business unit", register.RoleRecord)
	f.admin = issue("ESCB business manager", register.RoleAdmin)
	f.revoked = issue("a leaver", register.RoleRecord)
	require.NoError(t, reg.RevokeToken(t.Context(), "test", last.ID))
	return f
}

// do sends a request with the bearer token secret ("" for none).
func (f *registerFixture) do(method, target, secret string, body any) *httptest.ResponseRecorder {
	var b []byte
	switch v := body.(type) {
	case nil:
	case string:
		b = []byte(v)
	default:
		b, _ = json.Marshal(v)
	}
	var header []string
	if secret != "" {
		header = append(header, "Authorization", "Bearer "+secret)
	}
	if b != nil {
		header = append(header, "Content-Type", "application/json")
	}
	return call(f.h, method, target, b, header...)
}

const seriousFacts = `{"aware": "2020-06-01", "harm": "died", "abuseOrNeglect": "suspected", "location": "in-area", "lookedAfter": false}`

func TestRegisterEndpoints(t *testing.T) {
	f := newRegisterFixture(t)
	tests := []struct {
		name, method, target, token string
		body                        any
		status                      int
		field                       string // the field a problem names
		contains                    string
	}{
		{"no token", "GET", "/v1/register/overdue", "", nil, 401, "Authorization", ""},
		{"unknown token", "GET", "/v1/register/overdue", "masa_nope", nil, 401, "Authorization", ""},
		{"revoked token", "GET", "/v1/register/overdue", f.revoked, nil, 401, "Authorization", "revoked"},
		{"not a bearer", "GET", "/v1/register/overdue", "", nil, 401, "Authorization", ""},
		{"read cannot create", "POST", "/v1/register/cases", f.read, `{"ref": "ESCB-2020-01", "facts": ` + seriousFacts + `}`, 403, "Authorization", "role record"},
		{"record cannot read the audit", "GET", "/v1/register/audit", f.record, nil, 403, "Authorization", ""},
		{"create", "POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-01", "facts": ` + seriousFacts + `}`, 201, "", `"version": 0`},
		{"create again", "POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-01", "facts": ` + seriousFacts + `}`, 409, "ref", ""},
		{"a personal-data field", "POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-02", "name": "A Child", "facts": ` + seriousFacts + `}`, 400, "name", ""},
		{"a personal-data fact", "POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-02", "facts": {"aware": "2020-06-01", "harm": "died", "dateOfBirth": "2010-01-01"}}`, 400, "facts.dateOfBirth", ""},
		{"facts the rules need", "POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-02", "facts": {"aware": "2020-06-01"}}`, 422, "facts.harm", ""},
		{"record", "POST", "/v1/register/cases/ESCB-2020-01/events", f.record, `{"expectedVersion": 0, "event": {"step": "notify-panel", "on": "2020-06-03", "by": "DCS"}}`, 201, "", `"version": 1`},
		{"stale version", "POST", "/v1/register/cases/ESCB-2020-01/events", f.record, `{"expectedVersion": 0, "event": {"step": "inform-partners", "on": "2020-06-03", "by": "DCS"}}`, 409, "expectedVersion", ""},
		{"no version", "POST", "/v1/register/cases/ESCB-2020-01/events", f.record, `{"event": {"step": "inform-partners", "on": "2020-06-03", "by": "DCS"}}`, 400, "expectedVersion", ""},
		{"unknown case", "POST", "/v1/register/cases/ESCB-1999-01/events", f.record, `{"expectedVersion": 0, "event": {"step": "notify-panel", "on": "2020-06-03", "by": "DCS"}}`, 404, "ref", ""},
		{"rules refuse", "POST", "/v1/register/cases/ESCB-2020-01/events", f.record, `{"expectedVersion": 1, "event": {"step": "panel-decision", "on": "2020-06-04", "by": "Panel", "outcome": "no-national-review"}}`, 422, "event.step", ""},
		{"correct", "POST", "/v1/register/cases/ESCB-2020-01/corrections", f.record, `{"expectedVersion": 1, "corrects": 1, "event": {"step": "notify-panel", "on": "2020-06-02", "by": "DCS"}, "reason": "date typed wrongly"}`, 201, "", `"corrects": 1`},
		{"correction without reason", "POST", "/v1/register/cases/ESCB-2020-01/corrections", f.record, `{"expectedVersion": 2, "corrects": 1, "withdraw": true}`, 400, "reason", ""},
		{"get", "GET", "/v1/register/cases/ESCB-2020-01", f.read, nil, 200, "", `"on": "2020-06-02"`},
		{"get unknown", "GET", "/v1/register/cases/NOPE", f.read, nil, 404, "ref", ""},
		{"status", "GET", "/v1/register/cases/ESCB-2020-01/status?on=2020-06-29", f.read, nil, 200, "", `"version": 2`},
		{"status bad date", "GET", "/v1/register/cases/ESCB-2020-01/status?on=2020-02-30", f.read, nil, 400, "on", ""},
		{"overdue", "GET", "/v1/register/overdue?on=2020-06-29", f.read, nil, 200, "", `"rapid-review"`},
		{"due", "GET", "/v1/register/due?on=2020-06-01&days=30", f.read, nil, 200, "", `"inform-partners"`},
		{"due bad days", "GET", "/v1/register/due?days=-1", f.read, nil, 400, "days", ""},
		{"due not a number", "GET", "/v1/register/due?days=ten", f.read, nil, 400, "days", ""},
		{"audit", "GET", "/v1/register/audit?ref=ESCB-2020-01", f.admin, nil, 200, "", `"holder": "ESCB business unit"`},
		{"stateless endpoints stay open", "GET", "/v1/rulesets", "", nil, 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := f.do(tt.method, tt.target, tt.token, tt.body)
			if tt.name == "not a bearer" {
				rec = call(f.h, tt.method, tt.target, nil, "Authorization", "Basic dXNlcjpwYXNz")
			}
			require.Equal(t, tt.status, rec.Code, "%s", rec.Body)
			assertDocumented(t, tt.method, tt.target, rec.Code)
			if tt.contains != "" {
				assert.Contains(t, rec.Body.String(), tt.contains)
			}
			if rec.Code >= 400 {
				p := readProblem(t, rec)
				require.NotEmpty(t, p.Problems)
				assert.Equal(t, tt.field, p.Problems[0].Field, "%+v", p.Problems)
				assert.NotContains(t, rec.Body.String(), "A Child", "personal data is never echoed")
			}
			if rec.Code == 401 {
				assert.Equal(t, `Bearer realm="masa register"`, rec.Header().Get("WWW-Authenticate"))
			}
		})
	}
}

func TestRegisterCSVAndCalendar(t *testing.T) {
	f := newRegisterFixture(t)
	require.Equal(t, 201, f.do("POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-01", "facts": `+seriousFacts+`}`).Code)
	require.Equal(t, 201, f.do("POST", "/v1/register/cases/ESCB-2020-01/events", f.record, `{"expectedVersion": 0, "event": {"step": "notify-panel", "on": "2020-06-03", "by": "DCS"}}`).Code)

	rec := f.do("GET", "/v1/register/export.csv", f.read, nil)
	require.Equal(t, 200, rec.Code)
	assert.Equal(t, "text/csv; charset=utf-8", rec.Header().Get("Content-Type"))
	rows, err := csv.NewReader(rec.Body).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, "notify-panel", rows[1][8])
	assert.Equal(t, "ESCB business unit", rows[1][17])

	// A calendar program sends the token in the URL.
	rec = call(f.h, "GET", "/v1/register/calendar.ics?on=2020-06-29&token="+f.read, nil)
	require.Equal(t, 200, rec.Code, "%s", rec.Body)
	assert.Equal(t, "text/calendar; charset=utf-8", rec.Header().Get("Content-Type"))
	cal, err := ics.ParseCalendar(bytes.NewReader(rec.Body.Bytes()))
	require.NoError(t, err)
	events := cal.Events()
	require.NotEmpty(t, events)
	byUID := map[string]*ics.VEvent{}
	for _, e := range events {
		byUID[e.Id()] = e
	}
	rr := byUID["ESCB-2020-01/rapid-review@register.masa"]
	require.NotNil(t, rr, "the rapid review is in the feed: %s", rec.Body)
	start, err := rr.GetAllDayStartAt()
	require.NoError(t, err)
	// The Panel's expectation: 15 working days from the notification on
	// 3 June 2020 (the default start point).
	assert.Equal(t, "2020-06-24", start.Format("2006-01-02"))
	summary := rr.GetProperty(ics.ComponentPropertySummary).Value
	assert.True(t, strings.HasPrefix(summary, "OVERDUE: "), summary)
	desc := rr.GetProperty(ics.ComponentPropertyDescription).Value
	assert.Contains(t, desc, "Owner: ")
	assert.Contains(t, desc, "working days")
	assert.Contains(t, desc, "Rule: Child Safeguarding Practice Review Panel")
	// The board's pending actions join the feed (the Essex log dates its
	// meetings by month only, so none of them is an event).
	actions := 0
	for _, e := range events {
		if strings.HasPrefix(e.Id(), "action/") {
			actions++
			assert.Contains(t, e.GetProperty(ics.ComponentPropertyDescription).Value, "Owner: ")
		}
	}
	assert.Positive(t, actions)

	// The token in the URL is for the calendar alone.
	rec = call(f.h, "GET", "/v1/register/overdue?token="+f.read, nil)
	assert.Equal(t, 400, rec.Code, "token is not a parameter of other endpoints")
}

func TestRegisterTwoWritersOneVersion(t *testing.T) {
	f := newRegisterFixture(t)
	require.Equal(t, 201, f.do("POST", "/v1/register/cases", f.record, `{"ref": "ESCB-2020-01", "facts": `+seriousFacts+`}`).Code)
	body := `{"expectedVersion": 0, "event": {"step": "notify-panel", "on": "2020-06-03", "by": "DCS"}}`
	codes := make([]int, 2)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Go(func() { codes[i] = f.do("POST", "/v1/register/cases/ESCB-2020-01/events", f.record, body).Code })
	}
	wg.Wait()
	assert.ElementsMatch(t, []int{201, 409}, codes)
}

func TestRegisterUnavailable(t *testing.T) {
	h := newTestServer(t)
	rec := call(h, "GET", "/v1/register/overdue", nil, "Authorization", "Bearer masa_x")
	assert.Equal(t, 404, rec.Code)
	readProblem(t, rec)
}
