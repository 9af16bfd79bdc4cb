// Package auth holds the secrets of accounts: password hashing with
// argon2id, and the random tokens of sessions, API access, invitation and
// reset links, of which only a hash is ever stored.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"

	"github.com/google/uuid"
)

// NewToken gives a random token of 32 bytes, URL-safe.
func NewToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Hash is what the database keeps of a token.
func Hash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// NewScopedToken gives a random token that carries the id of the alliance
// it belongs to, so that it can be looked up within that alliance alone.
func NewScopedToken(alliance uuid.UUID) string {
	b := make([]byte, 16+32)
	copy(b, alliance[:])
	_, _ = rand.Read(b[16:])
	return base64.RawURLEncoding.EncodeToString(b)
}

// ErrBadToken is a token that is not of the expected form.
var ErrBadToken = errors.New("auth: malformed token")

// ScopeOf reads the alliance a scoped token belongs to.
func ScopeOf(token string) (uuid.UUID, error) {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(b) != 48 {
		return uuid.Nil, ErrBadToken
	}
	var id uuid.UUID
	copy(id[:], b[:16])
	return id, nil
}
