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

	"github.com/masa-go/masa/document"
)

//go:embed document.html.tmpl
var pageTemplate string

//go:embed document.css
var styles string

var page = template.Must(template.New("document").Funcs(template.FuncMap{
	"t":    document.DisplayText,
	"join": func(items []string) string { return strings.Join(items, ", ") },
}).Parse(pageTemplate))

// Render writes d to w as a self-contained HTML document. Nothing is
// written unless the whole document renders.
func Render(w io.Writer, d *document.Document) error {
	body, err := Bytes(d)
	if err != nil {
		return err
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("document/html: %w", err)
	}
	return nil
}

// Bytes returns d as HTML.
func Bytes(d *document.Document) ([]byte, error) {
	if d == nil {
		return nil, errors.New("document/html: no document")
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, newView(d)); err != nil {
		return nil, fmt.Errorf("document/html: %w", err)
	}
	return buf.Bytes(), nil
}

// view is what the template shows.
type view struct {
	Lang     string
	Meta     document.Meta
	Cover    document.Cover
	Styles   template.CSS
	Contents []link
	Sections []sectionView
	Contact  *document.Contact
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
	Para  *document.Paragraph
	Sub   *document.Subheading
	List  *document.List
	Table *tableView
	Chart *chartView
	Note  *document.Note
}

// tableView is a table with its alignment classes.
type tableView struct {
	*document.Table
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

func newView(d *document.Document) view {
	v := view{Lang: d.Meta.Language, Meta: d.Meta, Cover: d.Cover, Styles: template.CSS(styles), Contact: d.Contact}
	if v.Lang == "" {
		v.Lang = "en-GB"
	}
	add := func(s *document.Section, listed bool) {
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

func newBlock(b document.Block) blockView {
	switch x := b.(type) {
	case *document.Paragraph:
		return blockView{Para: x}
	case *document.Subheading:
		return blockView{Sub: x}
	case *document.List:
		return blockView{List: x}
	case *document.Table:
		tv := &tableView{Table: x}
		for _, c := range x.Columns {
			tv.Right = append(tv.Right, c.Align == document.AlignRight)
		}
		return blockView{Table: tv}
	case *document.BarChart:
		cv := &chartView{ID: x.ID, Caption: x.Caption}
		for i, bar := range x.Bars {
			// The width is a number this package formats, so it is safe
			// to mark as CSS.
			w := strconv.FormatFloat(x.Share(i)*100, 'f', 1, 64)
			cv.Bars = append(cv.Bars, barView{Label: bar.Label, Display: bar.Display, Width: template.CSS("width: " + w + "%")})
		}
		return blockView{Chart: cv}
	case *document.Note:
		return blockView{Note: x}
	}
	return blockView{}
}
