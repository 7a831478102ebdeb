package html_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/masa-go/masa/internal/golden"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	planhtml "github.com/masa-go/masa/plan/html"
	"github.com/masa-go/masa/plan/internal/plantest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func render(t testing.TB, p *masa.Partnership) (*plan.Document, string) {
	t.Helper()
	d, err := plan.Build(p)
	require.NoError(t, err)
	out, err := planhtml.Bytes(d)
	require.NoError(t, err)
	return d, string(out)
}

func TestEssexGolden(t *testing.T) {
	_, out := render(t, masa.Essex())
	golden.Assert(t, filepath.Join("testdata", "essex-2020-21.html"), []byte(out))
}

func TestSameDocumentSameBytes(t *testing.T) {
	d, first := render(t, masa.Essex())
	again, err := planhtml.Bytes(d)
	require.NoError(t, err)
	assert.Equal(t, first, string(again))
}

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)`)
	idRE   = regexp.MustCompile(` id="([^"]*)"`)
	hrefRE = regexp.MustCompile(` href="([^"]*)"`)
	thRE   = regexp.MustCompile(`<th( [^>]*)?>`)

	externalRE = regexp.MustCompile(`<(script|link|img|iframe|object|embed)\b|<[a-z][^>]*\s(src|srcset)=`)
)

// allowed lists the elements the renderer writes; anything else in the
// output came from the data.
var allowed = strings.Fields(`html head meta title style body a header p h1 h2 h3 strong em nav ul ol li main section
	table caption thead tbody tfoot tr th td figure figcaption span footer dl dt dd`)

// checkPage asserts the properties every rendered page has.
func checkPage(t *testing.T, out string) {
	t.Helper()
	require.True(t, utf8.ValidString(out))
	require.True(t, strings.HasPrefix(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">"))
	for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
		require.Contains(t, allowed, strings.ToLower(m[1]), "unexpected element <%s>", m[1])
	}
	assert.Equal(t, 1, strings.Count(out, "<h1>"), "one h1")
	ids := map[string]bool{}
	for _, m := range idRE.FindAllStringSubmatch(out, -1) {
		require.False(t, ids[m[1]], "id %q is used twice", m[1])
		ids[m[1]] = true
	}
	for _, m := range hrefRE.FindAllStringSubmatch(out, -1) {
		href := m[1]
		switch {
		case strings.HasPrefix(href, "#"):
			assert.True(t, ids[href[1:]], "link to missing anchor %q", href)
		case strings.HasPrefix(href, "http://"), strings.HasPrefix(href, "https://"), strings.HasPrefix(href, "mailto:"):
		default:
			t.Errorf("unexpected link target %q", href)
		}
	}
	for _, m := range thRE.FindAllStringSubmatch(out, -1) {
		require.True(t, m[1] == ` scope="col"` || m[1] == ` scope="col" class="num"` || m[1] == ` scope="row"`, "th without scope: %q", m[0])
	}
	assert.Equal(t, strings.Count(out, "<table"), strings.Count(out, "<caption>"), "every table has a caption")
	// Self-contained: no element loads anything, and the styles import
	// nothing.
	assert.False(t, externalRE.MatchString(out), "an element loads an external resource")
	style := out[strings.Index(out, "<style>"):strings.Index(out, "</style>")]
	assert.NotContains(t, style, "@import")
	assert.NotContains(t, style, "url(")
}

func TestEssexStructure(t *testing.T) {
	d, out := render(t, masa.Essex())
	checkPage(t, out)
	assert.Contains(t, out, "<title>Essex Safeguarding Children Board: Multi-Agency Safeguarding Arrangements 2020-21</title>")
	assert.Contains(t, out, `<nav aria-labelledby="contents-heading">`)
	assert.Contains(t, out, `<main id="main">`)
	for _, s := range append(append([]plan.Section{}, d.Sections...), d.Appendix...) {
		assert.Contains(t, out, `<li><a href="#`+s.ID+`">`+escape(s.Heading())+`</a></li>`)
		assert.Contains(t, out, `<h2 id="`+s.ID+`-heading">`+escape(s.Heading())+`</h2>`)
	}
	assert.Equal(t, 15, strings.Count(out, "<h2 "), "contents, eleven sections, two appendix parts and the contact block")
	assert.Contains(t, out, `<tr><th scope="row">City, District and Borough Councils (12 at £1,210 each)</th><td class="num">£14,520</td></tr>`)
	assert.Contains(t, out, `<tfoot>`+"\n"+`<tr><th scope="row">Total</th><td class="num">£389,095</td></tr>`)
	assert.Contains(t, out, `<th scope="col" class="num">Amount</th>`)
	assert.Contains(t, out, `<span class="bar" style="width: 100.0%"></span>`)
	assert.Contains(t, out, `<a href="mailto:escb@essex.gov.uk">escb@essex.gov.uk</a>`)
	assert.Equal(t, 35, strings.Count(section(out, "appendix-agencies"), "<tr><th scope=\"row\">"))
	for _, la := range masa.Essex().LeadAreas {
		assert.Contains(t, out, escape(la.Name))
	}
}

// section returns the HTML of the section with the given ID.
func section(out, id string) string {
	i := strings.Index(out, `<section id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(out[i:], "</section>")
	return out[i : i+j]
}

// escape escapes text the way html/template does.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func TestHostileNamesAreText(t *testing.T) {
	_, out := render(t, plantest.HostilePartnership())
	checkPage(t, out)
	assert.NotContains(t, out, "<img")
	assert.NotContains(t, out, `href="javascript:`)
	for _, want := range []string{
		escape(plan.DisplayText("Agency " + plantest.Hostile)),
		"Agency &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; (unbalanced \\ paren) \uFFFD\uFFFD",
		"Intro &lt;img src=x onerror=alert(1)&gt;",
		"<dd>javascript:alert(1)</dd>", // not a web address, so shown and not linked
	} {
		assert.True(t, strings.Contains(out, want), "the page lacks %q", want)
	}
	assert.NotContains(t, out, "\x00")
	assert.NotContains(t, out, "\u202e")
}

func TestUnicodeNames(t *testing.T) {
	_, out := render(t, plantest.UnicodePartnership())
	checkPage(t, out)
	for _, name := range plantest.Unicode {
		assert.Contains(t, out, escape(name))
	}
}

func TestStress(t *testing.T) {
	p := plantest.Stress(500, 200)
	_, out := render(t, p)
	checkPage(t, out)
	assert.Equal(t, 500, strings.Count(section(out, "appendix-agencies"), `<tr><th scope="row">`))
	assert.Equal(t, 200, strings.Count(section(out, "funding"), `<li><span class="label">`))
}

func TestForewordIsNotInContents(t *testing.T) {
	p := masa.Essex()
	p.Texts = map[string]string{"foreword": "Thank you."}
	_, out := render(t, p)
	checkPage(t, out)
	assert.Contains(t, out, `<h2 id="foreword-heading">Foreword</h2>`)
	assert.NotContains(t, out, `href="#foreword"`)
}

func TestNoDocument(t *testing.T) {
	_, err := planhtml.Bytes(nil)
	assert.Error(t, err)
}

func FuzzRender(f *testing.F) {
	f.Add("Essex County Council", "", "http://www.escb.co.uk")
	f.Add(plantest.Hostile, plantest.Hostile, "javascript:alert(1)")
	f.Add(strings.Join(plantest.Unicode, " "), "Words.\n\nMore words.", `https://x.example/"><script>`)
	f.Fuzz(func(t *testing.T, name, text, website string) {
		p := fuzzBase(t)
		p.Organisations[1].Name = name
		p.Funding.Lines[1].Label = name
		p.Contact = &masa.Contact{Website: website}
		if strings.TrimSpace(text) != "" {
			p.Texts = map[string]string{"voice": text}
		}
		d, err := plan.Build(p)
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		b, err := planhtml.Bytes(d)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		out := string(b)
		if !utf8.ValidString(out) {
			t.Fatal("output is not valid UTF-8")
		}
		if again, err := planhtml.Bytes(d); err != nil || !bytes.Equal(b, again) {
			t.Fatalf("rendering is not deterministic (%v)", err)
		}
		for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
			if !slices.Contains(allowed, strings.ToLower(m[1])) {
				t.Fatalf("input created element <%s>", m[1])
			}
		}
		if n := bytes.Count(b, []byte("<h1>")); n != 1 {
			t.Fatalf("%d h1 elements", n)
		}
	})
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
