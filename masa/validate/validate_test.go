package validate_test

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/masa-go/masa/internal/testcheck"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var published = vocab.MustDate("2020-06-29")

func TestEssexIsValidOnPublication(t *testing.T) {
	rs, err := validate.Partnership(masa.Essex(), published)
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2018"), rs.ID)
}

func TestEssexBeforeGoLiveIsAnLSCB(t *testing.T) {
	rs, err := validate.Partnership(masa.Essex(), vocab.MustDate("2019-06-29"))
	require.NoError(t, err)
	assert.Equal(t, masa.RegimeLSCB, rs.Regime)
}

func TestEssexAfterCCGsWereAbolished(t *testing.T) {
	rs, err := validate.Partnership(masa.Essex(), vocab.MustDate("2023-06-01"))
	assert.Equal(t, vocab.ID("wt-2018-icb"), rs.ID)
	ps := vocab.AsProblems(err)
	require.Len(t, ps, 5, "one problem for each of the five CCGs")
	for i, p := range ps {
		assert.Equal(t, "health-body", p.Rule)
		assert.Equal(t, "ccg", p.Value)
		assert.Equal(t, "statutoryPartners["+string(rune('2'+i))+"].body", p.Field)
		require.NotNil(t, p.Citation)
		assert.Equal(t, "Health and Care Act 2022", p.Citation.Source)
	}
}

func TestEssexAsOfAfterSuccessionsIsValid(t *testing.T) {
	for _, d := range []string{"2022-07-01", "2023-06-01", "2024-01-01"} {
		p, err := masa.Essex().AsOf(vocab.MustDate(d))
		require.NoError(t, err)
		_, err = validate.Partnership(p, vocab.MustDate(d))
		assert.NoError(t, err, d)
	}
}

func TestRiversideIsValidUnderWT2023(t *testing.T) {
	p, err := masa.Load("../testdata/riverside.json")
	require.NoError(t, err)
	rs, err := validate.Partnership(p, vocab.MustDate("2024-06-28"))
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2023"), rs.ID)
}

func TestProblemsAreReported(t *testing.T) {
	type want struct{ field, rule string }
	tests := []struct {
		name   string
		date   string
		mutate func(p *masa.Partnership)
		want   []want
	}{
		{"missing statutory role", "2020-06-29", func(p *masa.Partnership) {
			p.StatutoryPartners = p.StatutoryPartners[1:]
			p.Governance.Board.Seats = p.Governance.Board.Seats[1:]
			p.LeadAreas = p.LeadAreas[:3]
			p.Scrutiny.LeadArea = "vice-chair"
		}, []want{{"statutoryPartners", "statutory-roles"}}},
		{"duplicate organisation ID", "2020-06-29", func(p *masa.Partnership) {
			p.Organisations = append(p.Organisations, p.Organisations[0])
		}, []want{{"organisations[42].id", "unique-id"}}},
		{"duplicate group ID", "2020-06-29", func(p *masa.Partnership) {
			p.LocalGroups[1].ID = "cspr"
		}, []want{{"localGroups[1].id", "unique-id"}}},
		{"lead area held by a role no partner fills", "2020-06-29", func(p *masa.Partnership) {
			p.StatutoryPartners[0].Role = vocab.Police
		}, []want{{"statutoryPartners", "statutory-roles"}, {"statutoryPartners[0].body", "partner-body"}, {"leadAreas[3].holder", "lead-holder"}}},
		{"relevant agency without a category", "2020-06-29", func(p *masa.Partnership) {
			p.RelevantAgencies[4].Category = ""
		}, []want{{"relevantAgencies[4].category", "category"}}},
		{"relevant agency with an unknown category", "2020-06-29", func(p *masa.Partnership) {
			p.RelevantAgencies[4].Category = "education-ish"
		}, []want{{"relevantAgencies[4].category", "category"}}},
		{"board member not a partner or agency", "2020-06-29", func(p *masa.Partnership) {
			p.Organisations = append(p.Organisations, masa.Organisation{ID: "outsider", Name: "Outsider Ltd"})
			p.Governance.Board.Seats[3].Orgs = append(p.Governance.Board.Seats[3].Orgs, "outsider")
		}, []want{{"governance.board.seats[3].orgs[3]", "board-member"}}},
		{"vice-chair lead rotated away from health", "2020-06-29", func(p *masa.Partnership) {
			p.LeadAreas[0].Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: []vocab.Role{vocab.Health, vocab.Police}, Start: vocab.MustDate("2020-04-01")}
		}, []want{{"leadAreas[0].rotation", "vice-chair-role"}}},
		{"annual rotation without order or start", "2020-06-29", func(p *masa.Partnership) {
			p.LeadAreas[1].Rotation = masa.Rotation{Policy: masa.RotationAnnual}
		}, []want{{"leadAreas[1].rotation.order", "required"}, {"leadAreas[1].rotation.start", "required"}}},
		{"unknown rotation policy", "2020-06-29", func(p *masa.Partnership) {
			p.LeadAreas[1].Rotation.Policy = "sometimes"
		}, []want{{"leadAreas[1].rotation.policy", "oneof"}}},
		{"dangling references", "2020-06-29", func(p *masa.Partnership) {
			p.Reviews.RatificationLeadArea = "no-such-lead"
			p.Funding.Lines[0].Org = "no-such-org"
			p.SubCommittees[0].ReportsTo = "nowhere"
		}, []want{{"subCommittees[0].reportsTo", "reference"}, {"reviews.ratificationLeadArea", "reference"}, {"funding.lines[0].org", "reference"}}},
		{"bad ID and role", "2020-06-29", func(p *masa.Partnership) {
			p.LocalGroups[0].ID = "Stay Safe Mid"
			p.StatutoryPartners[1].Role = "fire"
		}, []want{{"statutoryPartners[1].role", "role"}, {"localGroups[0].id", "id"}, {"statutoryPartners", "statutory-roles"}, {"leadAreas[1].holder", "lead-holder"}}},
		{"succession to an unknown organisation", "2020-06-29", func(p *masa.Partnership) {
			p.Successions[0].To = "nhs-nowhere-icb"
		}, []want{{"successions[0].to", "reference"}}},
		{"councils line does not match members x rate", "2020-06-29", func(p *masa.Partnership) {
			p.Funding.Lines[4].Members = 11
		}, []want{{"funding.lines[4].amount", "funding-line"}}},
		{"negative funding", "2020-06-29", func(p *masa.Partnership) {
			p.Funding.Lines[10].Amount = decimal.NewFromInt(-550)
		}, []want{{"funding.lines[10].amount", "funding-line"}}},
		{"no chair under WT2023", "2025-01-01", func(p *masa.Partnership) {
			for i := range p.StatutoryPartners {
				if p.StatutoryPartners[i].Role == vocab.Health {
					p.StatutoryPartners[i].Body = "icb"
				}
				p.StatutoryPartners[i].LeadPartner = "chief executive"
				p.StatutoryPartners[i].Delegate = "director"
			}
			p.Governance.Chair.Title = ""
		}, []want{{"governance.chair.title", "required"}, {"governance.chair.title", "partnership-chair"}}},
		{"children more than population", "2020-06-29", func(p *masa.Partnership) {
			p.Area.Children = p.Area.Population + 1
		}, []want{{"area.children", "ltefield"}}},
		{"no relevant agencies", "2020-06-29", func(p *masa.Partnership) {
			p.RelevantAgencies = nil
			p.Governance.Board.Seats = p.Governance.Board.Seats[:3]
		}, []want{{"relevantAgencies", "relevant-agencies"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := masa.Essex()
			tt.mutate(p)
			_, err := validate.Partnership(p, vocab.MustDate(tt.date))
			require.Error(t, err)
			assert.ErrorIs(t, err, vocab.ErrInvalid)
			var got []want
			for _, fe := range vocab.AsProblems(err) {
				got = append(got, want{fe.Field, fe.Rule})
				assert.NotNil(t, fe.Citation, "%s has a citation", fe.Field)
				assert.NotEmpty(t, fe.Message)
			}
			assert.ElementsMatch(t, tt.want, got, "%v", err)
		})
	}
}

func TestAllProblemsAtOnce(t *testing.T) {
	p := masa.Essex()
	p.RelevantAgencies[0].Category = ""
	p.RelevantAgencies[1].Category = ""
	p.Organisations = append(p.Organisations, p.Organisations[1])
	_, err := validate.Partnership(p, published)
	assert.Len(t, vocab.AsProblems(err), 3)
}

func TestKindsOfProblem(t *testing.T) {
	p := masa.Essex()
	p.Reviews.SubCommittee = "nope"
	p.Organisations = append(p.Organisations, p.Organisations[1])
	_, err := validate.Partnership(p, published)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	assert.ErrorIs(t, err, vocab.ErrConflict)
}

func TestBadArguments(t *testing.T) {
	_, err := validate.Partnership(nil, published)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
	_, err = validate.Partnership(masa.Essex(), vocab.Date{Year: 2020, Month: 2, Day: 30})
	assert.ErrorIs(t, err, vocab.ErrInvalid)
	_, err = validate.Partnership(masa.Essex(), vocab.MustDate("1990-01-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

// FuzzPartnership: a small seed (../testdata/small.json, 1 KB). Property:
// validation is deterministic (the same problems, in the same order, on a
// second run) and every problem is a FieldError of a known kind.
func FuzzPartnership(f *testing.F) {
	if b, err := os.ReadFile("../testdata/small.json"); err == nil {
		f.Add(b, "2024-06-28")
	}
	f.Add([]byte(`{"id":"x","leadAreas":[{"id":"a","holder":"police","rotation":{"policy":"annual","order":["police"],"start":"2020-02-29"}}]}`), "2023-03-01")
	f.Fuzz(func(t *testing.T, data []byte, date string) {
		d, err := vocab.ParseDate("date", date)
		if err != nil {
			return
		}
		p, err := masa.Parse(data)
		if err != nil {
			return
		}
		_, err = validate.Partnership(p, d)
		if err != nil && !errors.Is(err, vocab.ErrInvalid) && !errors.Is(err, vocab.ErrNotFound) {
			t.Fatalf("unexpected error kind: %v", err)
		}
		_, again := validate.Partnership(p, d)
		if fmt.Sprint(err) != fmt.Sprint(again) {
			t.Fatalf("validation is not deterministic:\n%v\n%v", err, again)
		}
	})
}

func TestCatalogueProblemsOfABuiltPartnership(t *testing.T) {
	p := masa.Essex()
	p.Scrutiny.Aims = append(p.Scrutiny.Aims, masa.Item{ID: "world-peace", Label: "World peace"}, masa.Item{ID: "leadership", Label: "Leading"})
	_, err := validate.Partnership(p, vocab.MustDate("2020-06-29"))
	assert.Equal(t, map[string]string{"scrutiny.aims[5].id": "known-id", "scrutiny.aims[6].id": "declared-once"}, testcheck.Problems(t, err))
}
