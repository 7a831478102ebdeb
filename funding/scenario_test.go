package funding

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, want string
		places   int32
		ok       bool
	}{
		{"389095", "389095", 0, true},
		{"1210.50", "1210.50", 2, true},
		{"-2.5", "-2.5", 1, true},
		{"0", "0", 0, true},
		{"007", "7", 0, true},
		{"", "", 0, false},
		{"-", "", 0, false},
		{"1e5", "", 0, false},
		{"1,000", "", 0, false},
		{"£5", "", 0, false},
		{" 5", "", 0, false},
		{"5.", "", 0, false},
		{".5", "", 0, false},
		{"1.2.3", "", 0, false},
		{"+5", "", 0, false},
		{"0x10", "", 0, false},
		{"NaN", "", 0, false},
		{strings.Repeat("9", 31), "", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			n, err := ParseNumber("f", tc.in)
			if !tc.ok {
				require.Error(t, err)
				assert.ErrorIs(t, err, vocab.ErrInvalid)
				var fe *vocab.FieldError
				require.True(t, errors.As(err, &fe))
				assert.Equal(t, "f", fe.Field)
				assert.Equal(t, tc.in, fe.Value)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, n.String())
			assert.Equal(t, tc.places, n.Places())
			assert.True(t, n.IsSet())
		})
	}
	assert.Panics(t, func() { MustNumber("x") })
	assert.Equal(t, "", Number{}.String())
	assert.True(t, Number{}.IsZero())
	assert.False(t, Int(0).IsZero())
}

func TestNumberJSON(t *testing.T) {
	var v struct {
		A Number `json:"a"`
		B Number `json:"b"`
		C Number `json:"c,omitzero"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"a": "1210.50", "b": 2.5}`), &v))
	assert.Equal(t, "1210.50", v.A.String())
	assert.Equal(t, "2.5", v.B.String())
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"a":"1210.50","b":"2.5"}`, string(out))

	for _, bad := range []string{`{"a": 1e5}`, `{"a": null}`, `{"a": "abc"}`, `{"a": true}`, `{"a": "1 000"}`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &v), bad)
	}
}

func TestDecTextIgnoresGlobalFormatting(t *testing.T) {
	assert.Equal(t, "1500", decText(decimal.NewFromInt(1500)))
	assert.Equal(t, "1E1000", decText(decimal.New(1, 1000)))
}

func TestParseScenarioErrors(t *testing.T) {
	base := func(changes string) string {
		return `{"name": "x", "baseline": {"year": "2020/21", "lines": [
			{"org": "a", "name": "A", "amount": "100"},
			{"org": "b", "name": "B", "amount": "50"}]},
			"changes": [` + changes + `]}`
	}
	tests := []struct {
		name, json, field, value string
	}{
		{"amount not a number", base(`{"kind": "set-total", "amount": "lots"}`), "changes[0].amount", "lots"},
		{"amount with exponent", base(`{"kind": "set-total", "amount": "4e5"}`), "changes[0].amount", "4e5"},
		{"amount with separator", base(`{"kind": "set-total", "amount": "400,000"}`), "changes[0].amount", "400,000"},
		{"percent not a number", base(`{"kind": "uplift", "percent": "two"}`), "changes[0].percent", "two"},
		{"members as string", base(`{"kind": "flat-rate", "org": "a", "members": "12"}`), "changes[0].members", "12"},
		{"unknown field", base(`{"kind": "set-total", "amount": "1", "colour": "red"}`), "changes[0].colour", "colour"},
		{"pence in pounds", base(`{"kind": "set-total", "amount": "100.01"}`), "changes[0].amount", "100.01"},
		{"percent too fine", base(`{"kind": "uplift", "percent": "1.0000001"}`), "changes[0].percent", "1.0000001"},
		{"bad year", `{"name": "x", "baseline": {"year": "2020/22", "lines": []}, "changes": []}`, "baseline.year", "2020/22"},
		{"not JSON", `{"name": `, "name", "end of input"},
		{"trailing data", base(``) + ` {}`, "", "offset 170"},
		{"kind as number", base(`{"kind": 3}`), "changes[0].kind", "3"},
		{"duplicate", `{"name": "x", "baseline": {"year": "2020/21", "lines": [{"org": "a", "name": "A", "amount": "1"}, {"org": "a", "name": "A", "amount": "1"}]}, "changes": []}`, "baseline.lines[1].org", "a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseScenario([]byte(tc.json))
			require.Error(t, err)
			assert.ErrorIs(t, err, vocab.ErrInvalid)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps, "%v", err)
			assert.Equal(t, tc.field, ps[0].Field, "%v", err)
			assert.Equal(t, tc.value, ps[0].Value, "%v", err)
		})
	}
}

func TestScenarioRoundTrip(t *testing.T) {
	for _, name := range scenarioNames(t) {
		t.Run(name, func(t *testing.T) {
			s := loadScenario(t, name)
			first, err := EncodeScenario(s)
			require.NoError(t, err)
			s2, err := ParseScenario(first)
			require.NoError(t, err)
			assert.Equal(t, s, s2)
			second, err := EncodeScenario(s2)
			require.NoError(t, err)
			assert.Equal(t, string(first), string(second))

			s3, err := ReadScenario(bytes.NewReader(first))
			require.NoError(t, err)
			assert.Equal(t, s, s3)
		})
	}
}

func TestEssexScenarioJSON(t *testing.T) {
	js, err := EncodeScenario(EssexScenario())
	require.NoError(t, err)
	assert.Contains(t, string(js), `"amount": "240205"`)
	assert.Contains(t, string(js), `"name": "NHS Basildon & Brentwood CCG"`, "no HTML escaping")
	s, err := ParseScenario(js)
	require.NoError(t, err)
	assert.Equal(t, EssexScenario(), s)
}

func FuzzParseScenario(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"name":"x","baseline":{"year":"2020/21","lines":[{"org":"a","name":"A","amount":"1"}]},"changes":[{"kind":"uplift","percent":"-99.999999"}]}`))
	f.Add([]byte(`{"name":"x","rounding":{"unit":"pence"},"baseline":{"year":"2020/21","lines":[{"org":"a","name":"A","amount":"0.01"},{"org":"b","name":"B","amount":"0"}]},"changes":[{"kind":"floor","org":"b","amount":"0.01"}]}`))
	f.Add([]byte(`{"changes":[{"kind":"shares","method":"percentages","parts":[{"role":"police","percent":"100","method":"percentages","parts":[]}]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScenario(data)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("error is not ErrInvalid: %v", err)
			}
			return
		}
		out, err := EncodeScenario(s)
		if err != nil {
			t.Fatal(err)
		}
		s2, err := ParseScenario(out)
		if err != nil {
			t.Fatalf("re-parsing the encoded scenario: %v\n%s", err, out)
		}
		out2, _ := EncodeScenario(s2)
		if !bytes.Equal(out, out2) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
		}
		r, err := Apply(s)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		checkResult(t, r)
		checkQuotas(t, r)
		var b bytes.Buffer
		if err := r.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		if err := r.Compare().WriteText(&b); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"389095", "1210.50", "-2.5", "1e5", "", "-", "0.000001", "99999999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber("f", s)
		if err != nil {
			var fe *vocab.FieldError
			if !errors.As(err, &fe) || fe.Field != "f" || fe.Value != s {
				t.Fatalf("error does not name the field and value: %v", err)
			}
			return
		}
		// A parsed number prints back as a number that parses to the same
		// value with the same places, and its JSON round-trips.
		m, err := ParseNumber("f", n.String())
		if err != nil || !m.Decimal().Equal(n.Decimal()) || m.Places() != n.Places() {
			t.Fatalf("%q printed as %q, which parses to %v (%v)", s, n.String(), m, err)
		}
		js, _ := n.MarshalJSON()
		var back Number
		if err := back.UnmarshalJSON(js); err != nil || back.String() != n.String() {
			t.Fatalf("JSON %s came back as %q (%v)", js, back.String(), err)
		}
	})
}
