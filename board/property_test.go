package board_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/require"
)

// randomBusiness returns a board business with n meetings of one edition
// of the partnership file's structure, each setting random actions owned
// by random members, due by a random day or month and sometimes done.
func randomBusiness(r *rand.Rand, p *masa.Partnership, n int) *board.Business {
	owners := []vocab.ID{}
	for _, sp := range p.StatutoryPartners {
		owners = append(owners, sp.Org)
	}
	for _, ra := range p.RelevantAgencies {
		owners = append(owners, ra.Org)
	}
	start := p.Arrangements.GoLive
	when := func(from vocab.Date, maxDays int) board.When {
		d := from.AddDays(r.IntN(maxDays))
		if r.IntN(2) == 0 {
			return board.InMonth(d.Year, d.Month)
		}
		return board.On(d)
	}
	b := &board.Business{Partnership: p.ID, Editions: []board.Edition{{ID: "masa", Name: "Arrangements", Regime: masa.RegimeMASA,
		Period: vocab.Period{From: start}, FromPartnership: true}}}
	for i := range n {
		held := board.On(start.AddDays(1 + r.IntN(700)))
		m := board.Meeting{ID: vocab.ID(fmt.Sprintf("m%d", i)), Edition: "masa", Body: p.Governance.Board.ID, Held: held,
			Items: []board.Item{{ID: "item", Title: "Item"}}}
		for j := range r.IntN(4) {
			a := board.Action{ID: vocab.ID(fmt.Sprintf("a%d", j)), Text: "Do it.", Owner: owners[r.IntN(len(owners))],
				Due: when(held.Last().AddDays(31), 200)}
			if r.IntN(3) == 0 {
				a.Done = when(held.Last().AddDays(31), 300)
			}
			m.Actions = append(m.Actions, a)
		}
		b.Meetings = append(b.Meetings, m)
	}
	return b
}

// Day by day, an action's state only moves forward (open, then overdue,
// then done, any step skippable), overdue working days never fall, and
// the states agree with the due and done dates.
func TestActionLogProperties(t *testing.T) {
	p := masa.Essex()
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 15))
		b := randomBusiness(r, p, 6)
		bd, err := board.Bind(p, b)
		require.NoError(t, err, "seed %d", seed)
		rank := map[board.ActionState]int{board.StateOpen: 0, board.StateOverdue: 1, board.StateDone: 2}
		type key struct{ m, a vocab.ID }
		last := map[key]board.LoggedAction{}
		for on := p.Arrangements.GoLive; on.Before(vocab.NewDate(2022, time.June, 1)); on = on.AddDays(1) {
			log, err := bd.Actions(nil, on)
			require.NoError(t, err)
			require.Equal(t, len(log.Actions), log.Open+log.Overdue+log.Done)
			for _, a := range log.Actions {
				require.False(t, a.Held.First().After(on), "an action appears before its meeting")
				switch a.State {
				case board.StateDone:
					require.False(t, a.Done.Last().After(on))
				case board.StateOverdue:
					require.True(t, on.After(a.DueBy))
					require.Positive(t, a.WorkingDaysOverdue)
				case board.StateOpen:
					require.Zero(t, a.WorkingDaysOverdue)
				}
				k := key{a.Meeting, a.Action}
				if prev, ok := last[k]; ok {
					require.GreaterOrEqual(t, rank[a.State], rank[prev.State], "seed %d %v on %s: %s after %s", seed, k, on, a.State, prev.State)
					if a.State == board.StateOverdue && prev.State == board.StateOverdue {
						require.GreaterOrEqual(t, a.WorkingDaysOverdue, prev.WorkingDaysOverdue)
					}
					if a.State == board.StateOpen && prev.State == board.StateOpen {
						require.LessOrEqual(t, a.WorkingDaysLeft, prev.WorkingDaysLeft)
					}
				}
				last[k] = a
			}
		}
	}
}
