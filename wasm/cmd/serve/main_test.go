package main

import (
	"bytes"
	"context"
	"net"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The successful path serves until interrupted; the end-to-end tests (go
// test -tags e2e ./wasm/e2e) cover it. These tests cover the ways the
// command refuses to start, which all fail before it listens.
func TestRunRefuses(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()

	none := fstest.MapFS{"README.md": {Data: []byte("no client")}}
	broken := fstest.MapFS{"build.json": {Data: []byte(`{"go":"go1.26.8","wasmBytes":8,"sha256":"ab"}`)}}
	tests := []struct {
		name   string
		client fstest.MapFS
		args   []string
		want   string
	}{
		{"unknown flag", none, []string{"-nope"}, "flag provided but not defined"},
		{"extra arguments", none, []string{"now"}, `unexpected arguments ["now"]`},
		{"bad address", none, []string{"-addr", "not an address"}, "not an address"},
		{"busy port", none, []string{"-addr", busy.Addr().String()}, "address already in use"},
		{"no client and outside the module", none, []string{"-addr", "127.0.0.1:0", "-dir", t.TempDir()}, "is not inside the github.com/masa-go/masa module"},
		{"incomplete client", broken, []string{"-addr", "127.0.0.1:0"}, "app.wasm.gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.client, tt.args, &stdout, &stderr)
			require.Error(t, err)
			assert.Contains(t, err.Error()+stderr.String(), tt.want)
		})
	}
}
