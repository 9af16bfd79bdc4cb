package domain

import "time"

// InvitationLifetime is how long an invitation link stays valid.
const InvitationLifetime = 14 * 24 * time.Hour

// Invitation asks a person, by e-mail, to join an alliance with roles.
type Invitation struct {
	ID         ID
	AllianceID ID
	Email      string
	Roles      []Role
	InvitedBy  ID
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
	AcceptedBy *ID
}

// InvitationRequest is what an admin gives to invite someone.
type InvitationRequest struct {
	Email string
	Roles []Role
}

// Validate checks the address and the roles.
func (r *InvitationRequest) Validate() error {
	var p Problems
	r.Email = NormalizeEmail(r.Email)
	ValidateEmail(&p, "email", r.Email)
	r.Roles = ValidateRoles(&p, "roles", r.Roles)
	return p.Err()
}
