package domain

import (
	"slices"
	"strings"
	"time"
)

// Role is what a member does in an alliance.
type Role string

// The roles of an alliance.
const (
	RoleAdmin        Role = "admin"        // runs the alliance
	RoleCoordinator  Role = "coordinator"  // runs cohorts and the pipeline
	RoleMentor       Role = "mentor"       // mentors entrepreneurs
	RoleEntrepreneur Role = "entrepreneur" // is mentored
	RoleObserver     Role = "observer"     // a donor or auditor: aggregate reports only
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleCoordinator, RoleMentor, RoleEntrepreneur, RoleObserver}

// MemberStatus is where a membership stands.
type MemberStatus string

// The statuses of a membership.
const (
	StatusInvited   MemberStatus = "invited"
	StatusActive    MemberStatus = "active"
	StatusSuspended MemberStatus = "suspended"
	StatusLeft      MemberStatus = "left"
)

// MemberStatuses lists every status.
var MemberStatuses = []MemberStatus{StatusInvited, StatusActive, StatusSuspended, StatusLeft}

// DefaultMentorCapacity is how many active mentorships a mentor holds at
// once unless an admin says otherwise.
const DefaultMentorCapacity = 3

// Member is a user's membership in one alliance.
type Member struct {
	AllianceID ID
	UserID     ID
	Roles      []Role
	Status     MemberStatus
	Capacity   int
	JoinedAt   time.Time
	UpdatedAt  time.Time
	Profile    MentorProfile // what matching knows of a mentor
	// The user's public details, filled when listing.
	Name  string
	Email string
}

// Has tells whether the member holds role.
func (m *Member) Has(role Role) bool { return slices.Contains(m.Roles, role) }

// IsActiveAdmin tells whether the member runs the alliance now.
func (m *Member) IsActiveAdmin() bool { return m.Status == StatusActive && m.Has(RoleAdmin) }

// IsActiveMentor tells whether the member mentors in the alliance now.
func (m *Member) IsActiveMentor() bool { return m.Status == StatusActive && m.Has(RoleMentor) }

// ValidateRoles checks a set of roles: at least one, each known, none
// twice. It sorts them in the order of Roles.
func ValidateRoles(p *Problems, field string, roles []Role) []Role {
	if len(roles) == 0 {
		p.Add(field, "validation.required", nil)
		return roles
	}
	var out []Role
	for _, r := range roles {
		if !slices.Contains(Roles, r) {
			p.Add(field, "validation.one_of", map[string]any{"values": joinRoles(Roles)})
			return roles
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Role) int { return slices.Index(Roles, a) - slices.Index(Roles, b) })
	return out
}

func joinRoles(roles []Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// MemberChange is an admin's change to a membership; nil fields stay.
type MemberChange struct {
	Roles    []Role
	Status   *MemberStatus
	Capacity *int
}

// Validate checks the fields given.
func (c *MemberChange) Validate() error {
	var p Problems
	if c.Roles != nil {
		c.Roles = ValidateRoles(&p, "roles", c.Roles)
	}
	if c.Status != nil && !slices.Contains(MemberStatuses, *c.Status) {
		p.Add("status", "validation.one_of", map[string]any{"values": "invited, active, suspended, left"})
	}
	if c.Capacity != nil && (*c.Capacity < 0 || *c.Capacity > 50) {
		p.Add("capacity", "validation.range", map[string]any{"min": 0, "max": 50})
	}
	return p.Err()
}
