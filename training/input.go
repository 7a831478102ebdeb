package training

import (
	"fmt"
	"io"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Input is a year's training input as one JSON document: the findings, and
// optionally the weights, the delivery plan and the evaluation evidence.
type Input struct {
	// Year is the financial year, such as "2020/21".
	Year vocab.FinancialYear `json:"year"`
	// Weights, when given, replaces the default weight of the sources it
	// names; other sources keep their default weights.
	Weights map[vocab.LearningSource]int `json:"weights,omitempty"`
	// Findings are the year's findings.
	Findings []Finding `json:"findings"`
	// Delivery is the delivery plan.
	Delivery []Delivery `json:"delivery,omitempty"`
	// Evaluation is the evidence of impact gathered in the year.
	Evaluation []Evidence `json:"evaluation,omitempty"`
}

// Read reads at most vocab.MaxDocumentBytes from r and parses them with
// [Parse].
func Read(r io.Reader) (*Input, error) { return vocab.ReadWith(r, Parse) }

// Load reads and parses the training input document file at path.
func Load(path string) (*Input, error) { return vocab.LoadWith(path, Parse) }

// Decode is the former name of [Parse].
//
// Deprecated: use Parse; Decode will be removed in the next release.
func Decode(data []byte) (*Input, error) { return Parse(data) }

// Parse decodes a training input document strictly: unknown fields,
// values of the wrong type, malformed dates and trailing data are errors
// naming the JSON path of the bad value. It checks the form only; [Run]
// checks the content.
func Parse(data []byte) (*Input, error) {
	var in Input
	if err := vocab.DecodeJSON(data, &in); err != nil {
		return nil, fmt.Errorf("training: input: %w", err)
	}
	return &in, nil
}

// Result is the outcome of a year's training input.
type Result struct {
	// Analysis is the ranked needs.
	Analysis *Analysis `json:"analysis"`
	// Plan is the delivery plan with its gaps.
	Plan *Plan `json:"plan"`
	// Impact is the impact summary for the Executive.
	Impact *Impact `json:"impact"`
}

// Run validates the input against the partnership and produces the needs
// analysis, the delivery plan and the impact summary. When anything is
// wrong it returns every problem it can find at once, as vocab.Problems;
// problems with the findings stop it before the plan is checked.
func Run(p *masa.Partnership, in *Input) (*Result, error) {
	arr, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	if in == nil {
		return nil, fmt.Errorf("training: %w", vocab.Invalid("", "required", "", "input is missing"))
	}
	a, ps := analyse(arr, in.Year, in.Findings, DefaultScoring().With(in.Weights))
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	pl, ps := planDelivery(arr, a, in.Delivery)
	im, eps := evaluate(arr, a, pl, in.Evaluation, len(ps) == 0)
	if err := append(ps, eps...).Err(); err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return &Result{Analysis: a, Plan: pl, Impact: im}, nil
}
