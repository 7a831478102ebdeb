package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFirstDiff(t *testing.T) {
	assert.Equal(t, "line 2:\n  want \"b\"\n  got  \"c\"", FirstDiff([]byte("a\nb\n"), []byte("a\nc\n")))
	assert.Equal(t, "line 3:\n  want \"\"\n  got  \"extra\"", FirstDiff([]byte("a\nb"), []byte("a\nb\nextra")))
}

func TestAssert(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	assert.NoError(t, os.WriteFile(path, []byte("same\n"), 0o644))
	Assert(t, path, []byte("same\n"))

	fake := &testing.T{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Assert(fake, path, []byte("different\n"))
	}()
	<-done
	assert.True(t, fake.Failed(), "a difference fails the test")
}
