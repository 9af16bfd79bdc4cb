package gen

import (
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// allianceData is everything generated for one alliance, ready to write.
type allianceData struct {
	alliance     *domain.Alliance
	users        []*domain.User
	members      []*domain.Member
	cohorts      []*domain.Cohort
	charter      []*domain.CharterVersion
	acceptances  []domain.CharterAcceptance
	applications []*domain.Application
	eventApps    []domain.ID // the application of each event, in step
	events       []*domain.ApplicationEvent
	mentorships  []*domain.Mentorship
	ratedAt      [][]*time.Time // when each session of each mentorship was rated, in step with mentorships
	actions      []store.MentorshipAction
	privateNotes []store.PrivateNote
	surveys      []domain.EndSurvey
	peerSessions []*domain.PeerSession
}

// counts tells how many rows of each kind the alliance has.
func (d *allianceData) counts() Counts {
	c := Counts{Alliances: 1, Users: len(d.users), Members: len(d.members), Cohorts: len(d.cohorts),
		CharterVersions: len(d.charter), CharterAcceptances: len(d.acceptances), Applications: len(d.applications),
		ApplicationEvents: len(d.events), Mentorships: len(d.mentorships), Actions: len(d.actions),
		PrivateNotes: len(d.privateNotes), EndSurveys: len(d.surveys), PeerSessions: len(d.peerSessions)}
	for _, m := range d.mentorships {
		c.Sessions += len(m.Sessions)
	}
	for _, s := range d.peerSessions {
		c.PeerInvitations += len(s.Attendees)
	}
	return c
}

// builder makes one alliance's data, step by step, from its own random
// source.
type builder struct {
	s          source
	today      time.Time // midnight UTC of the day generated for: every moment is before it
	region     *region
	home       string
	cities     []weighted[string]
	mailDomain string
	d          *allianceData
	deciders   []*domain.Member // the active admins and coordinators, who move applications
	mentors    []*domain.Member
	// current holds the mentors who accepted the published charter.
	current map[domain.ID]bool
}

// Slug is the slug of the alliance numbered n (from 1) of a run with seed.
func Slug(seed uint64, n int) string { return fmt.Sprintf("gen-%d-%d", seed, n) }

// buildAlliance makes the alliance numbered n of a run with seed, with
// entrepreneurs applications of which about matchedShare are matched, as
// of today.
func buildAlliance(seed uint64, n, entrepreneurs int, matchedShare float64, today time.Time) *allianceData {
	b := &builder{s: newSource(seed, n), today: today, region: regionOf(n), home: homeCity(n),
		mailDomain: Slug(seed, n) + ".example", d: &allianceData{}, current: map[domain.ID]bool{}}
	b.cities = cityWeights(b.region, b.home)
	b.profile(seed, n)
	b.staff(entrepreneurs)
	b.charterVersions()
	cohorts := b.plannedCohorts(entrepreneurs)
	candidacies := b.candidacies(cohorts, entrepreneurs, matchedShare)
	b.assignMentors(candidacies)
	b.histories(candidacies)
	b.mentorships(candidacies)
	b.sizeCohorts(cohorts, candidacies)
	b.peerSessions()
	return b.d
}

// founded is when the alliance began: three years before the day.
func (b *builder) founded() time.Time { return b.today.AddDate(-3, 0, 0) }

// profile makes the alliance itself, named after its home city in its
// default language.
func (b *builder) profile(seed uint64, n int) {
	tag := fmt.Sprintf("gen %d-%d", seed, n)
	name := fmt.Sprintf("Alliance des mentors de %s (%s)", b.home, tag)
	if b.region.locale == domain.English {
		name = fmt.Sprintf("%s Mentors Alliance (%s)", b.home, tag)
	}
	at := b.founded()
	b.d.alliance = &domain.Alliance{ID: b.s.id(at), Slug: Slug(seed, n), Name: name, Country: b.region.country,
		DefaultLocale: b.region.locale, Settings: domain.DefaultAllianceSettings(), CreatedAt: at, UpdatedAt: at,
		About: map[domain.Locale]string{
			domain.French:  fmt.Sprintf("Alliance générée pour les démonstrations et les essais de charge (graine %d)\u202f: ses membres et ses candidatures sont fictifs.", seed),
			domain.English: fmt.Sprintf("An alliance generated for demonstrations and load tests (seed %d): its members and applications are fictitious.", seed),
		}}
}
