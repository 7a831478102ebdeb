package testcheck

import (
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
)

func TestProblems(t *testing.T) {
	err := vocab.Problems{vocab.Invalid("a.b", "required", "", "is required"), vocab.Invalid("c", "type", "x", "must be a number")}
	assert.Equal(t, map[string]string{"a.b": "required", "c": "type"}, Problems(t, err))
}
