package plan_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/masa-go/masa/internal/golden"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/internal/plantest"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden compares got with the golden file name, or rewrites it with
// -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), got)
}

func essex(t testing.TB) *plan.Document {
	t.Helper()
	d, err := plan.Build(masa.Essex())
	require.NoError(t, err)
	return d
}

func TestEssexGolden(t *testing.T) {
	assertGolden(t, "essex-2020-21.txt", []byte(plainText(essex(t))))
}

func TestEssexStructure(t *testing.T) {
	d := essex(t)
	var ids, titles []string
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
		titles = append(titles, s.Heading())
	}
	assert.Equal(t, []string{"introduction", "arrangements", "vision", "structure", "relevant-agencies", "reviews",
		"training", "scrutiny", "voice", "dispute-resolution", "funding"}, ids)
	assert.Equal(t, []string{
		"1. Introduction and background",
		"2. Safeguarding arrangements and statutory partners",
		"3. Vision and values",
		"4. Structure",
		"5. Relevant agencies",
		"6. Practice reviews and learning",
		"7. Multi-agency training",
		"8. Independent scrutiny",
		"9. Voice of children and families",
		"10. Dispute resolution and escalation",
		"11. Funding and business support",
	}, titles)
	require.Len(t, d.Appendix, 2)
	assert.Equal(t, "Appendix A: Designated relevant agencies", d.Appendix[0].Heading())
	assert.Equal(t, "Appendix B: Lead areas of the statutory partners", d.Appendix[1].Heading())
	assert.Nil(t, d.Foreword)
	require.NotNil(t, d.Contact)
	assert.Equal(t, "2nd publication: 29 June 2020", d.Contact.Edition)

	assert.Equal(t, "Essex Safeguarding Children Board", d.Cover.Partnership)
	assert.Equal(t, "Multi-Agency Safeguarding Arrangements 2020-21", d.Cover.Title)
	assert.Equal(t, "Published 29 June 2020", d.Cover.Status)
	assert.Equal(t, "en-GB", d.Meta.Language)
	assert.Equal(t, vocab.MustDate("2020-06-29"), d.Meta.Date)
	assert.False(t, d.Meta.Draft)
}

// table returns the table with the given ID.
func table(t *testing.T, d *plan.Document, id string) *plan.Table {
	t.Helper()
	for _, s := range append(slices.Clone(d.Sections), d.Appendix...) {
		for _, b := range s.Blocks {
			if tb, ok := b.(*plan.Table); ok && tb.ID == id {
				return tb
			}
		}
	}
	t.Fatalf("no table %q", id)
	return nil
}

func TestEssexFundingTable(t *testing.T) {
	tb := table(t, essex(t), "funding-contributions")
	want := [][]string{
		{"Essex County Council", "£240,205"},
		{"Essex Police, Fire and Crime Commissioner", "£66,426"},
		{"NHS North East Essex CCG", "£15,633"},
		{"NHS Mid Essex CCG", "£14,555"},
		{"City, District and Borough Councils (12 at £1,210 each)", "£14,520"},
		{"NHS West Essex CCG", "£11,440"},
		{"NHS Basildon & Brentwood CCG", "£11,321"},
		{"NHS Castle Point & Rochford CCG", "£6,948"},
		{"Community Rehabilitation Company", "£5,082"},
		{"National Probation Service", "£2,415"},
		{"CAFCASS", "£550"},
	}
	assert.Equal(t, want, tb.Rows)
	assert.Equal(t, []string{"Total", "£389,095"}, tb.Total)
	assert.Equal(t, plan.AlignRight, tb.Columns[1].Align)
}

func TestEssexAgenciesAndLeadAreas(t *testing.T) {
	p := masa.Essex()
	d := essex(t)
	agencies := table(t, d, "designated-agencies")
	require.Len(t, agencies.Rows, 35)
	for i, ra := range p.RelevantAgencies {
		assert.Contains(t, agencies.Rows[i][0], orgName(p, ra.Org))
	}
	leads := table(t, d, "lead-areas")
	require.Len(t, leads.Rows, 4)
	for i, la := range p.LeadAreas {
		assert.Equal(t, fmt.Sprintf("%d. %s", i+1, la.Name), leads.Rows[i][0])
	}
	assert.Equal(t, []string{"2. Ratifying the decisions of the Child Safeguarding Practice Review sub-committee", "Essex Police", "Assistant Chief Constable", "Fixed; may rotate yearly"}, leads.Rows[1])
	assert.Equal(t, "Five clinical commissioning groups", leads.Rows[0][1])
}

func orgName(p *masa.Partnership, id vocab.ID) string {
	for _, o := range p.Organisations {
		if o.ID == id {
			return o.Name
		}
	}
	return ""
}

// anchors returns every anchor the document defines, as the HTML renderer
// uses them.
func anchors(d *plan.Document) []string {
	var out []string
	add := func(s *plan.Section) {
		out = append(out, s.ID, s.ID+"-heading")
		for _, b := range s.Blocks {
			switch v := b.(type) {
			case *plan.Subheading:
				out = append(out, v.ID)
			case *plan.Table:
				out = append(out, v.ID)
			case *plan.BarChart:
				out = append(out, v.ID)
			}
		}
	}
	for s := range d.Parts() {
		add(s)
	}
	return append(out, "contact", "contact-heading", "contents-heading", "main")
}

func TestAnchorsAreUnique(t *testing.T) {
	for name, p := range map[string]*masa.Partnership{"essex": masa.Essex(), "stress": plantest.Stress(40, 20), "foreword": withTexts(map[string]string{"foreword": "A word first."})} {
		d, err := plan.Build(p)
		require.NoError(t, err, name)
		seen := map[string]bool{}
		for _, a := range anchors(d) {
			assert.False(t, seen[a], "%s: anchor %q is used twice", name, a)
			assert.NotEmpty(t, a)
			seen[a] = true
		}
	}
}

func withTexts(texts map[string]string) *masa.Partnership {
	p := masa.Essex()
	p.Texts = texts
	return p
}

func TestTextsOverride(t *testing.T) {
	p := withTexts(map[string]string{
		"introduction": "Our own opening.\nIt runs over two lines.\n\nA second paragraph.",
		"funding":      "The partners fund the unit together.",
		"foreword":     "Thanks to everyone.\n\n  \nStay safe.",
	})
	d, err := plan.Build(p)
	require.NoError(t, err)

	intro := d.Sections[0]
	require.IsType(t, &plan.Paragraph{}, intro.Blocks[0])
	assert.Equal(t, "Our own opening. It runs over two lines.", intro.Blocks[0].(*plan.Paragraph).Text())
	assert.Equal(t, "A second paragraph.", intro.Blocks[1].(*plan.Paragraph).Text())
	// The generated facts that follow the opening prose stay.
	require.IsType(t, &plan.List{}, intro.Blocks[2])
	assert.Contains(t, intro.Blocks[2].(*plan.List).Items, "Essex Police")

	funding := d.Sections[10]
	assert.Equal(t, "The partners fund the unit together.", funding.Blocks[0].(*plan.Paragraph).Text())
	assert.Equal(t, "£389,095", table(t, d, "funding-contributions").Total[1])

	require.NotNil(t, d.Foreword)
	assert.Equal(t, "Foreword", d.Foreword.Heading())
	assert.Len(t, d.Foreword.Blocks, 2)
	assert.Equal(t, "Foreword", d.Headings()[0])

	// A section without opening prose keeps its facts and gains the text.
	d2, err := plan.Build(withTexts(map[string]string{"vision": "Our vision, in our words."}))
	require.NoError(t, err)
	assert.Equal(t, "Our vision, in our words.", d2.Sections[2].Blocks[0].(*plan.Paragraph).Text())
	assert.IsType(t, &plan.List{}, d2.Sections[2].Blocks[len(d2.Sections[2].Blocks)-1])
}

func TestTextsProblems(t *testing.T) {
	_, err := plan.Build(withTexts(map[string]string{"introdution": "typo", "voice": " \n\t ", "vision": "fine"}))
	require.Error(t, err)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	ps := vocab.AsProblems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, "texts.introdution", ps[0].Field)
	assert.Equal(t, "introdution", ps[0].Value)
	assert.Equal(t, "texts.voice", ps[1].Field)
	assert.Equal(t, "required", ps[1].Rule)
}

func TestReferenceProblems(t *testing.T) {
	p := masa.Essex()
	p.RelevantAgencies[3].Org = "no-such-agency"
	p.Reviews.RatificationLeadArea = "no-such-area"
	p.Funding.Lines[2].Label = ""
	p.Funding.Lines[2].Org = "no-such-funder"
	p.Training.SubCommittee = "no-such-committee"
	_, err := plan.Build(p)
	require.Error(t, err)
	ps := vocab.AsProblems(err)
	assert.Equal(t, []string{"reviews.ratificationLeadArea", "training.subCommittee", "funding.lines[2].org", "relevantAgencies[3].org"}, ps.Fields())
	for _, e := range ps {
		assert.ErrorIs(t, e, vocab.ErrNotFound, e.Error())
	}
}

func TestLeadAreaConflictIsReported(t *testing.T) {
	p := masa.Essex()
	p.LeadAreas[0].Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: []vocab.Role{vocab.Police, vocab.Health}, Start: vocab.MustDate("2020-04-01")}
	_, err := plan.Build(p)
	require.Error(t, err)
	assert.ErrorIs(t, err, vocab.ErrConflict)
	ps := vocab.AsProblems(err)
	require.Len(t, ps, 1, "the conflict is reported once")
	assert.Equal(t, "leadAreas[0].rotation", ps[0].Field)
}

func TestNilPartnership(t *testing.T) {
	_, err := plan.Build(nil)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
}

func TestBuildDoesNotChangeThePartnership(t *testing.T) {
	p := plantest.HostilePartnership()
	before, err := masa.Encode(p)
	require.NoError(t, err)
	_, err = plan.Build(p)
	require.NoError(t, err)
	after, err := masa.Encode(p)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
}

func TestMissingOptionalParts(t *testing.T) {
	p := masa.Essex()
	p.Funding, p.Contact, p.Reviews, p.Training, p.Scrutiny, p.Voice = nil, nil, nil, nil, nil, nil
	p.Threshold, p.Assembly, p.JointWorking = nil, nil, nil
	p.Vision, p.Values = "", nil
	p.Escalation = nil
	d, err := plan.Build(p)
	require.NoError(t, err)
	assert.Len(t, d.Sections, 11, "every section is present even when the model has nothing for it")
	assert.Nil(t, d.Contact)
	assert.Contains(t, plainText(d), "No funding table has been published for this edition.")
}

func TestOtherPartnerships(t *testing.T) {
	p, err := masa.Load("../masa/testdata/riverside.json")
	require.NoError(t, err)
	d, err := plan.Build(p)
	require.NoError(t, err)
	assert.Equal(t, "Multi-Agency Safeguarding Arrangements 2024-25", d.Cover.Title)
	assertGolden(t, "riverside.txt", []byte(plainText(d)))
}

func TestDisplayText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain £1,210 “quoted” – Łódź", "plain £1,210 “quoted” – Łódź"},
		{"tab\tnew\nline\r\nend", "tab new line  end"},
		{"nul\x00bell\x07", "nul\uFFFDbell\uFFFD"},
		{"bidi\u202eoverride", "bidi\uFFFDoverride"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{"emoji \U0001F600 stays", "emoji \U0001F600 stays"},
		{"<b>markup</b> stays text", "<b>markup</b> stays text"},
		{"non-char \uFFFE", "non-char \uFFFD"},
		{"sep\u2028para\u2029", "sep para "},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, plan.DisplayText(tt.in), "%q", tt.in)
	}
}

// checkDocument asserts the invariants every built document keeps.
func checkDocument(t *testing.T, p *masa.Partnership, d *plan.Document) {
	t.Helper()
	require.Len(t, d.Sections, 11)
	require.Len(t, d.Appendix, 2)
	for _, s := range append(slices.Clone(d.Sections), d.Appendix...) {
		for _, b := range s.Blocks {
			switch v := b.(type) {
			case *plan.Table:
				for _, row := range v.Rows {
					require.Len(t, row, len(v.Columns), "table %s", v.ID)
				}
				if v.Total != nil {
					require.Len(t, v.Total, len(v.Columns), "table %s", v.ID)
				}
			case *plan.BarChart:
				for i := range v.Bars {
					sh := v.Share(i)
					require.True(t, sh >= 0 && sh <= 1, "share %v", sh)
				}
			}
		}
	}
	if p.Funding != nil {
		tb := table(t, d, "funding-contributions")
		require.Len(t, tb.Rows, len(p.Funding.Lines))
		sum := decimal.Zero
		for _, l := range p.Funding.Lines {
			sum = sum.Add(l.Amount)
		}
		places := int32(0)
		if strings.Contains(tb.Total[1], ".") {
			places = 2
		}
		require.Equal(t, vocab.FormatPounds(sum, places), tb.Total[1])
	}
	require.Len(t, table(t, d, "designated-agencies").Rows, len(p.RelevantAgencies))
}

// TestPropertyRandomPartnerships builds documents for many generated
// partnerships and checks the invariants: eleven sections, rows as wide as
// their tables, a total equal to the sum of the lines, and shares between
// 0 and 1.
func TestPropertyRandomPartnerships(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2020))
	alphabet := []rune("abc XYZ&<>()\\\"'’–£Łж\u202e\x00\n")
	word := func() string {
		n := 1 + rng.IntN(12)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(rs)
	}
	for i := range 300 {
		p := plantest.Stress(rng.IntN(60), 1+rng.IntN(30))
		for k := range p.Organisations {
			if rng.IntN(4) == 0 {
				p.Organisations[k].Name = word()
			}
		}
		for k := range p.Funding.Lines {
			cents := rng.Int64N(10_000_000) - 1_000
			p.Funding.Lines[k].Amount = decimal.New(cents, -int32(rng.IntN(3)))
			if rng.IntN(3) == 0 {
				p.Funding.Lines[k].Label = word()
			}
		}
		d, err := plan.Build(p)
		require.NoError(t, err, "case %d", i)
		checkDocument(t, p, d)
	}
}

func TestPlanDoesNotImportRenderers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not available")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	require.NoError(t, err)
	for _, dep := range strings.Fields(string(out)) {
		assert.False(t, strings.Contains(dep, "gofpdf") || strings.HasSuffix(dep, "/plan/pdf") || strings.HasSuffix(dep, "/plan/html"),
			"plan imports %s", dep)
	}
}

// FuzzBuild: a small seed (../masa/testdata/small.json, 1 KB). Property:
// building is deterministic (the same text twice).
func FuzzBuild(f *testing.F) {
	data, err := os.ReadFile("../masa/testdata/small.json")
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"id":"x","name":"<b>","arrangements":{"title":"T","year":"2020/21","published":"2020-06-29"},"organisations":[{"id":"a","name":"A"}],"texts":{"intro":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := masa.Parse(data)
		if err != nil {
			return
		}
		d, err := plan.Build(p)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("Build error does not match vocab.ErrInvalid: %v", err)
			}
			return
		}
		if len(d.Sections) != 11 || len(d.Appendix) != 2 {
			t.Fatalf("got %d sections and %d appendix parts", len(d.Sections), len(d.Appendix))
		}
		d2, err := plan.Build(p)
		if err != nil || plainText(d) != plainText(d2) {
			t.Fatalf("building is not deterministic (%v)", err)
		}
	})
}

func FuzzDisplayText(f *testing.F) {
	for _, s := range []string{"", "plain", plantest.Hostile, "\xff\xfe", "a\u202eb", "\U0001F600"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := plan.DisplayText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("DisplayText(%q) = %q is not valid UTF-8", s, got)
		}
		for _, r := range got {
			if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' {
				t.Fatalf("DisplayText(%q) = %q keeps %U", s, got, r)
			}
		}
		if again := plan.DisplayText(got); again != got {
			t.Fatalf("DisplayText is not idempotent on %q", s)
		}
	})
}

func TestParts(t *testing.T) {
	d, err := plan.Build(withTexts(map[string]string{"foreword": "A word first."}))
	require.NoError(t, err)
	require.NotNil(t, d.Foreword)
	var got []*plan.Section
	for s := range d.Parts() {
		got = append(got, s)
	}
	require.Len(t, got, 1+len(d.Sections)+len(d.Appendix))
	assert.Same(t, d.Foreword, got[0])
	assert.Same(t, &d.Sections[0], got[1])
	assert.Same(t, &d.Appendix[len(d.Appendix)-1], got[len(got)-1])

	n := 0
	for range d.Parts() {
		if n++; n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n, "stopping early stops the sequence")

	d, err = plan.Build(masa.Essex())
	require.NoError(t, err)
	require.Nil(t, d.Foreword)
	for s := range d.Parts() {
		assert.Same(t, &d.Sections[0], s, "without a foreword the first section comes first")
		break
	}
}
