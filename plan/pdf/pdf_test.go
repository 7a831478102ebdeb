package pdf_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/internal/plantest"
	"github.com/masa-go/masa/plan/pdf"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func render(t testing.TB, p *masa.Partnership) (*plan.Document, []byte) {
	t.Helper()
	d, err := plan.Build(p)
	require.NoError(t, err)
	data, err := pdf.Bytes(d)
	require.NoError(t, err)
	return d, data
}

func TestEssexGolden(t *testing.T) {
	_, data := render(t, masa.Essex())
	// After an intended change, -update rewrites the golden file: look at
	// the pages (pdftoppm) before committing it.
	golden.Assert(t, filepath.Join("testdata", "essex-2020-21.pdf"), data)
}

func TestSameDocumentSameBytes(t *testing.T) {
	d, first := render(t, masa.Essex())
	again, err := pdf.Bytes(d)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(first, again), "rendering the same document twice gives different bytes")
	_, rebuilt := render(t, masa.Essex())
	assert.True(t, bytes.Equal(first, rebuilt), "rebuilding the document gives different bytes")
	assert.NotContains(t, string(first), "/ID", "no random file identifier")
}

func TestEssexText(t *testing.T) {
	p := masa.Essex()
	d, data := render(t, p)
	text := strings.Join(pages(t, data), "\n")
	all := map[string]bool{}
	for _, l := range lines(text) {
		all[l] = true
	}
	body := flat(text)

	// Every contributor with its amount on one row, and the total.
	for _, row := range [][2]string{
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
		{"Total", "£389,095"},
	} {
		assert.True(t, all[row[0]+" "+row[1]], "no table row %q %q", row[0], row[1])
	}

	// Every relevant agency, every lead area, every heading.
	require.Len(t, p.RelevantAgencies, 35)
	for _, ra := range p.RelevantAgencies {
		for _, o := range p.Organisations {
			if o.ID == ra.Org {
				assert.Contains(t, body, o.Name)
			}
		}
	}
	for _, la := range p.LeadAreas {
		assert.Contains(t, body, la.Name)
	}
	for _, h := range d.Headings() {
		assert.True(t, all[h], "no heading line %q", h)
	}
	for _, s := range []string{"Website http://www.escb.co.uk", "Email escb@essex.gov.uk", "Telephone 0333 013 8936", "2nd publication: 29 June 2020",
		"“Multi-agency child safeguarding arrangements in Essex are of the highest quality"} {
		assert.Contains(t, body, s)
	}
}

func TestOutline(t *testing.T) {
	d, data := render(t, masa.Essex())
	want := []bookmark{{0, "Contents"}}
	add := func(s *plan.Section) {
		want = append(want, bookmark{0, s.Heading()})
		for _, b := range s.Blocks {
			if h, ok := b.(*plan.Subheading); ok {
				want = append(want, bookmark{1, h.Text})
			}
		}
	}
	for i := range d.Sections {
		add(&d.Sections[i])
	}
	for i := range d.Appendix {
		add(&d.Appendix[i])
	}
	want = append(want, bookmark{0, "Contact"})
	assert.Equal(t, want, outline(t, data))
}

var contentsLine = regexp.MustCompile(`^(.*?) \.{3,} (\d+)$`)

func TestContentsPageNumbersAndLinks(t *testing.T) {
	d, data := render(t, masa.Essex())
	ps := pages(t, data)
	require.Contains(t, ps[1], "Contents")
	var titles []string
	for _, l := range lines(ps[1]) {
		m := contentsLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		titles = append(titles, m[1])
		n, err := strconv.Atoi(m[2])
		require.NoError(t, err)
		require.True(t, n >= 3 && n <= len(ps), "%q points at page %d", m[1], n)
		assert.Contains(t, lines(ps[n-1]), m[1], "the contents say %q is on page %d", m[1], n)
	}
	var want []string
	for _, s := range append(append([]plan.Section{}, d.Sections...), d.Appendix...) {
		want = append(want, s.Heading())
	}
	assert.Equal(t, append(want, "Contact"), titles)
	// One internal link per entry, on the contents page.
	assert.Equal(t, len(titles), strings.Count(string(data), "/Subtype /Link /Rect")-2, "two links are the contact block's web and mail links")
}

func TestPagesFootersAndMetadata(t *testing.T) {
	_, data := render(t, masa.Essex())
	in := info(t, data)
	assert.Equal(t, "Essex Safeguarding Children Board: Multi-Agency Safeguarding Arrangements 2020-21", in["Title"])
	assert.Equal(t, "Essex Safeguarding Children Board", in["Author"])
	assert.Contains(t, in["Subject"], "safeguarding partners in Essex")
	assert.Equal(t, "safeguarding, children, multi-agency safeguarding arrangements, Essex, 2020-21, ESCB", in["Keywords"])
	assert.Equal(t, "Mon Jun 29 00:00:00 2020 UTC", in["CreationDate"])
	assert.Equal(t, in["CreationDate"], in["ModDate"])
	assert.Equal(t, "14", in["Pages"])
	assert.LessOrEqual(t, len(data), 150_000, "the Essex plan should stay under 150 KB")

	ps := pages(t, data)
	require.Len(t, ps, 14)
	assert.NotContains(t, ps[0], "Page 1 of", "the cover has no footer")
	for i := 1; i < len(ps); i++ {
		assert.Contains(t, ps[i], fmt.Sprintf("Page %d of %d", i+1, len(ps)))
	}
}

func TestUnicodeNames(t *testing.T) {
	_, data := render(t, plantest.UnicodePartnership())
	body := flat(strings.Join(pages(t, data), "\n"))
	for _, name := range plantest.Unicode {
		assert.Contains(t, body, name)
	}
	assert.Contains(t, body, "£389,095")
	var titles []string
	for _, b := range outline(t, data) {
		titles = append(titles, b.Title)
	}
	assert.Contains(t, titles, "Joint work across "+plantest.Unicode[0], "bookmark titles keep characters beyond Latin-1")
	assert.NotContains(t, body, "\uFFFD", "every character has a glyph")
}

func TestHostileNamesDoNotBreakThePDF(t *testing.T) {
	d, data := render(t, plantest.HostilePartnership())
	require.True(t, bytes.HasPrefix(data, []byte("%PDF-1.")))
	require.True(t, bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")))
	in := info(t, data)
	assert.Contains(t, in["Author"], `Board <script>alert("x")</script> & (unbalanced \ paren)`)
	body := flat(strings.Join(pages(t, data), "\n"))
	assert.Contains(t, body, `Agency <script>alert("x")</script> & (unbalanced \ paren)`)
	assert.Contains(t, body, "Intro <img src=x onerror=alert(1)>")
	assert.Contains(t, body, "\uFFFD end", "characters the file cannot carry are shown as U+FFFD")
	var titles []string
	for _, b := range outline(t, data) {
		titles = append(titles, b.Title)
	}
	assert.Contains(t, titles, "Joint work across Joint "+pdfSafe(plantest.Hostile))
	assert.Len(t, titles, len(d.Headings())+1)
	// Poppler can draw every page.
	need(t, "pdftoppm")
	run(t, "pdftoppm", "-r", "20", "-png", writeTemp(t, data), filepath.Join(t.TempDir(), "page"))
}

// pdfSafe is Hostile as the PDF shows it.
func pdfSafe(s string) string {
	var b strings.Builder
	for _, r := range plan.DisplayText(s) {
		if r > 0xFFFF {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestStressPaginatesWithRepeatedHeaders(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a long document")
	}
	p := plantest.Stress(500, 200)
	d, data := render(t, p)
	ps := pages(t, data)
	require.Equal(t, pageCount(t, data), len(ps))
	require.Greater(t, len(ps), 25)
	body := flat(strings.Join(ps, "\n"))

	// Every agency and every contributor is there, and the total.
	for _, ra := range p.RelevantAgencies {
		for _, o := range p.Organisations {
			if o.ID == ra.Org {
				require.Contains(t, body, o.Name)
			}
		}
	}
	tb := findTable(t, d, "funding-contributions")
	for _, row := range tb.Rows {
		require.Contains(t, body, row[0]+" "+row[1])
	}
	assert.Contains(t, body, "Total "+tb.Total[1])

	// Each page a long table runs over starts with its header row.
	checkHeaders := func(firstRow, lastRow, header string) int {
		first, last := -1, -1
		for i, pg := range ps {
			if strings.Contains(flat(pg), firstRow) && first < 0 {
				first = i
			}
			if strings.Contains(flat(pg), lastRow) {
				last = i
			}
		}
		require.True(t, first >= 0 && last > first, "the table %q should span pages", header)
		for i := first; i <= last; i++ {
			assert.Contains(t, lines(ps[i]), header, "page %d lacks the repeated header", i+1)
		}
		return last - first + 1
	}
	agencies := findTable(t, d, "designated-agencies")
	n := checkHeaders(agencies.Rows[0][0], agencies.Rows[len(agencies.Rows)-1][0], "Relevant agency Sector Takes part in")
	assert.GreaterOrEqual(t, n, 10)
	checkHeaders(tb.Rows[0][0]+" "+tb.Rows[0][1], "Total "+tb.Total[1], "Contributing partner Amount")
	assert.Contains(t, body, "compared (continued)", "the long bar chart continues on the next page")
}

func findTable(t *testing.T, d *plan.Document, id string) *plan.Table {
	t.Helper()
	for _, s := range append(append([]plan.Section{}, d.Sections...), d.Appendix...) {
		for _, b := range s.Blocks {
			if tb, ok := b.(*plan.Table); ok && tb.ID == id {
				return tb
			}
		}
	}
	t.Fatalf("no table %q", id)
	return nil
}

func TestRowTallerThanAPageIsSplit(t *testing.T) {
	p := masa.Essex()
	words := make([]string, 900)
	for i := range words {
		words[i] = fmt.Sprintf("w%03d", i)
	}
	p.Organisations[1].Name = strings.Join(words, " ")
	p.Organisations[2].Name = strings.Repeat("Unbroken", 60)
	_, data := render(t, p)
	body := flat(strings.Join(pages(t, data), "\n"))
	assert.Contains(t, body, "w000 w001")
	assert.Contains(t, body, "w898 w899")
	assert.Contains(t, strings.ReplaceAll(body, " ", ""), strings.Repeat("Unbroken", 60))
}

func TestNoDocument(t *testing.T) {
	_, err := pdf.Bytes(nil)
	assert.Error(t, err)
}

func TestUndatedDocumentIsStillReproducible(t *testing.T) {
	d, _ := render(t, masa.Essex())
	d.Meta.Date = vocab.Date{}
	a, err := pdf.Bytes(d)
	require.NoError(t, err)
	b, err := pdf.Bytes(d)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(a, b))
}

func FuzzRender(f *testing.F) {
	f.Add("Essex County Council", "")
	f.Add(plantest.Hostile, plantest.Hostile)
	f.Add(strings.Join(plantest.Unicode, " "), "Our own words.\n\nA second paragraph.")
	f.Add(strings.Repeat("(", 300), strings.Repeat("\\", 50))
	f.Fuzz(func(t *testing.T, name, text string) {
		p := fuzzBase(t)
		p.Organisations[1].Name = name
		p.Funding.Lines[1].Label = name
		if strings.TrimSpace(text) != "" {
			p.Texts = map[string]string{"voice": text}
		}
		d, err := plan.Build(p)
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		data, err := pdf.Bytes(d)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.HasPrefix(data, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
			t.Fatalf("not a complete PDF")
		}
		// Size bound: the Essex plan is 69 KB; fuzzed names and text add
		// little more than their own size.
		if limit := 200<<10 + 64*(len(name)+len(text)); len(data) > limit {
			t.Fatalf("PDF of %d bytes for %d bytes of input", len(data), len(name)+len(text))
		}
	})
}

func TestDraftIsMarkedOnEveryPage(t *testing.T) {
	s := funding.EssexScenario()
	s.Name = "A budget of £400,000"
	s.Year = 0
	s.Changes = []funding.Change{{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")}}
	d, err := plan.Draft(masa.Essex(), s, vocab.MustDate("2021-02-01"))
	require.NoError(t, err)
	data, err := pdf.Bytes(d)
	require.NoError(t, err)
	in := info(t, data)
	assert.Equal(t, "Mon Feb  1 00:00:00 2021 UTC", in["CreationDate"])
	assert.Contains(t, in["Title"], "2021-22")
	ps := pages(t, data)
	assert.Contains(t, ps[0], "Draft prepared 1 February 2021")
	for i, pg := range ps {
		assert.Contains(t, pg, "DRAFT: NOT YET PUBLISHED", "page %d", i+1)
	}
	body := flat(strings.Join(ps, "\n"))
	assert.Contains(t, body, "Essex County Council £240,205 £247,198")
	assert.Contains(t, body, "Total £389,095 £400,000")
	assert.Contains(t, body, "Raise the total budget from £389,095 to £400,000 for 2021/22.")
}

func TestSparseAndLongPartnership(t *testing.T) {
	p := masa.Essex()
	p.Name = strings.Repeat("Very Long Safeguarding Partnership Name ", 6) + "Board"
	p.Arrangements.Title = "Multi-Agency Safeguarding Arrangements and Everything Else the Partners Agreed"
	p.Funding, p.Contact, p.Reviews, p.Training, p.Scrutiny, p.Voice = nil, nil, nil, nil, nil, nil
	p.RelevantAgencies, p.LeadAreas, p.Escalation, p.SubCommittees, p.LocalGroups = nil, nil, nil, nil, nil
	p.Reviews = nil
	d, data := render(t, p)
	ps := pages(t, data)
	assert.Contains(t, flat(ps[0]), strings.ToUpper(p.Name))
	assert.Contains(t, flat(ps[0]), p.Arrangements.Title+" 2020-21")
	assert.Len(t, outline(t, data), len(d.Headings())+1)
	assert.NotContains(t, ps[1], "Contact", "no contact block, no contents entry")
	body := flat(strings.Join(ps, "\n"))
	assert.Contains(t, body, "No funding table has been published for this edition.")
}

// TestLongNameIsCheap is the regression test for bug 1 of issue 13: the
// footer's shortening of a long partnership name dropped one character at
// a time and re-measured, so an 8,000-character name took seconds and
// gigabytes. Memory, not time, is asserted: it grew with the square of the
// name's length.
func TestLongNameIsCheap(t *testing.T) {
	alloc := func(n int) uint64 {
		p := masa.Essex()
		p.Name = strings.Repeat("x", n)
		d, err := plan.Build(p)
		require.NoError(t, err)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		require.NoError(t, pdf.Render(io.Discard, d))
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	short, long := alloc(100), alloc(20000)
	t.Logf("allocated %d bytes for a 100-character name, %d for 20,000", short, long)
	assert.Less(t, long, short+48<<20, "a 20,000-character name costs little more than a short one")
}

// TestFontsEmbeddedAndSubset reads the font list back with pdffonts: both
// Go faces are embedded, subset and have a Unicode map.
func TestFontsEmbeddedAndSubset(t *testing.T) {
	need(t, "pdffonts")
	_, data := render(t, masa.Essex())
	out := run(t, "pdffonts", writeTemp(t, data))
	rows := lines(out)[2:]
	require.Len(t, rows, 2, out)
	for _, row := range rows {
		f := strings.Fields(row)
		require.GreaterOrEqual(t, len(f), 7, row)
		assert.Regexp(t, `^[A-Z]{6}\+Go`, f[0])
		assert.Equal(t, []string{"yes", "yes", "yes"}, f[len(f)-5:len(f)-2], "emb sub uni: %s", row)
	}
}

// fuzzBase is the partnership the render fuzzers change: the 1 KB
// masa/testdata/small.json, which renders in a fraction of the Essex
// plan's time, so that the fuzzer tries many more inputs a second.
func fuzzBase(t *testing.T) *masa.Partnership {
	data, err := os.ReadFile("../../masa/testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := masa.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
