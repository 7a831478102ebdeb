package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badInput is one try of the bad-input catalogue: a hostile request and
// the outcome expected for it.
type badInput struct {
	try            string
	method, target string
	body           string
	status         int
	field, rule    string // of the first problem; "" for none expected
}

// caseBody is an overdue request with one case whose by, ref or aware
// date is replaced.
func caseBody(ref, aware, by string) string {
	return `{"cases":[{"ref":"` + ref + `","facts":{"aware":"` + aware + `","harm":"serious-harm","abuseOrNeglect":"known","location":"in-area"},` +
		`"events":[{"step":"notify-panel","on":"` + aware + `","by":"` + by + `"}]}]}`
}

// catalogue is the bad-input catalogue of issue 13, surface by surface:
// every hostile input with its expected status, and a problem it must
// name (path and rule).
func catalogue(t testing.TB) map[string][]badInput {
	small, err := os.ReadFile("../../masa/testdata/small.json")
	require.NoError(t, err)
	part := func(old, new string) string {
		s := strings.Replace(string(small), old, new, 1)
		require.NotEqual(t, string(small), s, "replacing %q", old)
		return s
	}
	deep := `{"events":` + strings.Repeat("[", 10010)
	scen := func(name string) string {
		return `{"name":"x","year":"2021/22","baseline":{"year":"2020/21","lines":[{"org":"a","name":"` + name + `","amount":"300"},{"org":"b","name":"B","amount":"200"}]},"changes":[]}`
	}
	const validate, overdue, apportion, planHTML = "/v1/partnership/validate?on=2024-06-28", "/v1/reviews/overdue?on=2021-04-01", "/v1/funding/apportion?format=csv", "/v1/plan?format=html"
	return map[string][]badInput{
		"partnership file": {
			{"deep nesting (bug 2)", "POST", validate, deep, 400, "events" + strings.Repeat("[0]", 31), "depth"},
			{"duplicate key (bug 11)", "POST", validate, part(`"id":"riverside-scp"`, `"id":"riverside-scp","id":"x"`), 400, "id", "duplicate-key"},
			{"trailing comma (13a)", "POST", validate, part(`"edition":1,`, `"edition":1,}`), 400, "arrangements", "json"},
			{"escape sequence in a name (bug 10)", "POST", validate, part(`"name":"Riverside"`, `"name":"Riverside\u001b[2J"`), 400, "name", "text"},
			{"invalid UTF-8", "POST", validate, part(`"name":"Riverside"`, "\"name\":\"Riverside\xff\""), 400, "name", "text"},
			{"amount 1e400 (bug 6)", "POST", validate, part(`"120000.00"`, `"1e400"`), 422, "funding.lines[0].amount", "amount"},
			{"amount with three decimal places (bug 6)", "POST", validate, part(`"120000.00"`, `"120000.005"`), 422, "funding.lines[0].amount", "amount"},
			{"a million-digit amount", "POST", validate, part(`"120000.00"`, `"`+strings.Repeat("7", 100000)+`"`), 400, "funding.lines[0].amount", "number"},
			{"NHS number in a name", "POST", validate, part(`"name":"Riverside"`, `"name":"Riverside 943 476 5919"`), 422, "name", "personal-data"},
			{"postcode in an organisation's name", "POST", validate, part(`"Riverside Borough Co"`, `"Riverside CM1 1QH"`), 422, "organisations[0].name", "personal-data"},
			{"date of birth in a name", "POST", validate, part(`"name":"Riverside"`, `"name":"Riverside DOB 12/03/2015"`), 422, "name", "personal-data"},
			{"body over the size limit", "POST", validate, strings.Repeat(" ", 2<<20), 413, "", "size"},
		},
		"plan rendering": {
			{"empty partnership (bug 5)", "POST", planHTML, `{}`, 422, "arrangements.published", "required"},
			{"negative funding (bug 5)", "POST", planHTML, part(`"120000.00"`, `"-120000.00"`), 422, "funding.lines[0].amount", "funding-line"},
			{"100,000-character name (bug 1)", "POST", planHTML, part(`"name":"Riverside"`, `"name":"`+strings.Repeat("x", 100000)+`"`), 422, "name", "max"},
			{"unknown format", "POST", "/v1/plan?format=docx", string(small), 400, "format", "format"},
		},
		"funding scenario": {
			{"formula in a name (bug 3)", "POST", apportion, scen(`=HYPERLINK(\"http://x\",\"y\")`), 200, "", ""},
			{"escape sequence in a name (bug 10)", "POST", apportion, scen(`a\u001b[2Jb`), 400, "baseline.lines[0].name", "text"},
			{"NHS number in a name", "POST", apportion, scen(`Child 9434765919`), 422, "baseline.lines[0].name", "personal-data"},
			{"deep nesting (bug 2)", "POST", apportion, deep, 400, "events" + strings.Repeat("[0]", 31), "depth"},
			{"BOM flag not true or false", "POST", apportion + "&bom=yes", scen("A"), 400, "bom", "boolean"},
			{"unknown parameter", "POST", apportion + "&colour=red", scen("A"), 400, "colour", "unknown-parameter"},
		},
		"review cases": {
			{"aware 9999-12-31 (bug 4)", "POST", overdue, caseBody("X-1", "9999-12-31", "Duty manager"), 422, "cases[0].facts.aware", "after-on"},
			{"NHS number in events[].by", "POST", overdue, caseBody("X-1", "2021-03-01", "GP 943 476 5919"), 422, "cases[0].events[0].by", "personal-data"},
			{"date in the reference", "POST", overdue, caseBody("X-2015-03-12", "2021-03-01", "Duty manager"), 422, "cases[0].ref", "personal-data"},
			{"escape sequence in events[].by (bug 10)", "POST", overdue, caseBody("X-1", "2021-03-01", `Duty\u001b[31m`), 400, "cases[0].events[0].by", "text"},
			{"duplicate key (bug 11)", "POST", overdue, `{"cases":[],"cases":[]}`, 400, "cases", "duplicate-key"},
		},
	}
}

// TestBadInputCatalogue sends every try of the catalogue to the service
// and checks its outcome: the status, and for a 4xx the path and rule of
// the first problem, with no value repeated for personal data. It also
// keeps RELIABILITY.md's table in step (go test ./examples/service -run
// TestBadInputCatalogue -update rewrites it).
func TestBadInputCatalogue(t *testing.T) {
	h := newTestServer(t)
	cat := catalogue(t)
	surfaces := slices.Sorted(func(yield func(string) bool) {
		for k := range cat {
			if !yield(k) {
				return
			}
		}
	})
	var table strings.Builder
	table.WriteString("| surface | try | status | path | rule | outcome |\n| --- | --- | --- | --- | --- | --- |\n")
	silent, crashes, over := 0, 0, 0
	for _, surface := range surfaces {
		for _, b := range cat[surface] {
			t.Run(surface+"/"+b.try, func(t *testing.T) {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				rec := call(h, b.method, b.target, []byte(b.body), "Content-Type", "application/json")
				runtime.ReadMemStats(&after)
				alloc := after.TotalAlloc - before.TotalAlloc
				outcome := "named error"
				if b.status < 400 {
					outcome = "accepted, neutralised"
				}
				if rec.Code >= 500 {
					crashes++
				}
				if alloc > 64<<20 {
					over++
				}
				assert.Less(t, alloc, uint64(64<<20), "bytes allocated")
				require.Equal(t, b.status, rec.Code, "%.500s", rec.Body)
				if b.status >= 400 {
					p := readProblem(t, rec)
					if b.rule != "" {
						// The problem expected is among those answered.
						k := slices.IndexFunc(p.Problems, func(fp fieldProblem) bool { return fp.Field == b.field && fp.Rule == b.rule })
						require.GreaterOrEqual(t, k, 0, "want %s %s in %.800s", b.field, b.rule, rec.Body)
						if b.rule == "personal-data" {
							assert.Empty(t, p.Problems[k].Value)
							for _, leak := range []string{"5919", "1QH", "12/03", "2015-03-12"} {
								assert.NotContains(t, rec.Body.String(), leak)
							}
						}
					}
				} else if b.rule == "" && strings.Contains(b.body, "HYPERLINK") {
					if !assert.Contains(t, rec.Body.String(), "'=HYPERLINK") {
						silent++
					}
				}
				fmt.Fprintf(&table, "| %s | %s | %d | `%s` | %s | %s |\n", surface, b.try, rec.Code, b.field, b.rule, outcome)
			})
		}
	}
	fmt.Fprintf(&table, "\n%d tries: %d silent accepts, %d crashes (5xx or panic), %d over 64 MB allocated.\n", countTries(cat), silent, crashes, over)
	doc := reliabilityHead + table.String() + reliabilityTail
	golden.Assert(t, "../../RELIABILITY.md", []byte(doc))
}

func countTries(cat map[string][]badInput) int {
	n := 0
	for _, v := range cat {
		n += len(v)
	}
	return n
}

const reliabilityHead = `# Reliability: the bad-input catalogue

Every hostile input that issue 13 found, sent to the service (which
carries every input surface: partnership files, plans, funding scenarios
and review cases), with the outcome: the status, and the JSON path and
rule of a problem it must name. Personal data is refused without repeating
the value; a spreadsheet formula in a name is accepted and neutralised
in the CSV. Each try also allocates under 64 MB.

This file is generated; to regenerate it:

` + "```sh\ngo test ./examples/service -run TestBadInputCatalogue -update\n```" + `

The same test fails when an outcome changes. The packages keep their own
catalogues too (` + "`vocab.TestDecodeJSONHostile`, `reviews` and `masa/validate` personal-data tests, `funding` CSV tests" + `),
and docs/reliability.md describes the rules.

`

const reliabilityTail = `
See docs/reliability.md for the service under load, personal-data
screening and CSV for finance teams.
`
