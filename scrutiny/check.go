package scrutiny

import "github.com/masa-go/masa/vocab"

// problemsOf returns the problems in err, or one problem at field when err
// carries none.
func problemsOf(field string, err error) vocab.Problems {
	if ps := vocab.AsProblems(err); len(ps) > 0 {
		return ps
	}
	return vocab.Problems{vocab.Invalid(field, "model", "", err.Error())}
}
