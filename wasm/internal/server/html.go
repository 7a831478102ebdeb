package server

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// sortAttributes returns page with the attributes of every start tag in
// name order. go-app writes attributes in map order, so the same page
// would otherwise differ from one request to the next. go-app quotes
// attribute values with strconv.Quote, which is how they are read back
// here. If the page holds anything this reader does not expect, it is
// returned unchanged.
func sortAttributes(page []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(page))
	s := string(page)
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			out.WriteString(s)
			return out.Bytes()
		}
		out.WriteString(s[:i+1])
		s = s[i+1:]
		if s == "" || !isLetter(s[0]) {
			continue
		}
		n := 0
		for n < len(s) && (isLetter(s[n]) || isDigit(s[n]) || s[n] == '-') {
			n++
		}
		out.WriteString(s[:n])
		s = s[n:]
		// Attributes are reordered; the white space between them stays
		// where it was, so the output is a reordering of the input.
		var attrs, seps []string
		for {
			t := strings.TrimLeft(s, " \t\n")
			sep := s[:len(s)-len(t)]
			if t == "" {
				return page
			}
			if t[0] == '>' || strings.HasPrefix(t, "/>") {
				seps = append(seps, sep)
				s = t
				break
			}
			if sep == "" {
				return page // attributes follow the tag name and each other after white space
			}
			k := 0
			for k < len(t) && t[k] != '=' && t[k] != ' ' && t[k] != '>' && t[k] != '\t' && t[k] != '\n' {
				k++
			}
			if k == 0 {
				return page
			}
			attr := t[:k]
			t = t[k:]
			if strings.HasPrefix(t, "=") {
				q, err := strconv.QuotedPrefix(t[1:])
				if err != nil {
					return page
				}
				attr += "=" + q
				t = t[1+len(q):]
			}
			attrs = append(attrs, attr)
			seps = append(seps, sep)
			s = t
		}
		slices.SortStableFunc(attrs, func(a, b string) int {
			return strings.Compare(attrName(a), attrName(b))
		})
		for i, a := range attrs {
			out.WriteString(seps[i])
			out.WriteString(a)
		}
		out.WriteString(seps[len(attrs)])
	}
}

func attrName(attr string) string {
	name, _, _ := strings.Cut(attr, "=")
	return name
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// Without a domain, go-app writes these Open Graph tags with an empty
// host; they are left out instead.
var emptyOpenGraph = [][]byte{
	[]byte(`<meta content="https://" property="og:url">`),
	[]byte(`<meta content="https://" property="og:image">`),
}

// deterministicPages buffers HTML responses from next and sorts their
// attributes, dropping the empty Open Graph tags when noDomain is set;
// other responses pass through untouched.
func deterministicPages(next http.Handler, noDomain bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &pageRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if !rec.buffering {
			return
		}
		body := sortAttributes(rec.body.Bytes())
		if noDomain {
			for _, tag := range emptyOpenGraph {
				body = dropLine(body, tag)
			}
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// pageRecorder holds back an HTML response; anything else is written
// through as it comes.
type pageRecorder struct {
	http.ResponseWriter
	decided   bool
	buffering bool
	status    int
	body      bytes.Buffer
}

func (p *pageRecorder) WriteHeader(status int) {
	if p.decided {
		return
	}
	p.decided = true
	p.status = status
	if strings.HasPrefix(p.Header().Get("Content-Type"), "text/html") && status == http.StatusOK {
		p.buffering = true
		return
	}
	p.ResponseWriter.WriteHeader(status)
}

func (p *pageRecorder) Write(b []byte) (int, error) {
	if !p.decided {
		p.WriteHeader(http.StatusOK)
	}
	if p.buffering {
		return p.body.Write(b)
	}
	return p.ResponseWriter.Write(b)
}

// dropLine removes the line holding tag, with its indentation and line
// break, wherever it occurs.
func dropLine(page, tag []byte) []byte {
	for {
		i := bytes.Index(page, tag)
		if i < 0 {
			return page
		}
		start := bytes.LastIndexByte(page[:i], '\n') + 1
		if strings.TrimSpace(string(page[start:i])) != "" {
			start = i
		}
		end := i + len(tag)
		if end < len(page) && page[end] == '\n' {
			end++
		}
		page = append(page[:start:start], page[end:]...)
	}
}
