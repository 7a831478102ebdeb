package ui

import (
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/wasm/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// renderResults renders the allocation, the comparison with the
// baseline, the chart, the explanations and the share, save and
// download controls.
func (p *Page) renderResults() app.UI {
	m := p.model
	if m.Result == nil {
		// The Essex baseline always applies; this only shows if a
		// baseline without a valid table were loaded.
		return el("section").ID("results").Class("panel").Body(
			el("h2").Text("No result yet"),
			el("p").Text("Fix the problems in the form to see the allocation."),
		)
	}
	r, c := m.Result, m.Comparison
	places := r.Rounding.Unit.Places()
	return el("section").ID("results").Class("panel").Aria("labelledby", "results-title").Body(
		el("h2").ID("results-title").Text("Contributions for "+r.Year.String()),
		app.If(p.sharedPending, func() app.UI {
			return el("p").Class("notice").ID("shared-pending").Text("Opening the shared scenario…")
		}),
		app.If(m.Stale, func() app.UI {
			return el("p").Class("notice stale").ID("stale").Text("The form has a problem, so these are the figures from the last scenario without problems.")
		}),
		el("p").ID("summary").Aria("live", "polite").Text(summaryText(c, places)),
		el("div").Class("table-wrap").Body(p.renderTable(c, places)),
		renderChart(c, places),
		el("h2").Text("What changed"),
		renderSteps(r),
		el("h2").Text("How each amount was reached"),
		renderExplanations(r),
		p.renderShare(),
	)
}

// summaryText is the one-line summary read out after each edit.
func summaryText(c *funding.Comparison, places int32) string {
	t := c.Total
	return "Total " + pounds(t.New, places) + " for " + c.Year.String() + ": " +
		signedPounds(t.Change, places) + " (" + signedPercent(t.Percent) + ") on " + pounds(t.Old, places) + " in " + c.BaselineYear.String() + "."
}

// renderTable renders the comparison: old, new, change and percentage
// change for each contributor and the totals.
func (p *Page) renderTable(c *funding.Comparison, places int32) app.UI {
	rows := make([]app.UI, len(c.Rows))
	for i, rw := range c.Rows {
		name := el("th").Attr("scope", "row").Text(rw.Name)
		if len(rw.From) > 0 {
			name = el("th").Attr("scope", "row").Body(
				app.Text(rw.Name),
				el("span").Class("hint").Text(" (was "+p.names(rw.From)+")"),
			)
		}
		rows[i] = el("tr").DataSet("org", string(rw.Org)).Body(
			name,
			el("td").Class("num").Text(pounds(rw.Old, places)),
			el("td").Class("num new").Text(pounds(rw.New, places)),
			el("td").Class(changeClass(rw.Change)).Text(signedPounds(rw.Change, places)),
			el("td").Class("num").Text(signedPercent(rw.Percent)),
		)
	}
	t := c.Total
	return el("table").Class("allocation").ID("allocation").Body(
		el("caption").Text("Contributions for "+c.Year.String()+" compared with "+c.BaselineYear.String()),
		el("thead").Body(el("tr").Body(
			el("th").Attr("scope", "col").Text("Contributor"),
			el("th").Attr("scope", "col").Class("num").Text(c.BaselineYear.String()),
			el("th").Attr("scope", "col").Class("num").Text(c.Year.String()),
			el("th").Attr("scope", "col").Class("num").Text("Change"),
			el("th").Attr("scope", "col").Class("num").Text("% change"),
		)),
		el("tbody").Body(rows...),
		el("tfoot").Body(el("tr").ID("total").Body(
			el("th").Attr("scope", "row").Text("Total"),
			el("td").Class("num").Text(pounds(t.Old, places)),
			el("td").Class("num new").Text(pounds(t.New, places)),
			el("td").Class(changeClass(t.Change)).Text(signedPounds(t.Change, places)),
			el("td").Class("num").Text(signedPercent(t.Percent)),
		)),
	)
}

// names returns the names of baseline contributors, joined.
func (p *Page) names(ids []vocab.ID) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
		for _, l := range p.model.Baseline.Lines {
			if l.Org == id {
				out[i] = l.Name
			}
		}
	}
	return strings.Join(out, ", ")
}

// renderChart draws each contributor's old and new amounts as bars. The
// table above carries the same figures for screen readers.
func renderChart(c *funding.Comparison, places int32) app.UI {
	max := decimal.Zero
	for _, rw := range c.Rows {
		max = decimal.Max(max, rw.Old.Decimal(), rw.New.Decimal())
	}
	rows := make([]app.UI, len(c.Rows))
	for i, rw := range c.Rows {
		rows[i] = el("div").Class("chart-row").Body(
			el("div").Class("chart-label").Title(rw.Name).Text(rw.Name),
			el("div").Class("chart-bars").Body(
				el("div").Class("bar baseline").Style("width", barWidth(rw.Old.Decimal(), max)),
				el("div").Class("bar").Style("width", barWidth(rw.New.Decimal(), max)),
			),
		)
	}
	return el("figure").Class("chart").Aria("hidden", "true").Body(
		el("figcaption").Class("chart-key").Body(
			el("span").Class("swatch bar baseline"), app.Text(c.BaselineYear.String()),
			el("span").Class("swatch bar"), app.Text(c.Year.String()),
		),
		el("div").Body(rows...),
	)
}

// renderSteps lists the sentence for each change.
func renderSteps(r *funding.Result) app.UI {
	if len(r.Steps) == 0 {
		return el("p").ID("steps").Text("No changes: the " + r.BaselineYear.String() + " contributions are shared in the same proportions.")
	}
	items := make([]app.UI, len(r.Steps))
	for i, s := range r.Steps {
		items[i] = el("li").Text(s.Sentence)
	}
	return el("ol").ID("steps").Class("changes").Body(items...)
}

// renderExplanations gives each line's explanation.
func renderExplanations(r *funding.Result) app.UI {
	items := make([]app.UI, 0, 2*len(r.Lines))
	for _, l := range r.Lines {
		items = append(items, el("dt").Text(l.Name), el("dd").Text(l.Explanation))
	}
	return el("dl").ID("explanations").Class("explanations").Body(items...)
}

// renderShare renders the link, save and download controls.
func (p *Page) renderShare() app.UI {
	m := p.model
	pdf := "/api/plan.pdf?" + state.ShareQuery(m.ResultForm)
	saved := make([]app.UI, len(p.saved))
	for i, s := range p.saved {
		saved[i] = el("li").Body(
			el("span").Text(s.Name),
			el("button").Attr("type", "button").Class("secondary").Text("Open").Aria("label", "Open "+s.Name).OnClick(p.openSaved(s)),
			el("button").Attr("type", "button").Class("secondary").Text("Delete").Aria("label", "Delete "+s.Name).OnClick(p.deleteSaved(s.Name)),
		)
	}
	return el("div").ID("share").Body(
		el("h2").Text("Share, save and download"),
		el("p").Text("The address of this page always holds the scenario on screen: copy it to share the scenario."),
		el("button").Attr("type", "button").ID("copy-link").Text("Copy the link").OnClick(p.copyLink),
		el("div").Class("field").Body(
			el("label").Attr("for", "save-name").Text("Save this scenario in this browser as"),
			input().Attr("type", "text").ID("save-name").Attr("value", p.saveName).Attr("autocomplete", "off").
				OnInput(func(ctx app.Context, e app.Event) { p.saveName = ctx.JSSrc().Get("value").String() }),
		),
		el("button").Attr("type", "button").ID("save").Text("Save").OnClick(p.save),
		app.If(p.saveMessage != "", func() app.UI {
			cls := "notice"
			if p.saveError {
				cls += " error"
			}
			return el("p").ID("save-message").Class(cls).Aria("live", "polite").Text(p.saveMessage)
		}),
		app.If(len(saved) > 0, func() app.UI {
			return el("div").Body(
				el("h3").Text("Saved scenarios"),
				el("ul").Class("saved").ID("saved").Body(saved...),
			)
		}),
		el("h3").Text("Download"),
		el("p").Body(
			el("button").Attr("type", "button").Class("secondary").ID("download-csv").Text("Allocation (CSV)").OnClick(p.download(state.DownloadCSV)),
			el("button").Attr("type", "button").Class("secondary").ID("download-comparison-csv").Text("Comparison (CSV)").OnClick(p.download(state.DownloadComparisonCSV)),
			el("button").Attr("type", "button").Class("secondary").ID("download-json").Text("Result (JSON)").OnClick(p.download(state.DownloadJSON)),
			el("a").Class("button secondary").ID("download-pdf").Attr("href", pdf).Attr("download", "draft-plan.pdf").Text("Draft plan with this scenario (PDF)"),
		),
		el("p").Class("hint").Text("The draft plan is made by the server, so it needs a connection; the other downloads work offline."),
	)
}
