package reviews_test

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// checkErr fails unless err is nil or problems naming fields.
func checkErr(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil && (!errors.Is(err, vocab.ErrInvalid) || len(vocab.AsProblems(err)) == 0) {
		t.Fatalf("%s: error is not a FieldError: %T %v", what, err, err)
	}
}

// FuzzDecodeCase feeds arbitrary case files to the loader and the engine:
// nothing panics, every error names a field, and a case that loads and
// checks out replays to the same state when rebuilt with Record.
func FuzzDecodeCase(f *testing.F) {
	if data, err := os.ReadFile("testdata/lifecycle-case.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"ref":"A-1","facts":{"aware":"2021-03-01","harm":"serious-harm","abuseOrNeglect":"known","location":"in-area"},"events":[{"step":"notify-panel","on":"2021-03-02","by":"x"}]}`))
	f.Add([]byte(`{"ref":"A-1","facts":{"aware":"2019-05-01","harm":"died","abuseOrNeglect":"suspected","location":"in-area","lookedAfter":true},"events":[]}`))
	f.Add([]byte(`{"ref":"A-1","facts":{"aware":"2021-03-01"},"events":[{"step":"rapid-review","on":"2021-02-01","by":""}]}`))
	f.Add([]byte(`{"ref":"","facts":{},"events":null}`))
	e := essex(f)
	on := d("2026-11-23")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := reviews.ParseCase(data)
		checkErr(t, "decode", err)
		if err != nil {
			return
		}
		if err := e.Check(c); err != nil {
			checkErr(t, "check", err)
			return
		}
		when := on
		if c.Facts.Aware.After(when) {
			when = c.Facts.Aware
		}
		st, err := e.Status(c, when)
		checkErr(t, "status", err)
		if err != nil {
			return // a deadline outside the calendar's years
		}
		_, err = e.Learning(c)
		checkErr(t, "learning", err)
		rebuilt := &reviews.Case{Ref: c.Ref, Facts: c.Facts}
		for _, ev := range c.Events {
			if err := e.Record(rebuilt, ev); err != nil {
				t.Fatalf("an event of a sound case was refused: %v", err)
			}
		}
		again, err := e.Status(rebuilt, when)
		if err != nil || !reflect.DeepEqual(st, again) {
			t.Fatalf("rebuilt case differs: %v", err)
		}
	})
}

// FuzzReplay mutates the audit trail of a sound generated case (dropping,
// swapping, moving and re-deciding events) and replays it: nothing
// panics, every error names a field, and whatever Record accepts replays
// to the state of the same trail checked as a whole.
func FuzzReplay(f *testing.F) {
	f.Add(uint64(1), []byte{0, 1, 2, 3})
	f.Add(uint64(7), []byte{4, 9, 200, 17, 33})
	f.Add(uint64(42), []byte{})
	f.Add(uint64(99), []byte{255, 254, 3, 3, 3, 3})
	e := essex(f)
	outcomes := []string{"", "national-review", "no-national-review", "recommend-local-review", "recommend-no-review", "local-review", "no-local-review", "scr", "no-scr", "maybe"}
	f.Fuzz(func(t *testing.T, seed uint64, ops []byte) {
		c := newGen(seed, e, reportDate).Case(int(seed % 1000))
		evs := c.Events
		for k := 0; k+1 < len(ops) && len(evs) > 0; k += 2 {
			i, arg := int(ops[k])%len(evs), ops[k+1]
			switch arg % 5 {
			case 0: // drop
				evs = append(evs[:i:i], evs[i+1:]...)
			case 1: // swap with the next
				if i+1 < len(evs) {
					evs[i], evs[i+1] = evs[i+1], evs[i]
				}
			case 2: // move in time
				evs[i].On = evs[i].On.AddDays(int(arg) - 128)
			case 3: // decide otherwise
				evs[i].Outcome = outcomes[int(arg)%len(outcomes)]
			case 4: // repeat
				evs = append(evs, evs[i])
			}
		}
		c.Events = evs
		whole := e.Check(&c)
		checkErr(t, "check", whole)

		rebuilt := &reviews.Case{Ref: c.Ref, Facts: c.Facts}
		for _, ev := range c.Events {
			err := e.Record(rebuilt, ev)
			checkErr(t, "record", err)
		}
		if whole == nil && len(rebuilt.Events) != len(c.Events) {
			t.Fatalf("a sound trail lost events when recorded: %d of %d", len(rebuilt.Events), len(c.Events))
		}
		if err := e.Check(rebuilt); err != nil {
			t.Fatalf("Record accepted a trail that does not replay: %v", err)
		}
		a, errA := e.Status(rebuilt, reportDate)
		checkErr(t, "status", errA)
		if whole == nil {
			b, errB := e.Status(&c, reportDate)
			if (errA == nil) != (errB == nil) || (errA == nil && !reflect.DeepEqual(a, b)) {
				t.Fatalf("recorded and whole trails differ: %v %v", errA, errB)
			}
		}
	})
}

// FuzzDecodeRules feeds arbitrary rules files to DecodeRules and the
// engine: every rejection names a field, and accepted rules evaluate a
// case without panicking.
func FuzzDecodeRules(f *testing.F) {
	f.Add(reviews.DefaultRulesJSON())
	f.Add([]byte(`[{"id":"x","name":"x","ruleSets":["wt-2018"],"citations":[],"steps":[{"id":"a","name":"A","stage":"s","owner":"partners","citation":{"source":"c"},"provenance":{"class":"local-procedure","notVerified":"test"},"due":{"from":"aware","workingDays":3,"text":"t"}}]}]`))
	f.Add([]byte(`[{"id":"x","name":"x","ruleSets":["wt-2018"],"steps":[{"id":"a","name":"A","stage":"s","owner":"partners","citation":{"source":"c"},"provenance":{"class":"local-procedure","notVerified":"test"},"outcomes":[{"id":"y","name":"y","needsCriteria":true}]}]}]`))
	f.Add([]byte(`[{"id":"x","ruleSets":[],"steps":[{"id":"b","after":["a"],"when":["a=z"],"due":{"from":"a.planned","days":-7}}]}]`))
	c := &reviews.Case{Ref: "F-1", Facts: serious("2021-03-01"), Events: []reviews.Event{{Step: "a", On: d("2021-03-02"), By: "x"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		sets, err := reviews.ParseRules(data)
		checkErr(t, "decode rules", err)
		if err != nil {
			return
		}
		e, err := reviews.New(essex(t).Partnership(), reviews.WithRules(sets))
		checkErr(t, "new", err)
		if err != nil {
			return
		}
		_, err = e.Status(c, d("2021-04-01"))
		if err != nil && !errors.Is(err, vocab.ErrInvalid) {
			t.Fatalf("status: %v", err)
		}
	})
}

// FuzzDispute feeds arbitrary dispute trails to Engine.Dispute: nothing
// panics, every error names a field, and an accepted dispute is at a level
// that exists.
func FuzzDispute(f *testing.F) {
	f.Add([]byte(`{"ref":"DR-1","events":[{"action":"raised","on":"2020-07-01","by":"x"},{"action":"escalated","on":"2020-07-10","by":"y"}]}`))
	f.Add([]byte(`{"ref":"DR-1","events":[{"action":"raised","on":"2020-07-01","by":"x"},{"action":"resolved","on":"2020-07-02","by":"x"},{"action":"escalated","on":"2020-07-03","by":"x"}]}`))
	f.Add([]byte(`{"ref":"DR 1","events":[{"action":"shouted","on":"2020-02-30"}]}`))
	e := essex(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var dispute reviews.Dispute
		if err := vocab.DecodeJSON(data, &dispute); err != nil {
			return
		}
		st, err := e.Dispute(&dispute, d("2021-01-01"))
		checkErr(t, "dispute", err)
		if err == nil && (st.Level.Level < 1 || st.Level.Level > 3) {
			t.Fatalf("level %d", st.Level.Level)
		}
	})
}
