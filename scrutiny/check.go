package scrutiny

import (
	"strings"

	"github.com/masa-go/masa/vocab"
)

// problemsOf returns the problems in err, or one problem at field when err
// carries none.
func problemsOf(field string, err error) vocab.Problems {
	if ps := vocab.AsProblems(err); len(ps) > 0 {
		return ps
	}
	return vocab.Problems{vocab.Invalid(field, "model", "", err.Error())}
}

func joinIDs[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}
