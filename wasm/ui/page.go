package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Page is the app's only page.
type Page struct {
	app.Compo
}

// Render renders the page.
func (p *Page) Render() app.UI {
	return app.Div().ID("app").Text("masa")
}
