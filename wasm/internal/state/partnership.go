package state

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Partnership is what the page takes from a partnership file: its name,
// its published funding table, and the succession the form offers to
// apply (such as clinical commissioning groups replaced by integrated
// care boards), all read from the file.
type Partnership struct {
	// Name is the partnership's full name.
	Name string
	// Baseline is the published funding table scenarios start from.
	Baseline funding.Baseline
	// Succession moves the contributions of organisations replaced by
	// every succession the file records, after the table's year begins,
	// among the table's contributors, to their last successors (see
	// funding.MappingUpTo). It is nil when there is none.
	Succession *funding.Mapping
}

// PartnershipOf reads what the page needs from p. It is an error for p
// to have no funding table.
func PartnershipOf(p *masa.Partnership) (Partnership, error) {
	base, err := funding.BaselineOf(p)
	if err != nil {
		return Partnership{}, err
	}
	if len(base.Lines) == 0 {
		return Partnership{}, fmt.Errorf("funding: baseline: %w", vocab.Invalid("funding.lines", "lines", "", "is empty; the app needs a funding table to start from"))
	}
	out := Partnership{Name: p.Name, Baseline: base}
	inTable := map[vocab.ID]bool{}
	for _, l := range base.Lines {
		inTable[l.Org] = true
	}
	var dates []vocab.Date
	for _, s := range p.Successions {
		if s.On.Before(base.Year.Start()) || !slices.ContainsFunc(s.From, func(id vocab.ID) bool { return inTable[id] }) {
			continue
		}
		dates = append(dates, s.On)
	}
	if len(dates) > 0 {
		slices.SortFunc(dates, vocab.Date.Compare)
		dates = slices.Compact(dates)
		m := funding.MappingUpTo(p, dates[len(dates)-1])
		long := make([]string, len(dates))
		for i, d := range dates {
			long[i] = d.Long()
		}
		m.Name = "Successions of " + vocab.JoinAnd(long)
		out.Succession = &m
	}
	return out, nil
}

// ParsePartnership reads a partnership file (see masa.Parse) and what
// the page needs from it.
func ParsePartnership(data []byte) (Partnership, error) {
	p, err := masa.Parse(data)
	if err != nil {
		return Partnership{}, err
	}
	return PartnershipOf(p)
}

// SuccessionSummary describes the succession the form offers, such as
// "7 contributors replaced by 4 successors on 1 July 2022", or "" when
// there is none.
func (md *Model) SuccessionSummary() string {
	m := md.Succession
	if m == nil {
		return ""
	}
	to := map[vocab.ID]bool{}
	for _, mv := range m.Moves {
		to[mv.To] = true
	}
	return fmt.Sprintf("%s replaced by %s on %s", count(len(m.Moves), "contributor"), count(len(to), "successor"), m.On.Long())
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// SuccessionWarning says, when the form's year ends on or after the
// succession's date but the succession is not applied, that the table
// still bills the organisations it replaced (bug 8); "" otherwise.
func (md *Model) SuccessionWarning() string {
	m := md.Succession
	if m == nil || md.Form.ICB {
		return ""
	}
	year, ok := parseYear(md.Year())
	if !ok || year.End().Before(m.On) {
		return ""
	}
	return fmt.Sprintf("The %s successions take effect by the end of %s, but the table still bills the %s they replaced. Tick this box to apply them.",
		m.On.Long(), year, count(len(m.Moves), "contributor"))
}
