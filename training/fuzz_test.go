package training_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
)

// FuzzDecode feeds arbitrary documents to Decode and Run: neither may
// panic, every error must be a FieldError or Problems naming what is
// wrong, and a successful run must rank consistently and encode to the
// same bytes twice.
func FuzzDecode(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "input-2020-21.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(`{"year":"2020/21","findings":[{"ref":"a","source":"inspections","theme":"t","date":"2020-04-01","severity":1,"audience":"both"}]}`))
	f.Add([]byte(`{"year":"2020/21","weights":{"inspections":10},"findings":[],"delivery":[{"theme":"t","methods":["e-learning"],"audience":"adults","quarter":4}]}`))
	f.Add([]byte(`{"year":"2020/21","evaluation":[{"theme":"t","type":"supervision","date":"2021-03-31"}]}`))
	f.Add([]byte(`{"year":"1999/00"}`))
	f.Add([]byte(`[]`))
	p := masa.Essex()
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := training.Parse(data)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("decode error is not ErrInvalid: %v", err)
			}
			return
		}
		res, err := training.Run(p, in)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("run error names no field: %v", err)
			}
			return
		}
		total := 0
		for i, n := range res.Analysis.Needs {
			if n.Rank != i+1 || (i > 0 && res.Analysis.Needs[i-1].Score < n.Score) {
				t.Fatalf("ranking out of order at %d: %+v", i, n)
			}
			total += n.Findings
		}
		if total != len(in.Findings) {
			t.Fatalf("%d findings in needs, %d given", total, len(in.Findings))
		}
		a, err := vocab.EncodeJSON(res)
		if err != nil {
			t.Fatal(err)
		}
		res2, err := training.Run(p, in)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := vocab.EncodeJSON(res2)
		if !bytes.Equal(a, b) {
			t.Fatal("two runs encoded differently")
		}
	})
}
