package masa_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), got)
}

func TestEssexFacts(t *testing.T) {
	p := masa.Essex()
	assert.Equal(t, "Essex Safeguarding Children Board", p.Name)
	assert.Equal(t, "ESCB", p.ShortName)
	assert.Equal(t, 1470000, p.Area.Population)
	assert.Equal(t, 311000, p.Area.Children)
	assert.Equal(t, 12, p.Area.DistrictCouncils)
	assert.Equal(t, []string{"Southend", "Thurrock"}, p.Area.UnitaryAuthoritiesOutside)
	assert.Equal(t, 5, p.Area.HealthBodies)
	assert.Equal(t, 3, p.Area.HealthSystems)
	assert.Equal(t, vocab.FinancialYear(2020), p.Arrangements.Year)
	assert.Equal(t, vocab.MustDate("2020-06-29"), p.Arrangements.Published)
	assert.Equal(t, vocab.MustDate("2019-09-29"), p.Arrangements.GoLive)

	// Seven statutory partners in three roles.
	assert.Len(t, p.StatutoryPartners, 7)
	assert.Equal(t, []vocab.ID{"essex-county-council"}, p.PartnersInRole(vocab.LocalAuthority))
	assert.Equal(t, []vocab.ID{"essex-police"}, p.PartnersInRole(vocab.Police))
	assert.Equal(t, []vocab.ID{"nhs-basildon-brentwood-ccg", "nhs-castle-point-rochford-ccg", "nhs-mid-essex-ccg",
		"nhs-north-east-essex-ccg", "nhs-west-essex-ccg"}, p.PartnersInRole(vocab.Health))
	covers := map[string]bool{}
	for _, sp := range p.StatutoryPartners {
		if sp.Role == vocab.Health {
			assert.Equal(t, "ccg", sp.Body)
			assert.Equal(t, "Director of Nursing", sp.Representative.Title)
			covers[sp.Representative.Covers] = true
		}
	}
	assert.Len(t, covers, 3, "three Directors of Nursing")

	// Governance.
	g := p.Governance
	assert.Equal(t, "Independent Chair Facilitator", g.Chair.Title)
	assert.Equal(t, 2019, g.Chair.Appointed)
	assert.False(t, g.Chair.Statutory)
	assert.Equal(t, vocab.Health, g.ViceChairRole)
	assert.True(t, g.PartnersMeetBeforeBoard)
	assert.Equal(t, 4, g.Board.MeetingsPerYear)
	assert.Len(t, g.Board.Seats, 9)

	assert.Len(t, p.LocalGroups, 4)
	for _, lg := range p.LocalGroups {
		assert.Equal(t, 4, lg.ReportsPerYear)
	}
	assert.Len(t, p.SubCommittees, 5)
	require.NotNil(t, p.Assembly)
	assert.Equal(t, 2, p.Assembly.MeetingsPerYear)
	assert.Equal(t, "Covid-19", p.Assembly.Paused)
	assert.Len(t, p.Assembly.Members, 8)
	require.NotNil(t, p.JointWorking)
	assert.Equal(t, "SET", p.JointWorking.Abbrev)
	assert.Len(t, p.JointWorking.Groups, 4)

	// All 35 designated relevant agencies, each with a category.
	assert.Len(t, p.RelevantAgencies, 35)
	counts := map[vocab.ID]masa.Count{}
	for _, ra := range p.RelevantAgencies {
		assert.True(t, ra.Category.Valid(), ra.Org)
		if ra.Count != nil {
			counts[ra.Org] = *ra.Count
		}
	}
	assert.Equal(t, 555, counts["primary-education"].Value)
	assert.Equal(t, 1862, counts["early-years"].Value)
	assert.True(t, counts["early-years"].Approximate)
	assert.Equal(t, 12, counts["district-councils"].Value)

	assert.Len(t, p.Values, 12)
	require.NotNil(t, p.Threshold)
	assert.Len(t, p.Threshold.Levels, 4)
	assert.Len(t, p.Escalation, 3)
	assert.Len(t, p.LeadAreas, 4)
	require.NotNil(t, p.Voice)
	assert.Len(t, p.Voice.Mechanisms, 3)
	assert.Len(t, p.Voice.DataSources, 3)
	assert.Len(t, p.Training.Sources, 8)
	assert.Len(t, p.Training.Methods, 5)
	assert.Len(t, p.Scrutiny.Aims, 5)
}

func TestEssexFunding(t *testing.T) {
	f := masa.Essex().Funding
	require.NotNil(t, f)
	assert.Len(t, f.Lines, 11)
	assert.True(t, f.Total().Equal(decimal.NewFromInt(389095)), f.Total().String())
	var councils masa.FundingLine
	for _, l := range f.Lines {
		if l.Org == "district-councils" {
			councils = l
		}
	}
	assert.Equal(t, 12, councils.Members)
	assert.True(t, councils.Rate.Equal(decimal.NewFromInt(1210)))
	assert.True(t, councils.Amount.Equal(decimal.NewFromInt(14520)))
}

func TestEssexIsFreshEachCall(t *testing.T) {
	a := masa.Essex()
	a.Name = "changed"
	a.StatutoryPartners[0].Role = vocab.Police
	b := masa.Essex()
	assert.Equal(t, "Essex Safeguarding Children Board", b.Name)
	assert.Equal(t, vocab.LocalAuthority, b.StatutoryPartners[0].Role)
}

func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"essex", "riverside"} {
		t.Run(name, func(t *testing.T) {
			var data []byte
			if name == "essex" {
				data = masa.EssexJSON()
			} else {
				var err error
				data, err = os.ReadFile("testdata/riverside.json")
				require.NoError(t, err)
			}
			p, err := masa.Parse(data)
			require.NoError(t, err)
			out, err := masa.Encode(p)
			require.NoError(t, err)
			if name == "riverside" {
				assertGolden(t, "riverside.canonical.json", out)
			} else {
				assert.Equal(t, string(data), string(out), "the embedded file is in canonical form")
			}
			again, err := masa.Parse(out)
			require.NoError(t, err)
			if name == "essex" {
				assert.Equal(t, p, again, "decoding the canonical form gives the same model")
			}
			out2, err := masa.Encode(again)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(out, out2), "encoding is deterministic")
			third, err := masa.Parse(out2)
			require.NoError(t, err)
			assert.Equal(t, again, third, "canonical form round-trips exactly")
		})
	}
}

func TestDecodeErrorsNameTheField(t *testing.T) {
	tests := []struct {
		name, in, field, value string
	}{
		{"bad date", `{"id":"x","arrangements":{"published":"2020-02-30"}}`, "arrangements.published", "2020-02-30"},
		{"bad year", `{"arrangements":{"year":"2020/23"}}`, "arrangements.year", "2020/23"},
		{"unknown field", `{"statutoryPartners":[{"org":"a","colour":"red"}]}`, "statutoryPartners[0].colour", "colour"},
		{"wrong type", `{"area":{"population":"many"}}`, "area.population", "many"},
		{"bad amount", `{"funding":{"lines":[{"org":"a","amount":"12x"}]}}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := masa.Parse([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, vocab.ErrInvalid)
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			if tt.field != "" {
				assert.Equal(t, tt.field, fe.Field)
				assert.Equal(t, tt.value, fe.Value)
			}
		})
	}
}

func TestLoadFile(t *testing.T) {
	p, err := masa.Load("testdata/riverside.json")
	require.NoError(t, err)
	assert.Equal(t, "Riverside Safeguarding Children Partnership", p.Name)
	_, err = masa.Load("testdata/missing.json")
	assert.Error(t, err)
}

func TestRuleSetsAreCopies(t *testing.T) {
	a := masa.RuleSets()
	a[1].Bodies[vocab.Health][0] = "changed"
	a[1].Rules[0].ID = "changed"
	rs, err := masa.RuleSetOn(masa.Essex(), vocab.MustDate("2020-06-29"))
	require.NoError(t, err)
	assert.Equal(t, []string{"ccg"}, rs.Bodies[vocab.Health])
	assert.NotEqual(t, "changed", rs.Rules[0].ID)
	rs.Bodies[vocab.Health][0] = "changed too"
	assert.Equal(t, []string{"ccg"}, masa.RuleSets()[1].Bodies[vocab.Health])
}

func TestRuleSetOn(t *testing.T) {
	essex := masa.Essex()
	noGoLive := masa.Essex()
	noGoLive.Arrangements.GoLive = vocab.Date{}
	tests := []struct {
		p    *masa.Partnership
		date string
		want vocab.ID
	}{
		{essex, "2018-06-28", "lscb-2004"},
		{essex, "2018-06-29", "lscb-transition"},
		{essex, "2019-09-28", "lscb-transition"},
		{essex, "2019-09-29", "wt-2018"},
		{essex, "2020-06-29", "wt-2018"},
		{essex, "2022-06-30", "wt-2018"},
		{essex, "2022-07-01", "wt-2018-icb"},
		{essex, "2023-12-14", "wt-2018-icb"},
		{essex, "2023-12-15", "wt-2018-icb"},
		{essex, "2024-12-30", "wt-2018-icb"},
		{essex, "2024-12-31", "wt-2023"},
		{noGoLive, "2019-09-28", "lscb-transition"},
		{noGoLive, "2019-09-29", "wt-2018"},
	}
	for _, tt := range tests {
		rs, err := masa.RuleSetOn(tt.p, vocab.MustDate(tt.date))
		require.NoError(t, err, tt.date)
		assert.Equal(t, tt.want, rs.ID, tt.date)
		assert.NotEmpty(t, rs.Citations, tt.date)
		for _, r := range rs.Rules {
			assert.NotEmpty(t, r.Citation.Source, "%s: rule %s has no citation", rs.ID, r.ID)
		}
	}
	rs, _ := masa.RuleSetOn(essex, vocab.MustDate("2019-01-01"))
	assert.Equal(t, "Serious Case Review", rs.ReviewName)
	rs, _ = masa.RuleSetOn(essex, vocab.MustDate("2020-01-01"))
	assert.Equal(t, "Child Safeguarding Practice Review", rs.ReviewName)
	assert.True(t, rs.Allows(vocab.Health, "ccg"))
	rs, _ = masa.RuleSetOn(essex, vocab.MustDate("2025-01-01"))
	assert.False(t, rs.Allows(vocab.Health, "ccg"))
	assert.Equal(t, "integrated care board chief executive", rs.LeadPosts[vocab.Health])
	assert.True(t, rs.RequiresChair)
	_, err := masa.RuleSetOn(essex, vocab.MustDate("1999-01-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

func TestLeadHolderEssex(t *testing.T) {
	p := masa.Essex()
	on := vocab.MustDate("2020-06-29")
	tests := []struct {
		area  vocab.ID
		role  vocab.Role
		title string
	}{
		{"vice-chair", vocab.Health, "Clinical Commissioning Group lead"},
		{"cspr-ratification", vocab.Police, "Assistant Chief Constable"},
		{"dispute-resolution", vocab.Health, "Clinical Commissioning Group leads"},
		{"independent-scrutiny", vocab.LocalAuthority, "Executive Director of Children's Services"},
	}
	for _, tt := range tests {
		h, err := p.LeadHolder(tt.area, on)
		require.NoError(t, err, tt.area)
		assert.Equal(t, tt.role, h.Role, tt.area)
		assert.Equal(t, tt.title, h.Title, tt.area)
		assert.Equal(t, p.PartnersInRole(tt.role), h.Orgs)
	}
	_, err := p.LeadHolder("no-such-area", on)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

func TestLeadHolderAnnualRotation(t *testing.T) {
	p, err := masa.Load("testdata/riverside.json")
	require.NoError(t, err)
	tests := []struct {
		date string
		role vocab.Role
		from string
		to   string
	}{
		{"2024-03-31", vocab.Police, "", "2024-03-31"},
		{"2024-04-01", vocab.Police, "2024-04-01", "2025-03-31"},
		{"2025-03-31", vocab.Police, "2024-04-01", "2025-03-31"},
		{"2025-04-01", vocab.Health, "2025-04-01", "2026-03-31"},
		{"2026-04-01", vocab.LocalAuthority, "2026-04-01", "2027-03-31"},
		{"2027-04-01", vocab.Police, "2027-04-01", "2028-03-31"},
	}
	for _, tt := range tests {
		h, err := p.LeadHolder("cspr-ratification", vocab.MustDate(tt.date))
		require.NoError(t, err, tt.date)
		assert.Equal(t, tt.role, h.Role, tt.date)
		assert.Equal(t, tt.from, h.Period.From.String(), tt.date)
		assert.Equal(t, tt.to, h.Period.To.String(), tt.date)
		assert.Equal(t, p.LeadTitle(tt.role), h.Title)
	}
}

func TestLeadHolderLeapDayStart(t *testing.T) {
	p := masa.Essex()
	la, _ := p.LeadArea("cspr-ratification")
	la.Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: []vocab.Role{vocab.Police, vocab.LocalAuthority}, Start: vocab.MustDate("2024-02-29")}
	h, err := p.LeadHolder("cspr-ratification", vocab.MustDate("2025-02-28"))
	require.NoError(t, err)
	assert.Equal(t, vocab.LocalAuthority, h.Role)
	h, _ = p.LeadHolder("cspr-ratification", vocab.MustDate("2025-02-27"))
	assert.Equal(t, vocab.Police, h.Role)
}

func TestLeadHolderReportsConflicts(t *testing.T) {
	p := masa.Essex()
	la, _ := p.LeadArea("vice-chair")
	la.Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: []vocab.Role{vocab.Health, vocab.Police}, Start: vocab.MustDate("2020-04-01")}
	h, err := p.LeadHolder("vice-chair", vocab.MustDate("2020-06-29"))
	require.NoError(t, err)
	assert.Equal(t, vocab.Health, h.Role)

	h, err = p.LeadHolder("vice-chair", vocab.MustDate("2021-06-29"))
	assert.Equal(t, vocab.Police, h.Role, "the computed holding is still returned")
	assert.ErrorIs(t, err, vocab.ErrConflict)
	assert.Contains(t, err.Error(), "vice chair")

	conflicts := p.RotationConflicts(vocab.MustDate("2020-04-01"), 4)
	require.Len(t, conflicts, 1)
	assert.True(t, errors.Is(conflicts[0], vocab.ErrConflict))

	// A role no partner fills.
	p2 := masa.Essex()
	sc, _ := p2.LeadArea("independent-scrutiny")
	p2.StatutoryPartners = p2.StatutoryPartners[1:]
	_, err = p2.LeadHolder(sc.ID, vocab.MustDate("2020-06-29"))
	assert.ErrorIs(t, err, vocab.ErrConflict)
}

func TestAsOf(t *testing.T) {
	p := masa.Essex()
	before, err := p.AsOf(vocab.MustDate("2021-06-25"))
	require.NoError(t, err)
	assert.Equal(t, p, before, "nothing changes before 26 June 2021")

	probation, err := p.AsOf(vocab.MustDate("2022-06-30"))
	require.NoError(t, err)
	assert.Len(t, probation.RelevantAgencies, len(p.RelevantAgencies)-1, "the National Probation Service and the CRC become The Probation Service")
	assert.True(t, slices.ContainsFunc(probation.RelevantAgencies, func(ra masa.RelevantAgency) bool { return ra.Org == "the-probation-service" }))
	assert.Equal(t, p.StatutoryPartners, probation.StatutoryPartners, "probation is not a statutory partner")

	after, err := p.AsOf(vocab.MustDate("2022-07-01"))
	require.NoError(t, err)
	assert.Equal(t, []vocab.ID{"nhs-mid-and-south-essex-icb", "nhs-suffolk-and-north-east-essex-icb", "nhs-hertfordshire-and-west-essex-icb"},
		after.PartnersInRole(vocab.Health))
	for _, sp := range after.StatutoryPartners {
		if sp.Role == vocab.Health {
			assert.Equal(t, "icb", sp.Body)
		}
	}
	assert.Len(t, after.StatutoryPartners, 5)
	assert.Len(t, after.RelevantAgencies, 32, "five CCGs become three ICBs, and two probation services one")
	assert.Equal(t, after.PartnersInRole(vocab.Health), after.Governance.Board.Seats[2].Orgs)
	assert.True(t, after.Funding.Total().Equal(p.Funding.Total()), "money is left to the funding package")
	assert.Len(t, p.StatutoryPartners, 7, "AsOf does not change its receiver")

	h, err := after.LeadHolder("vice-chair", vocab.MustDate("2022-07-01"))
	require.NoError(t, err)
	assert.Len(t, h.Orgs, 3)
	assert.Equal(t, "Integrated Care Board lead", h.Title, "the succession renames the post")
	h, err = after.LeadHolder("dispute-resolution", vocab.MustDate("2022-07-01"))
	require.NoError(t, err)
	assert.Equal(t, "Integrated Care Board leads", h.Title)

	bad := masa.Essex()
	bad.Successions[1].To = "nhs-nowhere-icb"
	_, err = bad.AsOf(vocab.MustDate("2023-01-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

// essexOnDates is the golden summary of what the model answers on key
// dates: the rule set and who holds each lead area.
func TestGoldenEssexOnDates(t *testing.T) {
	type holding struct {
		Area  vocab.ID   `json:"area"`
		Role  vocab.Role `json:"role"`
		Title string     `json:"title"`
		Orgs  []vocab.ID `json:"orgs"`
	}
	type day struct {
		Date     vocab.Date `json:"date"`
		RuleSet  vocab.ID   `json:"ruleSet"`
		Review   string     `json:"reviewName"`
		Holdings []holding  `json:"holdings"`
	}
	var out []day
	for _, d := range []string{"2019-06-29", "2020-06-29", "2022-07-01", "2023-12-15"} {
		date := vocab.MustDate(d)
		p, err := masa.Essex().AsOf(date)
		require.NoError(t, err)
		rs, err := masa.RuleSetOn(p, date)
		require.NoError(t, err)
		dd := day{Date: date, RuleSet: rs.ID, Review: rs.ReviewName}
		for _, la := range p.LeadAreas {
			h, err := p.LeadHolder(la.ID, date)
			require.NoError(t, err)
			dd.Holdings = append(dd.Holdings, holding{h.Area, h.Role, h.Title, h.Orgs})
		}
		out = append(out, dd)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	require.NoError(t, err)
	assertGolden(t, "essex-on-dates.golden.json", append(b, '\n'))
}

// FuzzDecode: small seeds (testdata/small.json, 1 KB, not the 30 KB
// Essex file, so that minimising stays quick and the target runs
// thousands of inputs a second). Properties: a round trip through the
// canonical form is stable, and an error names a path whose last key is
// in the input.
func FuzzDecode(f *testing.F) {
	if b, err := os.ReadFile("testdata/small.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","statutoryPartners":[{"org":"A"}]}`))
	f.Add([]byte(`{"funding":{"lines":[{"amount":"1e9"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := masa.Parse(data)
		if err != nil {
			var fe *vocab.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("decode error is not a FieldError: %v", err)
			}
			if key := fuzzLastKey(fe.Field); key != "" && !bytes.Contains(data, []byte(key)) && !bytes.Contains(data, []byte(`\`)) {
				t.Fatalf("error names %q, whose key %q is not in the input", fe.Field, key)
			}
			return
		}
		out, err := masa.Encode(p)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		again, err := masa.Parse(out)
		if err != nil {
			t.Fatalf("re-decode of canonical form: %v", err)
		}
		out2, _ := masa.Encode(again)
		if !bytes.Equal(out, out2) {
			t.Fatalf("canonical form is not stable")
		}
		for _, la := range p.LeadAreas {
			_, _ = p.LeadHolder(la.ID, vocab.MustDate("2021-01-01"))
		}
		_, _ = masa.RuleSetOn(p, vocab.MustDate("2021-01-01"))
	})
}

// fuzzLastKey returns the last plain key of a JSON path such as
// "funding.lines[0].amount" ("amount"), or "" when it has none or the key
// is cut or quoted.
func fuzzLastKey(path string) string {
	for strings.HasSuffix(path, "]") {
		i := strings.LastIndexByte(path, '[')
		if i < 0 {
			return ""
		}
		path = path[:i]
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if path == "" || strings.ContainsAny(path, "\"[]…") {
		return ""
	}
	return path
}
