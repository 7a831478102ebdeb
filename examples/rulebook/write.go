package main

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/masa-go/masa/vocab"
)

// provenanceWords says how sure a rule is, in words.
func provenanceWords(c vocab.ProvenanceClass, checked []vocab.ID, why string) string {
	if len(checked) == 0 {
		return c.Label() + "; not verified: " + why
	}
	ids := make([]string, len(checked))
	for i, id := range checked {
		ids[i] = string(id)
	}
	return c.Label() + "; checked against " + strings.Join(ids, ", ")
}

func writeText(w io.Writer, b *book) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("Rulebook: %s on %s\n", b.Partnership, b.On.Long())
	p("Rule set in force: %s\n", b.RuleSet)
	if b.RuleSetNote != "" {
		p("  note: %s\n", b.RuleSetNote)
	}
	p("Review rules for an incident known that day: %s\n", b.Review)
	p("\nThe arrangements (%d rules)\n", len(b.Rules))
	for i, r := range b.Rules {
		p("%2d. %s [%s]\n", i+1, r.Statement, r.ID)
		p("    source:     %s\n", r.Citation)
		p("    provenance: %s\n", provenanceWords(r.Class, r.Checked, r.Unchecked))
	}
	p("\nThe review of a serious incident (%d steps)\n", len(b.Steps))
	for i, s := range b.Steps {
		opt := ""
		if s.Optional {
			opt = " (not mandatory)"
		}
		p("%2d. %s [%s]%s\n", i+1, s.Statement, s.ID, opt)
		p("    deadline:   %s\n", s.Deadline)
		p("    owner:      %s\n", s.Owner)
		p("    source:     %s\n", s.Citation)
		p("    provenance: %s\n", provenanceWords(s.Class, s.Checked, s.Unchecked))
		if s.DeadlineCitation != "" {
			p("    deadline source:     %s\n", s.DeadlineCitation)
			p("    deadline provenance: %s\n", provenanceWords(s.DeadlineClass, s.DeadlineChecked, s.DeadlineWhy))
		}
	}
	p("\nProvenance\n")
	for _, c := range b.Counts {
		p("  %-24s %2d verified, %2d not verified\n", c.Class.Label()+":", c.Verified, c.Unchecked)
	}
	p("\nSources checked\n")
	for _, s := range b.Sources {
		p("  %s: %s\n    %s\n", s.ID, s.Title, s.URL)
	}
	return bw.Flush()
}

var page = template.Must(template.New("rulebook").Funcs(template.FuncMap{"prov": provenanceWords}).Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Rulebook: {{.Partnership}} on {{.On.Long}}</title>
<style>
body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}
table{border-collapse:collapse;width:100%;margin-bottom:2em}
th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eee}
</style>
</head>
<body>
<h1>Rulebook: {{.Partnership}} on {{.On.Long}}</h1>
<p>Rule set in force: <strong>{{.RuleSet}}</strong>.{{if .RuleSetNote}} {{.RuleSetNote}}{{end}}</p>
<p>Review rules for an incident known that day: <strong>{{.Review}}</strong>.</p>
<h2>The arrangements</h2>
<table>
<thead><tr><th scope="col">Rule</th><th scope="col">Source</th><th scope="col">Provenance</th></tr></thead>
<tbody>
{{range .Rules}}<tr><td>{{.Statement}} <code>{{.ID}}</code></td><td>{{.Citation}}</td><td>{{prov .Class .Checked .Unchecked}}</td></tr>
{{end}}</tbody>
</table>
<h2>The review of a serious incident</h2>
<table>
<thead><tr><th scope="col">Step</th><th scope="col">Deadline</th><th scope="col">Owner</th><th scope="col">Source</th><th scope="col">Provenance</th></tr></thead>
<tbody>
{{range .Steps}}<tr><td>{{.Statement}} <code>{{.ID}}</code>{{if .Optional}} (not mandatory){{end}}</td><td>{{.Deadline}}{{if .DeadlineCitation}}<br>source: {{.DeadlineCitation}}; {{prov .DeadlineClass .DeadlineChecked .DeadlineWhy}}{{end}}</td><td>{{.Owner}}</td><td>{{.Citation}}</td><td>{{prov .Class .Checked .Unchecked}}</td></tr>
{{end}}</tbody>
</table>
<h2>Provenance</h2>
<table>
<thead><tr><th scope="col">Class</th><th scope="col">Verified</th><th scope="col">Not verified</th></tr></thead>
<tbody>
{{range .Counts}}<tr><td>{{.Class.Label}}</td><td>{{.Verified}}</td><td>{{.Unchecked}}</td></tr>
{{end}}</tbody>
</table>
<h2>Sources checked</h2>
<ul>
{{range .Sources}}<li><code>{{.ID}}</code>: <a href="{{.URL}}">{{.Title}}</a>. {{.Confirms}}</li>
{{end}}</ul>
</body>
</html>
`))

func writeHTML(w io.Writer, b *book) error { return page.Execute(w, b) }
