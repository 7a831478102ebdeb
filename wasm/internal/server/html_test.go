package server

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSortAttributes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<div id="a" class="b">x</div>`, `<div class="b" id="a">x</div>`},
		{`<!doctype html>` + "\n" + `<input type="checkbox" checked id="x">`, `<!doctype html>` + "\n" + `<input checked id="x" type="checkbox">`},
		{`<a title="say \"hi\" >" href="/">`, `<a href="/" title="say \"hi\" >">`},
		{`<p>1 < 2</p>`, `<p>1 < 2</p>`},
		{`text only`, `text only`},
		{`<img src="a"/>`, `<img src="a"/>`},
		{`<div id="unterminated`, `<div id="unterminated`},
		{`<div id=unquoted class="a">`, `<div id=unquoted class="a">`},
		{`<div`, `<div`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(sortAttributes([]byte(tt.in))), "%q", tt.in)
	}
}

func FuzzSortAttributes(f *testing.F) {
	for _, s := range []string{`<div id="a" class="b">`, `<input checked type="x">`, `<a b="\"">`, `<<<>>>`, `<x y=`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		out := sortAttributes([]byte(page))
		if len(out) != len(page) {
			t.Fatalf("length changed: %q -> %q", page, out)
		}
		a, b := []byte(page), slices.Clone(out)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Fatalf("not a reordering: %q -> %q", page, out)
		}
		if again := sortAttributes(out); string(again) != string(out) {
			t.Fatalf("not stable: %q -> %q -> %q", page, out, again)
		}
	})
}

func TestDeterministicPagesPassesOtherResponses(t *testing.T) {
	h := deterministicPages(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<p title="t" class="c">`))
			w.Write([]byte(`x</p>`))
		case "/missing":
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`<p id="b" class="a">`))
		default:
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte(`<p id="b" class="a">`))
		}
	}), true)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/html", nil))
	assert.Equal(t, `<p class="c" title="t">x</p>`, rec.Body.String())
	assert.Equal(t, "28", rec.Header().Get("Content-Length"))
	for _, path := range []string{"/missing", "/text"} {
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, `<p id="b" class="a">`, rec.Body.String(), path)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/html", nil))
	assert.Empty(t, rec.Body.String())
	assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html"))
}
