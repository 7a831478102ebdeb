package main

import (
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNegotiate checks how the format parameter and the Accept header
// choose a representation.
func TestNegotiate(t *testing.T) {
	tests := []struct {
		query  string
		accept []string
		want   string // a format name, or the status of the error
	}{
		{"", nil, "json"},
		{"", []string{""}, "json"},
		{"", []string{" , "}, "json"},
		{"", []string{"*/*"}, "json"},
		{"", []string{"text/csv"}, "csv"},
		{"", []string{"text/*"}, "csv"},
		{"", []string{"application/*"}, "json"},
		{"", []string{"text/csv;q=0.5, application/json"}, "json"},
		{"", []string{"application/json;q=0.5, text/csv"}, "csv"},
		{"", []string{"application/json;q=0.5", "text/csv;q=0.9"}, "csv"},
		{"", []string{"text/csv;q=0, */*"}, "json"},
		{"", []string{"text/csv;q=1, application/json;q=1"}, "json"},
		{"", []string{"*/*;q=0.1, text/csv;q=0"}, "json"},
		{"", []string{"TEXT/CSV"}, "csv"},
		{"", []string{"image/png"}, "406"},
		{"", []string{"text/csv;q=0"}, "406"},
		{"", []string{"text/csv;q=2"}, "406"},
		{"", []string{"garbage;;"}, "406"},
		{"format=csv", []string{"application/json"}, "csv"},
		{"format=json", []string{"image/png"}, "json"},
		{"format=CSV", nil, "400"},
		{"format=", nil, "400"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/?"+tt.query, nil)
		for _, a := range tt.accept {
			r.Header.Add("Accept", a)
		}
		f, err := negotiate(r, formatJSON, formatCSV)
		switch tt.want {
		case "400", "406":
			var ce *clientError
			require.ErrorAs(t, err, &ce, "%q %q", tt.query, tt.accept)
			assert.Equal(t, tt.want, strconv.Itoa(ce.status), "%q %q", tt.query, tt.accept)
		default:
			require.NoError(t, err, "%q %q", tt.query, tt.accept)
			assert.Equal(t, tt.want, f.name, "%q %q", tt.query, tt.accept)
		}
	}
}
