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

	assert.Equal(t, []colour{"red", "green"}, colours.InOrder(map[colour]bool{"red": true, "green": true, "pink": true}))
}

func ExampleTerms_Label() {
	fmt.Println(colours.Label("blue"))
	fmt.Println(colours.Label("pink"))
	// Output:
	// deep blue
	// pink
}
