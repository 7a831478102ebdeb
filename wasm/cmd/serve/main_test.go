package main

import (
	"bytes"
	"context"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The successful path builds app.wasm and serves it until interrupted;
// the end-to-end tests (go test -tags e2e ./wasm/e2e) cover it. These
// tests cover the ways the command refuses to start, which all fail
// before the build.
func TestRunRefuses(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-nope"}, "flag provided but not defined"},
		{"extra arguments", []string{"now"}, `unexpected arguments ["now"]`},
		{"bad address", []string{"-addr", "not an address"}, "not an address"},
		{"busy port", []string{"-addr", busy.Addr().String()}, "address already in use"},
		{"outside the module", []string{"-addr", "127.0.0.1:0", "-dir", t.TempDir()}, "is not inside the github.com/masa-go/masa module"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			require.Error(t, err)
			assert.Contains(t, err.Error()+stderr.String(), tt.want)
		})
	}
}
