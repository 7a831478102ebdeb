package sqlite_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/register/registertest"
	"github.com/masa-go/masa/register/sqlite"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConformance(t *testing.T) {
	registertest.Run(t, func(t *testing.T) registertest.Opener {
		path := filepath.Join(t.TempDir(), "register.db")
		return func() (register.Store, error) { return sqlite.Open(t.Context(), path) }
	})
}

func open(t *testing.T) (*sqlite.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "register.db")
	s, err := sqlite.Open(t.Context(), path)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestPragmas(t *testing.T) {
	s, _ := open(t)
	for _, db := range []*sql.DB{s.DB(), s.ReadDB()} {
		var mode string
		var sync, fk int
		require.NoError(t, db.QueryRow("PRAGMA journal_mode").Scan(&mode))
		require.NoError(t, db.QueryRow("PRAGMA synchronous").Scan(&sync))
		require.NoError(t, db.QueryRow("PRAGMA foreign_keys").Scan(&fk))
		assert.Equal(t, "wal", mode)
		assert.Equal(t, 2, sync, "synchronous=FULL")
		assert.Equal(t, 1, fk)
	}
	v, err := s.SchemaVersion(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 2, v)
}

func TestBackupWhileWriting(t *testing.T) {
	s, _ := open(t)
	ctx := t.Context()
	reg, err := register.New(s, registertest.Engine(t))
	require.NoError(t, err)
	cases := registertest.Generate(3, reg.Engine(), vocab.MustDate("2026-11-23"), 200)
	require.NoError(t, reg.Import(ctx, "import", cases))

	// Writers go on while the backup is taken.
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			if _, err := reg.Create(ctx, "bu", "LIVE-"+strconv.Itoa(i), registertest.Serious("2021-01-04")); err != nil {
				t.Error(err)
				return
			}
		}
	})
	dst := filepath.Join(t.TempDir(), "backup.db")
	require.NoError(t, s.Backup(ctx, dst))
	close(done)
	wg.Wait()
	assert.Error(t, s.Backup(ctx, dst), "an existing file is never overwritten")

	b, err := sqlite.Open(ctx, dst)
	require.NoError(t, err)
	defer b.Close()
	n := 0
	require.NoError(t, b.Cases(ctx, func(c *register.Case) error {
		n++
		return nil
	}))
	assert.GreaterOrEqual(t, n, 200)
	c, err := b.Case(ctx, cases[0].Ref)
	require.NoError(t, err)
	assert.Equal(t, len(cases[0].Events), c.Version)
}

func TestRefusesNewerSchema(t *testing.T) {
	s, path := open(t)
	_, err := s.DB().Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 0)")
	require.NoError(t, err)
	require.NoError(t, s.Close())
	_, err = sqlite.Open(t.Context(), path)
	require.ErrorContains(t, err, "schema version 99, newer than this program's 2")
}

func TestRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	require.NoError(t, os.WriteFile(path, []byte("not a database, just some text that is long enough to look like a header ..........................................."), 0o600))
	_, err := sqlite.Open(t.Context(), path)
	require.Error(t, err)
	_, err = sqlite.Open(t.Context(), "")
	require.Error(t, err)
}
