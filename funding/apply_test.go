package funding

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// essexWith returns the Essex baseline scenario for 2021/22 with changes.
func essexWith(changes ...Change) *Scenario {
	s := EssexScenario()
	s.Name = "test"
	s.Year = 2021
	s.Changes = changes
	return s
}

func ptr(i int) *int { return &i }

// amounts returns the result's amounts by contributor.
func amounts(r *Result) map[vocab.ID]string {
	out := map[vocab.ID]string{}
	for _, l := range r.Lines {
		out[l.Org] = l.Amount.String()
	}
	return out
}

// checkResult checks the invariants every result keeps.
func checkResult(t testing.TB, r *Result) {
	t.Helper()
	sum, shared := decimal.Zero, decimal.Zero
	for _, l := range r.Lines {
		require.GreaterOrEqual(t, l.Amount.Decimal().Sign(), 0, "%s is negative", l.Org)
		require.LessOrEqual(t, l.Amount.Places(), r.Rounding.Unit.Places())
		sum = sum.Add(l.Amount.Decimal())
		if l.Basis == ShareBasis {
			shared = shared.Add(l.Amount.Decimal())
		}
	}
	require.True(t, sum.Equal(r.Total.Decimal()), "lines sum to %s, total is %s", sum, r.Total)
	require.True(t, shared.Equal(r.Shared.Decimal()), "shares sum to %s, shared is %s", shared, r.Shared)
	require.True(t, r.Fixed.Decimal().Add(r.Shared.Decimal()).Equal(r.Total.Decimal()))
	c := r.Compare()
	var was, now decimal.Decimal
	for _, rw := range c.Rows {
		was, now = was.Add(rw.Old.Decimal()), now.Add(rw.New.Decimal())
		require.True(t, rw.New.Decimal().Sub(rw.Old.Decimal()).Equal(rw.Change.Decimal()))
	}
	require.True(t, was.Equal(c.Total.Old.Decimal()))
	require.True(t, now.Equal(c.Total.New.Decimal()))
}

func TestBaselineReproducesPublishedTable(t *testing.T) {
	p := masa.Essex()
	for _, rounding := range []Rounding{DefaultRounding(), {Pence, LargestRemainder}, {Pounds, FloorThenFirst}, {Pence, FloorThenFirst}} {
		t.Run(string(rounding.Unit)+"/"+string(rounding.Policy), func(t *testing.T) {
			s, err := BaselineScenario(p)
			require.NoError(t, err)
			s.Rounding = rounding
			r, err := Apply(s)
			require.NoError(t, err)
			checkResult(t, r)
			require.Len(t, r.Lines, len(p.Funding.Lines))
			for i, fl := range p.Funding.Lines {
				assert.Equal(t, fl.Org, r.Lines[i].Org)
				assert.True(t, fl.Amount.Equal(r.Lines[i].Amount.Decimal()), "%s: %s, published %s", fl.Org, r.Lines[i].Amount, fl.Amount)
				assert.Contains(t, []RoundingNote{Exact, NotRounded}, r.Lines[i].Rounding)
			}
			assert.Equal(t, "389095", r.Total.Decimal().String())
			assert.Empty(t, r.Steps)
		})
	}
}

func TestEssexBaseline(t *testing.T) {
	b := EssexBaseline()
	want := []struct {
		name, amount string
		role         vocab.Role
	}{
		{"Essex County Council", "240205", vocab.LocalAuthority},
		{"Essex Police, Fire and Crime Commissioner", "66426", vocab.Police},
		{"NHS North East Essex CCG", "15633", vocab.Health},
		{"NHS Mid Essex CCG", "14555", vocab.Health},
		{"City, District and Borough Councils", "14520", ""},
		{"NHS West Essex CCG", "11440", vocab.Health},
		{"NHS Basildon & Brentwood CCG", "11321", vocab.Health},
		{"NHS Castle Point & Rochford CCG", "6948", vocab.Health},
		{"Community Rehabilitation Company", "5082", ""},
		{"National Probation Service", "2415", ""},
		{"CAFCASS", "550", ""},
	}
	require.Len(t, b.Lines, len(want))
	for i, w := range want {
		assert.Equal(t, w.name, b.Lines[i].Name)
		assert.Equal(t, w.amount, b.Lines[i].Amount.String())
		assert.Equal(t, w.role, b.Lines[i].Role, w.name)
	}
	assert.Equal(t, 12, b.Lines[4].Members)
	assert.Equal(t, "1210", b.Lines[4].Rate.String())
	assert.Equal(t, "389095", b.Total().String())
	assert.Equal(t, vocab.FinancialYear(2020), b.Year)
	assert.Equal(t, "ESCB", b.Partnership)

	_, err := BaselineOf(&masa.Partnership{})
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

func TestMappingsFromSuccessions(t *testing.T) {
	m := EssexICB2022()
	assert.Equal(t, MappingID(vocab.MustDate("2022-07-01")), m.ID)
	assert.Equal(t, vocab.ID("successions-2022-07-01"), m.ID)
	assert.Equal(t, "for the successions of 1 July 2022", m.Name)
	assert.Equal(t, "2022-07-01", m.On.String())
	to := map[vocab.ID]vocab.ID{}
	for _, mv := range m.Moves {
		to[mv.From] = mv.To
		assert.False(t, mv.Percent.IsSet())
	}
	assert.Equal(t, map[vocab.ID]vocab.ID{
		"nhs-basildon-brentwood-ccg":    "nhs-mid-and-south-essex-icb",
		"nhs-castle-point-rochford-ccg": "nhs-mid-and-south-essex-icb",
		"nhs-mid-essex-ccg":             "nhs-mid-and-south-essex-icb",
		"nhs-north-east-essex-ccg":      "nhs-suffolk-and-north-east-essex-icb",
		"nhs-west-essex-ccg":            "nhs-hertfordshire-and-west-essex-icb",
	}, to)
	names := map[vocab.ID]string{}
	for _, tg := range m.Targets {
		names[tg.Org] = tg.Name
		assert.Empty(t, tg.Role, "the role is the one the sources share")
	}
	assert.Equal(t, "NHS Mid and South Essex Integrated Care Board", names["nhs-mid-and-south-essex-icb"])
	assert.Equal(t, "NHS Suffolk and North East Essex Integrated Care Board", names["nhs-suffolk-and-north-east-essex-icb"])
	assert.Equal(t, "NHS Hertfordshire and West Essex Integrated Care Board", names["nhs-hertfordshire-and-west-essex-icb"])

	probation := MappingFromSuccessions(masa.Essex(), vocab.MustDate("2021-06-26"))
	assert.Equal(t, []Move{{From: "national-probation-service", To: "the-probation-service"}, {From: "essex-crc", To: "the-probation-service"}}, probation.Moves)
	assert.Equal(t, []Target{{Org: "the-probation-service", Name: "The Probation Service"}}, probation.Targets)
	assert.Empty(t, MappingFromSuccessions(masa.Essex(), vocab.MustDate("2021-06-27")).Moves, "no succession on that date")

	all := MappingUpTo(masa.Essex(), vocab.MustDate("2023-03-31"))
	assert.Len(t, all.Moves, 7, "two probation services and five CCGs")
	assert.Equal(t, "2022-07-01", all.On.String(), "the latest succession")
	assert.Len(t, MappingUpTo(masa.Essex(), vocab.MustDate("2022-06-30")).Moves, 2, "only probation before the ICBs")

	// Callers get copies.
	m.Moves[0].To = "changed"
	assert.NotEqual(t, vocab.ID("changed"), EssexICB2022().Moves[0].To)
	got, ok := MappingByID(EssexICB2022ID)
	assert.True(t, ok, "the former ID still names the mapping")
	assert.Equal(t, EssexICB2022(), got)
	_, ok = MappingByID("nope")
	assert.False(t, ok)
	ids := []vocab.ID{}
	for _, m := range Mappings() {
		ids = append(ids, m.ID)
	}
	assert.Equal(t, []vocab.ID{"successions-2021-06-26", "successions-2022-07-01"}, ids)
}

func TestMappingChainsAndNonContributors(t *testing.T) {
	p := &masa.Partnership{
		Organisations: []masa.Organisation{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "x", Name: "X"}, {ID: "y", Name: "Y"}},
		Funding:       &masa.FundingTable{Lines: []masa.FundingLine{{Org: "a"}, {Org: "c"}}},
		Successions: []masa.Succession{
			{On: vocab.MustDate("2021-04-01"), From: []vocab.ID{"a", "x"}, To: "b"},
			{On: vocab.MustDate("2022-04-01"), From: []vocab.ID{"b"}, To: "c"},
			{On: vocab.MustDate("2022-04-01"), From: []vocab.ID{"y"}, To: "x"},
		},
	}
	m := MappingUpTo(p, vocab.MustDate("2023-01-01"))
	assert.Equal(t, []Move{{From: "a", To: "c"}}, m.Moves, "a moves straight to c, an existing contributor; x and y pay nothing")
	assert.Empty(t, m.Targets)
	first := MappingFromSuccessions(p, vocab.MustDate("2021-04-01"))
	assert.Equal(t, []Target{{Org: "b", Name: "B"}}, first.Targets)
	assert.Len(t, MappingsOf(p), 1, "the 2022 successions move no contributor of this table")
}

func TestInlineMappings(t *testing.T) {
	s := EssexScenario()
	s.Changes = []Change{{Kind: Remap, Mapping: "successions-2021-06-26"}, {Kind: Remap, Mapping: EssexICB2022ID}, {Kind: Remap, Mapping: "other"}, {Kind: Uplift, Percent: MustNumber("1")}}
	InlineMappings(s, masa.Essex())
	require.NotNil(t, s.Changes[0].Map)
	assert.Empty(t, s.Changes[0].Mapping)
	assert.Equal(t, "The Probation Service", s.Changes[0].Map.Targets[0].Name)
	require.NotNil(t, s.Changes[1].Map)
	assert.Len(t, s.Changes[1].Map.Moves, 5)
	assert.Equal(t, vocab.ID("other"), s.Changes[2].Mapping, "a name the partnership does not have is left for the check to report")
	r, err := Apply(s)
	assert.Error(t, err)
	assert.Nil(t, r)
	s.Changes = s.Changes[:2]
	r, err = Apply(s)
	require.NoError(t, err)
	l, ok := r.Line("the-probation-service")
	require.True(t, ok)
	assert.Equal(t, "7497", l.Amount.String(), "NPS and CRC together")
	InlineMappings(nil, masa.Essex())
}

func TestChanges(t *testing.T) {
	tests := []struct {
		name     string
		changes  []Change
		want     map[vocab.ID]string // selected amounts
		total    string
		sentence string // the last step's sentence
		check    func(t *testing.T, r *Result)
	}{
		{
			name:     "raise the total",
			changes:  []Change{{Kind: SetTotal, Amount: MustNumber("400000")}},
			want:     map[vocab.ID]string{"district-councils": "14520", "cafcass": "566"},
			total:    "400000",
			sentence: "Raise the total budget from £389,095 to £400,000 for 2021/22.",
		},
		{
			name:     "cut the total",
			changes:  []Change{{Kind: SetTotal, Amount: MustNumber("350000")}},
			total:    "350000",
			sentence: "Cut the total budget from £389,095 to £350,000 for 2021/22.",
		},
		{
			name:     "keep the total",
			changes:  []Change{{Kind: SetTotal, Amount: MustNumber("389095")}},
			want:     map[vocab.ID]string{"essex-county-council": "240205"},
			total:    "389095",
			sentence: "Keep the total budget at £389,095 for 2021/22.",
		},
		{
			name:     "uplift everything",
			changes:  []Change{{Kind: Uplift, Percent: MustNumber("2")}},
			want:     map[vocab.ID]string{"district-councils": "14808"},
			total:    "396877",
			sentence: "Raise the total budget by 2%, from £389,095 to £396,877 for 2021/22 (£396,876.90 before rounding to whole pounds); fixed amounts and flat rates change by the same percentage, each rounded to whole pounds.",
		},
		{
			name:     "cut one contributor",
			changes:  []Change{{Kind: Uplift, Org: "essex-pfcc", Percent: MustNumber("-5")}},
			want:     map[vocab.ID]string{"essex-pfcc": "63105"},
			total:    "389095",
			sentence: "Cut the contribution of Essex Police, Fire and Crime Commissioner by 5%, from its 2020/21 amount of £66,426 to a fixed £63,105.",
			check: func(t *testing.T, r *Result) {
				l, _ := r.Line("essex-pfcc")
				assert.Equal(t, FixedBasis, l.Basis)
				assert.Equal(t, "changes[0]", l.SetBy)
			},
		},
		{
			name:     "raise a flat rate",
			changes:  []Change{{Kind: Uplift, Org: "district-councils", Percent: MustNumber("10")}},
			want:     map[vocab.ID]string{"district-councils": "15972"},
			sentence: "Raise the rate charged to City, District and Borough Councils by 10%, from £1,210 to £1,331 for each of 12 members (£15,972).",
		},
		{
			name: "raise a fixed amount",
			changes: []Change{
				{Kind: Fixed, Org: "cafcass", Amount: MustNumber("550")},
				{Kind: Remap, Map: &Mapping{Moves: []Move{{From: "cafcass", To: "cafcass-renamed"}}, Targets: []Target{{Org: "cafcass-renamed", Name: "CAFCASS (renamed)"}}}},
				{Kind: Uplift, Org: "cafcass-renamed", Percent: MustNumber("10")},
			},
			want:     map[vocab.ID]string{"cafcass-renamed": "605"},
			sentence: "Raise the fixed contribution of CAFCASS (renamed) by 10%, from £550 to £605.",
		},
		{
			name:     "fixed amount",
			changes:  []Change{{Kind: Fixed, Org: "cafcass", Amount: MustNumber("600")}},
			want:     map[vocab.ID]string{"cafcass": "600"},
			total:    "389095",
			sentence: "Fix the contribution of CAFCASS at £600.",
		},
		{
			name:     "flat rate membership",
			changes:  []Change{{Kind: FlatRate, Org: "district-councils", Members: ptr(13)}},
			want:     map[vocab.ID]string{"district-councils": "15730"},
			sentence: "Charge City, District and Borough Councils £1,210 for each of 13 members (£15,730).",
		},
		{
			name:     "flat rate for a share contributor",
			changes:  []Change{{Kind: FlatRate, Org: "essex-crc", Rate: MustNumber("500"), Members: ptr(3)}},
			want:     map[vocab.ID]string{"essex-crc": "1500"},
			sentence: "Charge Community Rehabilitation Company £500 for each of 3 members (£1,500).",
		},
		{
			name:     "equal shares",
			changes:  []Change{{Kind: FlatRate, Org: "district-councils", Members: ptr(0)}, {Kind: Shares, ShareRule: ShareRule{Method: Equal}}},
			want:     map[vocab.ID]string{"district-councils": "0", "cafcass": "38910", "essex-county-council": "38910", "nhs-west-essex-ccg": "38909"},
			sentence: "Share what remains after fixed amounts and flat rates in equal shares.",
		},
		{
			name: "stated percentages with a nested split",
			changes: []Change{
				{Kind: Fixed, Org: "essex-crc", Amount: MustNumber("5082")},
				{Kind: Fixed, Org: "national-probation-service", Amount: MustNumber("2415")},
				{Kind: Fixed, Org: "cafcass", Amount: MustNumber("550")},
				{Kind: Shares, ShareRule: ShareRule{Method: Percentages, Parts: []Part{
					{Role: vocab.LocalAuthority, Percent: MustNumber("50")},
					{Role: vocab.Police, Percent: MustNumber("25")},
					{Label: "the health bodies", Role: vocab.Health, Percent: MustNumber("25"), ShareRule: ShareRule{Method: Percentages, Parts: []Part{
						{Orgs: []vocab.ID{"nhs-mid-essex-ccg", "nhs-basildon-brentwood-ccg", "nhs-castle-point-rochford-ccg"}, Percent: MustNumber("60")},
						{Orgs: []vocab.ID{"nhs-north-east-essex-ccg", "nhs-west-essex-ccg"}, Percent: MustNumber("40"), ShareRule: ShareRule{Method: Equal}},
					}}},
				}}},
			},
			// 389095 - 14520 - 8047 = 366528: half 183264, a quarter 91632.
			want: map[vocab.ID]string{"essex-county-council": "183264", "essex-pfcc": "91632", "nhs-north-east-essex-ccg": "18327", "nhs-west-essex-ccg": "18326"},
			check: func(t *testing.T, r *Result) {
				l, _ := r.Line("nhs-west-essex-ccg")
				assert.Contains(t, l.Explanation, "as part of the 25% for the health bodies, as part of the 40% for NHS North East Essex CCG and NHS West Essex CCG, in equal shares")
				health := decimal.Zero
				for _, l := range r.Lines {
					if l.Role == vocab.Health {
						health = health.Add(l.Amount.Decimal())
					}
				}
				assert.Equal(t, "91632", health.String())
			},
		},
		{
			name: "weights",
			changes: []Change{
				{Kind: Remove, Org: "essex-crc"}, {Kind: Remove, Org: "national-probation-service"}, {Kind: Remove, Org: "cafcass"},
				{Kind: Remove, Org: "nhs-mid-essex-ccg"}, {Kind: Remove, Org: "nhs-west-essex-ccg"}, {Kind: Remove, Org: "nhs-basildon-brentwood-ccg"}, {Kind: Remove, Org: "nhs-castle-point-rochford-ccg"},
				{Kind: Shares, ShareRule: ShareRule{Method: Weights, Basis: "child population", Weights: []Weight{
					{Org: "essex-county-council", Weight: MustNumber("2")}, {Org: "essex-pfcc", Weight: MustNumber("1")}, {Org: "nhs-north-east-essex-ccg", Weight: MustNumber("1")},
				}}},
			},
			want:     map[vocab.ID]string{"essex-county-council": "187287", "essex-pfcc": "93644", "nhs-north-east-essex-ccg": "93644"},
			sentence: "Share what remains after fixed amounts and flat rates in proportion to child population.",
		},
		{
			name:     "cap",
			changes:  []Change{{Kind: Cap, Org: "essex-county-council", Amount: MustNumber("200000")}},
			want:     map[vocab.ID]string{"essex-county-council": "200000"},
			total:    "389095",
			sentence: "Cap the contribution of Essex County Council at £200,000.",
			check: func(t *testing.T, r *Result) {
				l, _ := r.Line("essex-county-council")
				assert.Equal(t, Capped, l.Rounding)
				// The £40,205 is spread over the others by their shares:
				// 66426 × 174575 ÷ 134370 = 86301.3987…
				l, _ = r.Line("essex-pfcc")
				assert.Equal(t, "86301.3987", l.Quota.String())
			},
		},
		{
			name:     "floor",
			changes:  []Change{{Kind: Floor, Org: "cafcass", Amount: MustNumber("1000")}},
			want:     map[vocab.ID]string{"cafcass": "1000"},
			sentence: "Set a floor of £1,000 under the contribution of CAFCASS.",
		},
		{
			name:    "cap and floor together",
			changes: []Change{{Kind: SetTotal, Amount: MustNumber("300000")}, {Kind: Cap, Org: "essex-county-council", Amount: MustNumber("200000")}, {Kind: Floor, Org: "essex-pfcc", Amount: MustNumber("66426")}},
			want:    map[vocab.ID]string{"essex-pfcc": "66426"},
		},
		{
			name:     "merge by the Essex mapping",
			changes:  []Change{{Kind: Remap, Mapping: MappingID(vocab.MustDate("2022-07-01"))}},
			want:     map[vocab.ID]string{"nhs-mid-and-south-essex-icb": "32824", "nhs-suffolk-and-north-east-essex-icb": "15633", "nhs-hertfordshire-and-west-essex-icb": "11440"},
			sentence: "Apply the mapping for the successions of 1 July 2022: merge NHS Mid Essex CCG, NHS Basildon & Brentwood CCG and NHS Castle Point & Rochford CCG into NHS Mid and South Essex Integrated Care Board, replace NHS North East Essex CCG by NHS Suffolk and North East Essex Integrated Care Board and replace NHS West Essex CCG by NHS Hertfordshire and West Essex Integrated Care Board. The mapping takes effect on 1 July 2022, after 2021/22 ends.",
			check: func(t *testing.T, r *Result) {
				assert.Len(t, r.Lines, 9)
				l, _ := r.Line("nhs-mid-and-south-essex-icb")
				assert.Equal(t, []vocab.ID{"nhs-mid-essex-ccg", "nhs-basildon-brentwood-ccg", "nhs-castle-point-rochford-ccg"}, l.From)
				assert.Equal(t, "32824", l.Baseline.String())
				assert.Equal(t, vocab.Health, l.Role)
				assert.Equal(t, vocab.ID("nhs-mid-and-south-essex-icb"), r.Lines[3].Org, "in the place of its first source")
			},
		},
		{
			name: "split by percentages",
			changes: []Change{{Kind: Remap, Map: &Mapping{Moves: []Move{
				{From: "cafcass", To: "part-a", Percent: MustNumber("33.3")},
				{From: "cafcass", To: "part-b", Percent: MustNumber("66.7")},
			}, Targets: []Target{{Org: "part-a", Name: "Part A"}, {Org: "part-b", Name: "Part B", Role: vocab.Police}}}}},
			want:     map[vocab.ID]string{"part-a": "183", "part-b": "367"},
			sentence: "Apply the mapping: split CAFCASS: 33.3% to Part A and 66.7% to Part B.",
			check: func(t *testing.T, r *Result) {
				c := r.Compare()
				assert.Equal(t, "183", c.Rows[len(c.Rows)-2].Old.String())
				assert.Equal(t, "367", c.Rows[len(c.Rows)-1].Old.String())
				l, _ := r.Line("part-b")
				assert.Equal(t, vocab.Police, l.Role)
			},
		},
		{
			name:    "merge fixed amounts into an existing contributor",
			changes: []Change{{Kind: Fixed, Org: "essex-crc", Amount: MustNumber("5000")}, {Kind: Fixed, Org: "national-probation-service", Amount: MustNumber("2500")}, {Kind: Remap, Map: &Mapping{Moves: []Move{{From: "essex-crc", To: "national-probation-service"}}}}},
			want:    map[vocab.ID]string{"national-probation-service": "7500"},
			check: func(t *testing.T, r *Result) {
				l, _ := r.Line("national-probation-service")
				assert.Equal(t, []vocab.ID{"national-probation-service", "essex-crc"}, l.From)
				assert.Equal(t, "7497", l.Baseline.String())
			},
		},
		{
			name:     "add a fixed contributor",
			changes:  []Change{{Kind: Add, Org: "new-body", Name: "New Body", Amount: MustNumber("1000")}},
			want:     map[vocab.ID]string{"new-body": "1000"},
			sentence: "Add New Body as a contributor, paying a fixed £1,000.",
		},
		{
			name:     "add a share contributor",
			changes:  []Change{{Kind: Add, Org: "new-body", Name: "New Body", Weight: MustNumber("550")}},
			want:     map[vocab.ID]string{"new-body": "549", "cafcass": "549"},
			sentence: "Add New Body as a contributor, paying a share with weight 550 (as if it had paid £550 in 2020/21).",
		},
		{
			name:     "add a flat-rate group",
			changes:  []Change{{Kind: Add, Org: "schools", Name: "Schools", Rate: MustNumber("100"), Members: ptr(5)}},
			want:     map[vocab.ID]string{"schools": "500"},
			sentence: "Add Schools as a contributor, paying £100 for each of 5 members (£500).",
		},
		{
			name:     "remove",
			changes:  []Change{{Kind: Remove, Org: "cafcass"}},
			sentence: "Remove CAFCASS as a contributor; what it paid is shared among the others.",
			total:    "389095",
			check: func(t *testing.T, r *Result) {
				assert.Len(t, r.Lines, 10)
				require.Len(t, r.Removed, 1)
				assert.Equal(t, "550", r.Removed[0].Baseline.String())
				c := r.Compare()
				last := c.Rows[len(c.Rows)-1]
				assert.Equal(t, vocab.ID("cafcass"), last.Org)
				assert.Equal(t, "-100.00", last.Percent.String())
			},
		},
		{
			name:    "remove then add again",
			changes: []Change{{Kind: Fixed, Org: "cafcass", Amount: MustNumber("1")}, {Kind: Remove, Org: "cafcass"}, {Kind: Add, Org: "cafcass", Name: "CAFCASS", Amount: MustNumber("700")}},
			want:    map[vocab.ID]string{"cafcass": "700"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Apply(essexWith(tc.changes...))
			require.NoError(t, err)
			checkResult(t, r)
			got := amounts(r)
			for org, want := range tc.want {
				assert.Equal(t, want, got[org], org)
			}
			if tc.total != "" {
				assert.Equal(t, tc.total, r.Total.String())
			}
			require.Len(t, r.Steps, len(tc.changes))
			if tc.sentence != "" {
				assert.Equal(t, tc.sentence, r.Steps[len(r.Steps)-1].Sentence)
			}
			if tc.check != nil {
				tc.check(t, r)
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *Scenario)
		field  string
		value  string
		kind   error
		substr string
	}{
		{"zero budget", func(s *Scenario) { s.Changes = []Change{{Kind: SetTotal, Amount: MustNumber("0")}} }, "changes[0].amount", "0", vocab.ErrInvalid, "more than zero"},
		{"negative budget", func(s *Scenario) { s.Changes = []Change{{Kind: SetTotal, Amount: MustNumber("-1")}} }, "changes[0].amount", "-1", vocab.ErrInvalid, ""},
		{"cut to nothing", func(s *Scenario) { s.Changes = []Change{{Kind: Uplift, Percent: MustNumber("-100")}} }, "changes[0].percent", "-100", vocab.ErrInvalid, "more than -100"},
		{"zero baseline", func(s *Scenario) {
			for i := range s.Baseline.Lines {
				s.Baseline.Lines[i].Amount, s.Baseline.Lines[i].Members, s.Baseline.Lines[i].Rate = Int(0), 0, Number{}
			}
		}, "baseline.lines", "0", vocab.ErrInvalid, "add up to zero"},
		{"all weights zero", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Weights, Weights: zeroWeights(s)}}}
		}, "changes[0].method", "0", vocab.ErrInvalid, "weight of zero"},
		{"fixed above budget", func(s *Scenario) {
			s.Changes = []Change{{Kind: Fixed, Org: "essex-county-council", Amount: MustNumber("400000")}}
		}, "baseline", "389095", vocab.ErrInvalid, "less than the fixed amounts"},
		{"fixed above a set budget", func(s *Scenario) {
			s.Changes = []Change{{Kind: SetTotal, Amount: MustNumber("1000")}, {Kind: Fixed, Org: "cafcass", Amount: MustNumber("2000")}}
		}, "changes[0].amount", "1000", vocab.ErrInvalid, ""},
		{"duplicate contributor", func(s *Scenario) { s.Baseline.Lines[1].Org = "essex-county-council" }, "baseline.lines[1].org", "essex-county-council", vocab.ErrConflict, "repeats"},
		{"unknown contributor", func(s *Scenario) { s.Changes = []Change{{Kind: Fixed, Org: "nobody", Amount: Int(1)}} }, "changes[0].org", "nobody", vocab.ErrNotFound, ""},
		{"contributor already removed", func(s *Scenario) {
			s.Changes = []Change{{Kind: Remove, Org: "cafcass"}, {Kind: Cap, Org: "cafcass", Amount: Int(1)}}
		}, "changes[1].org", "cafcass", vocab.ErrNotFound, "changes[0] removed it"},
		{"contributor merged away", func(s *Scenario) {
			s.Changes = []Change{{Kind: Remap, Mapping: MappingID(vocab.MustDate("2022-07-01"))}, {Kind: Fixed, Org: "nhs-mid-essex-ccg", Amount: Int(1)}}
		}, "changes[1].org", "nhs-mid-essex-ccg", vocab.ErrNotFound, ""},
		{"percentages not 100", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Percentages, Parts: []Part{{Role: vocab.LocalAuthority, Percent: Int(50)}, {Role: vocab.Police, Percent: Int(25)}}}}}
		}, "changes[0].parts", "75", vocab.ErrInvalid, "not 100"},
		{"split not 100", func(s *Scenario) {
			s.Changes = []Change{{Kind: Remap, Map: &Mapping{Moves: []Move{{From: "cafcass", To: "a", Percent: Int(50)}, {From: "cafcass", To: "b", Percent: Int(40)}}}}}
		}, "changes[0].map.moves[0].percent", "90", vocab.ErrInvalid, ""},
		{"pence in pounds", func(s *Scenario) { s.Changes = []Change{{Kind: SetTotal, Amount: MustNumber("400000.50")}} }, "changes[0].amount", "400000.50", vocab.ErrInvalid, "whole pounds"},
		{"too many places in pence", func(s *Scenario) {
			s.Rounding.Unit = Pence
			s.Changes = []Change{{Kind: Fixed, Org: "cafcass", Amount: MustNumber("1.234")}}
		}, "changes[0].amount", "1.234", vocab.ErrInvalid, "pence"},
		{"baseline pence in pounds", func(s *Scenario) { s.Baseline.Lines[10].Amount = MustNumber("550.5") }, "baseline.lines[10].amount", "550.5", vocab.ErrInvalid, ""},
		{"baseline rate mismatch", func(s *Scenario) { s.Baseline.Lines[4].Rate = Int(1200) }, "baseline.lines[4].amount", "14520", vocab.ErrInvalid, "members × rate"},
		{"total set twice", func(s *Scenario) {
			s.Changes = []Change{{Kind: SetTotal, Amount: Int(400000)}, {Kind: SetTotal, Amount: Int(410000)}}
		}, "changes[1].amount", "the total budget", vocab.ErrConflict, "changes[0] already sets"},
		{"total set and uplifted", func(s *Scenario) {
			s.Changes = []Change{{Kind: SetTotal, Amount: Int(400000)}, {Kind: Uplift, Percent: Int(2)}}
		}, "changes[1].percent", "the total budget", vocab.ErrConflict, ""},
		{"two amounts for one contributor", func(s *Scenario) {
			s.Changes = []Change{{Kind: Fixed, Org: "cafcass", Amount: Int(500)}, {Kind: Fixed, Org: "cafcass", Amount: Int(600)}}
		}, "changes[1].org", "the contribution of cafcass", vocab.ErrConflict, ""},
		{"two sharing rules", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Equal}}, {Kind: Shares}}
		}, "changes[1].method", "the sharing rule", vocab.ErrConflict, ""},
		{"unused field", func(s *Scenario) { s.Changes = []Change{{Kind: SetTotal, Amount: Int(1), Org: "cafcass"}} }, "changes[0].org", "", vocab.ErrInvalid, "not used by a set-total"},
		{"unknown kind", func(s *Scenario) { s.Changes = []Change{{Kind: "double"}} }, "changes[0].kind", "double", vocab.ErrInvalid, ""},
		{"missing amount", func(s *Scenario) { s.Changes = []Change{{Kind: Fixed, Org: "cafcass"}} }, "changes[0].amount", "", vocab.ErrInvalid, "missing"},
		{"bad ID", func(s *Scenario) { s.Changes = []Change{{Kind: Remove, Org: "Not An ID"}} }, "changes[0].org", "Not An ID", vocab.ErrInvalid, ""},
		{"weight missing", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Weights, Weights: []Weight{{Org: "essex-county-council", Weight: Int(1)}}}}}
		}, "changes[0].weights", "essex-pfcc", vocab.ErrInvalid, "no weight"},
		{"weight for a fixed contributor", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Weights, Weights: []Weight{{Org: "district-councils", Weight: Int(1)}}}}}
		}, "changes[0].weights[0].org", "district-councils", vocab.ErrConflict, "flat-rate"},
		{"weight for nobody", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Weights, Weights: []Weight{{Org: "nobody", Weight: Int(1)}}}}}
		}, "changes[0].weights[0].org", "nobody", vocab.ErrNotFound, ""},
		{"negative weight", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Weights, Weights: []Weight{{Org: "cafcass", Weight: Int(-1)}}}}}
		}, "changes[0].weights[0].weight", "-1", vocab.ErrInvalid, ""},
		{"contributor in no part", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Percentages, Parts: []Part{{Role: vocab.LocalAuthority, Percent: Int(50)}, {Role: vocab.Police, Percent: Int(50)}}}}}
		}, "changes[0].parts", "nhs-north-east-essex-ccg", vocab.ErrInvalid, "in no part"},
		{"contributor in two parts", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Percentages, Parts: []Part{{Orgs: []vocab.ID{"cafcass"}, Percent: Int(50)}, {Orgs: []vocab.ID{"cafcass"}, Percent: Int(50)}}}}}
		}, "changes[0].parts[1].orgs[0]", "cafcass", vocab.ErrConflict, ""},
		{"empty part", func(s *Scenario) {
			s.Changes = []Change{
				{Kind: Remove, Org: "essex-pfcc"},
				{Kind: Shares, ShareRule: ShareRule{Method: Percentages, Parts: []Part{{Role: vocab.Police, Percent: Int(10)}, {Orgs: []vocab.ID{"essex-county-council", "nhs-north-east-essex-ccg", "nhs-mid-essex-ccg", "nhs-west-essex-ccg", "nhs-basildon-brentwood-ccg", "nhs-castle-point-rochford-ccg", "essex-crc", "national-probation-service", "cafcass"}, Percent: Int(90)}}}},
			}
		}, "changes[1].parts[0]", "police", vocab.ErrInvalid, "go to nobody"},
		{"caps too low", func(s *Scenario) {
			s.Changes = []Change{{Kind: Shares, ShareRule: ShareRule{Method: Percentages, Parts: []Part{{Orgs: []vocab.ID{"cafcass"}, Percent: Int(100)}, {Orgs: []vocab.ID{"essex-county-council", "essex-pfcc", "nhs-north-east-essex-ccg", "nhs-mid-essex-ccg", "nhs-west-essex-ccg", "nhs-basildon-brentwood-ccg", "nhs-castle-point-rochford-ccg", "essex-crc", "national-probation-service"}, Percent: Int(0)}}}}, {Kind: Cap, Org: "cafcass", Amount: Int(1000)}}
		}, "changes[1].amount", "£1,000", vocab.ErrConflict, "caps allow"},
		{"floors too high", func(s *Scenario) { s.Changes = []Change{{Kind: Floor, Org: "cafcass", Amount: Int(380000)}} }, "changes[0].amount", "£380,000", vocab.ErrConflict, "floors add up"},
		{"cap below floor", func(s *Scenario) {
			s.Changes = []Change{{Kind: Floor, Org: "cafcass", Amount: Int(600)}, {Kind: Cap, Org: "cafcass", Amount: Int(500)}}
		}, "changes[1].amount", "500", vocab.ErrConflict, "below its floor"},
		{"cap below a fixed amount", func(s *Scenario) {
			s.Changes = []Change{{Kind: Fixed, Org: "cafcass", Amount: Int(600)}, {Kind: Cap, Org: "cafcass", Amount: Int(500)}}
		}, "changes[1].amount", "500", vocab.ErrConflict, ""},
		{"merge of different bases", func(s *Scenario) {
			s.Changes = []Change{{Kind: Fixed, Org: "cafcass", Amount: Int(600)}, {Kind: Remap, Map: &Mapping{Moves: []Move{{From: "cafcass", To: "essex-crc"}}}}}
		}, "changes[1].map", "cafcass", vocab.ErrConflict, "different ways"},
		{"split of a flat rate", func(s *Scenario) {
			s.Changes = []Change{{Kind: Remap, Map: &Mapping{Moves: []Move{{From: "district-councils", To: "a", Percent: Int(50)}, {From: "district-councils", To: "b", Percent: Int(50)}}, Targets: []Target{{Org: "a", Name: "A"}, {Org: "b", Name: "B"}}}}}
		}, "changes[0].map", "district-councils", vocab.ErrConflict, "flat rate"},
		{"target without a name", func(s *Scenario) {
			s.Changes = []Change{{Kind: Remap, Map: &Mapping{Moves: []Move{{From: "cafcass", To: "new-one"}}}}}
		}, "changes[0].map.targets", "new-one", vocab.ErrInvalid, ""},
		{"unknown shipped mapping", func(s *Scenario) { s.Changes = []Change{{Kind: Remap, Mapping: "nope"}} }, "changes[0].mapping", "nope", vocab.ErrNotFound, ""},
		{"mapping source missing", func(s *Scenario) {
			s.Changes = []Change{{Kind: Remove, Org: "nhs-west-essex-ccg"}, {Kind: Remap, Mapping: MappingID(vocab.MustDate("2022-07-01"))}}
		}, "changes[1].mapping", "nhs-west-essex-ccg", vocab.ErrNotFound, ""},
		{"mapping over a cap", func(s *Scenario) {
			s.Changes = []Change{{Kind: Cap, Org: "nhs-west-essex-ccg", Amount: Int(5)}, {Kind: Remap, Mapping: MappingID(vocab.MustDate("2022-07-01"))}}
		}, "changes[1].mapping", "nhs-west-essex-ccg", vocab.ErrConflict, "cannot carry over"},
		{"add an existing contributor", func(s *Scenario) {
			s.Changes = []Change{{Kind: Add, Org: "cafcass", Name: "CAFCASS", Amount: Int(1)}}
		}, "changes[0].org", "cafcass", vocab.ErrConflict, "already"},
		{"add with two bases", func(s *Scenario) {
			s.Changes = []Change{{Kind: Add, Org: "x", Name: "X", Amount: Int(1), Weight: Int(1)}}
		}, "changes[0]", "2", vocab.ErrInvalid, "exactly one"},
		{"flat rate needs members", func(s *Scenario) {
			s.Changes = []Change{{Kind: FlatRate, Org: "cafcass", Rate: Int(10)}}
		}, "changes[0].members", "", vocab.ErrInvalid, "both"},
		{"uplift of an added share", func(s *Scenario) {
			s.Changes = []Change{{Kind: Add, Org: "x", Name: "X", Weight: Int(1)}, {Kind: Remap, Map: &Mapping{Moves: []Move{{From: "x", To: "y"}}, Targets: []Target{{Org: "y", Name: "Y"}}}}, {Kind: Uplift, Org: "y", Percent: Int(1)}}
		}, "changes[2].org", "y", vocab.ErrInvalid, "no baseline amount"},
		{"uplift after a fixed amount", func(s *Scenario) {
			s.Changes = []Change{{Kind: Fixed, Org: "cafcass", Amount: Int(500)}, {Kind: Uplift, Org: "cafcass", Percent: Int(1)}}
		}, "changes[1].org", "the contribution of cafcass", vocab.ErrConflict, ""},
		{"year before the baseline", func(s *Scenario) { s.Year = 2019 }, "year", "2019/20", vocab.ErrInvalid, ""},
		{"no baseline year", func(s *Scenario) { s.Baseline.Year = 0 }, "baseline.year", "", vocab.ErrInvalid, ""},
		{"no lines", func(s *Scenario) { s.Baseline.Lines = nil }, "baseline.lines", "", vocab.ErrInvalid, ""},
		{"bad rounding", func(s *Scenario) { s.Rounding.Policy = "banker" }, "rounding.policy", "banker", vocab.ErrInvalid, ""},
		{"nothing to share", func(s *Scenario) {
			var ch []Change
			for _, l := range s.Baseline.Lines {
				if l.Members == 0 {
					ch = append(ch, Change{Kind: Fixed, Org: l.Org, Amount: Int(1)})
				}
			}
			s.Changes = ch
		}, "baseline", "389095", vocab.ErrInvalid, "no contributor pays a share"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := essexWith()
			tc.edit(s)
			_, err := Apply(s)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.kind)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps, "%v", err)
			assert.Equal(t, tc.field, ps[0].Field, "%v", err)
			assert.Equal(t, tc.value, ps[0].Value, "%v", err)
			assert.Contains(t, ps[0].Message, tc.substr)
		})
	}
}

func zeroWeights(s *Scenario) []Weight {
	var w []Weight
	for _, l := range s.Baseline.Lines {
		if l.Members == 0 {
			w = append(w, Weight{Org: l.Org, Weight: Int(0)})
		}
	}
	return w
}

func TestApplyNil(t *testing.T) {
	_, err := Apply(nil)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
}

func TestCheckReportsEveryProblem(t *testing.T) {
	s := essexWith(
		Change{Kind: SetTotal, Amount: MustNumber("1.5")},
		Change{Kind: Fixed, Org: "Bad"},
	)
	s.Baseline.Lines[0].Name = ""
	err := s.Check()
	require.Error(t, err)
	assert.Equal(t, []string{"baseline.lines[0].name", "changes[0].amount", "changes[1].org", "changes[1].amount"}, vocab.AsProblems(err).Fields())
}

// TestApplyProperties applies many random stacked scenarios to random
// baselines and checks the invariants of every result, and that the
// order of the baseline's lines does not change any contributor's amount.
func TestApplyProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(389095, 2020))
	applied := 0
	for iter := range 1500 {
		s := randomScenario(rng)
		r, err := Apply(s)
		if err != nil {
			var fe *vocab.FieldError
			require.True(t, errors.As(err, &fe), "case %d: %v", iter, err)
			require.NotEmpty(t, fe.Field, "case %d: %v", iter, err)
			continue
		}
		applied++
		checkResult(t, r)
		checkQuotas(t, r)

		perm := rng.Perm(len(s.Baseline.Lines))
		lines := make([]Line, len(perm))
		for i, p := range perm {
			lines[i] = s.Baseline.Lines[p]
		}
		s.Baseline.Lines = lines
		r2, err := Apply(s)
		require.NoError(t, err)
		assert.Equal(t, amounts(r), amounts(r2), "case %d", iter)
	}
	assert.Greater(t, applied, 800, "too few random scenarios applied")
}

// checkQuotas checks that each share is within one unit of its quota,
// unless capped or floored.
func checkQuotas(t testing.TB, r *Result) {
	t.Helper()
	unit := decimal.New(1, -r.Rounding.Unit.Places())
	for _, l := range r.Lines {
		// A capped share's quota (before the cap) is at least its cap, a
		// floored one's at most its floor; the quota is cut to four
		// places beyond the unit.
		switch {
		case l.Rounding == Capped:
			require.True(t, l.Quota.Decimal().GreaterThanOrEqual(l.Amount.Decimal().Sub(decimal.New(1, -r.Rounding.Unit.Places()-4))), "%s: capped at %s with quota %s", l.Org, l.Amount, l.Quota)
			continue
		case l.Rounding == Floored:
			require.True(t, l.Quota.Decimal().LessThanOrEqual(l.Amount.Decimal()), "%s: floored at %s with quota %s", l.Org, l.Amount, l.Quota)
			continue
		case l.Basis != ShareBasis:
			continue
		}
		diff := l.Amount.Decimal().Sub(l.Quota.Decimal()).Abs()
		require.True(t, diff.LessThan(unit), "%s: %s is a unit or more from its quota %s", l.Org, l.Amount, l.Quota)
		switch l.Rounding {
		case RoundedUp:
			require.True(t, l.Amount.Decimal().GreaterThan(l.Quota.Decimal()))
		case RoundedDown:
			require.True(t, l.Amount.Decimal().LessThanOrEqual(l.Quota.Decimal()))
		case Exact:
			require.True(t, l.Amount.Decimal().Equal(l.Quota.Decimal()))
		}
	}
}

func randomScenario(rng *rand.Rand) *Scenario {
	n := 2 + rng.IntN(12)
	s := &Scenario{Name: "random", Year: 2021, Baseline: Baseline{Year: 2020}}
	if rng.IntN(2) == 0 {
		s.Rounding = Rounding{Pence, Policies()[rng.IntN(2)]}
	}
	roles := []vocab.Role{"", vocab.LocalAuthority, vocab.Police, vocab.Health}
	var ids []vocab.ID
	for i := range n {
		id := vocab.ID("org-" + strconv.Itoa(i))
		ids = append(ids, id)
		l := Line{Org: id, Name: "Org " + strconv.Itoa(i), Role: roles[rng.IntN(4)], Amount: Int(rng.Int64N(100_000))}
		if rng.IntN(6) == 0 {
			m := 1 + rng.IntN(12)
			rate := rng.Int64N(2000)
			l.Members, l.Rate, l.Amount = m, Int(rate), Int(rate*int64(m))
		}
		s.Baseline.Lines = append(s.Baseline.Lines, l)
	}
	pick := func() vocab.ID { return ids[rng.IntN(len(ids))] }
	for range rng.IntN(6) {
		var ch Change
		switch rng.IntN(9) {
		case 0:
			ch = Change{Kind: SetTotal, Amount: Int(1 + rng.Int64N(2_000_000))}
		case 1:
			ch = Change{Kind: Uplift, Percent: MustNumber(strconv.Itoa(rng.IntN(40)-20) + "." + strconv.Itoa(rng.IntN(10)))}
		case 2:
			ch = Change{Kind: Fixed, Org: pick(), Amount: Int(rng.Int64N(50_000))}
		case 3:
			ch = Change{Kind: Cap, Org: pick(), Amount: Int(rng.Int64N(100_000))}
		case 4:
			ch = Change{Kind: Floor, Org: pick(), Amount: Int(rng.Int64N(20_000))}
		case 5:
			ch = Change{Kind: Shares, ShareRule: ShareRule{Method: Equal}}
		case 6:
			ch = Change{Kind: Remove, Org: pick()}
		case 7:
			a, b := pick(), pick()
			ch = Change{Kind: Remap, Map: &Mapping{Moves: []Move{{From: a, To: "merged"}, {From: b, To: "merged"}}, Targets: []Target{{Org: "merged", Name: "Merged"}}}}
			if a == b {
				ch.Map.Moves = ch.Map.Moves[:1]
			}
		case 8:
			ch = Change{Kind: Add, Org: vocab.ID("added-" + strconv.Itoa(rng.IntN(3))), Name: "Added", Weight: Int(rng.Int64N(10_000))}
		}
		s.Changes = append(s.Changes, ch)
	}
	return s
}

func TestProject(t *testing.T) {
	s := essexWith(Change{Kind: SetTotal, Amount: Int(400000)})
	p, err := Project(s, 3, MustNumber("2"))
	require.NoError(t, err)
	require.Len(t, p.Years, 3)
	years := []string{"2021/22", "2022/23", "2023/24"}
	totals := []string{"400000", "408000", "416160"}
	for i, r := range p.Years {
		checkResult(t, r)
		assert.Equal(t, years[i], r.Year.String())
		assert.Equal(t, totals[i], r.Total.String())
		assert.Len(t, r.Steps, 1+i)
	}
	assert.True(t, strings.HasPrefix(p.Years[2].Steps[2].Sentence, "Raise the total budget by 2%, from £408,000 to £416,160 for 2023/24"), p.Years[2].Steps[2].Sentence)
	// The years do not share steps.
	assert.Len(t, p.Years[0].Steps, 1)

	for _, bad := range []struct {
		years   int
		percent Number
		field   string
	}{{0, Int(2), "years"}, {31, Int(2), "years"}, {3, Number{}, "percent"}, {3, Int(-100), "percent"}, {3, MustNumber("1.0000001"), "percent"}} {
		_, err := Project(s, bad.years, bad.percent)
		require.Error(t, err)
		assert.Equal(t, bad.field, vocab.AsProblems(err)[0].Field)
	}
	_, err = Project(essexWith(Change{Kind: Fixed, Org: "nobody", Amount: Int(1)}), 2, Int(2))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

func TestQuotaIsCutNotRounded(t *testing.T) {
	q := big.NewRat(2, 3)
	assert.Equal(t, "0.6666", ratDecimal(q, 4).String())
}
