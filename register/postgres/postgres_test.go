package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/register/postgres"
	"github.com/masa-go/masa/register/registertest"
	"github.com/stretchr/testify/require"
)

// pgURL returns the test server's URL from MASA_PG_URL, or skips.
func pgURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("MASA_PG_URL")
	if u == "" {
		t.Skip("MASA_PG_URL is not set: no PostgreSQL server to test against (.ci/run starts one)")
	}
	return u
}

// freshSchema makes an empty schema for one test and returns a URL whose
// connections use it.
func freshSchema(t testing.TB) string {
	t.Helper()
	base := pgURL(t)
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	defer admin.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "masa_test_" + hex.EncodeToString(b[:])
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		_, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	})
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	registertest.Run(t, func(t *testing.T) registertest.Opener {
		u := freshSchema(t)
		return func() (register.Store, error) { return postgres.Open(context.Background(), u) }
	})
}

func TestMigrationsRunOnce(t *testing.T) {
	u := freshSchema(t)
	ctx := t.Context()
	stores := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := postgres.Open(ctx, u)
			if err == nil {
				s.Close()
			}
			stores <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-stores)
	}
	s, err := postgres.Open(ctx, u)
	require.NoError(t, err)
	defer s.Close()
	v, err := s.SchemaVersion(ctx)
	require.NoError(t, err)
	require.Equal(t, 2, v)
}

func TestBadURL(t *testing.T) {
	_, err := postgres.Open(t.Context(), "")
	require.Error(t, err)
	_, err = postgres.Open(t.Context(), "postgres://user:secret@127.0.0.1:1/db?sslmode=disable&connect_timeout=2")
	require.Error(t, err)
	require.NotContains(t, err.Error(), "secret")
}
