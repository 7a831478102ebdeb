package reviews

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// Engine evaluates cases for one partnership. It holds the partnership,
// the working-day calendar and the review rules, and is safe for
// concurrent use. The partnership must not be changed while an Engine
// uses it.
type Engine struct {
	p       *masa.Partnership
	cal     *workdays.Calendar
	rules   []*compiled
	periods []period

	// successions are the distinct dates of the partnership's
	// successions, in order: masa.Partnership.AsOf changes its answer only
	// on them, so asOf caches one partnership for each span between them.
	successions []vocab.Date

	mu   sync.Mutex
	asOf map[int]*masa.Partnership
}

// period is a span of awareness dates with one masa rule set, and so one
// set of review rules.
type period struct {
	from  vocab.Date // first day; zero for "before every boundary"
	masa  masa.RuleSet
	rules *compiled
	names []string         // step names with placeholders filled
	cites []vocab.Citation // step citations with placeholders filled
	err   error            // no rule set or no review rules for the period
}

// Option configures an Engine.
type Option func(*config) error

type config struct {
	cal   *workdays.Calendar
	rules []*compiled
}

// WithCalendar makes the engine count working days with cal instead of
// workdays.EnglandAndWales(), for example a calendar extended with newly
// announced bank holidays.
func WithCalendar(cal *workdays.Calendar) Option {
	return func(c *config) error {
		if cal == nil {
			return errors.New("reviews: WithCalendar: nil calendar")
		}
		c.cal = cal
		return nil
	}
}

// WithRules makes the engine use sets instead of DefaultRules(), for
// example a partnership's own edition. The sets are checked first.
func WithRules(sets []RuleSet) Option {
	return func(c *config) error {
		compiled, err := compileAll(sets)
		if err != nil {
			return err
		}
		c.rules = compiled
		return nil
	}
}

// New returns an engine for partnership p.
func New(p *masa.Partnership, opts ...Option) (*Engine, error) {
	if p == nil {
		return nil, errors.New("reviews: nil partnership")
	}
	cfg := config{cal: workdays.EnglandAndWales()}
	for _, opt := range opts {
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.rules == nil {
		cfg.rules = defaultCompiled()
	}
	if localised, err := localise(cfg.rules, p); err != nil {
		return nil, err
	} else if localised != nil {
		cfg.rules = localised
	}
	e := &Engine{p: p, cal: cfg.cal, rules: cfg.rules, asOf: map[int]*masa.Partnership{}}
	for _, s := range p.Successions {
		e.successions = append(e.successions, s.On)
	}
	slices.SortFunc(e.successions, vocab.Date.Compare)
	e.successions = slices.Compact(e.successions)
	e.periods = e.buildPeriods()
	return e, nil
}

// Partnership returns the engine's partnership.
func (e *Engine) Partnership() *masa.Partnership { return e.p }

// Calendar returns the engine's working-day calendar.
func (e *Engine) Calendar() *workdays.Calendar { return e.cal }

// buildPeriods works out which rule set applies to which awareness dates.
// masa.RuleSetOn changes its answer only on the dates masa.RuleSetChanges
// gives (rule set starts, go-live and adoption dates), so it is asked once
// for each such date and once for the days before them all.
func (e *Engine) buildPeriods() []period {
	bounds := masa.RuleSetChanges(e.p)
	out := []period{e.periodOn(bounds[0].AddDays(-1), vocab.Date{})}
	for _, b := range bounds {
		out = append(out, e.periodOn(b, b))
	}
	return out
}

func (e *Engine) periodOn(d, from vocab.Date) period {
	per := period{from: from}
	rs, err := masa.RuleSetOn(e.p, d)
	if err != nil {
		per.err = err
		return per
	}
	per.masa = rs
	for _, c := range e.rules {
		if slices.Contains(c.set.RuleSets, rs.ID) {
			per.rules = c
		}
	}
	if per.rules == nil {
		per.err = fmt.Errorf("reviews: %w", vocab.NotFound("ruleSets", string(rs.ID), "has no review rules: no review rule set lists the masa rule set "+string(rs.ID)))
		return per
	}
	arrangements := strings.TrimSpace(strings.Join([]string{e.p.ShortName, e.p.Arrangements.Title, e.p.Arrangements.Year.Label()}, " "))
	fill := strings.NewReplacer("{review}", rs.ReviewName, "{partners}", rs.PartnerTerm, "{body}", rs.Body, "{arrangements}", arrangements)
	for _, s := range per.rules.steps {
		per.names = append(per.names, fill.Replace(s.Name))
		cite := s.Citation
		cite.Source = fill.Replace(cite.Source)
		per.cites = append(per.cites, cite)
	}
	return per
}

// periodFor returns the period whose rules apply to a case the local
// authority became aware of on d.
func (e *Engine) periodFor(d vocab.Date) *period {
	i := len(e.periods) - 1
	for i > 0 && d.Before(e.periods[i].from) {
		i--
	}
	return &e.periods[i]
}

// RulesOn returns the masa rule set and the review rules that apply to a
// case the local authority became aware of on d.
func (e *Engine) RulesOn(d vocab.Date) (masa.RuleSet, RuleSet, error) {
	per := e.periodFor(d)
	if per.err != nil {
		return masa.RuleSet{}, RuleSet{}, per.errOn("date", d)
	}
	return per.masa, per.rules.set, nil
}

// errOn returns the period's error as met by a caller asking about date d
// through the named field. The period's own error was found once, on a
// probe date; when the trouble is that no rule set is in force, the error
// names the caller's field and date instead, so that it points at the
// caller's input. Any other error (a rule set without review rules) is
// about the engine's rules and is returned as it is.
func (per *period) errOn(field string, d vocab.Date) error {
	if per.err == nil || per.masa.ID != "" {
		return per.err
	}
	return fmt.Errorf("reviews: %w", vocab.NotFound(field, d.String(), "is before any known rule set: no arrangements for safeguarding children applied then"))
}

// Owner says who owns a step on a date: a statutory role and the
// organisations filling it, a lead-area holder, a group of the
// partnership, or a national body.
type Owner struct {
	Ref OwnerRef `json:"ref"`
	// Name is who owns the step, in words: organisations' names, a group's
	// name, or a national body.
	Name string `json:"name"`
	// Post is the post that acts, where there is one, such as "Assistant
	// Chief Constable".
	Post string `json:"post,omitempty"`
	// Role is the statutory role, for an owner that is a partner.
	Role vocab.Role `json:"role,omitempty"`
	// Orgs are the organisations, after any successions on the date (see
	// masa.Partnership.AsOf).
	Orgs []vocab.ID `json:"orgs,omitempty"`
	// LeadArea is the lead area whose holder owns the step.
	LeadArea vocab.ID `json:"leadArea,omitempty"`
	// Groups are the partnership's groups that own the step.
	Groups []vocab.ID `json:"groups,omitempty"`
	// Period is the span of dates over which this owner holds, around the
	// date asked about: a lead area's rotation year, starting no earlier
	// than the arrangements' go-live, and narrowed to the span between
	// the recorded successions that change who the owner is. A side that
	// nothing bounds is zero (no start, or no end), and an owner bounded
	// on neither side has no period.
	Period vocab.Period `json:"period,omitzero"`
}

// String formats the owner as "Post, Name" or "Name".
func (o Owner) String() string {
	if o.Post == "" {
		return o.Name
	}
	return o.Post + ", " + o.Name
}

// partnershipOn returns the partnership with the successions that have
// taken effect on d applied. There is one answer for each span between
// succession dates, made once.
func (e *Engine) partnershipOn(d vocab.Date) (*masa.Partnership, error) {
	span := 0
	for span < len(e.successions) && !e.successions[span].After(d) {
		span++
	}
	e.mu.Lock()
	q, ok := e.asOf[span]
	e.mu.Unlock()
	if ok {
		return q, nil
	}
	q, err := e.p.AsOf(d)
	if err != nil {
		return nil, fmt.Errorf("reviews: applying successions on %s: %w", d, err)
	}
	e.mu.Lock()
	e.asOf[span] = q
	e.mu.Unlock()
	return q, nil
}

// owner resolves ref under rule set rs on date on, with the partnership's
// successions up to on applied, and the period over which that owner holds
// (see ownerPeriod). area is the lead area for a dispute.
func (e *Engine) owner(ref OwnerRef, area vocab.ID, rs *masa.RuleSet, on vocab.Date) (Owner, error) {
	o, err := e.resolve(ref, area, rs, on)
	if err != nil {
		return Owner{}, err
	}
	o.Period, err = e.ownerPeriod(o, area, rs, on)
	if err != nil {
		return Owner{}, err
	}
	return o, nil
}

// ownerPeriod returns the dates over which owner o, resolved on date on,
// holds: for a lead area, its rotation year; from the arrangements'
// go-live at the earliest; and narrowed to the span between the recorded
// successions that change who the owner is. A side nothing bounds is zero.
func (e *Engine) ownerPeriod(o Owner, area vocab.ID, rs *masa.RuleSet, on vocab.Date) (vocab.Period, error) {
	var period vocab.Period
	if o.LeadArea != "" {
		p, err := e.partnershipOn(on)
		if err != nil {
			return vocab.Period{}, err
		}
		if h, err := p.LeadHolder(o.LeadArea, on); err == nil {
			period = h.Period
		}
	}
	if gl := e.p.Arrangements.GoLive; !gl.IsZero() && !on.Before(gl) && (period.From.IsZero() || period.From.Before(gl)) {
		period.From = gl
	}
	for _, d := range e.successions {
		switch {
		case !d.After(on):
			if (period.From.IsZero() || d.After(period.From)) && e.ownerDiffers(o, area, rs, d.AddDays(-1)) {
				period.From = d
			}
		case period.To.IsZero() || !d.After(period.To):
			if e.ownerDiffers(o, area, rs, d) {
				period.To = d.AddDays(-1)
			}
		}
	}
	return period, nil
}

// ownerDiffers reports whether the owner that o's reference resolves to on
// date d is someone else than o.
func (e *Engine) ownerDiffers(o Owner, area vocab.ID, rs *masa.RuleSet, d vocab.Date) bool {
	x, err := e.resolve(o.Ref, area, rs, d)
	return err != nil || x.Name != o.Name || x.Post != o.Post || x.Role != o.Role || x.LeadArea != o.LeadArea ||
		!slices.Equal(x.Orgs, o.Orgs) || !slices.Equal(x.Groups, o.Groups)
}

// resolve works out who ref is under rule set rs on date on.
func (e *Engine) resolve(ref OwnerRef, area vocab.ID, rs *masa.RuleSet, on vocab.Date) (Owner, error) {
	p, err := e.partnershipOn(on)
	if err != nil {
		return Owner{}, err
	}
	o := Owner{Ref: ref}
	switch ref {
	case OwnerLocalAuthority, OwnerPolice, OwnerHealth:
		err = partnerOwner(&o, p, on)
	case OwnerPartners:
		o.Orgs = partnerOrgs(p)
		o.Name = "the " + rs.PartnerTerm
	case OwnerBody:
		o.Name = p.Name
		o.Post = rs.Body
	case OwnerNationalPanel:
		o.Name = "the Child Safeguarding Practice Review Panel"
	case OwnerReviewsSubCommittee, OwnerTraining:
		err = subCommitteeOwner(&o, p)
	case OwnerChildDeathReview:
		err = childDeathOwner(&o, p)
	case OwnerLocalGroups:
		localGroupsOwner(&o, p, rs)
	case OwnerRatification, OwnerDispute:
		err = leadAreaOwner(&o, p, area, on)
	default:
		err = ownerError("owner", string(ref), "is not a known owner")
	}
	if err != nil {
		return Owner{}, err
	}
	return o, nil
}

// partnerOwner fills o, for a statutory role, with the partners in it.
func partnerOwner(o *Owner, p *masa.Partnership, on vocab.Date) error {
	o.Role = vocab.Role(o.Ref)
	o.Orgs = p.PartnersInRole(o.Role)
	if len(o.Orgs) == 0 {
		return ownerError("statutoryPartners", string(o.Ref), "has no statutory partner in the "+o.Role.Label()+" role on "+on.Long())
	}
	o.Name = orgNames(p, o.Orgs)
	o.Post = p.LeadTitle(o.Role)
	return nil
}

// subCommitteeOwner fills o with the sub-committee that the partnership
// names for reviews or for training.
func subCommitteeOwner(o *Owner, p *masa.Partnership) error {
	var id vocab.ID
	field := "reviews.subCommittee"
	if o.Ref == OwnerReviewsSubCommittee && p.Reviews != nil {
		id = p.Reviews.SubCommittee
	}
	if o.Ref == OwnerTraining {
		field = "training.subCommittee"
		if p.Training != nil {
			id = p.Training.SubCommittee
		}
	}
	i := slices.IndexFunc(p.SubCommittees, func(s masa.SubCommittee) bool { return s.ID == id })
	if i < 0 {
		return ownerError(field, string(id), "does not name one of the partnership's sub-committees")
	}
	o.Name, o.Groups = p.SubCommittees[i].Name, []vocab.ID{id}
	return nil
}

// childDeathOwner fills o with the partnership's child death review
// group, or, where it names none, the statutory child death review
// partners: the local authority and the health body.
func childDeathOwner(o *Owner, p *masa.Partnership) error {
	var id vocab.ID
	if p.Reviews != nil {
		id = p.Reviews.ChildDeathReview
	}
	if id == "" {
		o.Name = "the child death review partners"
		o.Orgs = append(p.PartnersInRole(vocab.LocalAuthority), p.PartnersInRole(vocab.Health)...)
		return nil
	}
	var groups []masa.JointGroup
	if p.JointWorking != nil {
		groups = p.JointWorking.Groups
	}
	i := slices.IndexFunc(groups, func(g masa.JointGroup) bool { return g.ID == id })
	if i < 0 {
		return ownerError("reviews.childDeathReview", string(id), "does not name one of the partnership's joint groups")
	}
	o.Name, o.Groups = groups[i].Name, []vocab.ID{id}
	return nil
}

// localGroupsOwner fills o with the partnership's local practice groups,
// or, where it lists none, the partners, who then share the learning.
func localGroupsOwner(o *Owner, p *masa.Partnership, rs *masa.RuleSet) {
	if len(p.LocalGroups) == 0 {
		o.Name = "the " + rs.PartnerTerm + " (the partnership lists no local practice groups)"
		o.Orgs = partnerOrgs(p)
		return
	}
	names := make([]string, 0, len(p.LocalGroups))
	for _, g := range p.LocalGroups {
		names = append(names, g.Name)
		o.Groups = append(o.Groups, g.ID)
	}
	o.Name = vocab.JoinAnd(names)
}

// leadAreaOwner fills o with the holder, on date on, of a lead area: the
// partnership's ratification lead area, or area for a dispute.
func leadAreaOwner(o *Owner, p *masa.Partnership, area vocab.ID, on vocab.Date) error {
	field := "escalation"
	if o.Ref == OwnerRatification {
		field = "reviews.ratificationLeadArea"
		if p.Reviews != nil {
			area = p.Reviews.RatificationLeadArea
		}
	}
	if area == "" {
		return ownerError(field, "", "names no lead area")
	}
	h, err := p.LeadHolder(area, on)
	if err != nil {
		return fmt.Errorf("reviews: owner %s on %s: %w", o.Ref, on, err)
	}
	o.Role, o.Orgs, o.LeadArea, o.Post = h.Role, h.Orgs, h.Area, h.Title
	o.Name = orgNames(p, h.Orgs)
	return nil
}

// partnerOrgs returns the statutory partners' organisations, once each.
func partnerOrgs(p *masa.Partnership) []vocab.ID {
	var out []vocab.ID
	for _, sp := range p.StatutoryPartners {
		if !slices.Contains(out, sp.Org) {
			out = append(out, sp.Org)
		}
	}
	return out
}

func ownerError(field, value, msg string) error {
	return fmt.Errorf("reviews: %w", vocab.NotFound(field, value, msg))
}

func orgNames(p *masa.Partnership, ids []vocab.ID) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		name := string(id)
		for _, o := range p.Organisations {
			if o.ID == id {
				name = o.Name
				break
			}
		}
		names = append(names, name)
	}
	return vocab.JoinAnd(names)
}
