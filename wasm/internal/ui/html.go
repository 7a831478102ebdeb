package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// el returns an HTML element. The page builds every element through
// go-app's generic element rather than its per-tag types: each per-tag
// type brings a few hundred methods into the WebAssembly module, and the
// generic one keeps app.wasm inside its size budget.
func el(tag string) app.HTMLElem { return app.Elem(tag) }

// input returns an input element.
func input() app.HTMLElemSelfClosing { return app.ElemSelfClosing("input") }
