package ui

import (
	"strconv"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func itoa(n int) string { return strconv.Itoa(n) }

// fieldOptions describe a text input.
type fieldOptions struct {
	hint      string
	inputMode string // "decimal", "numeric" or "" for text
	class     string
}

// fieldError returns the error message shown next to field f: its
// problems as sentences naming the field, or "".
func (p *Page) fieldError(f state.Field, label string) string {
	probs := p.model.ProblemsFor(f)
	if len(probs) == 0 {
		return ""
	}
	msgs := make([]string, len(probs))
	for i, pr := range probs {
		msgs[i] = problemSentence(label, pr)
	}
	return strings.Join(msgs, " ")
}

// textField returns the text input for field f.
func (p *Page) textField(f state.Field, label string, o fieldOptions) app.UI {
	return &TextField{
		Field: f, Label: label, Hint: o.hint, Mode: o.inputMode, Class: o.class,
		Value: p.model.Form.Value(f),
		Error: p.fieldError(f, label),
	}
}

// problemSentence turns a problem into a sentence naming the field, such
// as `Total budget "12a" is not a decimal number such as 1210 or 2.5.`
func problemSentence(label string, pr state.Problem) string {
	s := label
	if pr.Value != "" {
		s += " " + strconv.Quote(shorten(pr.Value, 40))
	}
	s += " " + pr.Message
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func shorten(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// checkBox returns the check box for field f. invert shows the opposite
// of the form's value, for "included" boxes over a "removed" field.
func (p *Page) checkBox(f state.Field, label string, invert bool) app.UI {
	checked := p.model.Form.Value(f) == "true"
	if invert {
		checked = !checked
	}
	return &CheckField{Field: f, Label: label, Checked: checked, Invert: invert, Error: p.fieldError(f, label)}
}

// selectField returns the select for field f.
func (p *Page) selectField(f state.Field, label string, options [][2]string) app.UI {
	return &SelectField{Field: f, Label: label, Options: options, Value: p.model.Form.Value(f), Error: p.fieldError(f, label)}
}

func methodID(m funding.Method) string { return state.FieldMethod.ID() + "-" + string(m) }

// renderForm renders the scenario form.
func (p *Page) renderForm() app.UI {
	m := p.model
	return el("form").Class("controls").Aria("label", "Scenario").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		Body(
			p.renderProblemSummary(),
			el("fieldset").Body(
				el("legend").Text("Budget"),
				p.textField(state.FieldBudget, "Total budget (£)", fieldOptions{
					hint: "The " + m.Baseline.Year.String() + " total was " + pounds(m.Baseline.Total(), 0) + ".", inputMode: "decimal"}),
				p.textField(state.FieldUplift, "Uplift or cut (%)", fieldOptions{
					hint: "Applied to the budget, fixed amounts and flat rates; a minus sign for a cut, such as -2.5.", inputMode: "decimal"}),
			),
			p.renderStructure(),
			p.renderSharing(),
			p.renderAmounts(),
			el("fieldset").Body(
				el("legend").Text("Rounding"),
				p.selectField(state.FieldUnit, "Round each contribution to", unitOptions()),
				p.selectField(state.FieldPolicy, "Give the units left over", policyOptions()),
			),
			el("fieldset").Body(
				el("legend").Text("Scenario"),
				&SelectField{Field: state.FieldYear, Label: "Financial year", Options: p.yearOptions(), Value: m.Year(), Error: p.fieldError(state.FieldYear, "Financial year")},
				p.textField(state.FieldName, "Scenario name", fieldOptions{hint: "Used in the downloads and the draft plan."}),
				el("button").Attr("type", "button").Class("secondary").ID("reset").Text("Start again from the baseline").OnClick(p.reset),
			),
		)
}

func (p *Page) yearOptions() [][2]string {
	var out [][2]string
	// Every option has a value of its own: go-app leaves out an empty
	// value attribute, and an option without one takes its text.
	for _, y := range p.model.Years() {
		out = append(out, [2]string{y.String(), y.String()})
	}
	return out
}

func unitOptions() [][2]string {
	var out [][2]string
	for _, u := range funding.Units() {
		out = append(out, [2]string{string(u), u.Label()})
	}
	return out
}

func policyOptions() [][2]string {
	var out [][2]string
	for _, pol := range funding.Policies() {
		out = append(out, [2]string{string(pol), pol.Label()})
	}
	return out
}

// renderProblemSummary lists the form's problems at its top, each
// linking to its input, and any problem no input shows.
func (p *Page) renderProblemSummary() app.UI {
	m := p.model
	if len(m.Problems) == 0 && m.Notice == "" {
		return el("div").ID("form-status").Aria("live", "polite")
	}
	general := m.GeneralProblems()
	items := make([]app.UI, 0, len(m.Problems))
	for _, pr := range m.Problems {
		label := p.label(pr.Field)
		text := problemSentence(label, pr)
		if isGeneral(general, pr) {
			items = append(items, el("li").Text(text))
			continue
		}
		items = append(items, el("li").Body(el("a").Attr("href", "#"+pr.Field.ID()).OnClick(focusTarget(pr.Field.ID())).Text(text)))
	}
	return el("div").ID("form-status").Aria("live", "polite").Body(
		app.If(m.Notice != "", func() app.UI {
			return el("div").ID("notice").Class("notice").Text(m.Notice)
		}),
		app.If(len(items) > 0, func() app.UI {
			return el("div").Class("notice error").ID("problems").Body(
				el("h2").Text("There is a problem"),
				el("p").Text("The results show the last scenario without problems until these are fixed."),
				el("ul").Body(items...),
			)
		}),
	)
}

func isGeneral(general []state.Problem, pr state.Problem) bool {
	for _, g := range general {
		if g == pr {
			return true
		}
	}
	return false
}

// label returns the label of a field, for the problem summary.
func (p *Page) label(f state.Field) string {
	kind, key := f.Split()
	name := func() string {
		for _, c := range p.model.Contributors {
			if string(c.Org) == key {
				return c.Name
			}
		}
		for _, c := range p.model.Removable {
			if string(c.Org) == key {
				return c.Name
			}
		}
		return key
	}
	switch state.Field(kind) {
	case state.FieldGeneral:
		return "The scenario"
	case state.FieldName:
		return "Scenario name"
	case state.FieldYear:
		return "Financial year"
	case state.FieldBudget:
		return "Total budget"
	case state.FieldUplift:
		return "Uplift or cut"
	case state.FieldICB:
		return "Successions"
	case state.FieldMethod:
		return "The sharing method"
	case state.FieldBasis:
		return "What the weights measure"
	case state.FieldUnit:
		return "Rounding unit"
	case state.FieldPolicy:
		return "Rounding policy"
	}
	switch kind {
	case state.KindFixed:
		return name() + ": fixed amount"
	case state.KindRate:
		return name() + ": rate per member"
	case state.KindMembers:
		return name() + ": number of members"
	case state.KindPercent:
		return name() + ": percentage"
	case state.KindWeight:
		return name() + ": weight"
	case state.KindCap:
		return name() + ": cap"
	case state.KindFloor:
		return name() + ": floor"
	case state.KindRemove:
		return name()
	case state.KindAddName:
		return "New contributor " + addedNumber(key) + ": name"
	case state.KindAddAmt:
		return "New contributor " + addedNumber(key) + ": amount"
	}
	return string(f)
}

func addedNumber(key string) string {
	i, err := strconv.Atoi(key)
	if err != nil {
		return key
	}
	return strconv.Itoa(i + 1)
}

// renderStructure renders who contributes: the merger, the flat-rate
// groups, taking contributors out and adding new ones.
func (p *Page) renderStructure() app.UI {
	m := p.model
	var groups []app.UI
	for _, c := range m.Contributors {
		if c.Basis != funding.FlatRateBasis || c.Added >= 0 {
			continue
		}
		groups = append(groups,
			p.textField(state.LineField(state.KindRate, c.Org), c.Name+": rate per member (£)", fieldOptions{
				hint: "Each member pays this amount; the " + m.Baseline.Year.String() + " rate was " + pounds(c.Rate, c.Rate.Places()) + ".", inputMode: "decimal", class: "half"}),
			p.textField(state.LineField(state.KindMembers, c.Org), c.Name+": number of members", fieldOptions{inputMode: "numeric", class: "half"}),
		)
	}
	include := make([]app.UI, 0, len(m.Removable))
	for _, c := range m.Removable {
		include = append(include, p.checkBox(state.LineField(state.KindRemove, c.Org), c.Name, true))
	}
	added := make([]app.UI, 0, len(m.Form.Added))
	for i := range m.Form.Added {
		n := strconv.Itoa(i)
		added = append(added, el("div").Class("added").Body(
			el("h3").Text("New contributor "+strconv.Itoa(i+1)),
			p.textField(state.Field(state.KindAddName+":"+n), "Name", fieldOptions{}),
			p.textField(state.Field(state.KindAddAmt+":"+n), "Fixed amount (£)", fieldOptions{inputMode: "decimal"}),
			el("button").Attr("type", "button").Class("secondary").ID("drop-added-"+n).
				Text("Remove new contributor "+strconv.Itoa(i+1)).OnClick(p.dropAdded(i)),
		))
	}
	return el("fieldset").Body(
		el("legend").Text("Contributors"),
		app.If(m.Succession != nil, func() app.UI {
			return p.checkBox(state.FieldICB, "Apply the recorded successions: "+m.SuccessionSummary(), false)
		}),
		app.If(m.SuccessionWarning() != "", func() app.UI {
			// Bug 8: a year after the succession, without it applied.
			return el("p").Class("field-warning").ID("field-icb-warning").Attr("role", "status").Text(m.SuccessionWarning())
		}),
		el("div").Body(groups...),
		el("fieldset").Class("nested").Body(
			el("legend").Text("Included"),
			el("div").Body(include...),
		),
		el("div").Body(added...),
		app.If(len(m.Form.Added) < state.MaxAdded, func() app.UI {
			return el("button").Attr("type", "button").Class("secondary").ID("add-contributor").Text("Add a contributor").OnClick(p.addContributor)
		}),
	)
}

// renderSharing renders how what is left after fixed amounts and flat
// rates is shared.
func (p *Page) renderSharing() app.UI {
	m := p.model
	current := funding.Method(m.Form.Value(state.FieldMethod))
	methods := []struct {
		m     funding.Method
		label string
	}{
		{funding.BaselineShares, "In proportion to the " + m.Baseline.Year.String() + " contributions"},
		{funding.Percentages, "By stated percentages"},
		{funding.Weights, "By weights, such as population"},
	}
	radios := make([]app.UI, len(methods))
	for i, x := range methods {
		id := methodID(x.m)
		r := input().Attr("type", "radio").ID("%s", id).Attr("name", "method").Attr("value", string(x.m)).OnChange(p.edit(state.FieldMethod))
		if x.m == current {
			r = r.Attr("checked", true)
		}
		radios[i] = el("div").Class("field-check").Body(r, el("label").Attr("for", id).Text(x.label))
	}
	probs := m.ProblemsFor(state.FieldMethod)
	var inputs []app.UI
	for _, c := range m.Contributors {
		if c.Added >= 0 || !m.SharesInput(c) {
			continue
		}
		switch current {
		case funding.Percentages:
			inputs = append(inputs, p.textField(state.LineField(state.KindPercent, c.Org), c.Name+" (%)", fieldOptions{inputMode: "decimal"}))
		case funding.Weights:
			inputs = append(inputs, p.textField(state.LineField(state.KindWeight, c.Org), c.Name+": weight", fieldOptions{inputMode: "decimal"}))
		}
	}
	return el("fieldset").Class(fieldsetClass(len(probs) > 0)).Body(
		el("legend").Text("How the rest is shared"),
		el("p").Class("hint").Text("What is left after fixed amounts and flat rates is shared among the other contributors."),
		app.If(len(probs) > 0, func() app.UI { return errorSpan(state.FieldMethod, p.fieldError(state.FieldMethod, "The sharing")) }),
		el("div").Attr("role", "radiogroup").Aria("label", "Sharing method").Body(radios...),
		app.If(current == funding.Weights, func() app.UI {
			return p.textField(state.FieldBasis, "What the weights measure", fieldOptions{hint: "Such as \"population\"; it is used in the explanations."})
		}),
		el("div").Body(inputs...),
	)
}

func fieldsetClass(invalid bool) string {
	if invalid {
		return "invalid"
	}
	return ""
}

// renderAmounts renders each contributor's fixed amount, cap and floor.
func (p *Page) renderAmounts() app.UI {
	m := p.model
	var rows []app.UI
	for _, c := range m.Contributors {
		if c.Added >= 0 || c.Basis == funding.FlatRateBasis {
			continue
		}
		fixed, capF, floor := state.LineField(state.KindFixed, c.Org), state.LineField(state.KindCap, c.Org), state.LineField(state.KindFloor, c.Org)
		open := false
		for _, f := range []state.Field{fixed, capF, floor} {
			if m.Form.Value(f) != "" || len(m.ProblemsFor(f)) > 0 {
				open = true
			}
		}
		d := el("details").ID("%s", "amounts-"+string(c.Org))
		if open {
			d = d.Attr("open", true)
		}
		rows = append(rows, d.Body(
			el("summary").Text(c.Name),
			p.textField(fixed, c.Name+": fixed amount (£)", fieldOptions{hint: "Pays exactly this instead of a share.", inputMode: "decimal"}),
			p.textField(capF, c.Name+": cap (£)", fieldOptions{hint: "A share of at most this; the excess is shared among the others.", inputMode: "decimal"}),
			p.textField(floor, c.Name+": floor (£)", fieldOptions{hint: "A share of at least this; the shortfall comes from the others.", inputMode: "decimal"}),
		))
	}
	return el("fieldset").Body(
		el("legend").Text("Fixed amounts, caps and floors"),
		el("div").Body(rows...),
	)
}
