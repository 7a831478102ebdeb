package main

import (
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// book is the rulebook for a partnership on a date: structured records,
// written out as text or HTML in one place each.
type book struct {
	Partnership string
	On          vocab.Date
	RuleSet     string
	RuleSetNote string // how sure the rule set's start is, when recorded
	Review      string
	Rules       []entry
	Steps       []entry
	Counts      []count
	Sources     []vocab.PublicSource
}

// entry is one rule.
type entry struct {
	ID        string
	Statement string
	Deadline  string
	Owner     string
	Citation  string
	Class     vocab.ProvenanceClass
	Checked   []vocab.ID
	Unchecked string // why not verified
	// DeadlineCitation and DeadlineProvenance are the deadline's own
	// source, when it differs from the rule's.
	DeadlineCitation string
	DeadlineClass    vocab.ProvenanceClass
	DeadlineChecked  []vocab.ID
	DeadlineWhy      string
	Optional         bool
}

// count is how many rules of a class were verified.
type count struct {
	Class               vocab.ProvenanceClass
	Verified, Unchecked int
}

func build(p *masa.Partnership, e *reviews.Engine, d vocab.Date) (*book, error) {
	ms, rs, err := e.RulesOn(d)
	if err != nil {
		return nil, err
	}
	b := &book{Partnership: p.Name, On: d, RuleSet: ms.Name, Review: rs.Name, RuleSetNote: ms.AdoptByNote}
	used := map[vocab.ID]bool{}
	tally := map[vocab.ProvenanceClass]*count{}
	note := func(pv vocab.Provenance) {
		c := tally[pv.Class]
		if c == nil {
			c = &count{Class: pv.Class}
			tally[pv.Class] = c
		}
		if pv.Verified() {
			c.Verified++
		} else {
			c.Unchecked++
		}
		for _, id := range pv.Checked {
			used[id] = true
		}
	}
	for _, r := range ms.Rules {
		note(r.Provenance)
		b.Rules = append(b.Rules, entry{
			ID: r.ID, Statement: r.Description, Citation: r.Citation.String(),
			Class: r.Provenance.Class, Checked: r.Provenance.Checked, Unchecked: r.Provenance.NotVerified,
		})
	}
	fill := strings.NewReplacer("{review}", ms.ReviewName, "{partners}", ms.PartnerTerm, "{body}", ms.Body,
		"{arrangements}", strings.TrimSpace(p.ShortName+" "+p.Arrangements.Title))
	for _, s := range rs.Steps {
		note(s.Provenance)
		en := entry{
			ID: string(s.ID), Statement: fill.Replace(s.Name), Owner: ownerWords(s.Owner, ms),
			Citation: fill.Replace(s.Citation.String()), Class: s.Provenance.Class,
			Checked: s.Provenance.Checked, Unchecked: s.Provenance.NotVerified, Optional: s.Optional,
		}
		if s.Description != "" {
			en.Statement += ". " + s.Description
		}
		switch {
		case s.Due != nil:
			en.Deadline = s.Due.Text
			if s.Due.Citation != nil && s.Due.Provenance != nil {
				note(*s.Due.Provenance)
				en.DeadlineCitation = s.Due.Citation.String()
				en.DeadlineClass = s.Due.Provenance.Class
				en.DeadlineChecked = s.Due.Provenance.Checked
				en.DeadlineWhy = s.Due.Provenance.NotVerified
			}
		case s.NotBefore != nil:
			en.Deadline = s.NotBefore.Text
		default:
			en.Deadline = "no deadline"
		}
		b.Steps = append(b.Steps, en)
	}
	for _, c := range vocab.ProvenanceClasses() {
		if t := tally[c]; t != nil {
			b.Counts = append(b.Counts, *t)
		}
	}
	for _, s := range vocab.PublicSources() {
		if used[s.ID] {
			b.Sources = append(b.Sources, s)
		}
	}
	return b, nil
}

// ownerWords says who owns a step in words, under the rule set's terms.
func ownerWords(o reviews.OwnerRef, ms masa.RuleSet) string {
	switch o {
	case reviews.OwnerLocalAuthority:
		return "the local authority"
	case reviews.OwnerPolice:
		return "the police"
	case reviews.OwnerHealth:
		return "the health partner"
	case reviews.OwnerPartners:
		return "the " + ms.PartnerTerm
	case reviews.OwnerBody:
		return "the " + ms.Body
	case reviews.OwnerReviewsSubCommittee:
		return "the reviews sub-committee (reviews.subCommittee)"
	case reviews.OwnerRatification:
		return "the holder of the ratification lead area (reviews.ratificationLeadArea)"
	case reviews.OwnerNationalPanel:
		return "the Child Safeguarding Practice Review Panel"
	case reviews.OwnerChildDeathReview:
		return "the child death review partners or group (reviews.childDeathReview)"
	case reviews.OwnerLocalGroups:
		return "the local practice groups"
	case reviews.OwnerTraining:
		return "the training sub-committee (training.subCommittee)"
	}
	return string(o)
}
