// Package server builds the funding scenarios browser app for
// WebAssembly and serves it.
//
// Build compiles the client package (wasm/cmd/app) for GOOS=js
// GOARCH=wasm with the go command of the very toolchain that compiled the
// running server, so the WebAssembly module, its wasm_exec.js support
// file and the server always come from one Go release; the result lands
// in a cache directory, never in the source tree. New wraps go-app's
// app.Handler: the page is prerendered on the server, app.wasm is served
// gzip-compressed, the app version is a hash of the served bytes (a
// restart with the same build is not an app update), and the toolchain's
// own wasm_exec.js is served whenever go-app's embedded copy differs from
// it. The package holds server code only; the browser build never
// imports it.
package server
