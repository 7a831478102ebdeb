package main

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/masa-go/masa/vocab"
)

// format is one representation an endpoint can answer with.
type format struct {
	// name is the value of the "format" query parameter.
	name string
	// mediaType is the Content-Type of the answer and what the Accept
	// header names.
	mediaType string
}

// Representations offered by the endpoints.
var (
	formatJSON = format{"json", "application/json"}
	formatCSV  = format{"csv", "text/csv"}
	formatPDF  = format{"pdf", "application/pdf"}
	formatHTML = format{"html", "text/html"}
)

// negotiate chooses the representation of the answer among offers, the
// first of which is the default. The "format" query parameter, when
// given, decides; otherwise the Accept header does: the offer with the
// highest weight wins, ties going to the earlier offer, and a header that
// accepts none of the offers is answered 406.
func negotiate(r *http.Request, offers ...format) (format, error) {
	q := r.URL.Query()
	if q.Has("format") {
		v := q.Get("format")
		var names []string
		for _, f := range offers {
			if f.name == v {
				return f, nil
			}
			names = append(names, f.name)
		}
		return format{}, badRequest(inQuery, vocab.Invalid("format", "format", v, "must be one of: "+strings.Join(names, ", ")))
	}
	accept := strings.Join(r.Header.Values("Accept"), ",")
	if strings.Trim(accept, " \t,") == "" {
		return offers[0], nil
	}
	ranges := parseAccept(accept)
	best, bestQ := format{}, 0.0
	for _, f := range offers {
		if q := quality(ranges, f.mediaType); q > bestQ {
			best, bestQ = f, q
		}
	}
	if bestQ > 0 {
		return best, nil
	}
	var names []string
	for _, f := range offers {
		names = append(names, f.mediaType)
	}
	return format{}, newClientError(http.StatusNotAcceptable, inHeader,
		vocab.Invalid("Accept", "media-type", accept, "accepts none of: "+strings.Join(names, ", ")))
}

// mediaRange is one entry of an Accept header.
type mediaRange struct {
	mediaType string
	q         float64
}

// parseAccept reads an Accept header's media ranges and their weights;
// entries that do not parse are ignored.
func parseAccept(header string) []mediaRange {
	var out []mediaRange
	for _, part := range strings.Split(header, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil || q < 0 || q > 1 {
				continue
			}
		}
		out = append(out, mediaRange{mt, q})
	}
	return out
}

// quality returns the weight the ranges give mediaType: the weight of the
// most specific range that matches it (type/subtype, then type/*, then
// */*), or 0 when none does.
func quality(ranges []mediaRange, mediaType string) float64 {
	major, _, _ := strings.Cut(mediaType, "/")
	q, specificity := 0.0, -1
	for _, r := range ranges {
		s := -1
		switch r.mediaType {
		case mediaType:
			s = 2
		case major + "/*":
			s = 1
		case "*/*":
			s = 0
		}
		if s > specificity {
			q, specificity = r.q, s
		}
	}
	return q
}

// contentType returns the Content-Type header value for f.
func (f format) contentType() string {
	if strings.HasPrefix(f.mediaType, "text/") {
		return f.mediaType + "; charset=utf-8"
	}
	return f.mediaType
}
