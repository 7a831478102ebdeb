package html

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/masa-go/masa/plan"
)

//go:embed plan.html.tmpl
var pageTemplate string

//go:embed plan.css
var styles string

var page = template.Must(template.New("plan").Funcs(template.FuncMap{
	"t":    plan.DisplayText,
	"join": func(items []string) string { return strings.Join(items, ", ") },
}).Parse(pageTemplate))

// Render writes d to w as a self-contained HTML document. Nothing is
// written unless the whole document renders.
func Render(w io.Writer, d *plan.Document) error {
	body, err := Bytes(d)
	if err != nil {
		return err
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("plan/html: %w", err)
	}
	return nil
}

// Bytes returns d as HTML.
func Bytes(d *plan.Document) ([]byte, error) {
	if d == nil {
		return nil, errors.New("plan/html: no document")
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, newView(d)); err != nil {
		return nil, fmt.Errorf("plan/html: %w", err)
	}
	return buf.Bytes(), nil
}

// view is what the template shows.
type view struct {
	Lang     string
	Meta     plan.Meta
	Cover    plan.Cover
	Styles   template.CSS
	Contents []link
	Sections []sectionView
	Contact  *plan.Contact
}

// link is one entry of the contents list.
type link struct {
	ID, Text string
}

// sectionView is a section with its blocks prepared for the template.
type sectionView struct {
	ID, Heading string
	Blocks      []blockView
}

// blockView holds exactly one kind of block.
type blockView struct {
	Para  *plan.Paragraph
	Sub   *plan.Subheading
	List  *plan.List
	Table *tableView
	Chart *chartView
}

// tableView is a table with its alignment classes.
type tableView struct {
	*plan.Table
	Right []bool
}

// chartView is a bar chart with each bar's width as a CSS length.
type chartView struct {
	ID, Caption string
	Bars        []barView
}

type barView struct {
	Label, Display string
	Width          template.CSS
}

func newView(d *plan.Document) view {
	v := view{Lang: d.Meta.Language, Meta: d.Meta, Cover: d.Cover, Styles: template.CSS(styles), Contact: d.Contact}
	if v.Lang == "" {
		v.Lang = "en-GB"
	}
	add := func(s *plan.Section, listed bool) {
		sv := sectionView{ID: s.ID, Heading: s.Heading()}
		for _, b := range s.Blocks {
			sv.Blocks = append(sv.Blocks, newBlock(b))
		}
		v.Sections = append(v.Sections, sv)
		if listed {
			v.Contents = append(v.Contents, link{ID: s.ID, Text: sv.Heading})
		}
	}
	for s := range d.Parts() {
		add(s, s != d.Foreword)
	}
	if d.Contact != nil {
		v.Contents = append(v.Contents, link{ID: "contact", Text: d.Contact.Heading})
	}
	return v
}

func newBlock(b plan.Block) blockView {
	switch x := b.(type) {
	case *plan.Paragraph:
		return blockView{Para: x}
	case *plan.Subheading:
		return blockView{Sub: x}
	case *plan.List:
		return blockView{List: x}
	case *plan.Table:
		tv := &tableView{Table: x}
		for _, c := range x.Columns {
			tv.Right = append(tv.Right, c.Align == plan.AlignRight)
		}
		return blockView{Table: tv}
	case *plan.BarChart:
		cv := &chartView{ID: x.ID, Caption: x.Caption}
		for i, bar := range x.Bars {
			// The width is a number this package formats, so it is safe
			// to mark as CSS.
			w := strconv.FormatFloat(x.Share(i)*100, 'f', 1, 64)
			cv.Bars = append(cv.Bars, barView{Label: bar.Label, Display: bar.Display, Width: template.CSS("width: " + w + "%")})
		}
		return blockView{Chart: cv}
	}
	return blockView{}
}
