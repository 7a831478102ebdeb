package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/masa-go/masa/wasm/internal/server"
)

// New serves a bundle; here a stand-in module, so that no WebAssembly
// build is needed. The serve command passes the result of Build instead.
func ExampleNew() {
	b, err := server.NewBundle([]byte("\x00asm\x01\x00\x00\x00"), []byte("// wasm_exec.js\n"), "go1.26.8")
	if err != nil {
		panic(err)
	}
	srv := server.New(b, server.Options{})

	for _, path := range []string{"/", "/web/app.wasm", "/wasm_exec.js", "/nope"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		fmt.Println(strings.TrimSpace(fmt.Sprint(path, " ", rec.Code, " ", rec.Header().Get("Content-Type"), " ", rec.Header().Get("Content-Encoding"))))
	}
	// Output:
	// / 200 text/html
	// /web/app.wasm 200 application/wasm gzip
	// /wasm_exec.js 200 application/javascript
	// /nope 404 text/plain; charset=utf-8
}
