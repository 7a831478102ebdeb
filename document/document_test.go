package document_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/document/pdf"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sample is a small document using every kind of block.
func sample() *document.Document {
	return &document.Document{
		Meta:  document.Meta{Title: "Sample: Key messages", Author: "Sample Partnership", Language: "en-GB", Date: vocab.MustDate("2021-05-01")},
		Cover: document.Cover{Partnership: "Sample Partnership", Title: "Key messages", Status: "Published 1 May 2021"},
		Sections: []document.Section{{
			ID: "meetings", Number: "1", Title: "Meetings",
			Blocks: []document.Block{
				&document.Paragraph{Spans: []document.Span{{Text: "The board met twice; see "}, {Text: "the spending chart", Ref: "spend"}, {Text: "."}}},
				&document.Subheading{ID: "decisions", Text: "Decisions"},
				&document.List{Items: []string{"One", "Two"}},
				&document.Table{ID: "actions", Caption: "Open actions", Columns: []document.Column{{Header: "Action", Width: 3}, {Header: "Due", Width: 1, Align: document.AlignRight}}, Rows: [][]string{{"Write it", "30 June 2021"}}},
				&document.BarChart{ID: "spend", Caption: "Spending", Bars: []document.Bar{{Label: "A", Value: decimal.NewFromInt(2), Display: "£2"}, {Label: "B", Value: decimal.NewFromInt(1), Display: "£1"}}},
				&document.Note{ID: "gap", Kind: document.NoteWarning, Title: "Missing", Spans: []document.Span{{Text: "Back to "}, {Text: "the decisions", Ref: "decisions"}}},
			},
		}},
	}
}

func TestCheck(t *testing.T) {
	require.NoError(t, sample().Check())

	d := sample()
	d.Sections[0].Blocks = append(d.Sections[0].Blocks,
		&document.Subheading{ID: "spend", Text: "Again"},
		&document.Paragraph{Spans: []document.Span{{Text: "x", Ref: "nowhere"}}})
	err := d.Check()
	var ps vocab.Problems
	require.True(t, errors.As(err, &ps), "%v", err)
	require.Len(t, ps, 2)
	assert.Equal(t, "anchors", ps[0].Field)
	assert.Equal(t, "spend", ps[0].Value)
	assert.Equal(t, "parts[0].blocks[7].spans[0].ref", ps[1].Field)
}

func TestAnchorsInReadingOrder(t *testing.T) {
	assert.Equal(t, []string{"meetings", "decisions", "actions", "spend", "gap"}, sample().Anchors())
}

func TestRenderersDrawEveryBlock(t *testing.T) {
	d := sample()
	d.Meta.Watermark = "DRAFT: 1 PART MISSING"
	h, err := html.Bytes(d)
	require.NoError(t, err)
	for _, want := range []string{`<a href="#spend">the spending chart</a>`, `<div class="note warning" role="note" id="gap">`,
		`<p class="watermark"><strong>DRAFT: 1 PART MISSING</strong></p>`, `<h3 id="decisions">Decisions</h3>`} {
		assert.Contains(t, string(h), want)
	}
	p, err := pdf.Bytes(d)
	require.NoError(t, err)
	// Two internal links (the references) and the contents entry.
	assert.Equal(t, 3, bytes.Count(p, []byte("/Subtype /Link /Rect")), "internal links")
	assert.Zero(t, bytes.Count(p, []byte("/URI")), "no web links")
	assert.Contains(t, string(p), "/ca 0.13", "the watermark is drawn faint")
}

func ExampleDocument_Check() {
	d := sample()
	fmt.Println(d.Check())
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, &document.Paragraph{Spans: []document.Span{{Text: "see", Ref: "appendix-z"}}})
	fmt.Println(d.Check())
	// Output:
	// <nil>
	// parts[0].blocks[6].spans[0].ref: names no part of the document (value "appendix-z", rule known-anchor)
}
