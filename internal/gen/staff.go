package gen

import (
	"fmt"
	"slices"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// maxMentors caps an alliance's mentors: about one for three applicants,
// up to a large alliance's two hundred.
const maxMentors = 200

// staffSize is how many members of each role an alliance of so many
// applicants has.
func staffSize(entrepreneurs int) (admins, coordinators, mentors, observers int) {
	return 2, clamp(entrepreneurs/800, 2, 8), clamp(entrepreneurs/3, 3, maxMentors), clamp(entrepreneurs/2000, 1, 3)
}

func clamp(n, lo, hi int) int { return max(lo, min(n, hi)) }

// mentorStatusWeights: a few mentors have left or been suspended.
var mentorStatusWeights = []weighted[domain.MemberStatus]{
	{domain.StatusActive, 92}, {domain.StatusLeft, 5}, {domain.StatusSuspended, 3},
}

// staff makes the alliance's admins, coordinators, mentors (with their
// profiles) and observers, each with an account whose e-mail says the
// role: admin.1@…, mentor.17@….
func (b *builder) staff(entrepreneurs int) {
	admins, coordinators, mentors, observers := staffSize(entrepreneurs)
	lastJoin := b.today.AddDate(0, -1, 0)
	for i := range admins {
		joined := b.founded().AddDate(0, 0, i*b.s.between(1, 30))
		m := b.member(domain.RoleAdmin, i+1, joined, domain.StatusActive)
		b.deciders = append(b.deciders, m)
	}
	for i := range coordinators {
		m := b.member(domain.RoleCoordinator, i+1, b.s.instant(b.founded().AddDate(0, 1, 0), lastJoin), domain.StatusActive)
		b.deciders = append(b.deciders, m)
	}
	for i := range mentors {
		m := b.member(domain.RoleMentor, i+1, b.s.instant(b.founded(), lastJoin), pickWeighted(b.s, mentorStatusWeights))
		m.Profile = b.mentorProfile()
		b.mentors = append(b.mentors, m)
	}
	for i := range observers {
		b.member(domain.RoleObserver, i+1, b.s.instant(b.founded().AddDate(0, 2, 0), lastJoin), domain.StatusActive)
	}
}

// member makes the k-th member of a role, with their account.
func (b *builder) member(role domain.Role, k int, joined time.Time, status domain.MemberStatus) *domain.Member {
	_, name := personName(b.s, b.region.names, pick(b.s, []domain.Gender{domain.GenderWoman, domain.GenderMan}))
	locale := b.region.locale
	if b.s.chance(0.15) {
		locale = otherLocale(locale)
	}
	u := &domain.User{ID: b.s.id(joined), Email: fmt.Sprintf("%s.%d@%s", role, k, b.mailDomain), Name: name,
		Locale: locale, CreatedAt: joined}
	m := &domain.Member{UserID: u.ID, Roles: []domain.Role{role}, Status: status, Capacity: domain.DefaultMentorCapacity,
		JoinedAt: joined, UpdatedAt: joined, Name: u.Name, Email: u.Email}
	b.d.users = append(b.d.users, u)
	b.d.members = append(b.d.members, m)
	return m
}

// mentorProfile gives a mentor a city of the region, one to three
// sectors, and the languages they mentor in: the alliance's, often the
// local one, sometimes the other of French and English.
func (b *builder) mentorProfile() domain.MentorProfile {
	p := domain.MentorProfile{City: pickWeighted(b.s, b.cities), Languages: []string{string(b.region.locale)}}
	for n := b.s.between(1, 3); len(p.Sectors) < n; {
		if sector := pickWeighted(b.s, sectorWeights); !slices.Contains(p.Sectors, sector) {
			p.Sectors = append(p.Sectors, sector)
		}
	}
	if b.s.chance(0.7) {
		p.Languages = append(p.Languages, b.region.localLanguage)
	}
	if b.s.chance(0.3) {
		p.Languages = append(p.Languages, string(otherLocale(b.region.locale)))
	}
	return p
}

// otherLocale gives English for French and French for English.
func otherLocale(l domain.Locale) domain.Locale {
	if l == domain.French {
		return domain.English
	}
	return domain.French
}
