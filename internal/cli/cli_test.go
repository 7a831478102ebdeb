package cli_test

import (
	"bytes"
	"errors"
	"flag"
	"testing"

	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
)

func newFlags(w *bytes.Buffer) *flag.FlagSet {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.String("partnership", "", "partnership JSON `FILE`")
	cli.Usage(fs, w, "demo [-partnership FILE]", "Does a demonstration.", "go run ./demo -partnership x.json")
	return fs
}

func TestParse(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		goOn   bool
		want   []string
	}{
		{args: []string{"-h"}, status: 0, want: []string{"Usage: demo", "Does a demonstration.", "-partnership FILE", "Example:\n  go run ./demo"}},
		{args: []string{"-nope"}, status: 2, want: []string{"flag provided but not defined: -nope", "Usage: demo"}},
		{args: []string{"one", "two"}, status: 2, want: []string{`demo: unexpected argument "two"`}},
		{args: []string{"one"}, status: 0, goOn: true},
	}
	for _, tt := range tests {
		var w bytes.Buffer
		status, goOn := cli.Parse(newFlags(&w), tt.args, 1)
		assert.Equal(t, tt.status, status, tt.args)
		assert.Equal(t, tt.goOn, goOn, tt.args)
		for _, s := range tt.want {
			assert.Contains(t, w.String(), s, tt.args)
		}
		usages := 0
		if tt.args[0] == "-h" || tt.args[0] == "-nope" {
			usages = 1
		}
		assert.Equal(t, usages, bytes.Count(w.Bytes(), []byte("Usage:")), "usage printed at most once: %v", tt.args)
	}
}

func TestFail(t *testing.T) {
	var w bytes.Buffer
	assert.Equal(t, 2, cli.Fail(&w, "demo", errors.New("demo: broken"), 2))
	assert.Equal(t, "demo: broken\n", w.String(), "the program's name once")

	w.Reset()
	cli.Fail(&w, "demo", errors.New("masa: partnership file: bad"), 2)
	assert.Equal(t, "demo: masa: partnership file: bad\n", w.String())

	w.Reset()
	ps := vocab.Problems{vocab.Invalid("a", "r", "1", "is bad"), vocab.Invalid("b", "r", "2", "is worse")}
	cli.Fail(&w, "demo", ps, 1)
	assert.Equal(t, "demo: 2 problems:\n  "+ps[0].Error()+"\n  "+ps[1].Error()+"\n", w.String())
}
