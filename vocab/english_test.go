package vocab_test

import (
	"fmt"
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
)

func TestEnglish(t *testing.T) {
	numbers := map[int]string{0: "no", 1: "one", 12: "twelve", 13: "13", 999: "999", 1000: "1,000", 1862: "1,862", 1234567: "1,234,567", -12000: "-12,000"}
	for n, want := range numbers {
		assert.Equal(t, want, vocab.Number(n), "Number(%d)", n)
	}
	times := map[int]string{1: "once", 2: "twice", 3: "three times", 12: "twelve times", 52: "52 times"}
	for n, want := range times {
		assert.Equal(t, want, vocab.Times(n), "Times(%d)", n)
	}
	ordinals := map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th", 112: "112th", 113: "113th"}
	for n, want := range ordinals {
		assert.Equal(t, want, vocab.Ordinal(n), "Ordinal(%d)", n)
	}
	caps := map[string]string{"": "", "the board": "The board", "élan": "Élan", "The": "The", "1st": "1st", "\xff abc": "\xff abc"}
	for s, want := range caps {
		assert.Equal(t, want, vocab.Capitalise(s), "Capitalise(%q)", s)
	}
	assert.Equal(t, "group", vocab.Plural(1, "group", "groups"))
	assert.Equal(t, "groups", vocab.Plural(0, "group", "groups"))
}

// Property: Thousands reads back as the number once its commas are gone.
func TestThousandsRoundTrip(t *testing.T) {
	for _, n := range []int{0, 7, -7, 100, 1000, 99999, 100000, -1234567, 1<<62 - 1} {
		var back int
		_, err := fmt.Sscan(stripCommas(vocab.Thousands(n)), &back)
		assert.NoError(t, err)
		assert.Equal(t, n, back)
	}
}

func stripCommas(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			out = append(out, s[i])
		}
	}
	return string(out)
}

func ExampleTimes() {
	fmt.Println("The board meets", vocab.Times(4), "a year;", vocab.Capitalise(vocab.Number(3)), vocab.Plural(3, "group", "groups"), "report to it by the", vocab.Ordinal(22), "of each month.")
	// Output:
	// The board meets four times a year; Three groups report to it by the 22nd of each month.
}
