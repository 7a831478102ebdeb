package main

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzRegisterWrite posts arbitrary bodies to the register's write
// endpoints with a good token and checks the promise: a 201 or a 4xx
// problem body, never a 5xx, and the case's version moves by one on a
// 201 and not at all otherwise (no partial write).
func FuzzRegisterWrite(f *testing.F) {
	f.Add(uint8(0), "ESCB-2020-09", []byte(`{"ref": "ESCB-2020-09", "facts": `+seriousFacts+`}`))
	f.Add(uint8(1), "ESCB-2020-01", []byte(`{"expectedVersion": 0, "event": {"step": "notify-panel", "on": "2020-06-03", "by": "DCS"}}`))
	f.Add(uint8(1), "ESCB-2020-01", []byte(`{"expectedVersion": 0, "event": {"step": "rapid-review", "on": "2020-02-30", "by": ""}}`))
	f.Add(uint8(2), "ESCB-2020-01", []byte(`{"expectedVersion": 0, "corrects": 1, "withdraw": true, "reason": "x"}`))
	f.Add(uint8(1), "a/b", []byte(`{"expectedVersion": -1, "event": {}}`))
	f.Add(uint8(2), "", []byte(`{}`))
	fx := newRegisterFixture(f)
	require.Equal(f, 201, fx.do("POST", "/v1/register/cases", fx.record, `{"ref": "ESCB-2020-01", "facts": `+seriousFacts+`}`).Code)
	version := func(t testing.TB, ref string) int {
		rec := fx.do("GET", "/v1/register/cases/"+url.PathEscape(ref), fx.read, nil)
		if rec.Code != 200 {
			return -1
		}
		var c struct{ Version int }
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &c))
		return c.Version
	}
	f.Fuzz(func(t *testing.T, which uint8, ref string, body []byte) {
		target := []string{"/v1/register/cases", "/v1/register/cases/" + url.PathEscape(ref) + "/events", "/v1/register/cases/" + url.PathEscape(ref) + "/corrections"}[int(which)%3]
		before := version(t, ref)
		rec := call(fx.h, "POST", target, body, "Authorization", "Bearer "+fx.record, "Content-Type", "application/json")
		require.Less(t, rec.Code, 500, "%s: %s", target, rec.Body)
		after := version(t, ref)
		switch {
		case rec.Code == 201 && which%3 == 0:
			// A new case; ref in the path plays no part.
		case rec.Code == 201:
			assert.Equal(t, before+1, after)
		case rec.Code >= 300 && rec.Code < 400:
			// The mux redirects paths that are not clean, such as an empty ref.
			assert.NotEmpty(t, rec.Header().Get("Location"))
			assert.Equal(t, before, after)
		case rec.Code >= 400:
			readProblem(t, rec)
			assert.Equal(t, before, after, "a refused write changed the case")
		default:
			t.Fatalf("unexpected status %d: %s", rec.Code, rec.Body)
		}
	})
}
