package vocab_test

import (
	"fmt"
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
)

type colour string

var colours = vocab.Terms[colour]{{"red", "bright red"}, {"blue", "deep blue"}, {"green", "grass green"}}

func TestTerms(t *testing.T) {
	assert.Equal(t, []colour{"red", "blue", "green"}, colours.IDs())
	assert.True(t, colours.Has("blue"))
	assert.False(t, colours.Has("pink"))
	assert.Equal(t, "deep blue", colours.Label("blue"))
	assert.Equal(t, "pink", colours.Label("pink"))

	tests := []struct {
		name    string
		wording []string
		want    []colour
		bad     []string
	}{
		{"empty means all", nil, []colour{"red", "blue", "green"}, nil},
		{"subset, order of terms", []string{"grass green", "bright red"}, []colour{"red", "green"}, nil},
		{"unknown wording", []string{"bright red", "Deep Blue", "pink"}, []colour{"red"}, []string{"palette[1]", "palette[2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ps := colours.Resolve("palette", tt.wording)
			assert.Equal(t, tt.want, colours.InOrder(got))
			assert.Equal(t, tt.bad, ps.Fields())
			for _, p := range ps {
				assert.Equal(t, "known-term", p.Rule)
			}
		})
	}
}

func ExampleTerms_Resolve() {
	ids, problems := colours.Resolve("palette", []string{"deep blue", "sky blue"})
	fmt.Println(colours.InOrder(ids))
	fmt.Println(problems)
	// Output:
	// [blue]
	// palette[1]: is not known wording; use one of "bright red", "deep blue", "grass green" (value "sky blue", rule known-term)
}
