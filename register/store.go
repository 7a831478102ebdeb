package register

import (
	"context"
	"time"

	"github.com/masa-go/masa/reviews"
)

// Case is a case as stored: its reference, its facts, its version and
// every entry of its log, oldest first. Version is the number of entries:
// 0 for a new case, and each entry's Seq is the version it made.
type Case struct {
	Ref     string        `json:"ref"`
	Facts   reviews.Facts `json:"facts"`
	Version int           `json:"version"`
	// Created is when the case was created, and CreatedBy the holder of
	// the token that created it.
	Created   time.Time `json:"created"`
	CreatedBy string    `json:"createdBy"`
	Entries   []Entry   `json:"entries"`
}

// Entry is one entry of a case's log: an event recorded, or a
// correction of an earlier entry. Entries are never changed or removed.
type Entry struct {
	// Seq is the entry's place in the case's log, from 1; the case's
	// version once the entry was stored.
	Seq   int           `json:"seq"`
	Event reviews.Event `json:"event"`
	// Corrects is the Seq of the entry this one corrects, or 0. A
	// correction replaces the event of the entry it corrects in the
	// case's trail, at that entry's place; the latest correction wins.
	Corrects int `json:"corrects,omitempty"`
	// Withdrawn, on a correction, takes the corrected event out of the
	// trail altogether (it was recorded in error); Event is then empty.
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Reason says why a correction was made.
	Reason string `json:"reason,omitempty"`
	// Holder is the holder of the token that recorded the entry, and At
	// when the register stored it.
	Holder string    `json:"holder"`
	At     time.Time `json:"at"`
}

// Action is what an audit record says was done.
type Action string

// The actions of the audit record.
const (
	ActionCreate      Action = "create-case"
	ActionRecord      Action = "record"
	ActionCorrect     Action = "correct"
	ActionIssueToken  Action = "issue-token"
	ActionRevokeToken Action = "revoke-token"
)

// AuditRecord is one line of the audit record: who did what, when.
type AuditRecord struct {
	// ID orders the records: later records have larger IDs.
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Holder string    `json:"holder"`
	Action Action    `json:"action"`
	// Ref and Version are the case and the version the action made, for
	// actions on a case.
	Ref     string `json:"ref,omitempty"`
	Version int    `json:"version,omitempty"`
	// Detail is the step recorded, or the ID of the token issued or
	// revoked.
	Detail string `json:"detail,omitempty"`
}

// Token is a bearer token as stored: never the secret, only its hash.
type Token struct {
	ID     string `json:"id"`
	Holder string `json:"holder"`
	Role   Role   `json:"role"`
	// Hash is the hex SHA-256 of the secret.
	Hash    string    `json:"-"`
	Issued  time.Time `json:"issued"`
	Revoked time.Time `json:"revoked,omitzero"`
}

// Store keeps cases, their entries, the audit record and the tokens. The
// register checks every write against the rules first; a store only keeps
// what it is given, atomically: each write and its audit record are stored
// together or not at all.
//
// Stores return the register's named errors: [ErrUnknownCase],
// [ErrCaseExists], [ErrStale] and [ErrUnknownToken], made with
// [UnknownCase], [CaseExists], [StaleVersion] and [UnknownToken].
type Store interface {
	// Create stores a new case at version 0 with no entries.
	Create(ctx context.Context, c *Case, a AuditRecord) error
	// Append stores entry e as the next entry of case ref, provided the
	// case is at version expected; e.Seq is expected+1.
	Append(ctx context.Context, ref string, expected int, e Entry, a AuditRecord) error
	// Import stores new cases with their entries in one transaction, and
	// one audit record for each case; a reference already taken refuses
	// them all with ErrCaseExists.
	Import(ctx context.Context, cs []*Case, a AuditRecord) error
	// Case returns case ref with every entry.
	Case(ctx context.Context, ref string) (*Case, error)
	// Cases calls yield with every case, in reference order, from one
	// consistent snapshot. The case passed to yield is not reused.
	Cases(ctx context.Context, yield func(*Case) error) error
	// Changes calls yield with every case changed after change number
	// since (every case, for 0), in reference order, and returns the
	// number of the latest change, all from one consistent snapshot.
	// Every write to a case counts as one change; a reader that keeps the
	// number can ask again for what changed since.
	Changes(ctx context.Context, since int64, yield func(*Case) error) (int64, error)
	// Audit returns the audit record, oldest first: the records about
	// case ref, or every record when ref is "".
	Audit(ctx context.Context, ref string) ([]AuditRecord, error)
	// PutToken stores a new token.
	PutToken(ctx context.Context, t Token, a AuditRecord) error
	// TokenByHash returns the token whose secret has hash h, revoked or
	// not; ErrUnknownToken when there is none.
	TokenByHash(ctx context.Context, h string) (Token, error)
	// RevokeToken marks token id revoked at time at. Revoking a revoked
	// token keeps the first time.
	RevokeToken(ctx context.Context, id string, at time.Time, a AuditRecord) error
	// Tokens returns every token, in order of issue.
	Tokens(ctx context.Context) ([]Token, error)
	// Close releases the store.
	Close() error
}
