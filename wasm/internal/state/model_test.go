package state

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// edit is one change typed into the form.
type edit struct {
	field Field
	value string
}

func apply(m *Model, edits ...edit) {
	for _, e := range edits {
		m.Set(e.field, e.value)
	}
}

// checkInvariants checks what must hold after any edit.
func checkInvariants(t *testing.T, m *Model) {
	t.Helper()
	require.NotNil(t, m.Result, "a result is always on screen")
	require.NotNil(t, m.Comparison)
	sum := decimal.Zero
	for _, l := range m.Result.Lines {
		sum = sum.Add(l.Amount.Decimal())
		assert.GreaterOrEqual(t, l.Amount.Decimal().Sign(), 0, "%s pays a negative amount", l.Org)
	}
	assert.True(t, sum.Equal(m.Result.Total.Decimal()), "lines sum to %s, total is %s", sum, m.Result.Total)
	assert.True(t, m.Comparison.Total.New.Decimal().Equal(m.Result.Total.Decimal()))
	assert.Equal(t, len(m.Problems) > 0, m.Stale)
	for _, p := range m.Problems {
		assert.NotEmpty(t, p.Message)
	}
}

func TestEssexBaseline(t *testing.T) {
	m := Essex()
	checkInvariants(t, m)
	assert.False(t, m.Stale)
	assert.Empty(t, m.Problems)
	assert.Len(t, m.Result.Lines, 11)
	assert.Equal(t, "389095", m.Result.Total.String())
	assert.Equal(t, "389095", m.Form.Budget)
	assert.Equal(t, LineForm{Rate: "1210", Members: "12"}, m.Form.Line("district-councils"))
	assert.Equal(t, vocab.FinancialYear(2021), m.Result.Year)
	for _, row := range m.Comparison.Rows {
		assert.True(t, row.Change.Decimal().IsZero(), "%s changes with no edits", row.Org)
	}
	assert.Empty(t, m.Result.Steps)
	assert.Len(t, m.Removable, 11)
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name   string
		edits  []edit
		total  string
		lines  map[vocab.ID]string // expected amounts
		rows   int                 // comparison rows, 0 to skip
		errors map[Field]string    // expected problem fragments
	}{
		{name: "budget", edits: []edit{{FieldBudget, "400000"}}, total: "400000", rows: 11},
		{name: "budget with pound sign and commas", edits: []edit{{FieldBudget, "£400,000"}}, total: "400000"},
		{name: "uplift", edits: []edit{{FieldUplift, "10"}}, total: "428005",
			lines: map[vocab.ID]string{"district-councils": "15972"}},
		{name: "cut", edits: []edit{{FieldUplift, "-10%"}}, total: "350186"},
		{name: "flat rate and councils", edits: []edit{{"rate:district-councils", "1500"}, {"members:district-councils", "10"}},
			total: "389095", lines: map[vocab.ID]string{"district-councils": "15000"}},
		{name: "fixed amount", edits: []edit{{"fixed:cafcass", "1000"}}, total: "389095", lines: map[vocab.ID]string{"cafcass": "1000"}},
		{name: "cap", edits: []edit{{"cap:essex-county-council", "200000"}}, total: "389095",
			lines: map[vocab.ID]string{"essex-county-council": "200000"}},
		{name: "floor", edits: []edit{{"floor:cafcass", "5000"}}, total: "389095", lines: map[vocab.ID]string{"cafcass": "5000"}},
		{name: "ICB merge", edits: []edit{{FieldICB, "true"}}, total: "389095", rows: 8,
			lines: map[vocab.ID]string{"nhs-mid-and-south-essex-icb": "32824"}},
		{name: "ICB merge then off again", edits: []edit{{FieldICB, "true"}, {FieldICB, "false"}}, total: "389095", rows: 11},
		{name: "remove a contributor", edits: []edit{{"remove:cafcass", "true"}}, total: "389095", rows: 11},
		{name: "remove and restore", edits: []edit{{"remove:cafcass", "true"}, {"remove:cafcass", "false"}}, total: "389095",
			lines: map[vocab.ID]string{"cafcass": "550"}},
		{name: "a later year", edits: []edit{{FieldYear, "2022"}, {FieldICB, "true"}}, total: "389095", rows: 8},
		{name: "a year not offered is ignored", edits: []edit{{FieldYear, "2040"}}, total: "389095"},
		{name: "pence", edits: []edit{{FieldUnit, "pence"}, {FieldBudget, "400000.01"}}, total: "400000.01"},
		{name: "percentages prefilled from today's shares", edits: []edit{{FieldMethod, "percentages"}}, total: "389095"},
		{name: "letters in the budget", edits: []edit{{FieldBudget, "12a"}}, total: "389095",
			errors: map[Field]string{FieldBudget: "is not a decimal number"}},
		{name: "negative budget", edits: []edit{{FieldBudget, "-5"}}, total: "389095",
			errors: map[Field]string{FieldBudget: "must be more than zero"}},
		{name: "1e100", edits: []edit{{FieldBudget, "1e100"}}, total: "389095",
			errors: map[Field]string{FieldBudget: "is not a decimal number"}},
		{name: "too many digits", edits: []edit{{FieldBudget, strings.Repeat("9", 31)}}, total: "389095",
			errors: map[Field]string{FieldBudget: "more than 30 digits"}},
		{name: "empty budget", edits: []edit{{FieldBudget, ""}}, total: "389095",
			errors: map[Field]string{FieldBudget: "is empty"}},
		{name: "pence in whole pounds", edits: []edit{{FieldBudget, "400000.5"}}, total: "389095",
			errors: map[Field]string{FieldBudget: "has pence"}},
		{name: "bad thousands", edits: []edit{{FieldBudget, "4,00,000"}}, total: "389095",
			errors: map[Field]string{FieldBudget: "is not a decimal number"}},
		{name: "uplift below -100", edits: []edit{{FieldUplift, "-150"}}, total: "389095",
			errors: map[Field]string{FieldUplift: "must be more than -100"}},
		{name: "percentages not summing to 100", edits: []edit{{FieldMethod, "percentages"}, {"percent:essex-county-council", "10"}}, total: "389095",
			errors: map[Field]string{FieldMethod: "add up to"}},
		{name: "empty percentage", edits: []edit{{FieldMethod, "percentages"}, {"percent:cafcass", ""}}, total: "389095",
			errors: map[Field]string{"percent:cafcass": "is empty"}},
		{name: "weights missing", edits: []edit{{FieldMethod, "weights"}, {"weight:cafcass", "3"}}, total: "389095",
			errors: map[Field]string{"weight:essex-county-council": "is empty"}},
		{name: "members not a number", edits: []edit{{"members:district-councils", "twelve"}}, total: "389095",
			errors: map[Field]string{"members:district-councils": "not a whole number"}},
		{name: "negative members", edits: []edit{{"members:district-councils", "-1"}}, total: "389095",
			errors: map[Field]string{"members:district-councils": "must not be negative"}},
		{name: "empty rate", edits: []edit{{"rate:district-councils", ""}}, total: "389095",
			errors: map[Field]string{"rate:district-councils": "is empty"}},
		{name: "fixed above the budget", edits: []edit{{"fixed:cafcass", "500000"}}, total: "389095",
			errors: map[Field]string{"fixed:cafcass": "makes the fixed amounts and flat rates add up to"}},
		{name: "budget below the fixed amounts", edits: []edit{{"fixed:cafcass", "500000"}, {FieldBudget, "400000"}}, total: "389095",
			errors: map[Field]string{FieldBudget: "is less than the fixed amounts"}},
		{name: "cap and floor that cannot both hold", edits: []edit{{"cap:cafcass", "100"}, {"floor:cafcass", "200"}}, total: "389095",
			errors: map[Field]string{}},
		{name: "negative cap", edits: []edit{{"cap:cafcass", "-1"}}, total: "389095",
			errors: map[Field]string{"cap:cafcass": "must not be negative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Essex()
			apply(m, tt.edits...)
			checkInvariants(t, m)
			assert.Equal(t, tt.total, m.Result.Total.String())
			for org, want := range tt.lines {
				l, ok := m.Result.Line(org)
				require.True(t, ok, "no line for %s", org)
				assert.Equal(t, want, l.Amount.String(), org)
			}
			if tt.rows > 0 {
				assert.Len(t, m.Comparison.Rows, tt.rows)
			}
			if tt.errors == nil {
				assert.Empty(t, m.Problems)
				assert.False(t, m.Stale)
				return
			}
			assert.True(t, m.Stale, "problems leave the last valid result on screen")
			assert.NotEmpty(t, m.Problems)
			for f, frag := range tt.errors {
				ps := m.ProblemsFor(f)
				require.NotEmpty(t, ps, "no problem on %s; problems: %+v", f, m.Problems)
				assert.Contains(t, ps[0].Message, frag)
			}
		})
	}
}

func TestYears(t *testing.T) {
	m := Essex()
	years := m.Years()
	require.Len(t, years, YearsAhead)
	assert.Equal(t, vocab.FinancialYear(2021), years[0])
	assert.Equal(t, vocab.FinancialYear(2025), years[4])
	m.Set(FieldYear, "2022/23")
	assert.Equal(t, vocab.FinancialYear(2022), m.Result.Year)
	assert.Equal(t, "2022/23", m.Form.Value(FieldYear))
	m.Set(FieldYear, "2019")
	assert.Equal(t, "2022/23", m.Form.Year, "a year the page does not offer is ignored")
	m.Set(FieldYear, "")
	assert.Equal(t, vocab.FinancialYear(2021), m.Result.Year)

	f := NewForm(m.Baseline)
	f.Year = "20x2"
	m.Load(f)
	assert.NotEmpty(t, m.ProblemsFor(FieldYear), "a year from elsewhere that is not a number is reported")
}

func TestLastValidResultStays(t *testing.T) {
	m := Essex()
	m.Set(FieldBudget, "400000")
	m.Settle() // typing pauses
	good := m.Result
	m.Set(FieldBudget, "400000x")
	assert.Same(t, good, m.Result)
	assert.True(t, m.Stale)
	assert.Equal(t, "400000x", m.Form.Budget, "the form keeps what was typed")
	assert.Equal(t, "400000", m.ResultForm.Budget, "the result's own form is the last valid one")
	m.Set(FieldBudget, "410000")
	assert.False(t, m.Stale)
	assert.Equal(t, "410000", m.Result.Total.String())
}

func TestPercentagesPrefill(t *testing.T) {
	m := Essex()
	m.Set(FieldMethod, string(funding.Percentages))
	sum := decimal.Zero
	n := 0
	for _, c := range m.Contributors {
		if !m.SharesInput(c) {
			continue
		}
		p := m.Form.Line(c.Org).Percent
		require.NotEmpty(t, p, c.Org)
		d, err := decimal.NewFromString(p)
		require.NoError(t, err)
		sum = sum.Add(d)
		n++
	}
	assert.Equal(t, 10, n, "every contributor paying a share gets a percentage")
	assert.Equal(t, "100", sum.String())
	assert.False(t, m.Stale, "prefilled percentages are valid: %+v", m.Problems)
	// Typed percentages are kept when switching away and back.
	m.Set("percent:essex-county-council", "60")
	m.Set(FieldMethod, string(funding.BaselineShares))
	m.Set(FieldMethod, string(funding.Percentages))
	assert.Equal(t, "60", m.Form.Line("essex-county-council").Percent)
}

func TestAddContributor(t *testing.T) {
	m := Essex()
	m.AddContributor()
	assert.True(t, m.Stale, "a new blank row needs a name and an amount")
	assert.NotEmpty(t, m.ProblemsFor("added-name:0"))
	assert.NotEmpty(t, m.ProblemsFor("added-amount:0"))
	m.Set("added-name:0", "Essex Fire & Rescue")
	m.Set("added-amount:0", "5000")
	checkInvariants(t, m)
	require.False(t, m.Stale, "%+v", m.Problems)
	l, ok := m.Result.Line("essex-fire-rescue")
	require.True(t, ok)
	assert.Equal(t, "5000", l.Amount.String())
	assert.Equal(t, funding.FixedBasis, l.Basis)
	assert.Equal(t, "389095", m.Result.Total.String(), "the others pay less")

	m.AddContributor()
	m.Set("added-name:1", "Essex County Council")
	m.Set("added-amount:1", "1")
	assert.NotEmpty(t, m.ProblemsFor("added-name:1"), "a name clashing with a contributor is reported on the name: %+v", m.Problems)
	m.DropAdded(1)
	assert.False(t, m.Stale)
	m.DropAdded(7) // out of range: nothing happens
	assert.Len(t, m.Form.Added, 1)

	m.AddContributor()
	m.Set("added-name:1", "!!!")
	assert.Contains(t, m.ProblemsFor("added-name:1")[0].Message, "letter or digit")

	for range MaxAdded + 5 {
		m.AddContributor()
	}
	assert.Len(t, m.Form.Added, MaxAdded)
}

func TestICBMergeDropsRemovedGroups(t *testing.T) {
	m := Essex()
	m.Set("remove:nhs-mid-essex-ccg", "true")
	assert.Equal(t, []vocab.ID{"nhs-mid-essex-ccg"}, m.Form.Removed)
	m.Set(FieldICB, "true")
	assert.Empty(t, m.Form.Removed, "the group the merger replaced can no longer be removed")
	assert.False(t, m.Stale)
	var ids []vocab.ID
	for _, c := range m.Removable {
		ids = append(ids, c.Org)
	}
	assert.Contains(t, ids, vocab.ID("nhs-mid-and-south-essex-icb"))
	assert.NotContains(t, ids, vocab.ID("nhs-mid-essex-ccg"))
	m.Set("remove:nhs-mid-and-south-essex-icb", "true")
	assert.False(t, m.Stale)
	assert.Len(t, m.Result.Lines, 7)
}

func TestRemovedOrderIsBaselineOrder(t *testing.T) {
	m := Essex()
	m.Set("remove:cafcass", "true")
	m.Set("remove:essex-pfcc", "true")
	assert.Equal(t, []vocab.ID{"essex-pfcc", "cafcass"}, m.Form.Removed)
	m.Set("remove:essex-pfcc", "true") // again: no duplicate
	assert.Len(t, m.Form.Removed, 2)
}

func TestUnknownRemovalFromALink(t *testing.T) {
	m := Essex()
	f := NewForm(m.Baseline)
	f.Removed = []vocab.ID{"no-such-partner"}
	m.Load(f)
	assert.True(t, m.Stale)
	require.NotEmpty(t, m.GeneralProblems(), "a removal the page cannot show is listed on its own")
	assert.Equal(t, "no-such-partner", m.GeneralProblems()[0].Value)
}

func TestReset(t *testing.T) {
	m := Essex()
	apply(m, edit{FieldBudget, "1"}, edit{FieldICB, "true"}, edit{FieldName, "x"})
	m.Notice = "something"
	m.Reset()
	assert.Equal(t, NewForm(m.Baseline), m.Form)
	assert.Empty(t, m.Notice)
	assert.Equal(t, "389095", m.Result.Total.String())
}

func TestFormValueMatchesSet(t *testing.T) {
	m := Essex()
	m.AddContributor()
	for _, f := range m.ShownFields() {
		kind, _ := f.Split()
		var v string
		switch {
		case f == FieldICB:
			v = "false" // the merger would replace the groups listed below
		case kind == KindRemove:
			v = "true"
		case f == FieldMethod:
			v = "weights"
		case f == FieldUnit:
			v = "pence"
		case f == FieldPolicy:
			v = "floor-then-first"
		case f == FieldYear:
			v = "2023/24"
		default:
			v = "12" + string(f)[:1]
		}
		m.Set(f, v)
		assert.Equal(t, v, m.Form.Value(f), "field %s", f)
	}
	assert.Equal(t, "", m.Form.Value("nonsense:x"))
	assert.Equal(t, "", m.Form.Value("added-name:99"))
}

func TestSetIgnoresUnknownFields(t *testing.T) {
	m := Essex()
	before := m.Form.clone()
	for _, f := range []Field{"bogus", "bogus:x", "added-name:x", "added-amount:-1", "added-name:3"} {
		m.Set(f, "1")
	}
	assert.Equal(t, before, m.Form)
}

func TestFieldIDs(t *testing.T) {
	assert.Equal(t, "field-fixed-essex-pfcc", LineField(KindFixed, "essex-pfcc").ID())
	assert.Equal(t, "field-budget-error", FieldBudget.ErrorID())
	k, v := Field("cap:cafcass").Split()
	assert.Equal(t, []string{"cap", "cafcass"}, []string{k, v})
	k, v = FieldBudget.Split()
	assert.Equal(t, []string{"budget", ""}, []string{k, v})
}

func TestSlug(t *testing.T) {
	tests := map[string]vocab.ID{
		"Essex Fire & Rescue":   "essex-fire-rescue",
		"  Youth Offending  ":   "youth-offending",
		"NHS 111":               "nhs-111",
		"Café":                  "caf",
		"!!!":                   "",
		"":                      "",
		strings.Repeat("a", 99): vocab.ID(strings.Repeat("a", 60)),
	}
	for in, want := range tests {
		got := Slug(in)
		assert.Equal(t, want, got, "%q", in)
		if got != "" {
			assert.True(t, got.Valid(), "%q gives an invalid ID %q", in, got)
		}
	}
}

func TestNormaliseNumber(t *testing.T) {
	tests := map[string]string{
		"£389,095":   "389095",
		"389,095.50": "389095.50",
		"-1,210":     "-1210",
		"2.5%":       "2.5",
		"12,34":      "12,34",
		"1,2345":     "1,2345",
		",123":       ",123",
		"12a":        "12a",
		"£ 5":        "5",
	}
	for in, want := range tests {
		assert.Equal(t, want, normaliseNumber(in), "%q", in)
	}
}

func TestParentPath(t *testing.T) {
	assert.Equal(t, "changes[2].parts[1]", parentPath("changes[2].parts[1].percent"))
	assert.Equal(t, "changes[2].parts", parentPath("changes[2].parts[1]"))
	assert.Equal(t, "changes[2]", parentPath("changes[2].parts"))
	assert.Equal(t, "changes", parentPath("changes[2]"))
	assert.Equal(t, "", parentPath("changes"))
}

// TestGolden writes the comparison, allocation and JSON downloads of a
// few scenarios to golden files.
func TestGolden(t *testing.T) {
	scenarios := []struct {
		name  string
		edits []edit
	}{
		{"baseline", nil},
		{"budget-and-merger", []edit{{FieldName, "ICB merger at £400,000"}, {FieldBudget, "400000"}, {FieldICB, "true"}}},
		{"stacked", []edit{{FieldName, "Stacked changes"}, {FieldUplift, "3"}, {"rate:district-councils", "1300"},
			{"fixed:cafcass", "600"}, {"cap:essex-county-council", "245000"}, {"remove:essex-crc", "true"},
			{FieldUnit, "pence"}}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			m := Essex()
			apply(m, sc.edits...)
			require.False(t, m.Stale, "%+v", m.Problems)
			var text bytes.Buffer
			require.NoError(t, m.Comparison.WriteText(&text))
			golden.Assert(t, filepath.Join("testdata", sc.name+".comparison.txt"), text.Bytes())
			files := map[DownloadKind]string{DownloadCSV: "allocation.csv", DownloadComparisonCSV: "comparison.csv", DownloadJSON: "result.json"}
			for kind, file := range files {
				d, err := m.Download(kind)
				require.NoError(t, err)
				golden.Assert(t, filepath.Join("testdata", sc.name+"."+file), d.Data)
				again, err := m.Download(kind)
				require.NoError(t, err)
				assert.Equal(t, d, again, "downloads are deterministic")
			}
		})
	}
}

func TestDownload(t *testing.T) {
	m := Essex()
	m.Set(FieldName, "My Scenario")
	d, err := m.Download(DownloadCSV)
	require.NoError(t, err)
	assert.Equal(t, "my-scenario.csv", d.Name)
	assert.Equal(t, "text/csv;charset=utf-8", d.Type)
	d, err = m.Download(DownloadComparisonCSV)
	require.NoError(t, err)
	assert.Equal(t, "my-scenario-comparison.csv", d.Name)
	d, err = m.Download(DownloadJSON)
	require.NoError(t, err)
	assert.Equal(t, "my-scenario.json", d.Name)
	assert.Equal(t, "application/json", d.Type)
	_, err = m.Download("pdf")
	assert.Error(t, err)
	_, err = (&Model{}).Download(DownloadCSV)
	assert.ErrorIs(t, err, ErrNoResult)
	m.Set(FieldName, "???")
	d, err = m.Download(DownloadCSV)
	require.NoError(t, err)
	assert.Equal(t, "scenario.csv", d.Name)
}

// Bug 3: stated percentages, then the succession: the successors take
// the sum of their predecessors' percentages instead of empty inputs in
// error; undoing it starts again from the baseline shares.
func TestPercentagesThenSuccession(t *testing.T) {
	m := Essex()
	m.Set(FieldMethod, string(funding.Percentages))
	require.Empty(t, m.Problems)
	m.Set(FieldICB, "true")
	require.Empty(t, m.Problems, "%v", m.Problems)
	assert.Len(t, m.Result.Lines, 8, "three ICBs and The Probation Service replace five CCGs and two probation services")
	for _, c := range m.Contributors {
		if m.SharesInput(c) {
			assert.NotEmpty(t, m.Form.Line(c.Org).Percent, "%s", c.Org)
		}
	}
	assert.Empty(t, m.Form.Line("nhs-mid-essex-ccg").Percent)
	m.Set(FieldICB, "false")
	require.Empty(t, m.Problems, "%v", m.Problems)
	assert.Len(t, m.Result.Lines, 11)
	assert.NotEmpty(t, m.Form.Line("nhs-mid-essex-ccg").Percent)

	// Weights typed before the succession add up too.
	m = Essex()
	m.Set(FieldMethod, string(funding.Weights))
	for _, c := range m.Contributors {
		if m.SharesInput(c) {
			m.Set(LineField(KindWeight, c.Org), "10")
		}
	}
	require.Empty(t, m.Problems)
	m.Set(FieldICB, "true")
	require.Empty(t, m.Problems, "%v", m.Problems)
	assert.Equal(t, "30", m.Form.Line("nhs-mid-and-south-essex-icb").Weight)
}

// Bug 11: choosing weights shows no errors before a weight is typed; the
// baseline shares apply meanwhile. Once one is typed, the empty ones are
// reported.
func TestWeightsStartQuiet(t *testing.T) {
	m := Essex()
	m.Set(FieldMethod, string(funding.Weights))
	assert.Empty(t, m.Problems)
	assert.False(t, m.Stale)
	m.Set(LineField(KindWeight, "essex-county-council"), "5")
	assert.NotEmpty(t, m.Problems)
	assert.True(t, m.Stale)
}

// Bugs 5 and 10: problems speak of the form's fields and of "change 4",
// quote the value as typed, and land on the field that caused them.
func TestProblemsInTheFormsWords(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		field Field
		value string
		msg   string
	}{
		{"a rate too large", []edit{{"rate:district-councils", "400,000"}}, "rate:district-councils", "400,000",
			"makes the fixed amounts and flat rates add up to £4,800,000, more than the total budget"},
		{"a floor too large", []edit{{"floor:cafcass", "500000"}}, "floor:cafcass", "500000",
			"makes the floors add up to more than the £374,575 left to share"},
		{"budget and uplift", []edit{{FieldBudget, "400000"}, {FieldUplift, "2"}}, FieldUplift, "2",
			"cannot be used with a changed total budget: change the total budget or give an uplift, not both"},
		{"a cap below the floor", []edit{{"floor:cafcass", "100"}, {"cap:cafcass", "1"}}, "cap:cafcass", "1",
			"leaves the cap of CAFCASS (£1) below its floor (£100)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Essex()
			for _, e := range tt.edits {
				m.Set(e.field, e.value)
			}
			require.Len(t, m.Problems, 1, "%v", m.Problems)
			assert.Equal(t, Problem{Field: tt.field, Value: tt.value, Message: tt.msg}, m.Problems[0])
		})
	}
	assert.Equal(t, "has a cap set by change 4, which cannot carry over", speakOfChanges("has a cap set by changes[3].amount, which cannot carry over"))
	assert.Equal(t, "change 1 and change 3; changes[x]", speakOfChanges("changes[0].parts[2].percent and changes[2]; changes[x]"))
}

// Bug 6: while the form has a problem the table shows the result last
// paused on, not the one from a keystroke ago.
func TestStaleShowsTheSettledResult(t *testing.T) {
	m := Essex()
	m.Set(FieldUplift, "-5")
	m.Settle()
	settled := m.Result.Total.String()
	m.Set(FieldUplift, "-50") // valid, but typed through without a pause
	assert.NotEqual(t, settled, m.Result.Total.String())
	m.Set(FieldUplift, "-500")
	require.True(t, m.Stale)
	assert.Equal(t, settled, m.Result.Total.String(), "the -5%% result, not the -50%% one")
	assert.Equal(t, "-5", m.ResultForm.Uplift)

	m.Set(FieldUplift, "")
	require.False(t, m.Stale)
	// Moving to another field settles the uplift's result (no uplift).
	m.Set(FieldBudget, "9999999999999999999999999999999")
	m.Set(FieldBudget, "9999999999999999999999999999999a")
	require.True(t, m.Stale)
	assert.Equal(t, "389095", m.Result.Total.String(), "a long number typed without a pause is not kept")
}
