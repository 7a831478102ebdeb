package vocab_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeJSONHostile is the bad-input catalogue for vocab.DecodeJSON,
// which every file and request body goes through.
func TestDecodeJSONHostile(t *testing.T) {
	deep := `{"lines":` + strings.Repeat("[", 10010)
	tests := []struct {
		name, in, field, rule string
	}{
		{"deep nesting (bug 2)", deep, "lines" + strings.Repeat("[0]", vocab.MaxDepth-1), "depth"},
		{"duplicate key (bug 11)", `{"name":"a","name":"b"}`, "name", "duplicate-key"},
		{"duplicate key, escaped (bug 11)", `{"name":"a","n\u0061me":"b"}`, "name", "duplicate-key"},
		{"duplicate key, nested (bug 11)", `{"lines":[{"count":1},{"count":1,"count":2}]}`, "lines[1].count", "duplicate-key"},
		{"duplicate key, many keys", manyKeys(40, true), "k0", "duplicate-key"},
		{"trailing comma in list (13a)", `{"dates":["2020-01-01",]}`, "dates", "json"},
		{"trailing comma in object (13a)", `{"lines":[{"count":1,}]}`, "lines[0]", "json"},
		{"escape sequence in text (bug 10)", `{"name":"\u001b[31mred"}`, "name", "text"},
		{"line break in text (bug 10)", `{"name":"a\nb"}`, "name", "text"},
		{"DEL in text (bug 10)", "{\"name\":\"a\x7fb\"}", "name", "text"},
		{"C1 control in text (bug 10)", `{"name":"a\u009bb"}`, "name", "text"},
		{"direction override in text (bug 10)", `{"name":"a\u202eb"}`, "name", "text"},
		{"control character in key", `{"lines":[{"c\u0000":1}]}`, `lines[0]["c\x00"]`, "text"},
		{"raw control byte", "{\"name\":\"a\x01\"}", "name", "text"},
		{"invalid UTF-8", "{\"name\":\"caf\xe9\"}", "name", "text"},
		{"unpaired surrogate", `{"name":"\ud800"}`, "name", "text"},
		{"unknown escape", `{"name":"\q"}`, "name", "json"},
		{"bad number", `{"lines":[{"count":01}]}`, "lines[0].count", "json"},
		{"long unknown key", `{"` + strings.Repeat("k", 100000) + `":1}`, `["` + strings.Repeat("k", 40) + `"…]`, "unknown-field"},
		{"missing value", `{"name":}`, "name", "json"},
		{"bare word", `{"name":nope}`, "name", "json"},
		{"long number as text (bug 6)", `{"name":"` + strings.Repeat("7", vocab.MaxNumberChars+1) + `"}`, "name", "number"},
		{"long bare number (bug 6)", `{"lines":[{"count":` + strings.Repeat("7", vocab.MaxNumberChars+1) + `}]}`, "lines[0].count", "number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s sample
			err := vocab.DecodeJSON([]byte(tt.in), &s)
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
			assert.LessOrEqual(t, len(fe.Error()), 700, "an error stays small")
			assert.NotContains(t, fe.Error(), "\x1b")
			assert.NotContains(t, fe.Value, "\u202e")
		})
	}
}

func manyKeys(n int, dup bool) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		b.WriteString(`"k` + itoa(i) + `":1,`)
	}
	if dup {
		b.WriteString(`"k0":2}`)
	} else {
		b.WriteString(`"end":1}`)
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestDecodeJSONDeepNestingIsCheap is the regression test for bug 2: ten
// thousand "[" once took 170 MB and gave a 60 KB error.
func TestDecodeJSONDeepNestingIsCheap(t *testing.T) {
	for _, body := range []string{
		`{"events":` + strings.Repeat("[", 10010),
		`{"lines":` + strings.Repeat("[", 200000),
		strings.Repeat(`{"a":`, 100000),
		`{"lines":[` + strings.Repeat(`{"count":"x"},`, 50000) + `{"count":"x"}]}`,
	} {
		var s sample
		var err error
		bytes := allocBytes(func() { err = vocab.DecodeJSON([]byte(body), &s) })
		require.Error(t, err)
		assert.Less(t, len(err.Error()), 1000)
		assert.Less(t, bytes, uint64(16<<20), "bytes allocated for a %d-byte body", len(body))
	}
}

func allocBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestDecodeJSONAcceptsPlainText(t *testing.T) {
	var s sample
	require.NoError(t, vocab.DecodeJSON([]byte(`{"name":"Café £5 – “quoted” \u00e9 \ud83d\ude00"}`), &s))
	assert.Equal(t, "Café £5 – “quoted” é 😀", s.Name)
	require.NoError(t, vocab.DecodeJSON([]byte(manyKeys(0, false)[:1]+`"name":"x"}`), &s))
}

func TestIDErrorCountsCharacters(t *testing.T) {
	err := vocab.ID("café").Check("id")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `'é' at character 4`)
	err = vocab.ID("ab\x1bc").Check("id")
	assert.Contains(t, err.Error(), "U+001B at character 3")
	err = vocab.ID("ab\xffc").Check("id")
	assert.Contains(t, err.Error(), "not valid UTF-8 at character 3")
}

func TestDaysSinceCountsDays(t *testing.T) {
	d := func(y int, m time.Month, day int) vocab.Date { return vocab.Date{Year: y, Month: m, Day: day} }
	assert.Equal(t, 1, d(2020, 3, 1).DaysSince(d(2020, 2, 29)))
	assert.Equal(t, 365, d(2021, 1, 1).DaysSince(d(2020, 1, 1))-1)
	assert.Equal(t, -1, d(2020, 2, 29).DaysSince(d(2020, 3, 1)))
	// Beyond the 292 years a time.Duration holds (bug 8).
	assert.Equal(t, 3652058, d(9999, 12, 31).DaysSince(d(1, 1, 1)))
	assert.Equal(t, 146097, d(2400, 1, 1).DaysSince(d(2000, 1, 1)))
	// Agrees with the time package over a range of dates.
	base := d(1999, 12, 31)
	for i := range 3000 {
		x := base.Time().AddDate(0, 0, i*7)
		got := vocab.Date{Year: x.Year(), Month: x.Month(), Day: x.Day()}.DaysSince(base)
		require.Equal(t, i*7, got)
	}
}

func TestMissingYearPrintsAsNoYear(t *testing.T) {
	assert.Equal(t, vocab.NoYear, vocab.FinancialYear(0).String())
	assert.Equal(t, vocab.NoYear, vocab.FinancialYear(0).Label())
	assert.NotContains(t, vocab.FinancialYear(0).String(), "0000")
	assert.Equal(t, "2020/21", vocab.FinancialYear(2020).String())
}

func TestTextProblemRefusesControls(t *testing.T) {
	for _, s := range []string{"a\x1b[2Jb", "a\u202eb", "a\u0085b", "a\tb"} {
		fe := vocab.TextProblem("theme", s, 100)
		require.NotNil(t, fe, "%q", s)
		assert.Equal(t, "text", fe.Rule)
		assert.NotContains(t, fe.Value, s[1:2+1])
	}
	assert.Nil(t, vocab.TextProblem("theme", "Neglect – “early help”", 100))
}
