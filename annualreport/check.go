package annualreport

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/vocab"
)

// checker collects the problems of one input.
type checker struct {
	year vocab.FinancialYear
	ps   vocab.Problems
}

func (c *checker) add(e *vocab.FieldError) {
	if e != nil {
		c.ps.Add(e)
	}
}

func (c *checker) text(field, s string, maxBytes int) {
	c.add(vocab.TextProblem(field, s, maxBytes))
}

func (c *checker) optionalText(field, s string, maxBytes int) {
	if s != "" {
		c.text(field, s, maxBytes)
	}
}

// prefixed adds the problems in err with prefix put before each field.
func (c *checker) prefixed(prefix string, err error) {
	ps := vocab.AsProblems(err)
	if len(ps) == 0 && err != nil {
		c.add(vocab.Invalid(prefix, "input", "", err.Error()))
	}
	for _, fe := range ps {
		out := *fe
		switch {
		case out.Field == "":
			out.Field = prefix
		case out.Field[0] == '[':
			out.Field = prefix + out.Field
		default:
			out.Field = prefix + "." + out.Field
		}
		c.ps.Add(&out)
	}
}

func (c *checker) entries(field string, es []Entry) {
	for i, e := range es {
		at := fmt.Sprintf("%s[%d].", field, i)
		c.text(at+"title", e.Title, MaxTitleBytes)
		c.text(at+"text", e.Text, MaxTextBytes)
		if !e.Date.IsZero() {
			c.add(c.year.DateProblem(at+"date", e.Date))
		}
	}
}

func (c *checker) reviews(rs []PracticeReview) {
	seen := map[string]int{}
	for i, r := range rs {
		at := fmt.Sprintf("reviews[%d].", i)
		c.text(at+"ref", r.Ref, MaxRefBytes)
		if j, dup := seen[r.Ref]; dup {
			c.add(vocab.Conflict(at+"ref", "unique", r.Ref, fmt.Sprintf("is already the reference of reviews[%d]", j)))
		} else {
			seen[r.Ref] = i
		}
		if !slices.Contains([]ReviewKind{KindRapidReview, KindPracticeReview, KindLearningReview}, r.Kind) {
			c.add(vocab.Invalid(at+"kind", "review-kind", string(r.Kind), "is not a kind of review: use rapid-review, practice-review or learning-review"))
		}
		if !slices.Contains([]ReviewStatus{StatusStarted, StatusCompleted, StatusPublished}, r.Status) {
			c.add(vocab.Invalid(at+"status", "review-status", string(r.Status), "is not a review status: use started, completed or published"))
		}
		c.add(c.year.DateProblem(at+"date", r.Date))
		c.optionalText(at+"learning", r.Learning, MaxTextBytes)
	}
}

func (c *checker) priorities(ps []Priority) {
	for i, p := range ps {
		at := fmt.Sprintf("priorities[%d].", i)
		c.text(at+"name", p.Name, MaxTitleBytes)
		switch p.Progress {
		case ProgressGood, ProgressSome:
			c.optionalText(at+"note", p.Note, MaxTextBytes)
		case ProgressLittle, ProgressNone:
			if p.Note == "" {
				c.add(vocab.Invalid(at+"note", "required", "", "is empty; say why the priority made "+string(p.Progress)+" progress"))
			} else {
				c.text(at+"note", p.Note, MaxTextBytes)
			}
		default:
			c.add(vocab.Invalid(at+"progress", "progress", string(p.Progress), "is not a degree of progress: use good, some, little or none"))
		}
	}
}

func (c *checker) reviewActions(as []ReviewAction) {
	for i, a := range as {
		at := fmt.Sprintf("reviewActions[%d].", i)
		c.text(at+"ref", a.Ref, MaxRefBytes)
		if a.Scope != ScopeLocal && a.Scope != ScopeNational {
			c.add(vocab.Invalid(at+"scope", "scope", string(a.Scope), "is not a scope: use local or national"))
		}
		c.text(at+"recommendation", a.Recommendation, MaxTextBytes)
		c.text(at+"action", a.Action, MaxTextBytes)
		if a.Status != ActionTaken && a.Status != ActionPlanned {
			c.add(vocab.Invalid(at+"status", "action-status", string(a.Status), "is not an action status: use taken or planned"))
		}
		c.optionalText(at+"improvement", a.Improvement, MaxTextBytes)
	}
}

func (c *checker) feedback(fs []Feedback, voices vocab.Terms[scrutiny.Voice]) {
	for i, f := range fs {
		at := fmt.Sprintf("feedback[%d].", i)
		if !voices.Has(f.Voice) {
			c.add(masa.Undeclared(at+"voice", f.Voice, voices.IDs(), masa.VoiceMechanisms, masa.VoiceDataSources))
		}
		c.text(at+"sought", f.Sought, MaxTextBytes)
		c.text(at+"used", f.Used, MaxTextBytes)
	}
}
