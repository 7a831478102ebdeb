package state

import (
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPartnershipOf(t *testing.T) {
	essex, err := PartnershipOf(masa.Essex())
	require.NoError(t, err)
	assert.Equal(t, "Essex Safeguarding Children Board", essex.Name)
	assert.Len(t, essex.Baseline.Lines, 11)
	require.NotNil(t, essex.Succession, "the file records the 26 June 2021 and 1 July 2022 successions")
	assert.Equal(t, "2022-07-01", essex.Succession.On.String())
	m := NewModelFor(essex)
	assert.Equal(t, "7 contributors replaced by 4 successors on 1 July 2022", m.SuccessionSummary(), "the probation unification of 26 June 2021 and the ICBs")
	m.Set(FieldICB, "true")
	require.Empty(t, m.Problems)
	assert.Len(t, m.Result.Lines, 8)

	river, err := masa.Load(filepath.Join("..", "..", "..", "masa", "testdata", "riverside.json"))
	require.NoError(t, err)
	pt, err := PartnershipOf(river)
	require.NoError(t, err)
	assert.Nil(t, pt.Succession)
	rm := NewModelFor(pt)
	assert.Empty(t, rm.Problems, "a table in pence starts with pence rounding")
	assert.Equal(t, funding.Pence, rm.Form.Unit)
	assert.Equal(t, "", rm.SuccessionSummary())
	rm.Set(FieldICB, "true")
	require.Len(t, rm.Problems, 1)
	assert.Equal(t, FieldICB, rm.Problems[0].Field)

	river.Funding = nil
	_, err = PartnershipOf(river)
	assert.Error(t, err)
	_, err = ParsePartnership([]byte(`{"id":`))
	assert.Error(t, err)
}

// Bug 8: a year that ends after a recorded succession warns beside the
// succession box until it is applied.
func TestSuccessionWarning(t *testing.T) {
	m := Essex()
	assert.Empty(t, m.SuccessionWarning(), "2021/22 ends before 1 July 2022")
	m.Set(FieldYear, "2023/24")
	assert.Equal(t, "The 1 July 2022 successions take effect by the end of 2023/24, but the table still bills the 7 contributors they replaced. Tick this box to apply them.", m.SuccessionWarning())
	m.Set(FieldYear, "2022/23")
	assert.NotEmpty(t, m.SuccessionWarning(), "the succession falls inside 2022/23")
	m.Set(FieldICB, "true")
	assert.Empty(t, m.SuccessionWarning())
}
