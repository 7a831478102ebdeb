package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openAPIDoc is the part of an OpenAPI 3.1 document the tests read.
type openAPIDoc struct {
	OpenAPI    string                          `json:"openapi"`
	Info       map[string]any                  `json:"info"`
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Parameters map[string]parameter `json:"parameters"`
		Responses  map[string]response  `json:"responses"`
		Schemas    map[string]any       `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	OperationID string              `json:"operationId"`
	Summary     string              `json:"summary"`
	Parameters  []parameter         `json:"parameters"`
	RequestBody *json.RawMessage    `json:"requestBody"`
	Responses   map[string]response `json:"responses"`
}

type parameter struct {
	Ref  string `json:"$ref"`
	Name string `json:"name"`
	In   string `json:"in"`
}

type response struct {
	Ref     string                     `json:"$ref"`
	Content map[string]json.RawMessage `json:"content"`
}

func loadOpenAPI(t testing.TB) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	require.NoError(t, json.Unmarshal(openAPIJSON, &doc))
	return doc
}

// param resolves a parameter reference.
func (doc openAPIDoc) param(p parameter) parameter {
	if name, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
		return doc.Components.Parameters[name]
	}
	return p
}

// resp resolves a response reference.
func (doc openAPIDoc) resp(r response) response {
	if name, ok := strings.CutPrefix(r.Ref, "#/components/responses/"); ok {
		return doc.Components.Responses[name]
	}
	return r
}

// TestOpenAPIMatchesRoutes checks that openapi.json documents exactly the
// registered routes, with exactly the query and path parameters each
// handler accepts.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	assert.NotEmpty(t, doc.Info["title"])
	assert.NotEmpty(t, doc.Info["version"])

	registered := map[string]route{}
	for _, rt := range (&server{}).routes() {
		registered[rt.pattern()] = rt
	}
	documented := map[string]operation{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented[strings.ToUpper(method)+" "+path] = op
		}
	}
	assert.ElementsMatch(t, keys(registered), keys(documented), "documented routes (right) differ from registered routes (left)")

	pathParam := regexp.MustCompile(`\{([^}]+)\}`)
	ids := map[string]bool{}
	for pattern, op := range documented {
		rt, ok := registered[pattern]
		if !ok {
			continue
		}
		t.Run(pattern, func(t *testing.T) {
			assert.NotEmpty(t, op.OperationID)
			assert.False(t, ids[op.OperationID], "operationId %s repeated", op.OperationID)
			ids[op.OperationID] = true
			assert.NotEmpty(t, op.Summary)

			var query, path []string
			for _, p := range op.Parameters {
				p = doc.param(p)
				require.NotEmpty(t, p.Name, "unresolved parameter in %s", pattern)
				switch p.In {
				case "query":
					query = append(query, p.Name)
				case "path":
					path = append(path, p.Name)
				}
			}
			assert.ElementsMatch(t, rt.query, query, "query parameters")
			var want []string
			for _, m := range pathParam.FindAllStringSubmatch(rt.path, -1) {
				want = append(want, m[1])
			}
			assert.ElementsMatch(t, want, path, "path parameters")

			codes := keys(op.Responses)
			// Every endpoint rejects unknown query parameters with a 400.
			assert.Subset(t, codes, []string{"400", "500"})
			assert.True(t, slices.ContainsFunc(codes, func(c string) bool { return c[0] == '2' }), "a success response")
			if op.RequestBody != nil {
				assert.Subset(t, codes, []string{"413", "415"})
			}
			for code, r := range op.Responses {
				r = doc.resp(r)
				require.NotNil(t, r.Content, "%s %s: unresolved response", pattern, code)
				if code[0] == '4' || code[0] == '5' {
					assert.Contains(t, r.Content, problemJSON, "%s %s", pattern, code)
				}
			}
		})
	}
}

// TestOpenAPIRefsResolve checks that every $ref in the document points at
// something that exists.
func TestOpenAPIRefsResolve(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(openAPIJSON, &doc))
	var visit func(v any)
	n := 0
	visit = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				n++
				assert.True(t, resolves(doc, ref), "unresolved $ref %s", ref)
			}
			for _, e := range x {
				visit(e)
			}
		case []any:
			for _, e := range x {
				visit(e)
			}
		}
	}
	visit(doc)
	assert.Positive(t, n)
}

func resolves(doc map[string]any, ref string) bool {
	rest, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return false
	}
	var cur any = doc
	for _, part := range strings.Split(rest, "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return true
}

// assertDocumented checks that status is a documented response of the
// route that serves method and target.
func assertDocumented(t *testing.T, method, target string, status int) {
	t.Helper()
	doc := loadOpenAPI(t)
	mux := http.NewServeMux()
	for _, rt := range (&server{}).routes() {
		mux.Handle(rt.pattern(), http.NotFoundHandler())
	}
	_, pattern := mux.Handler(httptest.NewRequest(method, target, nil))
	if pattern == "" {
		return // no route: the 404 and 405 of the whole service
	}
	m, path, _ := strings.Cut(pattern, " ")
	op := doc.Paths[path][strings.ToLower(m)]
	assert.Contains(t, keys(op.Responses), strconv.Itoa(status), "%s %s answered %d, which openapi.json does not list", method, target, status)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
