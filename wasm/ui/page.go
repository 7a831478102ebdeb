package ui

import (
	"net/url"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/wasm/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Page is the funding scenarios page. It renders its state.Model and
// passes every edit to the model's methods; the sums are the funding
// package's.
type Page struct {
	app.Compo

	model *state.Model
	// partnership is the partnership's full name.
	partnership string
	// client is set once the page is mounted in a browser.
	client bool
	// sharedPending is set on the server when the URL carries a shared
	// scenario, which only the browser reads.
	sharedPending bool
	// saved are the scenarios kept in local storage.
	saved []state.Saved
	// saveName is the name typed for saving; saveMessage reports the
	// outcome of the last save, copy or delete.
	saveName    string
	saveMessage string
	saveError   bool
}

// OnInit creates the model for the Essex baseline.
func (p *Page) OnInit() {
	p.model = state.Essex()
	p.partnership = masa.Essex().Name
}

// OnPreRender runs on the server before the page is prerendered. A
// shared scenario in the URL is left for the browser to read, so the
// server never echoes URL text into the page.
func (p *Page) OnPreRender(ctx app.Context) {
	if ctx.Page().URL().Query().Get(state.QueryKey) != "" {
		p.sharedPending = true
	}
	ctx.Page().SetTitle("Funding scenarios · masa")
}

// OnNav reads a shared scenario from the URL, in the browser.
func (p *Page) OnNav(ctx app.Context) {
	if !app.IsClient {
		return
	}
	p.openURL(ctx, ctx.Page().URL())
}

// OnMount marks the page as running in the browser and reads the saved
// scenarios.
func (p *Page) OnMount(ctx app.Context) {
	p.client = true
	p.saved = loadSaved(ctx)
}

// openURL loads the scenario shared in u, or explains why it cannot.
func (p *Page) openURL(ctx app.Context, u *url.URL) {
	p.model.OpenQuery(u.Query())
	p.sharedPending = false
	ctx.Defer(p.syncInputs)
}

// edit returns the handler for a text input or select: it passes the
// element's value to the model.
func (p *Page) edit(f state.Field) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.model.Set(f, ctx.JSSrc().Get("value").String())
		p.afterEdit(ctx)
	}
}

// toggle returns the handler for a check box.
func (p *Page) toggle(f state.Field, invert bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		checked := ctx.JSSrc().Get("checked").Bool()
		if invert {
			checked = !checked
		}
		v := "false"
		if checked {
			v = "true"
		}
		p.model.Set(f, v)
		p.afterEdit(ctx)
	}
}

// afterEdit puts the form in the address bar, so that the page's URL
// always shares what is on screen.
func (p *Page) afterEdit(ctx app.Context) {
	p.model.Notice = ""
	p.saveMessage = ""
	replaceURL(ctx, p.model.Form, p.model.Baseline)
}

func (p *Page) addContributor(ctx app.Context, e app.Event) {
	p.model.AddContributor()
	p.afterEdit(ctx)
}

func (p *Page) dropAdded(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.model.DropAdded(i)
		p.afterEdit(ctx)
		ctx.Defer(p.syncInputs)
	}
}

func (p *Page) reset(ctx app.Context, e app.Event) {
	p.model.Reset()
	p.afterEdit(ctx)
	ctx.Defer(p.syncInputs)
}

// syncInputs sets every input's live value from the form. go-app
// updates value attributes, which does not change what an input shows
// once the user has typed in it, so after the form is replaced as a
// whole (reset, a shared link, a saved scenario) the inputs are set
// directly.
func (p *Page) syncInputs(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	for _, f := range p.model.ShownFields() {
		el := doc.Call("getElementById", f.ID())
		if !el.Truthy() {
			continue
		}
		v := p.model.Form.Value(f)
		switch el.Get("type").String() {
		case "checkbox":
			checked := v == "true"
			if kind, _ := f.Split(); kind == state.KindRemove {
				checked = !checked // the box says "included"
			}
			el.Set("checked", checked)
		default:
			el.Set("value", v)
		}
	}
	for _, m := range []funding.Method{funding.BaselineShares, funding.Percentages, funding.Weights} {
		el := doc.Call("getElementById", methodID(m))
		if el.Truthy() {
			el.Set("checked", p.model.Form.Value(state.FieldMethod) == string(m))
		}
	}
}

// Render renders the page.
func (p *Page) Render() app.UI {
	m := p.model
	main := el("div").ID("app").Class("page")
	if p.client {
		main = main.DataSet("client", "ready")
	}
	return main.Body(
		el("a").Class("skip-link").Attr("href", "#results").Text("Skip to the results"),
		el("header").Class("masthead").Body(
			el("h1").Text("Funding scenarios"),
			el("p").Text(p.partnership+": next year's contributions, starting from the "+
				m.Baseline.Year.String()+" table ("+
				itoa(len(m.Baseline.Lines))+" contributors, "+pounds(m.Baseline.Total(), 0)+")."),
		),
		el("main").Body(
			p.renderForm(),
			p.renderResults(),
		),
		el("footer").Body(
			el("p").Text("Amounts are worked out exactly in decimal and rounded by the method chosen; each line says how it was reached. "+
				"The page keeps working offline once it has loaded, and saved scenarios stay in this browser only."),
		),
	)
}
