package ui

import (
	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"strings"
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
	return el("section").ID("results").Class("panel").Attr("tabindex", "-1").Aria("labelledby", "results-title").Body(
		el("h2").ID("results-title").Text("Contributions for "+r.Year.String()),
		app.If(p.sharedPending, func() app.UI {
			return el("p").Class("notice").ID("shared-pending").Text("Opening the shared scenario…")
		}),
		app.If(m.Stale, func() app.UI {
			return el("p").Class("notice stale").ID("stale").Text("The form has a problem, so these are the figures from the last scenario without problems.")
		}),
		el("p").ID("summary").Aria("live", "polite").Text(summaryText(c, places)),
		el("div").Class("table-wrap").Body(&ResultTable{Comparison: c, Names: p.names}),
		&Chart{Comparison: c},
		&Explanation{Result: r},
		p.renderShare(),
	)
}

// summaryText is the one-line summary read out after each edit.
func summaryText(c *funding.Comparison, places int32) string {
	t := c.Total
	return "Total " + pounds(t.New, places) + " for " + c.Year.String() + ": " +
		signedPounds(t.Change, places) + " (" + signedPercent(t.Percent) + ") on " + pounds(t.Old, places) + " in " + c.BaselineYear.String() + "."
}

// renderShare renders the link, save and download controls.
func (p *Page) renderShare() app.UI {
	m := p.model
	pdf := "/api/plan.pdf?" + state.ShareQuery(m.ResultForm)
	planName := "draft-plan-" + strings.ReplaceAll(m.Result.Year.String(), "/", "-") + ".pdf"
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
		&TextField{Field: fieldSaveName, Label: "Save this scenario in this browser as", Value: p.saveName, Error: p.saveNameErrorText()},
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
			el("button").Attr("type", "button").Class("secondary").ID("download-pdf").
				OnClick(p.downloadPlan(pdf, planName)).Text("Draft plan with this scenario (PDF)"),
		),
		el("p").Class("hint").Text("The draft plan is made by the server, so it needs a connection; the other downloads work offline."),
	)
}

// saveNameErrorText is the error shown beside the save name, if any.
func (p *Page) saveNameErrorText() string {
	if !p.saveNameError {
		return ""
	}
	return p.saveMessage
}
