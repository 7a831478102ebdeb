package validate

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// formatCitation is cited for rules that come from the data format rather
// than from legislation or guidance.
var formatCitation = vocab.Citation{Source: "masa data format", Section: "field rules"}

type ctxKey struct{}

type checkContext struct {
	rules masa.RuleSet
	on    vocab.Date
}

var engine = sync.OnceValue(newEngine)

func newEngine() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(v.RegisterValidation("id", func(fl validator.FieldLevel) bool {
		return vocab.ID(fl.Field().String()).Valid()
	}))
	must(v.RegisterValidation("role", func(fl validator.FieldLevel) bool {
		return vocab.Role(fl.Field().String()).Valid()
	}))
	must(v.RegisterValidation("category", func(fl validator.FieldLevel) bool {
		return masa.Category(fl.Field().String()).Valid()
	}))
	must(v.RegisterValidation("forum", func(fl validator.FieldLevel) bool {
		return masa.Forum(fl.Field().String()).Valid()
	}))
	v.RegisterStructValidationCtx(partnershipRules, masa.Partnership{})
	return v
}

// Partnership checks p against the rule set in force on date on and
// returns the rule set together with every problem found, as a
// vocab.Problems error (nil when there are none). Problems are ordered by
// field path within each kind of check, field rules first.
func Partnership(p *masa.Partnership, on vocab.Date) (masa.RuleSet, error) {
	if p == nil {
		return masa.RuleSet{}, vocab.Invalid("", "required", "", "no partnership was given")
	}
	if !on.Valid() {
		return masa.RuleSet{}, vocab.Invalid("date", "date", on.String(), "is not a real calendar date")
	}
	rs, err := masa.RuleSetOn(p, on)
	if err != nil {
		return masa.RuleSet{}, err
	}
	ctx := context.WithValue(context.Background(), ctxKey{}, checkContext{rules: rs, on: on})
	err = engine().StructCtx(ctx, p)
	var probs vocab.Problems
	var verrs validator.ValidationErrors
	switch {
	case err == nil:
	case errors.As(err, &verrs):
		for _, fe := range verrs {
			probs = append(probs, toFieldError(rs, fe))
		}
	default:
		return rs, fmt.Errorf("validate: %w", err)
	}
	probs = append(probs, p.CatalogueProblems()...)
	// Every string is screened for control characters and personal data
	// (issue 13), except the partnership's own published contact block,
	// whose address has a postcode by right.
	probs = append(probs, vocab.ScreenAll(p, func(path string) bool { return path == "contact" })...)
	return rs, probs.Err()
}

// customTags are the struct-level rules; their Param carries the message.
var customTags = map[string]bool{
	"statutory-roles": true, "health-body": true, "partner-body": true, "unique-id": true,
	"reference": true, "lead-holder": true, "vice-chair-role": true, "board-member": true,
	"partnership-chair": true, "relevant-agencies": true, "independent-scrutiny": true,
	"funding-line": true, "amount": true, "lead-partners": true, "delegated-partner": true, "education-role": true,
}

func toFieldError(rs masa.RuleSet, fe validator.FieldError) *vocab.FieldError {
	field := fe.Namespace()
	if _, rest, ok := strings.Cut(field, "."); ok {
		field = rest
	} else {
		field = ""
	}
	tag := fe.Tag()
	out := &vocab.FieldError{Field: field, Rule: tag, Value: valueText(fe.Value())}
	if customTags[tag] {
		out.Message = fe.Param()
	} else {
		out.Message = tagMessage(fe)
	}
	cite := formatCitation
	ruleID := tag
	if tag == "partner-body" {
		ruleID = "statutory-roles"
	}
	if r, ok := rs.Rule(ruleID); ok {
		cite = r.Citation
	}
	out.Citation = &cite
	switch tag {
	case "reference":
		out.Kind = vocab.ErrNotFound
	case "unique-id", "vice-chair-role":
		out.Kind = vocab.ErrConflict
	}
	return out
}

func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return fmt.Sprintf("%d items", rv.Len())
	case reflect.Struct, reflect.Pointer:
		return ""
	}
	return fmt.Sprint(v)
}

func tagMessage(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "id":
		if p := vocab.ID(fmt.Sprint(fe.Value())).Problem(""); p != nil {
			return "is not a valid ID: " + p.Message
		}
		return "is not a valid ID"
	case "role":
		return "is not a statutory role (local-authority, police or health)"
	case "category":
		if fmt.Sprint(fe.Value()) == "" {
			return "has no category (one of education, early-years, health, police-and-justice, local-government, voluntary-and-community, other)"
		}
		return "is not a category (one of education, early-years, health, police-and-justice, local-government, voluntary-and-community, other)"
	case "forum":
		return "is not a forum (executive-board, sub-committees, assembly or local-groups)"
	case "oneof":
		return "must be one of: " + fe.Param()
	case "max":
		return "is longer than " + fe.Param() + " characters"
	case "min":
		return "must have at least " + fe.Param() + " entries"
	case "gte":
		return "must be at least " + fe.Param()
	case "lte":
		return "must be at most " + fe.Param()
	case "ltefield":
		return "must not be more than " + fe.Param()
	}
	return "breaks the rule " + fe.Tag()
}
