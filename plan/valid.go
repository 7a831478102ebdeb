package plan

import (
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
)

// Validate checks p against the rules in force on its publication date,
// as masa/validate does, and returns every problem as vocab.Problems (nil
// when there are none). Programs that publish a plan call it before
// Build: the plan and service programs render only a valid model, and
// answer an invalid one with its problems (issue 13, bug 5: an empty
// partnership once gave a plan that read "The is the name of the
// arrangements" with the year "0000/01", and negative funding was
// published). Build itself stays usable on a partial model, for previews
// and layout tests.
func Validate(p *masa.Partnership) error {
	if p == nil {
		return vocab.Problems{vocab.Invalid("", "required", "", "no partnership given")}
	}
	on := p.Arrangements.Published
	if on.IsZero() {
		return vocab.Problems{vocab.Invalid("arrangements.published", "required", "", "is required: the plan is checked against the rules in force on its publication date")}
	}
	if _, err := validate.Partnership(p, on); err != nil {
		if ps := vocab.AsProblems(err); ps != nil {
			return ps
		}
		return vocab.Problems{vocab.Invalid("arrangements.published", "rules", on.String(), err.Error())}
	}
	return nil
}
