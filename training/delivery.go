package training

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Delivery says how one need will be met: by which methods, for which
// workforce and in which quarter of the year. A need may have several.
type Delivery struct {
	// Theme names the need, exactly as in the analysis.
	Theme string `json:"theme"`
	// Methods lists one or more delivery methods, each once.
	Methods []Method `json:"methods"`
	// Audience is the workforce the delivery is for.
	Audience vocab.Audience `json:"audience"`
	// Quarter is the quarter of the year in which it is delivered.
	Quarter vocab.Quarter `json:"quarter"`
}

// Planned is one delivery in the plan, with its need's rank and dates.
type Planned struct {
	// Rank and Theme identify the need.
	Rank  int    `json:"rank"`
	Theme string `json:"theme"`
	// Methods, Audience and Quarter are as in the Delivery.
	Methods  []Method       `json:"methods"`
	Audience vocab.Audience `json:"audience"`
	Quarter  vocab.Quarter  `json:"quarter"`
	// Period is the dates of the quarter.
	Period vocab.Period `json:"period"`
	// ThinkFamily repeats the need's Think Family flag.
	ThinkFamily bool `json:"thinkFamily"`
}

// The kinds of gap a plan or impact summary reports.
const (
	// GapUnplanned is a need with no delivery.
	GapUnplanned = "unplanned"
	// GapThinkFamily is a Think Family need whose deliveries do not reach
	// both the children's and the adults' workforces.
	GapThinkFamily = "think-family-audience"
	// GapUnevaluated is a need with no evaluation evidence.
	GapUnevaluated = "unevaluated"
)

// Gap is something the plan or the evaluation lacks for one need.
type Gap struct {
	// Rank and Theme identify the need.
	Rank  int    `json:"rank"`
	Theme string `json:"theme"`
	// Kind is GapUnplanned, GapThinkFamily or GapUnevaluated.
	Kind string `json:"kind"`
	// Message says what is lacking, following the theme in a sentence.
	Message string `json:"message"`
}

// Plan is the year's training delivery plan.
type Plan struct {
	// Year is the financial year of the analysis.
	Year vocab.FinancialYear `json:"year"`
	// Items are the deliveries ordered by quarter, then by the need's rank,
	// then as given.
	Items []Planned `json:"items"`
	// ThinkFamily lists the themes of Think Family needs, by rank.
	ThinkFamily []string `json:"thinkFamily"`
	// Gaps lists needs with no delivery and Think Family needs delivered to
	// one workforce only, by rank.
	Gaps []Gap `json:"gaps"`
}

// Quarter returns the deliveries planned for quarter q.
func (pl *Plan) Quarter(q vocab.Quarter) []Planned {
	return vocab.InQuarter(pl.Items, q, func(it *Planned) vocab.Quarter { return it.Quarter })
}

// PlanDelivery checks the deliveries against the analysis and the
// partnership's delivery methods and returns the plan with its gaps. Every
// problem is returned at once with fields such as "delivery[2].quarter".
func PlanDelivery(p *masa.Partnership, a *Analysis, items []Delivery) (*Plan, error) {
	arr, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	pl, ps := planDelivery(arr, a, items)
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return pl, nil
}

// planDelivery returns the plan built from the valid items, and the
// problems with the others.
func planDelivery(arr *arrangements, a *Analysis, items []Delivery) (*Plan, vocab.Problems) {
	var ps vocab.Problems
	if a == nil {
		ps.Add(vocab.Invalid("analysis", "required", "", "is missing: plan delivery against a needs analysis"))
		return nil, ps
	}
	pl := &Plan{Year: a.Year, Items: []Planned{}, ThinkFamily: []string{}, Gaps: []Gap{}}
	reach := map[string][2]bool{} // theme -> reaches children, adults
	for i, it := range items {
		at := fmt.Sprintf("delivery[%d].", i)
		n := len(ps)
		need, found := a.Need(it.Theme)
		if !found {
			ps.Add(vocab.NotFound(at+"theme", it.Theme, "is not a need in the "+a.Year.String()+" analysis"))
		}
		if len(it.Methods) == 0 {
			ps.Add(vocab.Invalid(at+"methods", "required", "", "is empty; give one or more delivery methods"))
		}
		for j, m := range it.Methods {
			f := fmt.Sprintf("%smethods[%d]", at, j)
			switch {
			case !arr.methods.Has(m):
				ps.Add(masa.Undeclared(f, m, arr.methods.IDs(), masa.TrainingMethods))
			case slices.Index(it.Methods, m) < j:
				ps.Add(vocab.Invalid(f, "unique", string(m), "is listed twice"))
			}
		}
		if !it.Audience.Valid() {
			ps.Add(vocab.Invalid(at+"audience", "audience", string(it.Audience), `is not an audience: use "children", "adults" or "both"`))
		}
		if err := it.Quarter.Check(at + "quarter"); err != nil {
			ps = append(ps, vocab.AsProblems(err)...)
		}
		if len(ps) > n {
			continue
		}
		pl.Items = append(pl.Items, Planned{
			Rank: need.Rank, Theme: need.Theme, Methods: slices.Clone(it.Methods), Audience: it.Audience,
			Quarter: it.Quarter, Period: a.Year.Quarter(it.Quarter), ThinkFamily: need.ThinkFamily,
		})
		r := reach[need.Theme]
		r[0] = r[0] || it.Audience != vocab.AudienceAdults
		r[1] = r[1] || it.Audience != vocab.AudienceChildren
		reach[need.Theme] = r
	}
	slices.SortStableFunc(pl.Items, func(x, y Planned) int {
		if c := cmp.Compare(x.Quarter, y.Quarter); c != 0 {
			return c
		}
		return cmp.Compare(x.Rank, y.Rank)
	})
	for _, n := range a.Needs {
		r, planned := reach[n.Theme]
		if n.ThinkFamily {
			pl.ThinkFamily = append(pl.ThinkFamily, n.Theme)
		}
		switch {
		case !planned:
			pl.Gaps = append(pl.Gaps, Gap{Rank: n.Rank, Theme: n.Theme, Kind: GapUnplanned, Message: "has no planned delivery"})
		case n.ThinkFamily && (!r[0] || !r[1]):
			who := "children's"
			if r[1] {
				who = "adults'"
			}
			pl.Gaps = append(pl.Gaps, Gap{Rank: n.Rank, Theme: n.Theme, Kind: GapThinkFamily,
				Message: "is a Think Family need, but its delivery reaches only the " + who + " workforce"})
		}
	}
	return pl, ps
}
