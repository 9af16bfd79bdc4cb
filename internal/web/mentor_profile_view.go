package web

import "github.com/mentorat/mentorat/internal/domain"

// memberWithProfile is a member as the caller may see it, with what
// matching knows of them.
func memberWithProfile(m *domain.Member, showEmail bool) memberView {
	v := memberFor(m, showEmail)
	p := m.Profile
	if p.Sectors == nil {
		p.Sectors = []string{}
	}
	if p.Languages == nil {
		p.Languages = []string{}
	}
	v.Profile = &p
	return v
}
