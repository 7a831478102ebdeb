package plan_test

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/plan"
)

// plainText renders d as plain text, one block per paragraph, for golden
// files and assertions.
func plainText(d *plan.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n%s\n%s\n", d.Cover.Partnership, d.Cover.Title, d.Cover.Status)
	for _, n := range d.Cover.Notes {
		fmt.Fprintf(&b, "%s\n", n)
	}
	fmt.Fprintf(&b, "meta: %q by %q, %s, %s, draft=%v\nsubject: %s\nkeywords: %s\n", d.Meta.Title, d.Meta.Author, d.Meta.Language, d.Meta.Date, d.Meta.Draft, d.Meta.Subject, strings.Join(d.Meta.Keywords, "; "))
	write := func(s *plan.Section) {
		fmt.Fprintf(&b, "\n## %s [%s]\n", s.Heading(), s.ID)
		for _, bl := range s.Blocks {
			switch v := bl.(type) {
			case *plan.Paragraph:
				for _, sp := range v.Spans {
					switch {
					case sp.Strong:
						fmt.Fprintf(&b, "**%s**", sp.Text)
					case sp.Emphasis:
						fmt.Fprintf(&b, "_%s_", sp.Text)
					default:
						b.WriteString(sp.Text)
					}
				}
				b.WriteString("\n\n")
			case *plan.Subheading:
				fmt.Fprintf(&b, "### %s [%s]\n", v.Text, v.ID)
			case *plan.List:
				for i, it := range v.Items {
					if v.Ordered {
						fmt.Fprintf(&b, "%d. %s\n", i+1, it)
					} else {
						fmt.Fprintf(&b, "- %s\n", it)
					}
				}
				b.WriteString("\n")
			case *plan.Table:
				fmt.Fprintf(&b, "table %s: %s\n", v.ID, v.Caption)
				hs := make([]string, len(v.Columns))
				for i, c := range v.Columns {
					hs[i] = c.Header
				}
				fmt.Fprintf(&b, "| %s |\n", strings.Join(hs, " | "))
				for _, r := range v.Rows {
					fmt.Fprintf(&b, "| %s |\n", strings.Join(r, " | "))
				}
				if v.Total != nil {
					fmt.Fprintf(&b, "| %s |\n", strings.Join(v.Total, " | "))
				}
				b.WriteString("\n")
			case *plan.BarChart:
				fmt.Fprintf(&b, "chart %s: %s\n", v.ID, v.Caption)
				for i, bar := range v.Bars {
					fmt.Fprintf(&b, "  %s %s %.3f\n", bar.Label, bar.Display, v.Share(i))
				}
				b.WriteString("\n")
			default:
				fmt.Fprintf(&b, "?? %T\n", bl)
			}
		}
	}
	for s := range d.Parts() {
		write(s)
	}
	if c := d.Contact; c != nil {
		fmt.Fprintf(&b, "\n## %s\n%s\n", c.Heading, c.Intro)
		for _, l := range c.Lines {
			fmt.Fprintf(&b, "%s: %s <%s>\n", l.Label, l.Value, l.URL)
		}
		fmt.Fprintf(&b, "%s\n", c.Edition)
	}
	return b.String()
}
