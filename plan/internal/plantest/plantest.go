// Package plantest builds partnerships for the tests of the plan packages:
// large ones that stress pagination, and hostile ones whose names contain
// markup, control characters, invalid UTF-8 and text beyond Latin-1. The
// data is generated deterministically, so tests and benchmarks see the
// same partnership every run.
package plantest

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Stress returns the Essex partnership with its relevant agencies replaced
// by n generated agencies and its funding table by m generated
// contributors, with names long enough to wrap in table cells.
func Stress(n, m int) *masa.Partnership {
	p := masa.Essex()
	cats := masa.Categories()
	forums := masa.Forums()
	p.RelevantAgencies = nil
	for i := range n {
		id := vocab.ID(fmt.Sprintf("stress-agency-%04d", i+1))
		name := fmt.Sprintf("Stress Agency %04d", i+1)
		if i%3 == 0 {
			name += " for Children, Young People and Families in the North and East of the County"
		}
		p.Organisations = append(p.Organisations, masa.Organisation{ID: id, Name: name})
		p.RelevantAgencies = append(p.RelevantAgencies, masa.RelevantAgency{
			Org: id, Category: cats[i%len(cats)], TakesPart: forums[:i%(len(forums)+1)],
		})
	}
	p.Funding.Lines = nil
	for i := range m {
		id := vocab.ID(fmt.Sprintf("stress-contributor-%03d", i+1))
		p.Organisations = append(p.Organisations, masa.Organisation{ID: id, Name: fmt.Sprintf("Stress Contributor %03d", i+1)})
		line := masa.FundingLine{Org: id, Amount: decimal.NewFromInt(int64(250 + (i*7919)%90000))}
		if i%5 == 0 {
			line.Label = fmt.Sprintf("Stress Contributor %03d, a partner whose published label is long enough to wrap", i+1)
		}
		p.Funding.Lines = append(p.Funding.Lines, line)
	}
	return p
}

// Hostile is the text the hostile partnership puts into names: markup,
// PDF string delimiters, control and format characters, a character
// outside the Basic Multilingual Plane and a byte that is not UTF-8.
const Hostile = "<script>alert(\"x\")</script> & (unbalanced \\ paren) \x00\x07\r\n\t\u202e\U0001F600 \xff end"

// HostilePartnership returns the Essex partnership with Hostile in its
// name, an agency's name, a funding label, a joint-working name (which is
// a subheading, so also a bookmark), a partnership-supplied text and the
// contact block, and with link targets that are not web or mail
// addresses.
func HostilePartnership() *masa.Partnership {
	p := masa.Essex()
	p.Name = "Board " + Hostile
	p.Organisations[1].Name = "Agency " + Hostile
	p.Funding.Lines[0].Label = "Line " + Hostile
	p.JointWorking.Name = "Joint " + Hostile
	p.Texts = map[string]string{"introduction": "Intro <img src=x onerror=alert(1)> " + Hostile}
	p.Contact.Website = "javascript:alert(1)"
	p.Contact.Email = `"><script>alert(1)</script>@example.org`
	p.Contact.Address = append(p.Contact.Address, Hostile)
	return p
}

// Unicode lists names beyond Latin-1 and typographic characters that the
// PDF must render and the HTML must carry unchanged.
var Unicode = []string{
	"Łódź & Ærø Children’s Trust",
	"Ελληνική Υπηρεσία Παιδιών",
	"Жуковский детский центр",
	"Fundação Criança – São João",
	"“Quoted” Partnership — 2020–21",
	"Ğüneş Çocuk Vakfı",
}

// UnicodePartnership returns the Essex partnership with the Unicode names
// given to the first relevant agencies, the first funding lines and the
// joint-working name.
func UnicodePartnership() *masa.Partnership {
	p := masa.Essex()
	for i, name := range Unicode {
		org := p.RelevantAgencies[i].Org
		for k := range p.Organisations {
			if p.Organisations[k].ID == org {
				p.Organisations[k].Name = name
			}
		}
		p.Funding.Lines[i].Label = name
	}
	p.JointWorking.Name = Unicode[0]
	return p
}
