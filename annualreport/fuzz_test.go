package annualreport_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// FuzzDecode feeds arbitrary documents to Decode, Assemble and MarkReady:
// none may panic, every error must name what is wrong, and an assembled
// report must list exactly its missing required sections and encode the
// same way twice.
func FuzzDecode(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "input-2020-21.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(`{"year":"2020/21"}`))
	f.Add([]byte(`{"year":"2020/21","reviews":[],"priorities":[{"name":"N","progress":"none","note":"Paused."}]}`))
	f.Add([]byte(`{"year":"2020/21","feedback":[{"voice":"commissioning","sought":"s","used":"u"}],"reportReviews":[{"reportYear":"2020/21","activity":"a","date":"2021-05-01","outcome":"ok"}]}`))
	f.Add([]byte(`{"year":"2020/21","training":{"year":"2020/21","findings":[]},"scrutiny":{"year":"2020/21","activities":[]}}`))
	p := masa.Essex()
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := annualreport.Parse(data)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("decode error is not ErrInvalid: %v", err)
			}
			return
		}
		r, err := annualreport.Assemble(p, in)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("assemble error names no field: %v", err)
			}
			return
		}
		n := 0
		for _, s := range r.Sections {
			if s.Required && s.Missing {
				if n >= len(r.Missing) || r.Missing[n].Section != s.ID {
					t.Fatalf("section %s is missing but not listed in order", s.ID)
				}
				n++
			}
		}
		if n != len(r.Missing) {
			t.Fatalf("%d missing listed, %d sections missing", len(r.Missing), n)
		}
		a, err := vocab.EncodeJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		r2, _ := annualreport.Assemble(p, in)
		b, _ := vocab.EncodeJSON(r2)
		if !bytes.Equal(a, b) {
			t.Fatal("two assemblies encoded differently")
		}
		if err := r.MarkReady(in.Year.End().AddDays(200)); err == nil && (!r.Complete() || len(r.Gate.Reviews) == 0) {
			t.Fatal("marked ready without every part and a scrutiny review")
		}
	})
}
