package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"github.com/masa-go/masa/document"
)

// Page geometry, in millimetres, and type sizes, in points.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 20.0
	marginR  = 20.0
	marginT  = 22.0
	marginB  = 22.0
	textW    = pageW - marginL - marginR
	bodySize = 10.5
	bodyLH   = 5.3
	smallLH  = 4.4
	cellPadX = 1.8
	cellPadY = 1.3
	eps      = 1e-6
)

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	accent   = rgb{0x1b, 0x4f, 0x8a}
	ink      = rgb{0x1f, 0x23, 0x28}
	muted    = rgb{0x55, 0x5b, 0x66}
	rule     = rgb{0xb8, 0xc2, 0xcf}
	shade    = rgb{0xee, 0xf2, 0xf7}
	white    = rgb{0xff, 0xff, 0xff}
	linkBlue = rgb{0x0b, 0x4f, 0xa8}
	draftRed = rgb{0xa8, 0x1c, 0x1c}
)

// epoch is the creation date used when a document has no date, so that
// output stays reproducible.
var epoch = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// Render writes d to w as a PDF.
//
// The document is A4 with the Go fonts embedded (subset to the characters
// used), an outline with a bookmark for every section, subheading and
// appendix part, a contents page whose entries link to their sections,
// "Page X of Y" footers and the document's metadata (title, author,
// subject and keywords). Tables that run over a page
// repeat their header row. Output depends only on d: the creation and
// modification dates are d.Meta.Date, the catalogue is sorted and no
// random identifiers are written, so the same document always gives the
// same bytes.
//
// Every string passes through document.DisplayText, and characters the fonts
// cannot draw become U+FFFD, so no name can break the file.
func Render(w io.Writer, d *document.Document) error {
	if d == nil {
		return errors.New("document/pdf: no document")
	}
	r := newRenderer(d)
	r.build()
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("document/pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := r.f.Output(&buf); err != nil {
		return fmt.Errorf("document/pdf: %w", err)
	}
	if _, err := w.Write(nameSubsets(buf.Bytes())); err != nil {
		return fmt.Errorf("document/pdf: %w", err)
	}
	return nil
}

// Bytes returns d as a PDF.
func Bytes(d *document.Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// entry is one line of the contents page.
type entry struct {
	title string
	page  int
	link  int
}

// renderer lays out one document.
type renderer struct {
	f *gofpdf.Fpdf
	d *document.Document

	cur    fontKey
	spaces map[fontKey]float64

	entries       []entry
	anchors       map[string]int // gofpdf link of each cross-referenced anchor
	tables        map[*document.Table]tableLayout
	contentsPages []int
	contentsTop   float64
	perPage       int
}

func newRenderer(d *document.Document) *renderer {
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	created := epoch
	if !d.Meta.Date.IsZero() && d.Meta.Date.Valid() {
		created = d.Meta.Date.Time()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	for _, ft := range fonts {
		f.AddUTF8FontFromBytes(ft.key, "", ft.ttf)
	}
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(true, marginB)
	f.SetCellMargin(0)
	f.SetTitle(text(d.Meta.Title), true)
	f.SetAuthor(text(d.Meta.Author), true)
	f.SetSubject(text(d.Meta.Subject), true)
	f.SetKeywords(text(strings.Join(d.Meta.Keywords, ", ")), true)
	f.SetCreator("masa plan/pdf", true)
	f.SetDisplayMode("fullwidth", "OneColumn")
	r := &renderer{f: f, d: d, spaces: map[fontKey]float64{}, anchors: map[string]int{}, tables: map[*document.Table]tableLayout{}}
	// Make a link for every anchor some span refers to, so a reference can
	// be drawn before its target is laid out. Only referenced anchors get
	// one, so a document without references has no link objects for them.
	known := map[string]bool{}
	for _, id := range d.Anchors() {
		known[id] = true
	}
	for s := range d.Parts() {
		for _, b := range s.Blocks {
			for _, sp := range spansOf(b) {
				if sp.Ref != "" && known[sp.Ref] && r.anchors[sp.Ref] == 0 {
					r.anchors[sp.Ref] = f.AddLink()
				}
			}
		}
	}
	return r
}

// spansOf returns the spans of a block that has running text.
func spansOf(b document.Block) []document.Span {
	switch v := b.(type) {
	case *document.Paragraph:
		return v.Spans
	case *document.Note:
		return v.Spans
	}
	return nil
}

// anchor marks the current position as the target of references to id.
func (r *renderer) anchor(id string) {
	if l, ok := r.anchors[id]; ok && id != "" {
		r.f.SetLink(l, r.f.GetY(), r.f.PageNo())
	}
}

// build lays out the whole document.
func (r *renderer) build() {
	d := r.d
	r.cover()
	if d.Foreword != nil {
		r.f.AddPage()
		r.section(d.Foreword, false)
	}
	r.reserveContents()
	r.f.AddPage()
	for i := range d.Sections {
		r.section(&d.Sections[i], true)
	}
	// The appendix follows on rather than starting a page of its own,
	// which left the page before it holding only the funding chart.
	for i := range d.Appendix {
		r.section(&d.Appendix[i], true)
	}
	if d.Contact != nil {
		r.contact(d.Contact)
	}
	last := r.f.PageCount()
	r.f.SetAutoPageBreak(false, 0)
	r.fillContents()
	for p := 2; p <= last; p++ {
		r.setPage(p)
		r.furniture(p, last)
	}
	r.f.SetPage(last)
}

// fontKey identifies a face at a size.
type fontKey struct {
	style string
	size  float64
}

// font selects the Go font in style at size, in colour c. gofpdf writes a
// font change into the page every time one is asked for, so the renderer
// remembers the current face and only asks when it changes.
func (r *renderer) font(style string, size float64, c rgb) {
	if k := (fontKey{style, size}); k != r.cur {
		fam, st := familyOf(style)
		r.f.SetFont(fam, st, size)
		r.cur = k
	}
	r.f.SetTextColor(c.r, c.g, c.b)
}

// setPage moves to page p, where the face in use is unknown.
func (r *renderer) setPage(p int) {
	r.f.SetPage(p)
	r.cur = fontKey{}
}

// spaceWidth returns the width of a space in style at size.
func (r *renderer) spaceWidth(style string, size float64) float64 {
	k := fontKey{style, size}
	if w, ok := r.spaces[k]; ok {
		return w
	}
	r.font(style, size, ink)
	w := r.f.GetStringWidth(" ")
	r.spaces[k] = w
	return w
}

// fill sets the fill colour.
func (r *renderer) fill(c rgb) { r.f.SetFillColor(c.r, c.g, c.b) }

// draw sets the line colour and width.
func (r *renderer) draw(c rgb, width float64) {
	r.f.SetDrawColor(c.r, c.g, c.b)
	r.f.SetLineWidth(width)
}

// trigger is the lowest y at which content may end on a page.
func (r *renderer) trigger() float64 { return pageH - marginB }

// keep starts a new page unless h millimetres are left on this one.
func (r *renderer) keep(h float64) {
	if r.f.GetY()+h > r.trigger()+eps {
		r.f.AddPage()
	}
}

func (r *renderer) cover() {
	f, c := r.f, r.d.Cover
	f.AddPage()
	// Measure the name and title first, so that the band grows with them.
	name, title := text(strings.ToUpper(c.Partnership)), text(c.Title)
	r.font("B", 13, white)
	nameLines := max(1, len(f.SplitText(name, textW)))
	r.font("B", 26, white)
	titleLines := max(1, len(f.SplitText(title, textW)))
	titleY := max(58, 34+float64(nameLines)*6+10)
	band := max(118, titleY+float64(titleLines)*11.5+20)
	r.fill(accent)
	f.Rect(0, 0, pageW, band, "F")
	r.font("B", 13, white)
	f.SetXY(marginL, 34)
	f.MultiCell(textW, 6, name, "", "L", false)
	r.font("B", 26, white)
	f.SetXY(marginL, titleY)
	f.MultiCell(textW, 11.5, title, "", "L", false)
	r.font("", 12, ink)
	f.SetXY(marginL, band+12)
	f.MultiCell(textW, 6.5, text(c.Status), "", "L", false)
	if r.d.Meta.Draft {
		r.font("B", 12, draftRed)
		f.SetX(marginL)
		f.MultiCell(textW, 6.5, text(strings.ToUpper(r.d.Meta.Notice())), "", "L", false)
	}
	f.Ln(4)
	for _, n := range c.Notes {
		r.font("", 11, ink)
		f.SetX(marginL)
		f.MultiCell(textW, 5.8, text(n), "", "L", false)
		f.Ln(2)
	}
}

// reserveContents adds the pages the contents will fill once the sections'
// pages are known.
func (r *renderer) reserveContents() {
	d := r.d
	n := len(d.Sections) + len(d.Appendix)
	if d.Contact != nil {
		n++
	}
	const lh = 8.0
	r.contentsTop = marginT + 18
	r.perPage = int((r.trigger() - r.contentsTop) / lh)
	pages := max(1, (n+r.perPage-1)/r.perPage)
	for i := range pages {
		r.f.AddPage()
		r.contentsPages = append(r.contentsPages, r.f.PageNo())
		if i == 0 {
			r.font("B", 18, accent)
			r.f.Bookmark("Contents", 0, -1)
			r.f.SetXY(marginL, marginT)
			r.f.CellFormat(textW, 10, "Contents", "", 1, "L", false, 0, "")
		}
	}
}

// fillContents writes the contents entries, with links, on the reserved
// pages.
func (r *renderer) fillContents() {
	f := r.f
	const lh = 8.0
	for i, e := range r.entries {
		r.setPage(r.contentsPages[i/r.perPage])
		y := r.contentsTop + float64(i%r.perPage)*lh
		r.font("", 11.5, ink)
		num := fmt.Sprint(e.page)
		numW := f.GetStringWidth(num)
		title := fit(f, e.title, textW-numW-12)
		titleW := f.GetStringWidth(title)
		f.SetXY(marginL, y)
		f.CellFormat(titleW, lh, title, "", 0, "L", false, 0, "")
		r.font("", 11.5, muted)
		dotW := f.GetStringWidth(".")
		if gap := textW - titleW - numW - 4; dotW > 0 && gap > 0 {
			dots := strings.Repeat(".", int(gap/dotW))
			f.SetXY(marginL+textW-numW-2-f.GetStringWidth(dots), y)
			f.CellFormat(f.GetStringWidth(dots), lh, dots, "", 0, "L", false, 0, "")
		}
		r.font("", 11.5, ink)
		f.SetXY(marginL+textW-numW, y)
		f.CellFormat(numW, lh, num, "", 0, "R", false, 0, "")
		f.Link(marginL, y, textW, lh, e.link)
	}
}

// furniture draws page p's footer (and, for a draft, its header line).
func (r *renderer) furniture(p, last int) {
	f := r.f
	if r.d.Meta.Draft {
		r.font("B", 8.5, draftRed)
		f.SetXY(marginL, 9)
		f.CellFormat(textW, 5, text(strings.ToUpper(r.d.Meta.Notice())), "", 0, "C", false, 0, "")
	}
	if wm := r.d.Meta.Watermark; wm != "" {
		r.watermark(text(wm))
	}
	r.draw(rule, 0.2)
	f.Line(marginL, pageH-15, pageW-marginR, pageH-15)
	r.font("", 8.5, muted)
	pageText := fmt.Sprintf("Page %d of %d", p, last)
	pw := f.GetStringWidth(pageText)
	f.SetXY(marginL, pageH-14)
	f.CellFormat(textW-pw-6, 5, fit(f, text(r.d.Cover.Partnership+" · "+r.d.Cover.Title), textW-pw-6), "", 0, "L", false, 0, "")
	f.SetXY(pageW-marginR-pw, pageH-14)
	f.CellFormat(pw, 5, pageText, "", 0, "R", false, 0, "")
}

// watermark draws t large and faint across the page, corner to corner.
func (r *renderer) watermark(t string) {
	f := r.f
	size := 60.0
	r.font("B", size, draftRed)
	// Shrink the text until it fits the page's diagonal.
	diag := math.Hypot(pageW, pageH) - 60
	if w := f.GetStringWidth(t); w > diag {
		size = math.Max(12, size*diag/w)
		r.font("B", size, draftRed)
	}
	w := f.GetStringWidth(t)
	f.SetAlpha(0.13, "Normal")
	f.TransformBegin()
	f.TransformRotate(math.Atan2(pageH, pageW)*180/math.Pi, pageW/2, pageH/2)
	// Text takes page coordinates as they are; SetX would read a negative
	// x as a distance from the right edge.
	f.Text(pageW/2-w/2, pageH/2+size*0.35/2, t)
	f.TransformEnd()
	f.SetAlpha(1, "Normal")
}

// fit shortens s with an ellipsis until it is at most w wide in the
// current font. It keeps the longest prefix (trailing spaces dropped) that
// fits with the ellipsis, found by binary search: the width of a prefix
// never shrinks as it grows, so about log2(len) measurements suffice
// where dropping one character at a time took time growing with the
// square of the length (bug 1 of issue 13).
func fit(f *gofpdf.Fpdf, s string, w float64) string {
	if f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	cut := func(n int) string { return strings.TrimRight(string(rs[:n]), " ") + "…" }
	// Invariant: a prefix of lo runes fits (or lo is 0); one of hi does not.
	lo, hi := 0, len(rs)
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if f.GetStringWidth(cut(mid)) <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return ""
	}
	return cut(lo)
}

// section writes one section; listed sections get a contents entry.
func (r *renderer) section(s *document.Section, listed bool) {
	f := r.f
	heading := text(s.Heading())
	r.keep(max(32, sectionHeadH+r.leadNeed(s.Blocks)))
	r.anchor(s.ID)
	r.font("B", 16, accent)
	if listed {
		link := f.AddLink()
		f.SetLink(link, f.GetY(), f.PageNo())
		r.entries = append(r.entries, entry{title: heading, page: f.PageNo(), link: link})
	}
	f.Bookmark(heading, 0, -1)
	f.SetX(marginL)
	f.MultiCell(textW, 8, heading, "", "L", false)
	r.draw(accent, 0.5)
	f.Line(marginL, f.GetY()+0.8, marginL+textW, f.GetY()+0.8)
	f.Ln(4.5)
	for i, b := range s.Blocks {
		r.block(b, s.Blocks[i+1:])
	}
	f.Ln(3)
}

// block writes one block; next are the blocks that follow it in its
// section, which a subheading is kept with.
func (r *renderer) block(b document.Block, next []document.Block) {
	switch v := b.(type) {
	case *document.Paragraph:
		r.paragraph(v)
	case *document.Subheading:
		r.subheading(v, next)
	case *document.List:
		r.list(v)
	case *document.Table:
		r.table(v)
	case *document.BarChart:
		r.chart(v)
	case *document.Note:
		r.note(v)
	}
}

func (r *renderer) subheading(h *document.Subheading, next []document.Block) {
	f := r.f
	r.keep(max(24, subheadingHeadH+r.leadNeed(next)))
	r.anchor(h.ID)
	f.Ln(1.5)
	r.font("B", 12.5, accent)
	t := text(h.Text)
	f.Bookmark(t, 1, -1)
	f.SetX(marginL)
	f.MultiCell(textW, 6.5, t, "", "L", false)
	f.Ln(1.5)
}

func (r *renderer) paragraph(p *document.Paragraph) {
	r.keep(2 * bodyLH)
	r.flow(p.Spans, marginL, textW, bodySize, bodyLH)
	r.f.Ln(2.2)
}

// word is a run of text without spaces, laid out as a unit.
type word struct {
	text  string
	style string
	emph  bool // shown in the accent colour
	url   string
	link  int // gofpdf link of a cross-reference, or 0
	width float64
	space bool // a space follows the word
}

// spanStyle returns the font style of a span.
func spanStyle(sp document.Span) string {
	if sp.Strong {
		return "B"
	}
	return ""
}

// words splits spans into words, measuring each in its style. A word wider
// than w is broken into pieces that fit.
func (r *renderer) words(spans []document.Span, w, size float64) []word {
	f := r.f
	var out []word
	for _, sp := range spans {
		style := spanStyle(sp)
		r.font(style, size, ink)
		t := text(sp.Text)
		before := len(out)
		fields := strings.Fields(t)
		for i, fw := range fields {
			pieces := []string{fw}
			if f.GetStringWidth(fw) > w {
				pieces = f.SplitText(fw, w)
			}
			for k, piece := range pieces {
				out = append(out, word{text: piece, style: style, emph: sp.Emphasis, url: sp.URL, link: r.anchors[sp.Ref], width: f.GetStringWidth(piece),
					space: k == len(pieces)-1 && (i < len(fields)-1 || strings.HasSuffix(t, " "))})
			}
		}
		// A span that starts with a space is separated from the word
		// before it, such as the text after a bold label.
		if len(out) > before && before > 0 && strings.TrimLeftFunc(t, unicode.IsSpace) != t {
			out[before-1].space = true
		}
		if len(fields) == 0 && strings.TrimSpace(t) != t && len(out) > 0 {
			out[len(out)-1].space = true
		}
	}
	return out
}

// flow lays out spans as running text in a column from x, w wide,
// starting at the current y and breaking pages as needed. gofpdf's own
// Write converts the whole string to runes for every character, which is
// quadratic; this measures each word once.
func (r *renderer) flow(spans []document.Span, x, w, size, lh float64) {
	f := r.f
	words := r.words(spans, w, size)
	for start := 0; start < len(words); {
		end, width := start, 0.0
		for end < len(words) {
			add := words[end].width
			if end > start && words[end-1].space {
				add += r.spaceWidth(words[end-1].style, size)
			}
			if end > start && width+add > w+eps {
				break
			}
			width += add
			end++
		}
		if f.GetY()+lh > r.trigger()+eps {
			f.AddPage()
		}
		y := f.GetY()
		cx := x
		for i := start; i < end; {
			// Group words of the same style and link into one cell.
			j, run := i, ""
			for j < end && words[j].style == words[i].style && words[j].emph == words[i].emph && words[j].url == words[i].url && words[j].link == words[i].link {
				if j > i && words[j-1].space {
					run += " "
				}
				run += words[j].text
				j++
			}
			wd := words[i]
			switch {
			case wd.url != "" || wd.link != 0:
				r.font(wd.style+"U", size, linkBlue)
			case wd.emph:
				r.font(wd.style, size, accent)
			default:
				r.font(wd.style, size, ink)
			}
			rw := f.GetStringWidth(run)
			f.SetXY(cx, y)
			f.CellFormat(rw, lh, run, "", 0, "L", false, wd.link, wd.url)
			cx += rw
			if words[j-1].space && j < end {
				cx += r.spaceWidth(words[j-1].style, size)
			}
			i = j
		}
		f.SetXY(x, y+lh)
		start = end
	}
}

func (r *renderer) list(l *document.List) {
	f := r.f
	const indent = 6.0
	for i, item := range l.Items {
		r.font("", bodySize, ink)
		t := text(item)
		lines := len(f.SplitText(t, textW-indent))
		r.keep(float64(min(max(lines, 1), 2)) * bodyLH)
		marker := "•"
		if l.Ordered {
			marker = fmt.Sprintf("%d.", i+1)
		}
		y := f.GetY()
		f.SetXY(marginL+1, y)
		f.CellFormat(indent-1, bodyLH, marker, "", 0, "L", false, 0, "")
		f.SetXY(marginL+indent, y)
		r.flow([]document.Span{{Text: item}}, marginL+indent, textW-indent, bodySize, bodyLH)
		f.SetX(marginL)
		f.Ln(0.9)
	}
	f.Ln(2)
}

// note writes a boxed remark: a coloured bar down its left side, its
// title in bold and its text.
func (r *renderer) note(n *document.Note) {
	f := r.f
	c := accent
	if n.Kind == document.NoteWarning {
		c = draftRed
	}
	const indent = 5.0
	r.keep(3 * bodyLH)
	r.anchor(n.ID)
	f.Ln(1)
	top, page := f.GetY(), f.PageNo()
	if n.Title != "" {
		r.font("B", bodySize, c)
		f.SetX(marginL + indent)
		f.MultiCell(textW-indent, bodyLH, text(n.Title), "", "L", false)
	}
	f.SetX(marginL + indent)
	r.flow(n.Spans, marginL+indent, textW-indent, bodySize, bodyLH)
	if f.PageNo() == page {
		r.fill(c)
		f.Rect(marginL, top, 1.4, f.GetY()-top, "F")
	}
	f.SetX(marginL)
	f.Ln(3)
}

// caption writes a table or chart caption.
func (r *renderer) caption(t string) {
	f := r.f
	r.font("B", 9.5, muted)
	f.SetX(marginL)
	f.MultiCell(textW, smallLH+0.4, text(t), "", "L", false)
	f.Ln(0.8)
}

// widths returns the column widths of t in millimetres.
func widths(t *document.Table) []float64 {
	total := 0.0
	for _, c := range t.Columns {
		total += colWeight(c)
	}
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = textW * colWeight(c) / total
	}
	return out
}

func colWeight(c document.Column) float64 {
	if c.Width <= 0 || math.IsNaN(c.Width) || math.IsInf(c.Width, 0) {
		return 1
	}
	return c.Width
}

// rowStyle says how a table row is drawn.
type rowStyle struct {
	bold   bool
	fg     rgb
	bg     *rgb
	topRul bool
}

func (r *renderer) table(t *document.Table) {
	f := r.f
	if len(t.Columns) == 0 {
		return
	}
	ws, aligns, rows, need := r.tableLayout(t)
	headerStyle := rowStyle{bold: true, fg: white, bg: &accent}
	header := func() { r.row(rows[0], ws, aligns, headerStyle, nil) }
	r.keep(need)
	r.anchor(t.ID)
	if t.Caption != "" {
		r.caption(t.Caption)
	}
	header()
	for i := range t.Rows {
		st := rowStyle{fg: ink}
		if i%2 == 1 {
			st.bg = &shade
		}
		r.row(rows[i+1], ws, aligns, st, header)
	}
	if t.Total != nil {
		r.row(rows[len(rows)-1], ws, aligns, rowStyle{bold: true, fg: ink, topRul: true}, header)
	}
	r.draw(rule, 0.3)
	f.Line(marginL, f.GetY(), marginL+textW, f.GetY())
	f.Ln(4)
}

// tableLayout returns t's column widths, alignments and wrapped rows (the
// header, the body rows, then the total), and the height that must be
// left on a page to start it: the caption, header and first row, or the
// whole of a short table. Each table is wrapped once per document.
func (r *renderer) tableLayout(t *document.Table) (ws []float64, aligns []string, rows [][][]string, need float64) {
	if l, ok := r.tables[t]; ok {
		return l.ws, l.aligns, l.rows, l.need
	}
	ws = widths(t)
	aligns = make([]string, len(t.Columns))
	headers := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		aligns[i] = "L"
		if c.Align == document.AlignRight {
			aligns[i] = "R"
		}
		headers[i] = c.Header
	}
	rows = make([][][]string, 0, len(t.Rows)+2)
	rows = append(rows, r.cellLines(headers, ws, true))
	for _, row := range t.Rows {
		rows = append(rows, r.cellLines(row, ws, false))
	}
	if t.Total != nil {
		rows = append(rows, r.cellLines(t.Total, ws, true))
	}
	// Keep the caption, header and first row together, and a short table
	// on one page.
	need = 2*smallLH + rowHeight(rows[0])
	if len(t.Rows) > 0 {
		need += min(rowHeight(rows[1]), 3*smallLH+2*cellPadY)
	}
	whole := 2*smallLH + 2
	for _, row := range rows {
		whole += rowHeight(row)
	}
	if whole <= 90 {
		need = whole
	}
	r.tables[t] = tableLayout{ws, aligns, rows, need}
	return ws, aligns, rows, need
}

// tableLayout is a table wrapped to its columns.
type tableLayout struct {
	ws     []float64
	aligns []string
	rows   [][][]string
	need   float64
}

// Heights of headings, in millimetres, as laid out by section and
// subheading (one line).
const (
	sectionHeadH    = 8 + 0.8 + 4.5
	subheadingHeadH = 1.5 + 6.5 + 1.5
	// maxKeep is the most that is kept with a heading: a heading followed
	// by more introduction than this is kept with two lines of it only.
	maxKeep = 110.0
)

// leadNeed returns the height that must follow a heading on its page so
// that the heading is not left alone at the foot of a page (keep with
// next): its introductory paragraphs and the start of the table, chart,
// list or note they introduce. A long introduction falls back to two
// lines.
func (r *renderer) leadNeed(blocks []document.Block) float64 {
	need := 0.0
	for _, b := range blocks {
		switch v := b.(type) {
		case *document.Paragraph:
			need += float64(r.lines(v.Spans, textW, bodySize))*bodyLH + 2.2
			if need > maxKeep {
				return 2 * bodyLH
			}
			continue
		case *document.Table:
			if len(v.Columns) > 0 {
				_, _, _, n := r.tableLayout(v)
				need += n
			}
		case *document.BarChart:
			need += r.chartNeed(v)
		case *document.List:
			need += 2 * bodyLH
		case *document.Note:
			need += 3 * bodyLH
		case *document.Subheading:
			need += subheadingHeadH + 2*bodyLH
		}
		break
	}
	if need > maxKeep {
		return 2 * bodyLH
	}
	return need
}

// lines returns the number of lines spans take when flowed w wide.
func (r *renderer) lines(spans []document.Span, w, size float64) int {
	words := r.words(spans, w, size)
	n, width := 0, 0.0
	for i, wd := range words {
		add := wd.width
		if i > 0 && words[i-1].space {
			add += r.spaceWidth(words[i-1].style, size)
		}
		if i == 0 || width+add > w+eps {
			n++
			width = wd.width
			continue
		}
		width += add
	}
	return n
}

// cellLines wraps each cell of row to its column.
func (r *renderer) cellLines(row []string, ws []float64, bold bool) [][]string {
	style := ""
	if bold {
		style = "B"
	}
	r.font(style, 9, ink)
	r.f.SetCellMargin(cellPadX)
	out := make([][]string, len(ws))
	for i := range ws {
		cell := ""
		if i < len(row) {
			cell = text(row[i])
		}
		lines := r.f.SplitText(cell, ws[i])
		if len(lines) == 0 {
			lines = []string{""}
		}
		out[i] = lines
	}
	r.f.SetCellMargin(0)
	return out
}

// rowLines returns the number of lines of a wrapped row.
func rowLines(cells [][]string) int {
	n := 1
	for _, l := range cells {
		n = max(n, len(l))
	}
	return n
}

// rowHeight returns the height of a wrapped row, unsplit.
func rowHeight(cells [][]string) float64 {
	return float64(rowLines(cells))*smallLH + 2*cellPadY
}

// row draws a table row. When the row does not fit on the page it moves to
// the next page, after header; a row taller than a whole page is split
// across pages.
func (r *renderer) row(cells [][]string, ws []float64, aligns []string, st rowStyle, header func()) {
	f := r.f
	n := rowLines(cells)
	pageLines := int((r.trigger() - marginT - 4*smallLH - 4*cellPadY) / smallLH)
	done := 0
	for done < n {
		avail := int((r.trigger() - f.GetY() - 2*cellPadY + eps) / smallLH)
		rest := n - done
		if header != nil && (avail < 1 || (rest > avail && rest <= pageLines)) {
			f.AddPage()
			header()
			continue
		}
		if avail < 1 {
			avail = 1
		}
		chunk := min(rest, avail)
		h := float64(chunk)*smallLH + 2*cellPadY
		y := f.GetY()
		if st.bg != nil {
			r.fill(*st.bg)
			f.Rect(marginL, y, textW, h, "F")
		}
		if st.topRul {
			r.draw(ink, 0.4)
			f.Line(marginL, y, marginL+textW, y)
		}
		style := ""
		if st.bold {
			style = "B"
		}
		r.font(style, 9, st.fg)
		f.SetCellMargin(cellPadX)
		x := marginL
		for c, w := range ws {
			lines := cells[c]
			for k := done; k < done+chunk && k < len(lines); k++ {
				f.SetXY(x, y+cellPadY+float64(k-done)*smallLH)
				f.CellFormat(w, smallLH, lines[k], "", 0, aligns[c], false, 0, "")
			}
			x += w
		}
		f.SetCellMargin(0)
		if st.bg == nil && !st.topRul {
			r.draw(rule, 0.1)
			f.Line(marginL, y+h, marginL+textW, y+h)
		}
		f.SetXY(marginL, y+h)
		done += chunk
		if done < n {
			f.AddPage()
			if header != nil {
				header()
			}
		}
	}
}

// Bar chart geometry, in millimetres.
const (
	chartLabelW = 62.0
	chartValueW = 22.0
	chartBarH   = 4.2
	chartGap    = 1.6
)

// chartLayout returns each bar's label, wrapped, and the height of its
// row.
func (r *renderer) chartLayout(c *document.BarChart) ([][]string, []float64) {
	f := r.f
	labels := make([][]string, len(c.Bars))
	heights := make([]float64, len(c.Bars))
	r.font("", 8.5, ink)
	for i, bar := range c.Bars {
		labels[i] = f.SplitText(text(bar.Label), chartLabelW)
		if len(labels[i]) == 0 {
			labels[i] = []string{""}
		}
		heights[i] = max(float64(len(labels[i]))*3.8, chartBarH) + chartGap
	}
	return labels, heights
}

// chartNeed returns the height to leave on a page to start the chart: all
// of a chart that fits on a page, or its caption and three bars.
func (r *renderer) chartNeed(c *document.BarChart) float64 {
	if len(c.Bars) == 0 {
		return 0
	}
	_, heights := r.chartLayout(c)
	total := 2*smallLH + 4
	for _, h := range heights {
		total += h
	}
	if total <= r.trigger()-marginT {
		return total
	}
	return 2*smallLH + 3*(chartBarH+chartGap)
}

// chart draws a horizontal bar chart, one bar per row, continuing on the
// next page when it runs out of room.
func (r *renderer) chart(c *document.BarChart) {
	f := r.f
	if len(c.Bars) == 0 {
		return
	}
	const (
		labelW = chartLabelW
		valueW = chartValueW
		barH   = chartBarH
		gap    = chartGap
	)
	barX := marginL + labelW + 2
	barMax := textW - labelW - 2 - valueW
	caption := func(cont bool) {
		t := c.Caption
		if cont {
			t += " (continued)"
		}
		r.caption(t)
	}
	labels, heights := r.chartLayout(c)
	r.keep(r.chartNeed(c))
	r.anchor(c.ID)
	caption(false)
	for i, bar := range c.Bars {
		label, h := labels[i], heights[i]
		if f.GetY()+h > r.trigger()+eps {
			f.AddPage()
			caption(true)
		}
		r.font("", 8.5, ink)
		y := f.GetY()
		for k, l := range label {
			f.SetXY(marginL, y+float64(k)*3.8)
			f.CellFormat(labelW, 3.8, l, "", 0, "R", false, 0, "")
		}
		share := c.Share(i)
		if share > 0 {
			r.fill(accent)
			f.Rect(barX, y+0.1, math.Max(barMax*share, 0.4), barH-0.4, "F")
		}
		r.draw(rule, 0.2)
		f.Line(barX, y-gap/2, barX, y+h-gap/2)
		r.font("B", 8.5, ink)
		f.SetXY(barX+barMax*share+1.2, y)
		f.CellFormat(valueW, barH, text(bar.Display), "", 0, "L", false, 0, "")
		f.SetXY(marginL, y+h)
	}
	f.Ln(4)
}

func (r *renderer) contact(c *document.Contact) {
	f := r.f
	lines := len(c.Lines) + 3
	r.keep(float64(lines)*bodyLH + 30)
	f.Ln(4)
	heading := text(c.Heading)
	r.font("B", 16, accent)
	link := f.AddLink()
	f.SetLink(link, f.GetY(), f.PageNo())
	r.entries = append(r.entries, entry{title: heading, page: f.PageNo(), link: link})
	f.Bookmark(heading, 0, -1)
	top := f.GetY()
	f.SetXY(marginL+5, top+4)
	f.CellFormat(textW-10, 8, heading, "", 1, "L", false, 0, "")
	f.Ln(1)
	if c.Intro != "" {
		r.font("", bodySize, ink)
		f.SetX(marginL + 5)
		f.MultiCell(textW-10, bodyLH, text(c.Intro), "", "L", false)
		f.Ln(1.5)
	}
	const labelW = 48.0
	for _, l := range c.Lines {
		y := f.GetY()
		r.font("B", bodySize, ink)
		f.SetXY(marginL+5, y)
		f.CellFormat(labelW, bodyLH, fit(f, text(l.Label), labelW-1), "", 0, "L", false, 0, "")
		f.SetXY(marginL+5+labelW, y)
		if l.URL != "" {
			r.font("U", bodySize, linkBlue)
			v := fit(f, text(l.Value), textW-10-labelW)
			f.CellFormat(f.GetStringWidth(v), bodyLH, v, "", 0, "L", false, 0, l.URL)
		} else {
			r.font("", bodySize, ink)
			f.MultiCell(textW-10-labelW, bodyLH, text(l.Value), "", "L", false)
			continue
		}
		f.SetXY(marginL, y+bodyLH)
	}
	if c.Edition != "" {
		f.Ln(2)
		r.font("", 9.5, muted)
		f.SetX(marginL + 5)
		f.MultiCell(textW-10, bodyLH, text(c.Edition), "", "L", false)
	}
	bottom := f.GetY() + 4
	if f.PageNo() == r.pageOf(link) {
		r.draw(accent, 0.5)
		f.Rect(marginL, top, textW, bottom-top, "D")
	}
	f.SetY(bottom)
}

// pageOf returns the page of the contents entry whose link is link.
func (r *renderer) pageOf(link int) int {
	for _, e := range r.entries {
		if e.link == link {
			return e.page
		}
	}
	return 0
}
