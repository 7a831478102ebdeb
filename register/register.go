package register

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// Register checks writes against the review rules and keeps them in a
// Store. It is safe for concurrent use, and so is running several
// Registers over one database: the store's versions keep them apart.
type Register struct {
	store  Store
	engine *reviews.Engine
	now    func() time.Time
	cache  trailCache
}

// trailCache holds every case's trail as of change number at, so that a
// report reads from the store only the cases changed since the last one.
type trailCache struct {
	mu     sync.Mutex
	at     int64
	index  map[string]int
	trails []reviews.Case // in reference order
}

// Option configures a Register.
type Option func(*Register)

// WithClock makes the register stamp entries and audit records with now
// instead of time.Now.
func WithClock(now func() time.Time) Option { return func(r *Register) { r.now = now } }

// New returns a register over store s that checks cases with engine e.
func New(s Store, e *reviews.Engine, opts ...Option) (*Register, error) {
	if s == nil || e == nil {
		return nil, errors.New("register: New needs a store and an engine")
	}
	r := &Register{store: s, engine: e, now: time.Now}
	for _, o := range opts {
		o(r)
	}
	return r, nil
}

// Store returns the register's store.
func (r *Register) Store() Store { return r.store }

// Engine returns the engine the register checks cases with.
func (r *Register) Engine() *reviews.Engine { return r.engine }

func (r *Register) stamp() time.Time { return r.now().UTC().Truncate(time.Microsecond) }

// Create stores a new case with reference ref and facts f, on behalf of
// holder. The case is checked first: a reference or facts that the rules
// refuse is ErrRefused, a reference already taken ErrCaseExists.
func (r *Register) Create(ctx context.Context, holder, ref string, f reviews.Facts) (*Case, error) {
	rc := reviews.Case{Ref: ref, Facts: f}
	if err := r.engine.Check(&rc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRefused, err)
	}
	at := r.stamp()
	c := &Case{Ref: ref, Facts: f, Created: at, CreatedBy: holder, Entries: []Entry{}}
	if err := r.store.Create(ctx, c, AuditRecord{At: at, Holder: holder, Action: ActionCreate, Ref: ref}); err != nil {
		return nil, err
	}
	return c, nil
}

// Import stores whole cases, such as those kept in a spreadsheet before
// the register, each event as an entry recorded by holder now. Every case
// is checked first and every problem reported, with the case's position
// in the field path ("cases[3].events[2].on"); nothing is stored unless
// every case replays and no reference is taken.
func (r *Register) Import(ctx context.Context, holder string, cases []reviews.Case) error {
	at := r.stamp()
	out := make([]*Case, len(cases))
	var ps vocab.Problems
	seen := make(map[string]int, len(cases))
	for i := range cases {
		rc := &cases[i]
		path := "cases[" + strconv.Itoa(i) + "]."
		if j, ok := seen[rc.Ref]; ok {
			ps.Add(vocab.Conflict(path+"ref", "unique", clip(rc.Ref), "is also the reference of cases["+strconv.Itoa(j)+"]"))
		}
		seen[rc.Ref] = i
		if err := r.engine.Check(rc); err != nil {
			for _, fe := range vocab.AsProblems(err) {
				c := *fe
				c.Field = path + c.Field
				ps = append(ps, &c)
			}
			continue
		}
		c := &Case{Ref: rc.Ref, Facts: rc.Facts, Version: len(rc.Events), Created: at, CreatedBy: holder, Entries: make([]Entry, len(rc.Events))}
		for k, ev := range rc.Events {
			c.Entries[k] = Entry{Seq: k + 1, Event: ev, Holder: holder, At: at}
		}
		out[i] = c
	}
	if err := ps.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrRefused, err)
	}
	return r.store.Import(ctx, out, AuditRecord{At: at, Holder: holder, Action: ActionCreate})
}

// Case returns case ref as stored.
func (r *Register) Case(ctx context.Context, ref string) (*Case, error) {
	return r.store.Case(ctx, ref)
}

// Record records event ev as done on case ref, which the writer read at
// version expected. The case's trail with ev added must replay through
// reviews.Engine.Record; if it does not, the error is ErrRefused and
// names the event's fields as "event.…". The case as stored after the
// write is returned.
func (r *Register) Record(ctx context.Context, holder, ref string, expected int, ev reviews.Event) (*Case, error) {
	c, err := r.read(ctx, ref, expected)
	if err != nil {
		return nil, err
	}
	trail, err := r.replay(c)
	if err != nil {
		return nil, err
	}
	n := len(trail.Events)
	if err := r.engine.Record(&trail, ev); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRefused, renameEvent(err, n))
	}
	at := r.stamp()
	e := Entry{Seq: expected + 1, Event: ev, Holder: holder, At: at}
	return r.append(ctx, c, e, AuditRecord{At: at, Holder: holder, Action: ActionRecord, Ref: ref, Version: e.Seq, Detail: string(ev.Step)})
}

// Correction corrects entry Corrects of a case: Event replaces its event,
// or, with Withdraw set, the event is taken out of the trail.
type Correction struct {
	Corrects int           `json:"corrects"`
	Event    reviews.Event `json:"event,omitzero"`
	Withdraw bool          `json:"withdraw,omitempty"`
	// Reason says why, in a sentence; it is required.
	Reason string `json:"reason"`
}

// Correct records correction k on case ref, read at version expected.
// The corrected trail must replay through the rules from the start;
// nothing already stored changes.
func (r *Register) Correct(ctx context.Context, holder, ref string, expected int, k Correction) (*Case, error) {
	var ps vocab.Problems
	if strings.TrimSpace(k.Reason) == "" {
		ps.Add(vocab.Invalid("reason", "required", "", "is required: say why the entry is corrected"))
	} else if p := vocab.TextProblem("reason", k.Reason, reviews.MaxTextLength); p != nil {
		ps.Add(p)
	}
	if k.Withdraw && k.Event.Step != "" {
		ps.Add(vocab.Invalid("event", "withdraw", string(k.Event.Step), "is set, but a withdrawal takes the event out and records none"))
	}
	if !k.Withdraw && k.Event.Step == "" {
		ps.Add(vocab.Invalid("event", "required", "", "is required: the corrected event, or withdraw: true"))
	}
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadRequest, err)
	}
	c, err := r.read(ctx, ref, expected)
	if err != nil {
		return nil, err
	}
	if k.Corrects < 1 || k.Corrects > len(c.Entries) || c.Entries[k.Corrects-1].Corrects != 0 {
		return nil, fmt.Errorf("%w: %w", ErrBadRequest, vocab.NotFound("corrects", strconv.Itoa(k.Corrects),
			"names no recorded event of case "+clip(ref)+": give the seq of an entry that is not itself a correction"))
	}
	at := r.stamp()
	e := Entry{Seq: expected + 1, Corrects: k.Corrects, Withdrawn: k.Withdraw, Reason: k.Reason, Holder: holder, At: at}
	if !k.Withdraw {
		e.Event = k.Event
	}
	next := *c
	next.Entries = append(slices.Clip(c.Entries), e)
	if _, err := r.replay(&next); err != nil {
		return nil, err
	}
	return r.append(ctx, c, e, AuditRecord{At: at, Holder: holder, Action: ActionCorrect, Ref: ref, Version: e.Seq, Detail: strconv.Itoa(k.Corrects)})
}

// read loads case ref and checks the writer's expected version.
func (r *Register) read(ctx context.Context, ref string, expected int) (*Case, error) {
	if expected < 0 {
		return nil, fmt.Errorf("%w: %w", ErrBadRequest, vocab.Invalid("expectedVersion", "range", strconv.Itoa(expected), "must be 0 or more"))
	}
	c, err := r.store.Case(ctx, ref)
	if err != nil {
		return nil, err
	}
	if c.Version != expected {
		return nil, StaleVersion(ref, expected, c.Version)
	}
	return c, nil
}

// append stores e; the store refuses it when another writer got there
// first.
func (r *Register) append(ctx context.Context, c *Case, e Entry, a AuditRecord) (*Case, error) {
	if err := r.store.Append(ctx, c.Ref, e.Seq-1, e, a); err != nil {
		return nil, err
	}
	out := *c
	out.Entries = append(slices.Clip(c.Entries), e)
	out.Version = e.Seq
	return &out, nil
}

// Trail returns the case's trail as the rules see it: its facts and the
// events of its log with every correction applied, each at the place of
// the event it corrects.
func (c *Case) Trail() reviews.Case {
	out := reviews.Case{Ref: c.Ref, Facts: c.Facts, Events: make([]reviews.Event, 0, len(c.Entries))}
	// latest[i] is the entry that stands for entry i: itself or its
	// latest correction.
	latest := make([]int, len(c.Entries))
	for i := range c.Entries {
		latest[i] = i
		if k := c.Entries[i].Corrects; k >= 1 && k <= i {
			latest[k-1] = i
		}
	}
	for i := range c.Entries {
		if c.Entries[i].Corrects != 0 {
			continue
		}
		e := &c.Entries[latest[i]]
		if e.Withdrawn {
			continue
		}
		out.Events = append(out.Events, e.Event)
	}
	return out
}

// replay builds the case's trail by recording its events one by one
// through the engine, as they were first recorded.
func (r *Register) replay(c *Case) (reviews.Case, error) {
	t := c.Trail()
	rc := reviews.Case{Ref: t.Ref, Facts: t.Facts, Events: make([]reviews.Event, 0, len(t.Events)+1)}
	if err := r.engine.Check(&rc); err != nil {
		return rc, fmt.Errorf("%w: %w", ErrRefused, err)
	}
	for _, ev := range t.Events {
		if err := r.engine.Record(&rc, ev); err != nil {
			return rc, fmt.Errorf("%w: %w", ErrRefused, err)
		}
	}
	return rc, nil
}

// renameEvent renames the fields "events[n]…" of err, about the event
// being recorded, as "event…", the field of the request.
func renameEvent(err error, n int) error {
	ps := vocab.AsProblems(err)
	if len(ps) == 0 {
		return err
	}
	prefix := "events[" + strconv.Itoa(n) + "]"
	out := make(vocab.Problems, len(ps))
	for i, fe := range ps {
		c := *fe
		if rest, ok := strings.CutPrefix(c.Field, prefix); ok {
			c.Field = "event" + rest
		}
		out[i] = &c
	}
	return out
}

// Status returns case ref's status on date on, and the case's version.
func (r *Register) Status(ctx context.Context, ref string, on vocab.Date) (*reviews.Status, int, error) {
	c, err := r.store.Case(ctx, ref)
	if err != nil {
		return nil, 0, err
	}
	t := c.Trail()
	st, err := r.engine.Status(&t, on)
	if err != nil {
		return nil, 0, err
	}
	return st, c.Version, nil
}

// Trails returns every stored case's trail, in reference order, as the
// store holds them now. The register keeps the trails it has read and
// asks the store only for the cases changed since (see Store.Changes), so
// a report reads the whole register once and then only what changed, even
// when other processes write to the same database.
func (r *Register) Trails(ctx context.Context) ([]reviews.Case, error) {
	c := &r.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil {
		c.index = map[string]int{}
	}
	added := false
	at, err := r.store.Changes(ctx, c.at, func(sc *Case) error {
		t := sc.Trail()
		if i, ok := c.index[sc.Ref]; ok {
			c.trails[i] = t
			return nil
		}
		c.index[sc.Ref] = len(c.trails)
		c.trails = append(c.trails, t)
		added = true
		return nil
	})
	if added {
		slices.SortFunc(c.trails, func(a, b reviews.Case) int { return strings.Compare(a.Ref, b.Ref) })
		for i := range c.trails {
			c.index[c.trails[i].Ref] = i
		}
	}
	if err != nil {
		return nil, err
	}
	c.at = at
	return slices.Clone(c.trails), nil
}

// Overdue returns the overdue report on date on over every stored case.
// As with reviews.Engine.Overdue, a case with a problem is left out and
// counted, and the error lists its problems.
func (r *Register) Overdue(ctx context.Context, on vocab.Date) (*reviews.Report, error) {
	cases, err := r.Trails(ctx)
	if err != nil {
		return nil, err
	}
	return r.engine.Overdue(cases, on)
}
