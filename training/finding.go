package training

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Limits on the text of a finding.
const (
	// MaxThemeBytes is the longest theme accepted, in bytes.
	MaxThemeBytes = 120
	// MaxRefBytes is the longest reference accepted, in bytes.
	MaxRefBytes = 64
	// MinSeverity and MaxSeverity bound a finding's severity: 1 is a minor
	// point of practice, 5 a serious and widespread one.
	MinSeverity = 1
	MaxSeverity = 5
)

// Finding is one item of learning that feeds the needs analysis. It has the
// same fields as [vocab.Learning], so learning from another package
// converts directly (see [FromLearning]). It never holds a child's
// details: Ref is an opaque reference to the review, audit, inspection or
// other source the learning came from.
type Finding struct {
	// Ref is the opaque reference of the source, such as "cspr-2020-03".
	Ref string `json:"ref"`
	// Source is which of the eight sources the learning came from.
	Source vocab.LearningSource `json:"source"`
	// Theme names the practice issue, such as "neglect" or "parental
	// mental health". Findings with the same theme make one need.
	Theme string `json:"theme"`
	// Date is when the learning was identified; it must fall within the
	// year being analysed.
	Date vocab.Date `json:"date"`
	// Severity runs from MinSeverity to MaxSeverity.
	Severity int `json:"severity"`
	// Audience is the workforce the learning concerns.
	Audience vocab.Audience `json:"audience"`
}

// FromLearning converts learning handed over by another package, such as
// the findings of practice reviews, into findings. It copies every field
// and checks nothing: [Analyse] validates.
func FromLearning(items []vocab.Learning) []Finding {
	out := make([]Finding, len(items))
	for i, l := range items {
		out[i] = Finding(l)
	}
	return out
}

// Learning returns f as the shared vocabulary's learning item.
func (f Finding) Learning() vocab.Learning { return vocab.Learning(f) }

// themeKey folds letter case and runs of spaces, so that themes that
// differ only in those can be reported as a conflict.
func themeKey(theme string) string {
	return strings.ToLower(strings.Join(strings.Fields(theme), " "))
}

// checkFindings returns every problem with the findings, which are listed
// at field ("findings").
func checkFindings(field string, year vocab.FinancialYear, fs []Finding, sources vocab.Terms[vocab.LearningSource]) vocab.Problems {
	var ps vocab.Problems
	add := func(e *vocab.FieldError) {
		if e != nil {
			ps.Add(e)
		}
	}
	spelling := map[string]int{} // theme key -> index of the first finding
	seen := map[[3]string]int{}
	for i, f := range fs {
		at := fmt.Sprintf("%s[%d].", field, i)
		if e := vocab.TextProblem(at+"ref", f.Ref, MaxRefBytes); e != nil {
			add(e)
		} else {
			add(vocab.ScreenReference(at+"ref", f.Ref))
		}
		if !sources.Has(f.Source) {
			add(masa.Undeclared(at+"source", f.Source, sources.IDs(), masa.TrainingSources))
		}
		themeOK := vocab.TextProblem(at+"theme", f.Theme, MaxThemeBytes)
		add(themeOK)
		add(year.DateProblem(at+"date", f.Date))
		if f.Severity < MinSeverity || f.Severity > MaxSeverity {
			add(vocab.Invalid(at+"severity", "range", strconv.Itoa(f.Severity),
				fmt.Sprintf("is outside the range %d to %d", MinSeverity, MaxSeverity)))
		}
		if !f.Audience.Valid() {
			add(vocab.Invalid(at+"audience", "audience", string(f.Audience), `is not an audience: use "children", "adults" or "both"`))
		}
		if themeOK != nil {
			continue
		}
		if j, ok := spelling[themeKey(f.Theme)]; ok && fs[j].Theme != f.Theme {
			add(vocab.Conflict(at+"theme", "theme-spelling", f.Theme,
				fmt.Sprintf("differs only in case or spacing from %s[%d].theme %q; spell each theme one way", field, j, fs[j].Theme)))
		} else if !ok {
			spelling[themeKey(f.Theme)] = i
		}
		k := [3]string{f.Ref, string(f.Source), f.Theme}
		if j, ok := seen[k]; ok {
			add(vocab.Conflict(at+"ref", "unique", f.Ref,
				fmt.Sprintf("repeats %s[%d]: the same source and reference already give this theme", field, j)))
		} else {
			seen[k] = i
		}
	}
	return ps
}
