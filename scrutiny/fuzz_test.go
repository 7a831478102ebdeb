package scrutiny_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/vocab"
)

// FuzzDecodePlan feeds arbitrary documents to DecodePlan and Build:
// neither may panic, every error must name what is wrong, and a built
// schedule must be consistent with its coverage and encode the same way
// twice.
func FuzzDecodePlan(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "plan-2020-21.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(`{"year":"2020/21","activities":[{"id":"a","title":"A","quarter":1,"function":"stocktake","aims":["challenge"]}]}`))
	f.Add([]byte(`{"year":"2020/21","activities":[{"id":"a","title":"A","quarter":9,"function":"x","aims":["y"],"lead":"z","voice":["w"]}]}`))
	f.Add([]byte(`{"year":"2021/22","reportReviews":[{"reportYear":"2020/21","activity":"a","date":"2021-07-01","outcome":"ok"}]}`))
	f.Add([]byte(`{}`))
	p := masa.Essex()
	f.Fuzz(func(t *testing.T, data []byte) {
		pl, err := scrutiny.ParsePlan(data)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("decode error is not ErrInvalid: %v", err)
			}
			return
		}
		s, err := scrutiny.Build(p, pl)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("build error names no field: %v", err)
			}
			return
		}
		for _, a := range scrutiny.Aims() {
			if s.Coverage.Served(a) == containsAim(s.Coverage.Uncovered, a) {
				t.Fatalf("aim %s: served and uncovered disagree", a)
			}
		}
		if (s.Coverage.Check() == nil) != (len(s.Coverage.Uncovered) == 0) {
			t.Fatal("Check disagrees with Uncovered")
		}
		a, err := vocab.EncodeJSON(s)
		if err != nil {
			t.Fatal(err)
		}
		s2, _ := scrutiny.Build(p, pl)
		b, _ := vocab.EncodeJSON(s2)
		if !bytes.Equal(a, b) {
			t.Fatal("two builds encoded differently")
		}
	})
}

func containsAim(as []scrutiny.Aim, a scrutiny.Aim) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}
