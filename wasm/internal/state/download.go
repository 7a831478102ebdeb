package state

import (
	"bytes"
	"errors"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
)

// DownloadKind names a file the page offers for download.
type DownloadKind string

// The downloads.
const (
	// DownloadCSV is the allocation: one row per contributor with its
	// basis, amount, baseline and explanation (funding's Result CSV).
	DownloadCSV DownloadKind = "csv"
	// DownloadComparisonCSV is the comparison with the baseline: old,
	// new, change and percentage change.
	DownloadComparisonCSV DownloadKind = "comparison-csv"
	// DownloadJSON is the scenario, its result and the comparison as
	// one JSON document.
	DownloadJSON DownloadKind = "json"
)

// Download is a file ready to save.
type Download struct {
	// Name is the file name, such as "scenario-for-2021-22.csv".
	Name string
	// Type is the media type.
	Type string
	// Data is the content.
	Data []byte
}

// ErrNoResult is returned when there is no result to download.
var ErrNoResult = errors.New("there is no result to download yet")

// resultDocument is the JSON download.
type resultDocument struct {
	Scenario   *funding.Scenario   `json:"scenario"`
	Result     *funding.Result     `json:"result"`
	Comparison *funding.Comparison `json:"comparison"`
}

// Download returns the file of the given kind for the last valid result.
// The bytes depend only on that result.
func (m *Model) Download(kind DownloadKind) (Download, error) {
	if m.Result == nil {
		return Download{}, ErrNoResult
	}
	base := string(Slug(m.Result.Scenario))
	if base == "" {
		base = "scenario"
	}
	var b bytes.Buffer
	switch kind {
	case DownloadCSV:
		if err := m.Result.WriteCSV(&b); err != nil {
			return Download{}, err
		}
		return Download{Name: base + ".csv", Type: "text/csv;charset=utf-8", Data: b.Bytes()}, nil
	case DownloadComparisonCSV:
		if err := m.Comparison.WriteCSV(&b); err != nil {
			return Download{}, err
		}
		return Download{Name: base + "-comparison.csv", Type: "text/csv;charset=utf-8", Data: b.Bytes()}, nil
	case DownloadJSON:
		data, err := vocab.EncodeJSON(resultDocument{Scenario: m.Scenario, Result: m.Result, Comparison: m.Comparison})
		if err != nil {
			return Download{}, err
		}
		return Download{Name: base + ".json", Type: "application/json", Data: data}, nil
	}
	return Download{}, errors.New("unknown download " + string(kind))
}
