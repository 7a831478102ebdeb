package register

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/masa-go/masa/vocab"
)

// Role is what a token's holder may do.
type Role string

// The roles, each allowing what the ones before it allow.
const (
	// RoleRead reads cases, reports and the calendar: the partners.
	RoleRead Role = "read"
	// RoleRecord also creates cases and records events: the business
	// unit.
	RoleRecord Role = "record"
	// RoleAdmin also issues and revokes tokens and reads the audit record.
	RoleAdmin Role = "admin"
)

func (r Role) rank() int {
	switch r {
	case RoleRead:
		return 1
	case RoleRecord:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() > 0 }

// Allows reports whether a holder of role r may do what needs role need.
func (r Role) Allows(need Role) bool { return r.Valid() && r.rank() >= need.rank() }

// tokenPrefix starts every secret, so that a leaked one is recognisable.
const tokenPrefix = "masa_"

// HashSecret returns the hex SHA-256 of a token's secret, as stored. The
// secret holds 256 random bits, so a plain hash is enough: there is
// nothing to guess.
func HashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// IssueToken makes a token for holder with role, stores only its hash,
// and returns the secret, which is shown once and never kept. by names who
// issued it, for the audit record.
func (r *Register) IssueToken(ctx context.Context, by, holder string, role Role) (string, Token, error) {
	var ps vocab.Problems
	if strings.TrimSpace(holder) == "" {
		ps.Add(vocab.Invalid("holder", "required", "", "is required: the post or team the token is for"))
	} else if p := vocab.TextProblem("holder", holder, 100); p != nil {
		ps.Add(p)
	}
	if !role.Valid() {
		ps.Add(vocab.Invalid("role", "role", clip(string(role)), `is not "read", "record" or "admin"`))
	}
	if err := ps.Err(); err != nil {
		return "", Token{}, fmt.Errorf("%w: %w", ErrBadRequest, err)
	}
	var raw [32]byte
	var id [6]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", Token{}, err
	}
	if _, err := rand.Read(id[:]); err != nil {
		return "", Token{}, err
	}
	secret := tokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:])
	at := r.stamp()
	t := Token{ID: hex.EncodeToString(id[:]), Holder: holder, Role: role, Hash: HashSecret(secret), Issued: at}
	if err := r.store.PutToken(ctx, t, AuditRecord{At: at, Holder: by, Action: ActionIssueToken, Detail: t.ID}); err != nil {
		return "", Token{}, err
	}
	return secret, t, nil
}

// RevokeToken revokes token id; it is refused from then on.
func (r *Register) RevokeToken(ctx context.Context, by, id string) error {
	at := r.stamp()
	return r.store.RevokeToken(ctx, id, at, AuditRecord{At: at, Holder: by, Action: ActionRevokeToken, Detail: id})
}

// Authenticate returns the live token whose secret is secret, checked
// to allow role need. An empty, unknown or revoked secret is
// ErrUnauthenticated; a role that does not allow need is ErrForbidden.
func (r *Register) Authenticate(ctx context.Context, secret string, need Role) (Token, error) {
	if secret == "" {
		return Token{}, fmt.Errorf("%w: %w", ErrUnauthenticated, vocab.Invalid("Authorization", "required", "", "is required: a bearer token issued with masa-service token issue"))
	}
	t, err := r.store.TokenByHash(ctx, HashSecret(secret))
	switch {
	case err == nil && !t.Revoked.IsZero():
		return Token{}, fmt.Errorf("%w: %w", ErrUnauthenticated, vocab.Invalid("Authorization", "revoked", "", "names a token that was revoked on "+t.Revoked.UTC().Format("2006-01-02")))
	case err != nil && isUnknownToken(err):
		return Token{}, fmt.Errorf("%w: %w", ErrUnauthenticated, vocab.Invalid("Authorization", "token", "", "is not a token of this register"))
	case err != nil:
		return Token{}, err
	}
	if !t.Role.Allows(need) {
		return t, fmt.Errorf("%w: %w", ErrForbidden, vocab.Invalid("Authorization", "role", string(t.Role),
			"is a token with role "+string(t.Role)+"; this needs role "+string(need)+" or above"))
	}
	return t, nil
}
