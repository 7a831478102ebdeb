package workdays

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestEmbeddedLondon checks the embedded fallback zone against the zone
// database the test binary finds (the machine's files or time/tzdata): the
// same offset at every hour boundary near each spring and autumn change
// from 1996 to 2037.
func TestEmbeddedLondon(t *testing.T) {
	embedded, err := time.LoadLocationFromTZData("Europe/London", londonTZif)
	require.NoError(t, err)
	system, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no zone database to compare with: %v", err)
	}
	for year := 1996; year <= 2037; year++ {
		for _, month := range []time.Month{time.March, time.October} {
			for day := 24; day <= 31; day++ {
				for hour := 0; hour < 3; hour++ {
					at := time.Date(year, month, day, hour, 30, 0, 0, time.UTC)
					_, want := at.In(system).Zone()
					_, got := at.In(embedded).Zone()
					require.Equal(t, want, got, "offset at %s", at)
				}
			}
		}
	}
	_, summer := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).In(London()).Zone()
	require.Equal(t, 3600, summer)
}
