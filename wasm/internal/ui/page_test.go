package ui

import (
	"github.com/masa-go/masa/masa"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The component tree is read through app.TestMatch only: v10.1.11 has no
// other public way in. hasText walks the tree by probing child indices
// until TestMatch reports them out of range.

const notAText = "\x00not a text\x00"

// hasText reports whether the tree under root has a text node equal to
// want.
func hasText(root app.UI, want string) bool {
	return findText(root, nil, want) != nil
}

func findText(root app.UI, path []int, want string) []int {
	if len(path) > 40 {
		return nil
	}
	for i := 0; i < 500; i++ {
		p := append(append([]int(nil), path...), i)
		err := app.TestMatch(root, app.TestUIDescriptor{Path: p, Expected: app.Text(notAText)})
		switch {
		case err != nil && strings.Contains(err.Error(), "out of range"):
			return nil
		case err != nil && strings.Contains(err.Error(), "text does not match"):
			if app.TestMatch(root, app.TestUIDescriptor{Path: p, Expected: app.Text(want)}) == nil {
				return p
			}
		default:
			if found := findText(root, p, want); found != nil {
				return found
			}
		}
	}
	return nil
}

func newPage(t *testing.T) *Page {
	t.Helper()
	p := &Page{}
	p.OnInit()
	return p
}

// mounted mounts a page showing the model in a test engine and returns
// it; its child components are rendered too.
func mounted(t *testing.T, m *state.Model) *Page {
	t.Helper()
	e := app.NewTestEngine()
	p := &Page{model: m}
	require.NoError(t, e.Load(p))
	e.ConsumeAll()
	return p
}

func TestPageInTestEngine(t *testing.T) {
	e := app.NewTestEngine()
	p := &Page{}
	require.NoError(t, e.Load(p))
	e.ConsumeAll()
	require.True(t, p.Mounted())
	assert.False(t, p.client, "go-app calls OnMount in a browser only")

	// The page's root is the app div; it is marked ready only in a
	// browser, which the end-to-end tests wait for.
	require.NoError(t, app.TestMatch(p, app.TestUIDescriptor{
		Path:     app.TestPath(0),
		Expected: el("div").ID("app").Class("page"),
	}))
	// Its first child is the skip link, which moves the focus as well
	// as scrolling (bug 4).
	require.NoError(t, app.TestMatch(p, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0),
		Expected: el("a").Class("skip-link").Attr("href", "#results").OnClick(focusTarget("results")),
	}))
	require.NoError(t, app.Match(app.Text("Skip to the results"), p, 0, 0, 0))
	require.NoError(t, app.Match(app.Text("Funding scenarios"), p, 0, 1, 0, 0))
	assert.True(t, hasText(p, "Contributions for 2021/22"))
	assert.True(t, hasText(p, "£389,095"))
}

func TestRenderBaseline(t *testing.T) {
	tree := mounted(t, essexModel())
	for _, want := range []string{
		"Essex Safeguarding Children Board: next year's contributions, starting from the 2020/21 table (11 contributors, £389,095).",
		"Total budget (£)",
		"Uplift or cut (%)",
		"Apply the recorded successions: 7 contributors replaced by 4 successors on 1 July 2022",
		"City, District and Borough Councils: rate per member (£)",
		"Essex County Council",
		"£240,205",
		"Total £389,095 for 2021/22: £0 (0.00%) on £389,095 in 2020/21.",
		"No changes: the 2020/21 contributions are shared in the same proportions.",
		"whole pounds",
		"largest remainder, ties by contributor ID",
		"Draft plan with this scenario (PDF)",
	} {
		assert.True(t, hasText(tree, want), "missing %q", want)
	}
	assert.False(t, hasText(tree, "There is a problem"))
}

func TestRenderEdits(t *testing.T) {
	m := essexModel()
	m.Set(state.FieldBudget, "400000")
	m.Set(state.FieldICB, "true")
	tree := mounted(t, m)
	for _, want := range []string{
		"Total £400,000 for 2021/22: +£10,905 (+2.80%) on £389,095 in 2020/21.",
		"NHS Mid and South Essex Integrated Care Board",
		" (was NHS Mid Essex CCG, NHS Basildon & Brentwood CCG, NHS Castle Point & Rochford CCG)",
		"Raise the total budget from £389,095 to £400,000 for 2021/22.",
	} {
		assert.True(t, hasText(tree, want), "missing %q", want)
	}
	assert.False(t, hasText(tree, "NHS Mid Essex CCG"), "the merged groups are no longer listed on their own")
}

func TestRenderProblems(t *testing.T) {
	m := essexModel()
	m.Set(state.FieldBudget, "400000")
	m.Settle() // typing pauses
	m.Set(state.FieldBudget, "12a")
	tree := mounted(t, m)
	msg := `Total budget "12a" is not a decimal number such as 1210 or 2.5 (digits, an optional minus sign and one decimal point only).`
	assert.True(t, hasText(tree, "Error: "+strings.Replace(msg, "Total budget", "Total budget (£)", 1)), "the error is next to the field")
	assert.True(t, hasText(tree, msg), "and listed at the top, linking to it")
	assert.True(t, hasText(tree, "There is a problem"))
	assert.True(t, hasText(tree, "The form has a problem, so these are the figures from the last scenario without problems."))
	assert.True(t, hasText(tree, "Total £400,000 for 2021/22: +£10,905 (+2.80%) on £389,095 in 2020/21."), "the last valid result stays")

	m.Set(state.FieldBudget, "400000")
	m.Set(state.FieldMethod, "percentages")
	m.Set("percent:essex-county-council", "10")
	tree = mounted(t, m)
	assert.True(t, hasText(tree, "Error: The sharing \"45.87\" has percentages that add up to 45.87, not 100."))
}

func TestRenderNotice(t *testing.T) {
	m := essexModel()
	m.OpenQuery(url.Values{state.QueryKey: {"1.<script>"}}.Encode())
	tree := mounted(t, m)
	assert.NotNil(t, findText(tree, nil, m.Notice))
	assert.Contains(t, m.Notice, "could not be read")
}

func TestLabels(t *testing.T) {
	p := newPage(t)
	p.model.AddContributor()
	for _, f := range p.model.ShownFields() {
		label := p.label(f)
		assert.NotEmpty(t, label, f)
		assert.NotEqual(t, string(f), label, "field %s has no label", f)
	}
	assert.Equal(t, "The scenario", p.label(state.FieldGeneral))
	assert.Equal(t, "no-such-org: cap", p.label("cap:no-such-org"))
	assert.Equal(t, "New contributor 3: amount", p.label("added-amount:2"))
}

func TestFormat(t *testing.T) {
	n := func(s string) funding.Number { return funding.MustNumber(s) }
	assert.Equal(t, "£389,095", pounds(n("389095"), 0))
	assert.Equal(t, "\u2212£1,000", pounds(n("-1000"), 0))
	assert.Equal(t, "+£10,905", signedPounds(n("10905"), 0))
	assert.Equal(t, "\u2212£5,082.00", signedPounds(n("-5082"), 2))
	assert.Equal(t, "£0", signedPounds(n("0"), 0))
	assert.Equal(t, "+2.80%", signedPercent(n("2.8")))
	assert.Equal(t, "\u2212100.00%", signedPercent(n("-100")))
	assert.Equal(t, "0.00%", signedPercent(n("0")))
	assert.Equal(t, "\u2013", signedPercent(funding.Number{}))
	assert.Equal(t, "num up", changeClass(n("1")))
	assert.Equal(t, "num down", changeClass(n("-1")))
	assert.Equal(t, "num", changeClass(n("0")))
	d := decimal.RequireFromString
	assert.Equal(t, "61.7%", barWidth(d("240205"), d("389095")))
	assert.Equal(t, "100.0%", barWidth(d("5"), d("5")))
	assert.Equal(t, "0%", barWidth(d("5"), d("0")))
	assert.Equal(t, "0%", barWidth(d("-5"), d("10")))
}

func TestProblemSentence(t *testing.T) {
	assert.Equal(t, `Total budget "12a" is not a number.`, problemSentence("Total budget", state.Problem{Value: "12a", Message: "is not a number"}))
	assert.Equal(t, "Name is empty.", problemSentence("Name", state.Problem{Message: "is empty."}))
	long := strings.Repeat("9", 100)
	assert.Contains(t, problemSentence("Budget", state.Problem{Value: long, Message: "x"}), strings.Repeat("9", 40)+"…")
}

// TestPrerenderIgnoresTheURL checks that the server never copies the
// shared scenario from the URL into the page: it says it is opening one
// and leaves the reading to the browser.
func TestPrerenderIgnoresTheURL(t *testing.T) {
	Register()
	Register() // a second call is harmless
	h := &app.Handler{Title: "test", Icon: app.Icon{Default: "/web/i.png", SVG: "/web/i.svg"}, Version: "test"}
	srv := httptest.NewServer(h)
	defer srv.Close()
	hostile := `"><script>alert(1)</script>`
	res, err := http.Get(srv.URL + "/?s=" + strings.ReplaceAll(hostile, "<", "%3C"))
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	page := string(body)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.NotContains(t, page, "<script>alert")
	assert.Contains(t, page, "Opening the shared scenario…")
	assert.Contains(t, page, "£389,095")
}

func TestHandleEdit(t *testing.T) {
	p := newPage(t)
	p.handleEdit(app.Context{}, app.Action{Name: actionEdit, Value: edit{Field: state.FieldBudget, Value: "400000"}})
	assert.Equal(t, "400000", p.model.Result.Total.String())
	p.handleEdit(app.Context{}, app.Action{Name: actionEdit, Value: "not an edit"})
	assert.Equal(t, "400000", p.model.Form.Budget)
}

func TestTextField(t *testing.T) {
	e := app.NewTestEngine()
	c := &TextField{Field: state.FieldBudget, Label: "Total budget (£)", Hint: "A hint.", Mode: "decimal", Value: "12a", Error: "Bad."}
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	require.NoError(t, app.TestMatch(c, app.TestUIDescriptor{
		Path:     app.TestPath(0),
		Expected: el("div").Class("field invalid"),
	}))
	require.NoError(t, app.TestMatch(c, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0),
		Expected: el("label").Attr("for", "field-budget"),
	}))
	require.NoError(t, app.TestMatch(c, app.TestUIDescriptor{
		Path:     app.TestPath(0, 2),
		Expected: el("span").ID("field-budget-error").Class("field-error"),
	}))
	require.NoError(t, app.TestMatch(c, app.TestUIDescriptor{
		Path: app.TestPath(0, 3),
		Expected: input().Attr("type", "text").ID("field-budget").Attr("name", "budget").Attr("value", "12a").
			Attr("autocomplete", "off").Attr("spellcheck", "false").Attr("inputmode", "decimal").
			Aria("invalid", "true").Aria("describedby", "field-budget-hint field-budget-error").OnInput(c.onInput),
	}))
	assert.True(t, hasText(c, "Error: Bad."))
}

// TestTextFieldKeepsItsInput checks that the input stays at the same
// place whether or not there is an error, so that go-app updates it
// rather than replacing it (which would lose the focus and what is being
// typed).
func TestTextFieldKeepsItsInput(t *testing.T) {
	for _, msg := range []string{"", "Bad."} {
		e := app.NewTestEngine()
		c := &TextField{Field: state.FieldUplift, Label: "Uplift", Error: msg}
		require.NoError(t, e.Load(c))
		e.ConsumeAll()
		span := el("span").ID("field-uplift-error").Class("field-error")
		if msg == "" {
			span = span.Attr("hidden", true)
		}
		require.NoError(t, app.TestMatch(c, app.TestUIDescriptor{Path: app.TestPath(0, 1), Expected: span}), msg)
		err := app.TestMatch(c, app.TestUIDescriptor{Path: app.TestPath(0, 2), Expected: input()})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "attributes does not match", "an input, whatever its attributes")
	}
}

func TestCheckAndSelectFields(t *testing.T) {
	e := app.NewTestEngine()
	c := &CheckField{Field: "remove:cafcass", Label: "CAFCASS", Checked: true, Invert: true}
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	require.NoError(t, app.TestMatch(c, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0, 0),
		Expected: input().Attr("type", "checkbox").ID("field-remove-cafcass").Attr("name", "remove:cafcass").Attr("checked", true).OnChange(c.onChange),
	}))

	e = app.NewTestEngine()
	s := &SelectField{Field: state.FieldUnit, Label: "Unit", Options: unitOptions(), Value: "pence"}
	require.NoError(t, e.Load(s))
	e.ConsumeAll()
	require.NoError(t, app.TestMatch(s, app.TestUIDescriptor{
		Path:     app.TestPath(0, 2, 1),
		Expected: el("option").Attr("value", "pence").Attr("selected", true),
	}))
	require.NoError(t, app.TestMatch(s, app.TestUIDescriptor{
		Path:     app.TestPath(0, 2, 0),
		Expected: el("option").Attr("value", "pounds"),
	}))
}

func TestShareURL(t *testing.T) {
	base := essexModel().Baseline
	u, _ := url.Parse("http://127.0.0.1:7070/?s=old#frag")
	assert.Equal(t, "http://127.0.0.1:7070/", shareURL(u, state.NewForm(base), base).String())
	f := state.NewForm(base)
	f.Budget = "1"
	got := shareURL(u, f, base)
	assert.Equal(t, "/", got.Path)
	assert.Equal(t, state.ShareQuery(f), got.RawQuery)
	assert.Equal(t, "http://127.0.0.1:7070/?s=old#frag", u.String(), "the page address is not modified")
}

// essexModel returns the model for the Essex 2020/21 partnership file,
// the tests' sample data.
func essexModel() *state.Model {
	pt, err := state.PartnershipOf(masa.Essex())
	if err != nil {
		panic(err)
	}
	return state.NewModelFor(pt)
}

// Bug 8: a 2023/24 scenario without the succession says, beside its
// box, that the table still bills the organisations it replaced.
func TestSuccessionWarningShown(t *testing.T) {
	m := essexModel()
	m.Set(state.FieldYear, "2023/24")
	tree := mounted(t, m)
	assert.True(t, hasText(tree, m.SuccessionWarning()))
	m.Set(state.FieldICB, "true")
	assert.False(t, hasText(mounted(t, m), "still bills"))
}
