package reviews

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/vocab"
)

// Record checks event ev against case c and its audit trail and, when it
// is sound, appends it to c.Events. A rejected event leaves c unchanged;
// the error names the field, such as "events[4].on".
//
// Replaying a trail built with Record gives the same Status as replaying
// the same events decoded from a file: the trail is the state.
func (e *Engine) Record(c *Case, ev Event) error {
	next := *c
	next.Events = append(slices.Clip(c.Events), ev)
	if _, err := e.replay(&next, ""); err != nil {
		return err
	}
	c.Events = next.Events
	return nil
}

// Check replays case c against the rules and returns every problem, or
// nil when the case is sound.
func (e *Engine) Check(c *Case) error {
	_, err := e.replay(c, "")
	return err
}

// Learning returns the learning recorded for case c as vocab.Learning
// items, one for each finding, for the training needs analysis. Each item
// has the case's reference, the source vocab.SourcePracticeReviews and the
// date the learning was shared. The case is checked first.
func (e *Engine) Learning(c *Case) ([]vocab.Learning, error) {
	t, err := e.replay(c, "")
	if err != nil {
		return nil, err
	}
	out := []vocab.Learning{}
	for i, cs := range t.per.rules.steps {
		j := t.at[i]
		if !cs.Learning || j < 0 {
			continue
		}
		ev := &c.Events[j]
		for _, f := range ev.Learning {
			out = append(out, vocab.Learning{
				Ref: c.Ref, Source: vocab.SourcePracticeReviews, Theme: f.Theme,
				Date: ev.On, Severity: f.Severity, Audience: f.Audience,
			})
		}
	}
	return out, nil
}

// Encode returns the canonical JSON of v (a Status, Report, Case or
// anything else of this package) with vocab.EncodeJSON.
//
// Deprecated: use vocab.EncodeJSON, the one encoder of every masa package;
// Encode will be removed in the next release.
func Encode(v any) ([]byte, error) {
	b, err := vocab.EncodeJSON(v)
	if err != nil {
		return nil, fmt.Errorf("reviews: encoding: %w", err)
	}
	return b, nil
}
