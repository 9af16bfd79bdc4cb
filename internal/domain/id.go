package domain

import "github.com/google/uuid"

// ID identifies every row of the product: a UUID of version 7, ordered by
// creation time and never sequential.
type ID = uuid.UUID

// NewID gives a fresh UUIDv7.
func NewID() ID {
	return uuid.Must(uuid.NewV7())
}

// ParseID reads an ID from text; anything that is not a UUID is absent, so
// the caller answers not found.
func ParseID(s string) (ID, error) {
	id, err := uuid.Parse(s)
	if err != nil {
		return uuid.Nil, NotFound()
	}
	return id, nil
}

// UniqueIDs gives ids without repeats, in their first order.
func UniqueIDs(ids []ID) []ID {
	seen := make(map[ID]bool, len(ids))
	var out []ID
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
