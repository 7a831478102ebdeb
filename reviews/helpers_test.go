package reviews_test

import (
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/internal/casegen"
	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/require"
)

var d = vocab.MustDate

func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), got)
}

func essex(t testing.TB) *reviews.Engine {
	t.Helper()
	e, err := reviews.New(masa.Essex())
	require.NoError(t, err)
	return e
}

func riverside(t testing.TB) *reviews.Engine {
	t.Helper()
	p, err := masa.Load("../masa/testdata/riverside.json")
	require.NoError(t, err)
	e, err := reviews.New(p)
	require.NoError(t, err)
	return e
}

// lifecycle loads the fictional full lifecycle case.
func lifecycle(t testing.TB) *reviews.Case {
	t.Helper()
	c, err := reviews.LoadCase("testdata/lifecycle-case.json")
	require.NoError(t, err)
	return c
}

func yes() *bool { v := true; return &v }
func no() *bool  { v := false; return &v }

// serious returns the facts of a serious incident (a death, abuse
// suspected, in the area, not looked after) the local authority became
// aware of on aware.
func serious(aware string) reviews.Facts {
	return reviews.Facts{Aware: d(aware), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.InArea, LookedAfter: no()}
}

// newGen returns the shared case generator (internal/casegen).
func newGen(seed uint64, e *reviews.Engine, end vocab.Date) *casegen.Gen {
	return casegen.New(seed, e, end)
}
