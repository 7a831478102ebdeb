package funding_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCSVTextNeutralisesFormulas(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"  =1+1", "'  =1+1"},
		{"Essex County Council", "Essex County Council"},
		{"A=B", "A=B"},
		{"", ""},
		{"£5 – café", "£5 – café"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, funding.CSVText(tt.in), "%q", tt.in)
	}
}

func TestChangeLabelCountsFromOne(t *testing.T) {
	assert.Equal(t, "change 4", funding.ChangeLabel("changes[3]"))
	assert.Equal(t, "change 1", funding.ChangeLabel("changes[0]"))
	assert.Equal(t, "change 3.parts", funding.ChangeLabel("changes[2].parts"))
	assert.Equal(t, "baseline", funding.ChangeLabel("baseline"))
	assert.Equal(t, "changes[x]", funding.ChangeLabel("changes[x]"))
	assert.Equal(t, "changes[01]", funding.ChangeLabel("changes[01]"))
}

// hostileScenario names contributors as a spreadsheet attack would (bug 3
// of issue 13) and one with a pound sign, and cuts a contributor's amount
// so that a negative change appears in the comparison.
func hostileScenario() *funding.Scenario {
	sc, err := funding.ParseScenario([]byte(`{
  "name": "=cmd|' /C calc'!A0",
  "year": "2021/22",
  "baseline": {"year": "2020/21", "lines": [
    {"org": "a", "name": "=HYPERLINK(\"http://evil.example\",\"Click\")", "amount": "300"},
    {"org": "b", "name": "+Police £ fund", "amount": "200"},
    {"org": "c", "name": "@Health", "amount": "100"},
    {"org": "d", "name": "-Probation", "amount": "50"}
  ]},
  "changes": [{"kind": "fixed", "org": "a", "amount": "100"}]
}`))
	if err != nil {
		panic(err)
	}
	return sc
}

func TestCSVHasNoFormulasAndKeepsNumbers(t *testing.T) {
	r, err := funding.Apply(hostileScenario())
	require.NoError(t, err)
	c := r.Compare()
	p, err := funding.Project(hostileScenario(), 2, funding.MustNumber("2"))
	require.NoError(t, err)
	writers := map[string]func(*bytes.Buffer) error{
		"result":     func(b *bytes.Buffer) error { return r.WriteCSV(b) },
		"comparison": func(b *bytes.Buffer) error { return c.WriteCSV(b) },
		"projection": func(b *bytes.Buffer) error { return p.WriteCSV(b) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			assert.Contains(t, b.String(), "£", "the pound sign survives")
			assert.False(t, bytes.HasPrefix(b.Bytes(), []byte(funding.UTF8BOM)), "no BOM unless asked")
			rows, err := csv.NewReader(&b).ReadAll()
			require.NoError(t, err)
			numeric := 0
			for _, row := range rows[1:] {
				for _, cell := range row {
					if cell == "" {
						continue
					}
					if _, err := funding.ParseNumber("cell", cell); err == nil {
						numeric++
						continue
					}
					assert.NotContains(t, "=+-@\t\r", cell[:1], "cell %q would run as a formula", cell)
				}
			}
			assert.Positive(t, numeric, "amounts stay plain numbers")
		})
	}
	var b bytes.Buffer
	require.NoError(t, c.WriteCSV(&b))
	assert.Contains(t, b.String(), ",-200,", "a negative change stays a number")
	assert.Contains(t, b.String(), "'=HYPERLINK(")
}

func TestWriteBOMForExcel(t *testing.T) {
	r, err := funding.Apply(hostileScenario())
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, funding.WriteBOM(&b))
	require.NoError(t, r.WriteCSV(&b))
	assert.Equal(t, []byte{0xEF, 0xBB, 0xBF}, b.Bytes()[:3])
	assert.Contains(t, b.String(), "+Police \u00a3 fund")
	assert.Contains(t, b.String(), "\xc2\xa3", "£ is written in UTF-8")
}

// TestScenarioRefusesPersonalDataAndControls: names are screened however
// the scenario was made, decoded or built in code (issue 13, bug 10 and
// personal data).
func TestScenarioRefusesPersonalDataAndControls(t *testing.T) {
	for name, bad := range map[string]string{
		"escape":     "a\x1b[2Jb",
		"NHS number": "Child 943 476 5919",
		"postcode":   "Flat at SW1A 2AA",
	} {
		t.Run(name, func(t *testing.T) {
			sc := hostileScenario()
			sc.Baseline.Lines[1].Name = bad
			_, err := funding.Apply(sc)
			require.Error(t, err)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps)
			assert.Equal(t, "baseline.lines[1].name", ps[0].Field)
			assert.Empty(t, ps[0].Value)
		})
	}
}
