// Package schema holds the JSON Schemas (draft 2020-12) of every input
// file masa reads, generated from the Go types that read them, so that an
// editor can check and complete a file as it is written.
//
// The schemas are the *.schema.json files in this directory. They are
// generated, never edited by hand:
//
//	go generate ./schema
//
// The package's tests fail when a type has changed and the schemas have
// not been regenerated, and validate every shipped and testdata input file
// against its schema. docs/schemas.md explains how to point an editor at
// them.
package schema

//go:generate go run ./gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"
	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
	"github.com/shopspring/decimal"
)

// BaseURL is where the schemas are published; each schema's $id is BaseURL
// followed by its file name.
const BaseURL = "https://raw.githubusercontent.com/masa-go/masa/main/schema/"

// Kind is one kind of input file.
type Kind struct {
	// Name is the schema's file name without ".schema.json", such as
	// "partnership".
	Name string
	// Title says what the file is.
	Title string
	// Reader names the function that reads the file.
	Reader string
	// Patterns are the repository paths (path.Match patterns) of the
	// shipped and testdata files of this kind.
	Patterns []string

	typ any
}

// File returns the schema's file name, such as "partnership.schema.json".
func (k Kind) File() string { return k.Name + ".schema.json" }

// Kinds lists every kind of input file. A file is of the first kind whose
// patterns match its path.
func Kinds() []Kind {
	return []Kind{
		{Name: "partnership", Title: "masa partnership file", Reader: "masa.Load", typ: masa.Partnership{},
			Patterns: []string{"masa/data/essex-*.json", "masa/testdata/*.json", "examples/masa/testdata/mine.json"}},
		{Name: "rulesets", Title: "masa rule sets", Reader: "masa.LoadRuleSets", typ: []masa.RuleSet{},
			Patterns: []string{"masa/data/rulesets.json", "masa/testdata/rulesets/*.json"}},
		{Name: "scenario", Title: "masa funding scenario", Reader: "funding.LoadScenario", typ: funding.Scenario{},
			Patterns: []string{"funding/testdata/scenarios/*.json", "examples/scenarios/testdata/scenario.json", "examples/scenarios/testdata/bad.json", "examples/plan/testdata/icb-2023.json", "examples/plan/testdata/raise-2021.json"}},
		{Name: "review-case", Title: "masa review case", Reader: "reviews.LoadCase", typ: reviews.Case{},
			Patterns: []string{"reviews/testdata/*-case.json", "examples/service/testdata/cases/*.json", "examples/timeline/example-case.json", "examples/timeline/testdata/*case.json"}},
		{Name: "review-rules", Title: "masa review rules", Reader: "reviews.LoadRules", typ: []reviews.RuleSet{},
			Patterns: []string{"reviews/data/rules.json"}},
		{Name: "sources", Title: "masa public sources checked", Reader: "vocab.PublicSources", typ: []vocab.PublicSource{},
			Patterns: []string{"vocab/data/sources.json"}},
		{Name: "holidays", Title: "masa bank holidays", Reader: "workdays.Calendar.ExtendFile", typ: workdays.File{},
			Patterns: []string{"workdays/data/*.json", "workdays/testdata/*.json", "examples/timeline/testdata/holidays-*.json", "examples/timeline/testdata/extra.json"}},
		{Name: "training", Title: "masa training input", Reader: "training.Load", typ: training.Input{},
			Patterns: []string{"training/testdata/input-*.json", "examples/scrutiny/testdata/*findings.json"}},
		{Name: "scrutiny-plan", Title: "masa scrutiny plan", Reader: "scrutiny.LoadPlan", typ: scrutiny.Plan{},
			Patterns: []string{"scrutiny/testdata/plan-*.json", "examples/scrutiny/testdata/*plan*.json"}},
		{Name: "board", Title: "masa board business", Reader: "board.Load", typ: board.Business{},
			Patterns: []string{"board/data/*.json", "board/testdata/*.json", "examples/board/testdata/*.json", "examples/*/testdata/board-*.json"}},
		{Name: "yearly-report", Title: "masa yearly-report input", Reader: "annualreport.Load", typ: annualreport.Input{},
			Patterns: []string{"annualreport/testdata/input-*.json", "examples/scrutiny/testdata/sample-*.json", "examples/annualreport/testdata/*.json"}},
	}
}

// Packages are the directories, relative to the repository root, whose Go
// doc comments become the schemas' descriptions.
func Packages() []string {
	return []string{"annualreport", "board", "funding", "masa", "reviews", "scrutiny", "training", "vocab", "workdays"}
}

// Generate returns the schema of every kind, keyed by file name. It reads
// the Go doc comments of Packages from the source tree, so it runs in the
// schema directory (as go generate and go test do). The output is
// deterministic.
func Generate() (map[string][]byte, error) {
	comments := &jsonschema.Reflector{}
	for _, dir := range Packages() {
		if err := comments.AddGoComments("github.com/masa-go/masa/schema", "../"+dir); err != nil {
			return nil, fmt.Errorf("schema: reading comments of %s: %w", dir, err)
		}
	}
	out := map[string][]byte{}
	for _, k := range Kinds() {
		r := &jsonschema.Reflector{
			// Like vocab.DecodeJSON: unknown members are errors.
			AllowAdditionalProperties: false,
			// The decoders need no member; masa/validate and each
			// package's checks say which are required, with a message.
			RequiredFromJSONSchemaTags: true,
			Mapper:                     mapper,
			// Types of the same name in two packages (training.Plan and
			// scrutiny.Plan) stay apart.
			Namer: func(t reflect.Type) string {
				if t.Name() == "" || t.PkgPath() == "" {
					return t.Name()
				}
				return path.Base(t.PkgPath()) + "." + t.Name()
			},
		}
		r.CommentMap = maps.Clone(comments.CommentMap)
		s := r.Reflect(k.typ)
		if root := s.Definitions[strings.TrimPrefix(s.Ref, "#/$defs/")]; root != nil && root.Properties != nil {
			// A file may name its schema; masa's readers skip the member.
			root.Properties.Set("$schema", &jsonschema.Schema{Type: "string",
				Description: "The file's JSON Schema, for editors; masa's readers skip it."})
		}
		s.ID = jsonschema.ID(BaseURL + k.File())
		s.Title = k.Title
		s.Description = fmt.Sprintf("The %s, as read by %s. Generated from the Go types by go generate ./schema; do not edit.", k.Title, k.Reader)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			return nil, fmt.Errorf("schema: encoding %s: %w", k.Name, err)
		}
		out[k.File()] = buf.Bytes()
	}
	return out, nil
}

// mapper gives the schema of the types that encode themselves.
func mapper(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[vocab.Date]():
		return &jsonschema.Schema{Type: "string", Pattern: `^([0-9]{4}-[0-9]{2}-[0-9]{2})?$`,
			Description: "A date, YYYY-MM-DD (empty for none)."}
	case reflect.TypeFor[vocab.FinancialYear]():
		return &jsonschema.Schema{Type: "string", Pattern: `^([0-9]{4}/[0-9]{2})?$`,
			Description: "A financial year, 1 April to 31 March, such as \"2020/21\" (empty for none)."}
	case reflect.TypeFor[board.When]():
		return &jsonschema.Schema{Type: "string", Pattern: `^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$`,
			Description: "A date, YYYY-MM-DD, or a month, YYYY-MM, when the day is not known."}
	case reflect.TypeFor[funding.Number](), reflect.TypeFor[decimal.Decimal]():
		return &jsonschema.Schema{
			OneOf: []*jsonschema.Schema{
				{Type: "string", Pattern: `^-?[0-9]+(\.[0-9]+)?$`},
				{Type: "number"},
			},
			Description: "A decimal number, best written as a string such as \"1210.50\"; never a float in arithmetic.",
		}
	case reflect.TypeFor[vocab.Role]():
		roles := vocab.Roles()
		enum := make([]any, len(roles))
		for i, r := range roles {
			enum[i] = string(r)
		}
		return &jsonschema.Schema{Type: "string", Enum: enum, Description: "A statutory safeguarding partner role."}
	}
	return nil
}

// Names returns the schema file names in Kinds order.
func Names() []string {
	var out []string
	for _, k := range Kinds() {
		out = append(out, k.File())
	}
	return slices.Clip(out)
}
