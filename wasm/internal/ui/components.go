package ui

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// The page is split into components whose fields are plain values, so
// that go-app re-renders only those whose values changed: an edit to the
// budget re-renders the budget input and the results, not the sixty
// other inputs. Inputs report edits as actions, which the page handles.
//
// In the browser the inputs are uncontrolled: rendering never writes an
// input's value (a value written while the user types would drop the
// keys typed since the state was read). Instead each input component
// sets its element's value, or checked state, when it is mounted and
// when its parent gives it a new one, skipping the element that has the
// focus. The server renders the values as attributes, for the
// prerendered page.

// actionEdit is the action an input posts when its value changes; its
// value is an edit.
const actionEdit = "masa.edit"

// fieldSaveName is the input for the name a scenario is saved under; it
// is the page's, not the form's.
const fieldSaveName state.Field = "save-name"

// edit is the value of an actionEdit action.
type edit struct {
	Field state.Field
	Value string
}

// TextField is a labelled text input with its hint and error message.
type TextField struct {
	app.Compo

	Field state.Field
	Label string
	Hint  string
	// Mode is the inputmode: "decimal", "numeric" or "" for text.
	Mode  string
	Class string
	Value string
	// Error is the error message shown next to the input, or "".
	Error string
}

// Render renders the field.
func (c *TextField) Render() app.UI {
	id := c.Field.ID()
	in := input().Attr("type", "text").ID("%s", id).Attr("name", string(c.Field)).
		Attr("autocomplete", "off").Attr("spellcheck", "false").
		OnInput(c.onInput)
	if !app.IsClient {
		in = in.Attr("value", c.Value)
	}
	if c.Mode != "" {
		in = in.Attr("inputmode", c.Mode)
	}
	var described []string
	if c.Hint != "" {
		described = append(described, id+"-hint")
	}
	cls := "field"
	if c.Class != "" {
		cls += " " + c.Class
	}
	if c.Error != "" {
		cls += " invalid"
		in = in.Aria("invalid", "true")
		described = append(described, c.Field.ErrorID())
	}
	if len(described) > 0 {
		in = in.Aria("describedby", strings.Join(described, " "))
	}
	// The error span is always there, empty when there is no error, so
	// that the input keeps its place and is never replaced while the
	// user types in it.
	return el("div").Class(cls).Body(
		el("label").Attr("for", id).Text(c.Label),
		app.If(c.Hint != "", func() app.UI {
			return el("span").ID("%s", id+"-hint").Class("hint").Text(c.Hint)
		}),
		errorSpan(c.Field, c.Error),
		in,
	)
}

// OnMount sets the input's value.
func (c *TextField) OnMount(ctx app.Context) { setLive(c, "value", c.Value) }

// OnUpdate sets the input's value once the new state is rendered.
func (c *TextField) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) { setLive(c, "value", c.Value) })
}

func (c *TextField) onInput(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	c.Value = v
	// The page re-renders what the edit changes; the input itself shows
	// what was typed already.
	ctx.PreventUpdate()
	ctx.NewActionWithValue(actionEdit, edit{Field: c.Field, Value: v})
}

// CheckField is a labelled check box. Invert shows the opposite of the
// form's value, for an "included" box over a "removed" field.
type CheckField struct {
	app.Compo

	Field   state.Field
	Label   string
	Checked bool
	Invert  bool
	Error   string
}

// Render renders the check box.
func (c *CheckField) Render() app.UI {
	in := input().Attr("type", "checkbox").ID("%s", c.Field.ID()).Attr("name", string(c.Field)).OnChange(c.onChange)
	if c.Checked && !app.IsClient {
		in = in.Attr("checked", true)
	}
	if c.Error != "" {
		in = in.Aria("invalid", "true").Aria("describedby", c.Field.ErrorID())
	}
	return el("div").Body(
		el("div").Class("field-check").Body(in, el("label").Attr("for", c.Field.ID()).Text(c.Label)),
		errorSpan(c.Field, c.Error),
	)
}

// OnMount sets the box's checked state.
func (c *CheckField) OnMount(ctx app.Context) { setLive(c, "checked", c.Checked) }

// OnUpdate sets the box's checked state once the new state is rendered.
func (c *CheckField) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) { setLive(c, "checked", c.Checked) })
}

func (c *CheckField) onChange(ctx app.Context, e app.Event) {
	checked := ctx.JSSrc().Get("checked").Bool()
	c.Checked = checked
	if c.Invert {
		checked = !checked
	}
	v := "false"
	if checked {
		v = "true"
	}
	ctx.PreventUpdate()
	ctx.NewActionWithValue(actionEdit, edit{Field: c.Field, Value: v})
}

// SelectField is a labelled select.
type SelectField struct {
	app.Compo

	Field state.Field
	Label string
	// Options are value and text pairs.
	Options [][2]string
	Value   string
	Error   string
}

// Render renders the select.
func (c *SelectField) Render() app.UI {
	sel := el("select").ID("%s", c.Field.ID()).Attr("name", string(c.Field)).OnChange(c.onChange)
	if c.Error != "" {
		sel = sel.Aria("invalid", "true").Aria("describedby", c.Field.ErrorID())
	}
	opts := make([]app.UI, len(c.Options))
	for i, o := range c.Options {
		opt := el("option").Attr("value", o[0]).Text(o[1])
		if o[0] == c.Value && !app.IsClient {
			opt = opt.Attr("selected", true)
		}
		opts[i] = opt
	}
	return el("div").Class("field").Body(
		el("label").Attr("for", c.Field.ID()).Text(c.Label),
		errorSpan(c.Field, c.Error),
		sel.Body(opts...),
	)
}

// OnMount sets the selected option.
func (c *SelectField) OnMount(ctx app.Context) { setLive(c, "value", c.Value) }

// OnUpdate sets the selected option once the new state is rendered.
func (c *SelectField) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) { setLive(c, "value", c.Value) })
}

func (c *SelectField) onChange(ctx app.Context, e app.Event) {
	c.Value = ctx.JSSrc().Get("value").String()
	ctx.PreventUpdate()
	ctx.NewActionWithValue(actionEdit, edit{Field: c.Field, Value: c.Value})
}

// setLive sets a property of the input or select inside component c,
// unless the element has the focus (the user owns its value then) or
// already holds v.
func setLive(c app.Composer, prop string, v any) {
	if !app.IsClient || !c.Mounted() {
		return
	}
	el := c.JSValue().Call("querySelector", "input, select")
	if !el.Truthy() || el.Equal(app.Window().Get("document").Get("activeElement")) {
		return
	}
	switch v := v.(type) {
	case string:
		if el.Get(prop).String() != v {
			el.Set(prop, v)
		}
	case bool:
		if el.Get(prop).Bool() != v {
			el.Set(prop, v)
		}
	}
}

// errorSpan is the element an input names with aria-describedby when
// it has an error; with no error it is empty and hidden.
func errorSpan(f state.Field, msg string) app.UI {
	span := el("span").ID("%s", f.ErrorID()).Class("field-error")
	if msg == "" {
		return span.Attr("hidden", true).Text("")
	}
	return span.Text("Error: " + msg)
}

// ResultTable is the comparison of the scenario with the baseline.
type ResultTable struct {
	app.Compo

	Comparison *funding.Comparison
	// Names maps baseline contributors to their names, for the groups a
	// merged contributor replaces.
	Names map[vocab.ID]string
}

// Render renders the table.
func (c *ResultTable) Render() app.UI {
	cmp := c.Comparison
	places := cmp.Rounding.Unit.Places()
	rows := make([]app.UI, len(cmp.Rows))
	for i, rw := range cmp.Rows {
		name := el("th").Attr("scope", "row").Text(rw.Name)
		if len(rw.From) > 0 {
			was := make([]string, len(rw.From))
			for j, id := range rw.From {
				was[j] = c.Names[id]
				if was[j] == "" {
					was[j] = string(id)
				}
			}
			name = el("th").Attr("scope", "row").Body(
				app.Text(rw.Name),
				el("span").Class("hint").Text(" (was "+strings.Join(was, ", ")+")"),
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
	t := cmp.Total
	return el("table").Class("allocation").ID("allocation").Body(
		el("caption").Text("Contributions for "+cmp.Year.String()+" compared with "+cmp.BaselineYear.String()),
		el("thead").Body(el("tr").Body(
			el("th").Attr("scope", "col").Text("Contributor"),
			el("th").Attr("scope", "col").Class("num").Text(cmp.BaselineYear.String()),
			el("th").Attr("scope", "col").Class("num").Text(cmp.Year.String()),
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

// Chart draws each contributor's old and new amounts as bars. The table
// carries the same figures for screen readers, so the chart is hidden
// from them.
type Chart struct {
	app.Compo

	Comparison *funding.Comparison
}

// Render renders the chart.
func (c *Chart) Render() app.UI {
	cmp := c.Comparison
	max := decimal.Zero
	for _, rw := range cmp.Rows {
		max = decimal.Max(max, rw.Old.Decimal(), rw.New.Decimal())
	}
	places := cmp.Rounding.Unit.Places()
	// Each bar carries its value, as the PDF's chart does.
	bar := func(cls string, n funding.Number) app.UI {
		return el("div").Class("bar-line").Body(
			el("div").Class(cls).Style("width", barWidth(n.Decimal(), max)),
			el("span").Class("bar-value").Text(pounds(n, places)),
		)
	}
	rows := make([]app.UI, len(cmp.Rows))
	for i, rw := range cmp.Rows {
		rows[i] = el("div").Class("chart-row").Body(
			el("div").Class("chart-label").Title(rw.Name).Text(rw.Name),
			el("div").Class("chart-bars").Body(
				bar("bar baseline", rw.Old),
				bar("bar", rw.New),
			),
		)
	}
	return el("figure").Class("chart").Aria("hidden", "true").Body(
		el("figcaption").Class("chart-key").Body(
			el("span").Class("swatch bar baseline"), app.Text(cmp.BaselineYear.String()),
			el("span").Class("swatch bar"), app.Text(cmp.Year.String()),
		),
		el("div").Body(rows...),
	)
}

// Explanation lists the sentence for each change and, on request, how
// each amount was reached. The per-line explanations change with every
// edit, so they are rendered only while their section is open.
type Explanation struct {
	app.Compo

	Result *funding.Result

	open bool
}

// Render renders the explanation.
func (c *Explanation) Render() app.UI {
	r := c.Result
	var steps app.UI
	if len(r.Steps) == 0 {
		steps = el("p").ID("steps").Text("No changes: the " + r.BaselineYear.String() + " contributions are shared in the same proportions.")
	} else {
		items := make([]app.UI, len(r.Steps))
		for i, s := range r.Steps {
			items[i] = el("li").Text(s.Sentence)
		}
		steps = el("ol").ID("steps").Class("changes").Body(items...)
	}
	details := el("details").ID("how").On("toggle", c.onToggle)
	var lines []app.UI
	if c.open {
		details = details.Attr("open", true)
		lines = make([]app.UI, 0, 2*len(r.Lines))
		for _, l := range r.Lines {
			lines = append(lines, el("dt").Text(l.Name), el("dd").Text(l.Explanation))
		}
	}
	return el("div").Body(
		el("h2").Text("What changed"),
		steps,
		details.Body(
			el("summary").Body(el("h2").Class("inline").Text("How each amount was reached")),
			el("dl").ID("explanations").Class("explanations").Body(lines...),
		),
	)
}

func (c *Explanation) onToggle(ctx app.Context, e app.Event) {
	open := ctx.JSSrc().Get("open").Bool()
	if open == c.open {
		ctx.PreventUpdate()
		return
	}
	c.open = open
}

// FormPanel is the scenario form. Its inputs hold what the user types,
// so the panel re-renders only when something else it shows changes:
// problems, the contributors listed, the sharing method, the rows for
// new contributors, or a form loaded as a whole. Sig sums those up.
type FormPanel struct {
	app.Compo

	Page *Page
	Sig  string
}

// Render renders the form.
func (c *FormPanel) Render() app.UI { return c.Page.renderForm() }

// formSig sums up what the form shows apart from typed values.
func formSig(m *state.Model) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%s|%s|%d|%t|%s|%s|", m.Loads, m.Form.Method, m.Notice, len(m.Form.Added), m.Form.ICB, m.Year(), m.SuccessionWarning())
	for _, p := range m.Problems {
		fmt.Fprintf(&b, "%q%q%q", p.Field, p.Value, p.Message)
	}
	b.WriteByte('|')
	for _, c := range m.Contributors {
		fmt.Fprintf(&b, "%q%q%s%d%s%d;", c.Org, c.Name, c.Basis, c.Members, c.Rate, c.Added)
	}
	b.WriteByte('|')
	for _, c := range m.Removable {
		fmt.Fprintf(&b, "%q%q;", c.Org, c.Name)
	}
	b.WriteByte('|')
	for _, c := range m.Contributors {
		// Whether a contributor takes a percentage or weight depends on
		// its fixed amount being empty.
		fmt.Fprintf(&b, "%t", m.SharesInput(c))
	}
	return b.String()
}
