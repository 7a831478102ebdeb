package ui

import (
	"net/url"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/wasm/internal/state"
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
	// names maps the baseline's contributors to their names.
	names map[vocab.ID]string
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
	// saveNameError marks the name input invalid; confirmReplace is the
	// saved name the next Save replaces, once the user has been asked.
	saveNameError  bool
	confirmReplace string
	// edits counts edits, so that only the last of a burst updates the
	// address bar.
	edits int
}

// OnInit creates the model for the partnership the server was started
// with, unless the page was made with one.
func (p *Page) OnInit() {
	pt, err := currentPartnership()
	if p.model == nil {
		p.model = state.NewModelFor(pt)
		if err != nil {
			p.model.Notice = vocab.Capitalise(err.Error())
		}
	}
	p.partnership = pt.Name
	p.names = map[vocab.ID]string{}
	for _, l := range p.model.Baseline.Lines {
		p.names[l.Org] = l.Name
	}
}

// OnPreRender runs on the server before the page is prerendered. A
// shared scenario in the URL is left for the browser to read, so the
// server never echoes URL text into the page.
func (p *Page) OnPreRender(ctx app.Context) {
	if ctx.Page().URL().Query().Get(state.QueryKey) != "" {
		p.sharedPending = true
	}
	ctx.Page().SetTitle("Funding scenarios · " + p.partnership + " · masa")
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
	ctx.Handle(actionEdit, p.handleEdit)
	// There is no warm-up calculation here: running the sums 20 times at
	// start-up blocked the main thread for most of the total blocking
	// time Lighthouse measured.
}

// handleEdit is the action handler for the inputs' edits: it passes the
// value to the model, which recomputes the scenario.
func (p *Page) handleEdit(ctx app.Context, a app.Action) {
	e, ok := a.Value.(edit)
	if !ok {
		return
	}
	if e.Field == fieldSaveName {
		p.saveName = e.Value
		if !p.saveNameError && p.confirmReplace == "" {
			ctx.PreventUpdate()
		}
		p.saveNameError, p.confirmReplace = false, ""
		return
	}
	p.model.Set(e.Field, e.Value)
	p.afterEdit(ctx)
}

// openURL loads the scenario shared in u, or explains why it cannot.
func (p *Page) openURL(ctx app.Context, u *url.URL) {
	p.model.OpenQuery(u.RawQuery)
	p.sharedPending = false
}

// edit returns the handler for the sharing method's radio buttons:
// it passes the element's value to the model.
func (p *Page) edit(f state.Field) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.model.Set(f, ctx.JSSrc().Get("value").String())
		p.afterEdit(ctx)
	}
}

// urlDelay is how long after the last edit the address bar is updated.
// Browsers make replacing the address expensive and throttle it, so it
// is not done on every keystroke.
const urlDelay = 250 * time.Millisecond

// afterEdit clears the page's messages and, once the user pauses, puts
// the form in the address bar, so that the page's URL shares what is on
// screen.
func (p *Page) afterEdit(ctx app.Context) {
	p.model.Notice = ""
	p.saveMessage = ""
	p.edits++
	if !app.IsClient {
		return
	}
	n := p.edits
	ctx.After(urlDelay, func(ctx app.Context) {
		ctx.PreventUpdate()
		if n == p.edits {
			// Typing has paused: this result is the one to keep on
			// screen if later typing has a problem.
			p.model.Settle()
			replaceURL(ctx, p.model.Form, p.model.Baseline)
		}
	})
}

func (p *Page) addContributor(ctx app.Context, e app.Event) {
	p.model.AddContributor()
	p.afterEdit(ctx)
}

func (p *Page) dropAdded(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.model.DropAdded(i)
		p.afterEdit(ctx)
	}
}

func (p *Page) reset(ctx app.Context, e app.Event) {
	p.model.Reset()
	p.afterEdit(ctx)
}

// renderClientStatus says, until the client has taken the page over,
// that the table can be read now and the form becomes interactive when
// the calculator is ready.
func (p *Page) renderClientStatus() app.UI {
	if p.client {
		return el("p").Class("client-status").Attr("hidden", true)
	}
	return el("p").Class("client-status").ID("client-status").Text(
		"The table below is the baseline. The form becomes interactive when the calculator has loaded in your browser; until then nothing you type is worked out.")
}

// Render renders the page.
func (p *Page) Render() app.UI {
	m := p.model
	main := el("div").ID("app").Class("page")
	if p.client {
		main = main.DataSet("client", "ready")
	}
	return main.Body(
		el("a").Class("skip-link").Attr("href", "#results").OnClick(focusTarget("results")).Text("Skip to the results"),
		el("header").Class("masthead").Body(
			el("h1").Text("Funding scenarios"),
			el("p").Text(p.partnership+": next year's contributions, starting from the "+
				m.Baseline.Year.String()+" table ("+
				itoa(len(m.Baseline.Lines))+" contributors, "+pounds(m.Baseline.Total(), 0)+")."),
			p.renderClientStatus(),
		),
		el("main").Body(
			&FormPanel{Page: p, Sig: formSig(m)},
			p.renderResults(),
		),
		el("footer").Body(
			el("p").Text("Amounts are worked out exactly in decimal and rounded by the method chosen; each line says how it was reached. "+
				"The page keeps working offline once it has loaded, and saved scenarios stay in this browser only."),
		),
	)
}
