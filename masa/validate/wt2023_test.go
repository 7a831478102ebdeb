package validate_test

import (
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wt2023Ready turns the Essex 2020-21 data into arrangements that meet
// Working Together 2023: integrated care boards, and a lead and a
// delegated safeguarding partner for each statutory partner. Essex's
// schools already sit on the executive board.
func wt2023Ready(p *masa.Partnership) {
	for i := range p.StatutoryPartners {
		sp := &p.StatutoryPartners[i]
		if sp.Role == vocab.Health {
			sp.Body = "icb"
		}
		sp.LeadPartner = "chief executive"
		sp.Delegate = "director"
	}
}

// TestWT2023ImplementationPeriod is the table test for issue 12 point 4:
// the WT2023-only checks apply from the partnership's adoption date, by
// default the national deadline, and a partnership that names no
// delegated safeguarding partner has a problem from then on.
func TestWT2023ImplementationPeriod(t *testing.T) {
	tests := []struct {
		name    string
		adopted string // "" uses the national deadline
		on      string
		ruleSet vocab.ID
		mutate  func(p *masa.Partnership)
		want    []string // field:rule
	}{
		{"published on 15 December 2023, not yet adopted", "", "2023-12-15", "wt-2018-icb", dropDelegates, nil},
		{"before the national deadline", "", "2024-12-30", "wt-2018-icb", dropDelegates, nil},
		{"on the national deadline, no delegates", "", "2024-12-31", "wt-2023", dropDelegates, []string{
			"statutoryPartners[0].delegate:delegated-partner", "statutoryPartners[1].delegate:delegated-partner", "statutoryPartners[2].delegate:delegated-partner",
			"statutoryPartners[3].delegate:delegated-partner", "statutoryPartners[4].delegate:delegated-partner", "statutoryPartners[5].delegate:delegated-partner",
			"statutoryPartners[6].delegate:delegated-partner",
		}},
		{"adopted early on 1 June 2024, day before", "2024-06-01", "2024-05-31", "wt-2018-icb", dropDelegates, nil},
		{"adopted early on 1 June 2024, no delegate for one partner", "2024-06-01", "2024-06-01", "wt-2023", func(p *masa.Partnership) {
			p.StatutoryPartners[1].Delegate = ""
		}, []string{"statutoryPartners[1].delegate:delegated-partner"}},
		{"no lead partner", "", "2025-06-01", "wt-2023", func(p *masa.Partnership) {
			p.StatutoryPartners[0].LeadPartner = ""
		}, []string{"statutoryPartners[0].leadPartner:lead-partners"}},
		{"no chair", "", "2025-06-01", "wt-2023", func(p *masa.Partnership) {
			p.Governance.Chair.Title = ""
		}, []string{"governance.chair.title:required", "governance.chair.title:partnership-chair"}},
		{"education not at the strategic level", "", "2025-06-01", "wt-2023", func(p *masa.Partnership) {
			for i := range p.RelevantAgencies {
				if p.RelevantAgencies[i].Category == masa.CategoryEducation {
					p.RelevantAgencies[i].TakesPart = []masa.Forum{masa.ForumLocalGroups}
				}
			}
		}, []string{"relevantAgencies:education-role"}},
		{"all met", "", "2025-06-01", "wt-2023", func(*masa.Partnership) {}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := masa.Essex()
			wt2023Ready(p)
			if tt.adopted != "" {
				p.Arrangements.Adoptions = map[vocab.ID]vocab.Date{"wt-2023": vocab.MustDate(tt.adopted)}
			}
			tt.mutate(p)
			rs, err := validate.Partnership(p, vocab.MustDate(tt.on))
			assert.Equal(t, tt.ruleSet, rs.ID)
			var got []string
			for _, fe := range vocab.AsProblems(err) {
				got = append(got, fe.Field+":"+fe.Rule)
			}
			assert.ElementsMatch(t, tt.want, got, "%v", err)
		})
	}
}

func dropDelegates(p *masa.Partnership) {
	for i := range p.StatutoryPartners {
		p.StatutoryPartners[i].Delegate = ""
	}
}

// TestEveryRuleHasProvenance checks that every rule of every rule set
// carries a citation and a sound provenance.
func TestEveryRuleHasProvenance(t *testing.T) {
	for i, rs := range masa.RuleSets() {
		for j, r := range rs.Rules {
			assert.NotEmpty(t, r.Citation.Source, "%s/%s", rs.ID, r.ID)
			require.NoError(t, r.Provenance.Problems("").Err(), "rulesets[%d].rules[%d] (%s/%s)", i, j, rs.ID, r.ID)
		}
	}
}
