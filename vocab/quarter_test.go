package vocab_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuarterOf(t *testing.T) {
	tests := []struct {
		date string
		want vocab.Quarter
	}{
		{"2020-04-01", 1},
		{"2020-06-30", 1},
		{"2020-07-01", 2},
		{"2020-09-30", 2},
		{"2020-10-01", 3},
		{"2020-12-31", 3},
		{"2021-01-01", 4},
		{"2021-03-31", 4},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, vocab.QuarterOf(vocab.MustDate(tt.date)), tt.date)
	}
}

func TestQuarterCheck(t *testing.T) {
	tests := []struct {
		q  vocab.Quarter
		ok bool
	}{{0, false}, {1, true}, {4, true}, {5, false}, {-1, false}}
	for _, tt := range tests {
		err := tt.q.Check("activities[2].quarter")
		if tt.ok {
			assert.NoError(t, err)
			continue
		}
		var fe *vocab.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "activities[2].quarter", fe.Field)
		assert.Equal(t, fmt.Sprint(int(tt.q)), fe.Value)
		assert.ErrorIs(t, err, vocab.ErrInvalid)
	}
	assert.Equal(t, "Q3", vocab.Quarter(3).String())
	assert.Equal(t, "Q?7", vocab.Quarter(7).String())
}

func TestFinancialYearQuarter(t *testing.T) {
	y := vocab.FinancialYear(2020)
	assert.Equal(t, vocab.Period{From: vocab.MustDate("2020-04-01"), To: vocab.MustDate("2020-06-30")}, y.Quarter(1))
	assert.Equal(t, vocab.Period{From: vocab.MustDate("2021-01-01"), To: vocab.MustDate("2021-03-31")}, y.Quarter(4))
	assert.Equal(t, vocab.Period{}, y.Quarter(0))
}

// Every day of a year falls in exactly one quarter of it, the one QuarterOf
// names, and the quarters run back to back from 1 April to 31 March.
func TestQuarterProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for range 2000 {
		y := vocab.FinancialYear(1900 + r.IntN(300))
		d := y.Start().AddDays(r.IntN(366))
		if !y.Contains(d) {
			continue
		}
		q := vocab.QuarterOf(d)
		require.True(t, q.Valid())
		for other := vocab.Quarter(1); other <= 4; other++ {
			assert.Equal(t, other == q, y.Quarter(other).Contains(d), "%s in %s", d, other)
		}
	}
	for y := vocab.FinancialYear(1999); y < 2030; y++ {
		assert.Equal(t, y.Start(), y.Quarter(1).From)
		assert.Equal(t, y.End(), y.Quarter(4).To)
		for q := vocab.Quarter(1); q < 4; q++ {
			assert.Equal(t, y.Quarter(q).To.AddDays(1), y.Quarter(q+1).From)
		}
	}
}

func TestTextProblem(t *testing.T) {
	tests := []struct {
		in   string
		rule string
	}{
		{"Neglect", ""},
		{"Think Family: parental mental health", ""},
		{"", "required"},
		{" neglect", "trimmed"},
		{"neglect ", "trimmed"},
		{"two\nlines", "text"},
		{"tab\there", "text"},
		{"bad \xff byte", "text"},
		{strings.Repeat("a", 121), "max-length"},
	}
	for _, tt := range tests {
		fe := vocab.TextProblem("findings[0].theme", tt.in, 120)
		if tt.rule == "" {
			assert.Nil(t, fe, "%q", tt.in)
			continue
		}
		require.NotNil(t, fe, "%q", tt.in)
		assert.Equal(t, tt.rule, fe.Rule, "%q", tt.in)
		assert.Equal(t, "findings[0].theme", fe.Field)
		assert.LessOrEqual(t, len(fe.Value), 100)
	}
}

func TestEncodeJSON(t *testing.T) {
	v := map[string]any{"b": "<&>", "a": []int{1}, "d": vocab.MustDate("2020-06-29")}
	got, err := vocab.EncodeJSON(v)
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"a\": [\n    1\n  ],\n  \"b\": \"<&>\",\n  \"d\": \"2020-06-29\"\n}\n", string(got))
	_, err = vocab.EncodeJSON(func() {})
	assert.Error(t, err)
}

func ExampleFinancialYear_Quarter() {
	y := vocab.FinancialYear(2020)
	q := vocab.QuarterOf(vocab.MustDate("2020-11-05"))
	fmt.Println(q, y.Quarter(q))
	// Output: Q3 1 October 2020 to 31 December 2020
}

func TestInQuarter(t *testing.T) {
	type item struct {
		name string
		q    vocab.Quarter
	}
	items := []item{{"a", 1}, {"b", 2}, {"c", 1}, {"d", 4}}
	of := func(it *item) vocab.Quarter { return it.q }
	assert.Equal(t, []item{{"a", 1}, {"c", 1}}, vocab.InQuarter(items, 1, of))
	assert.Equal(t, []item{{"d", 4}}, vocab.InQuarter(items, 4, of))
	assert.Empty(t, vocab.InQuarter(items, 3, of))
	assert.Empty(t, vocab.InQuarter([]item(nil), 1, of))
}
