// Package testcheck holds assertions shared by the masa packages' tests.
package testcheck

import (
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Problems requires err to be a vocab.ErrInvalid error carrying at least
// one *vocab.FieldError, and returns the rule broken at each field path.
func Problems(t testing.TB, err error) map[string]string {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
	out := map[string]string{}
	for _, fe := range vocab.AsProblems(err) {
		out[fe.Field] = fe.Rule
	}
	require.NotEmpty(t, out, "no FieldError in %v", err)
	return out
}
