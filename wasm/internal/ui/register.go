package ui

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var registerOnce sync.Once

// Register routes the app's pages with go-app. The browser client and the
// server both call it: the server to prerender pages, the client to mount
// them. Calling it more than once has no further effect.
func Register() {
	registerOnce.Do(func() {
		app.Route("/", func() app.Composer { return &Page{} })
	})
}
