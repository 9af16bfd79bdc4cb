package gen

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// mentorSlots is the mentors who may take entrepreneurs under way, by
// city and in all, and how many each has taken.
type mentorSlots struct {
	byCity map[string][]*domain.Member
	all    []*domain.Member
	active map[*domain.Member]int
}

// take gives a mentor who joined before cutoff and has a free place, of
// the first of cities that has one, else of any city; nil when there is
// none.
func (p *mentorSlots) take(s source, cutoff time.Time, cities ...string) *domain.Member {
	for _, city := range cities {
		if m := p.takeFrom(s, p.byCity[city], cutoff); m != nil {
			return m
		}
	}
	return p.takeFrom(s, p.all, cutoff)
}

// takeFrom gives the first mentor of list, from a random place on, who
// joined before cutoff and has a free place.
func (p *mentorSlots) takeFrom(s source, list []*domain.Member, cutoff time.Time) *domain.Member {
	if len(list) == 0 {
		return nil
	}
	from := s.IntN(len(list))
	for i := range list {
		if m := list[(from+i)%len(list)]; p.active[m] < m.Capacity && m.JoinedAt.Before(cutoff) {
			p.active[m]++
			return m
		}
	}
	return nil
}

// joinedBefore gives a member of list who joined before cutoff, at random,
// or nil.
func joinedBefore(s source, list []*domain.Member, cutoff time.Time) *domain.Member {
	var found []*domain.Member
	for _, m := range list {
		if m.JoinedAt.Before(cutoff) {
			found = append(found, m)
		}
	}
	if len(found) == 0 {
		return nil
	}
	return pick(s, found)
}

// assignMentors gives each matched application its mentor, one who had
// joined when the cohort's call closed, preferring one of the applicant's
// city, then of the cohort's. A mentorship under way needs an active
// mentor who accepted the published charter and has a free place; when
// none is left the application stays accepted. A past one may have had
// any mentor, even one who has left since; when none had joined yet, the
// application stays where the selection left it, accepted.
func (b *builder) assignMentors(cs []*candidacy) {
	free := &mentorSlots{byCity: map[string][]*domain.Member{}, active: map[*domain.Member]int{}}
	anyByCity := map[string][]*domain.Member{}
	for _, m := range b.mentors {
		anyByCity[m.Profile.City] = append(anyByCity[m.Profile.City], m)
		if m.Status == domain.StatusActive && b.current[m.UserID] {
			free.byCity[m.Profile.City] = append(free.byCity[m.Profile.City], m)
			free.all = append(free.all, m)
		}
	}
	for _, c := range cs {
		if c.app.Status != domain.AppMatched {
			continue
		}
		cutoff := *c.cohort.ClosesOn
		if c.cohort.phase == phasePast {
			c.mentor = joinedBefore(b.s, anyByCity[c.app.Applicant.City], cutoff)
			if c.mentor == nil {
				c.mentor = joinedBefore(b.s, b.mentors, cutoff)
			}
		} else {
			c.mentor = free.take(b.s, cutoff, c.app.Applicant.City, c.cohort.City)
		}
		if c.mentor == nil {
			c.app.Status = domain.AppAccepted
		}
	}
}

// mentorships makes the mentorship of every matched application, with
// its sessions planned at the alliance's cadence from the cohort's start,
// and lives its journey up to the day. The matched applicant becomes an
// entrepreneur of the alliance, as matching makes them.
func (b *builder) mentorships(cs []*candidacy) {
	settings := b.d.alliance.Settings
	for _, c := range cs {
		if c.mentor == nil {
			continue
		}
		co := c.cohort
		sessions := domain.PlanSessions(co.StartsOn, settings.SessionsPerMentorship, settings.Cadence)
		ends := co.EndsOn
		if last := sessions[len(sessions)-1].PlannedOn; last.After(ends) {
			ends = last
		}
		m := &domain.Mentorship{AllianceID: b.d.alliance.ID, ID: b.s.id(c.matchedAt), ApplicationID: c.app.ID,
			CohortID: co.ID, MentorID: c.mentor.UserID, EntrepreneurID: c.app.UserID, Status: domain.MentorshipActive,
			StartsOn: co.StartsOn, EndsOn: ends, CreatedBy: c.matchedBy.UserID, CreatedAt: c.matchedAt, UpdatedAt: c.matchedAt,
			Sessions: sessions}
		ratedAt := b.journey(c, m)
		b.d.mentorships, b.d.ratedAt = append(b.d.mentorships, m), append(b.d.ratedAt, ratedAt)
		if c.app.UserID != (domain.ID{}) {
			b.d.members = append(b.d.members, &domain.Member{UserID: c.app.UserID, Roles: []domain.Role{domain.RoleEntrepreneur},
				Status: domain.StatusActive, Capacity: domain.DefaultMentorCapacity, JoinedAt: c.matchedAt, UpdatedAt: c.matchedAt})
		}
	}
}
