// Package ui is the funding scenarios page as go-app components, built
// into the browser client (wasm/cmd/app) and prerendered by the server
// (wasm/internal/server).
//
// The page renders a state.Model and hands every edit to the model's
// methods; the sums, the explanations and the checks are the funding
// package's, so the page holds no business rules. What the page itself
// does is talk to the browser: it keeps the scenario in the address bar
// for sharing, reads a shared scenario when it opens (in the browser
// only: the server prerenders the baseline and never echoes URL text),
// keeps named scenarios in local storage and saves downloads.
//
// Elements are built with go-app's generic element (see el) rather than
// its per-tag types, which keeps app.wasm inside its size budget.
package ui
