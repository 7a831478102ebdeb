// Package funding splits a safeguarding partnership's budget among its
// contributors exactly, and answers what-if questions about it.
//
// Money is decimal (github.com/shopspring/decimal), never floating point,
// and every division is done exactly on integers or rationals: there is no
// package-level precision. Amounts are rounded to a stated [Unit] (whole
// pounds, as in the published Essex table, or pence) under a named
// [Policy]: the largest remainder (Hamilton) method with ties broken by
// contributor ID, or, for comparison, floor-then-first as integer money
// libraries do. Whatever the policy, the parts sum exactly to the budget,
// none is negative, a zero-weight contributor gets nothing, each part is
// within one unit of its exact quota, and the order of the input does not
// matter.
//
// # Tour
//
// [Apportion] is the primitive: a total, a list of [Share] (ID and weight)
// and a [Rounding] give the parts. [ApportionUnits] does the same on int64
// units, for callers that keep money as whole pence and want to avoid
// decimal values.
//
// A [Scenario] is a [Baseline] table plus an ordered list of [Change]
// values, applied in order by [Apply] to give a [Result]:
//
//	s := funding.EssexScenario()           // the 2020/21 table, £389,095
//	s.Year = 2021
//	s.Changes = []funding.Change{
//		{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")},
//		{Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2022-07-01"))},
//	}
//	r, err := funding.Apply(s)             // r.Lines, r.Steps
//	cmp := r.Compare()                     // old, new, change, percent
//	p, err := funding.Project(s, 3, funding.MustNumber("2"))
//
// The kinds of change are [SetTotal], [Uplift] (or cut), [Fixed],
// [FlatRate] (rate per member and member count), [Shares] (baseline
// shares, stated [Percentages] by role or contributor with nested splits,
// [Weights] such as population, or [Equal]), [Cap], [Floor], [Remap]
// (merge, split or rename by a [Mapping]; [MappingFromSuccessions] derives
// one from a partnership's recorded successions on a date, such as the
// CCG to ICB mapping of 1 July 2022 or the probation unification of
// 26 June 2021, and [Mappings] names the default partnership's), [Add] and [Remove]. By default a baseline
// contributor pays a share of what remains after fixed amounts and flat
// rates, in proportion to its baseline amount; a group line with members
// and a rate keeps its flat rate. So the baseline scenario with no changes
// gives back the published table exactly.
//
// Every result explains itself: each [ResultLine] says which change set
// it (SetBy), its exact quota and what rounding did, in a sentence; each
// change gets a plain-English [Step] such as "Raise the total budget from
// £389,095 to £400,000 for 2021/22."
//
// # Input and output
//
// [ParseScenario] reads a scenario from JSON strictly (it is fuzzed and
// suitable for a scenario shared in a URL); [EncodeJSON] writes scenarios,
// results, comparisons and projections as deterministic JSON with amounts
// as decimal strings ([Number]). Results, comparisons and projections
// also write CSV (WriteCSV) and plain-text tables (WriteText).
//
// Bad input is never fixed silently and never panics: errors are
// vocab.Problems or *vocab.FieldError values naming the JSON path of the
// field (such as "changes[2].percent") and the value. Apply reports a
// zero or negative budget, weights that are all zero, fixed amounts
// above the budget, duplicate contributors, a change naming an unknown
// contributor (vocab.ErrNotFound), two changes setting the same thing
// (vocab.ErrConflict), percentages that do not sum to 100, amounts that
// are not numbers and amounts finer than the rounding unit.
//
// The package imports only the standard library, shopspring/decimal and
// this module's vocab and masa packages, because it is compiled into the
// browser app's WebAssembly.
package funding
