package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/masa-go/masa/internal/consistency"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSameAnswersAsTheLibrary asks the program the questions of package
// consistency for a case and checks that it says it used the same
// partnership as the library (edition and successions) and gives the
// library's owners and due dates.
func TestSameAnswersAsTheLibrary(t *testing.T) {
	p := masa.Essex()
	const file = "../../reviews/testdata/lifecycle-case.json"
	c, err := reviews.LoadCase(file)
	require.NoError(t, err)
	for _, q := range consistency.Questions(p) {
		t.Run(q.String(), func(t *testing.T) {
			want, err := consistency.Library(p, q)
			require.NoError(t, err)
			args := []string{"-json", "-on", q.On.String()}
			if q.AsPublished {
				args = append(args, "-as-published")
			}
			var out, errOut bytes.Buffer
			require.Contains(t, []int{0, 1}, run(append(args, file), &out, &errOut, now), errOut.String())
			var got struct {
				reviews.Status
				Basis masa.Basis `json:"basis"`
			}
			require.NoError(t, json.Unmarshal(out.Bytes(), &got))
			var a consistency.Answer
			a.Basis(got.Basis)
			assert.Equal(t, want.Edition, a.Edition)
			assert.Equal(t, want.Successions, a.Successions)

			engineP := p
			if q.AsPublished {
				v, err := p.AsPublished(q.On)
				require.NoError(t, err)
				engineP = v.Partnership
				engineP.Successions = nil
			}
			st, err := reviews.StatusOf(engineP, c, q.On)
			require.NoError(t, err)
			require.Len(t, got.Steps, len(st.Steps))
			for i := range st.Steps {
				assert.Equal(t, st.Steps[i].Owner, got.Steps[i].Owner, st.Steps[i].Name)
				assert.Equal(t, st.Steps[i].Due, got.Steps[i].Due, st.Steps[i].Name)
			}
		})
	}
}
