package gen

import (
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// peerMonths is how many months apart an alliance holds its peer
// sessions, by its setting.
var peerMonths = map[string]int{"monthly": 1, "quarterly": 3, "yearly": 12}

// peerResponseWeights are how invited mentors answer.
var peerResponseWeights = []weighted[domain.PeerResponse]{
	{domain.PeerConfirmed, 65}, {domain.PeerDeclined, 15}, {domain.PeerInvited, 20},
}

// peerAttendance is how likely an invited mentor came, by their answer.
var peerAttendance = map[domain.PeerResponse]float64{
	domain.PeerConfirmed: 0.85, domain.PeerDeclined: 0.05, domain.PeerInvited: 0.3,
}

// peerSessions plans the alliance's peer sessions at its cadence, from
// its first months to the next one ahead, an afternoon mid-month, each
// planned a month before by an admin or coordinator, the mentors of the
// time invited: past ones held with their attendance recorded, or for
// some cancelled; the next one planned, its answers coming in.
func (b *builder) peerSessions() {
	months := peerMonths[b.d.alliance.Settings.PeerCoaching]
	topics := peerTopics[b.region.locale]
	founded := b.founded()
	firstMonth := time.Date(founded.Year(), founded.Month(), 1, 0, 0, 0, 0, time.UTC)
	for k := 1; ; k++ {
		month := firstMonth.AddDate(0, months*k, 0)
		at := time.Date(month.Year(), month.Month(), b.s.between(10, 20), 15, 0, 0, 0, time.UTC)
		created := earlierOf(laterOf(at.AddDate(0, -1, 0), founded), b.today.AddDate(0, 0, -1))
		s := &domain.PeerSession{AllianceID: b.d.alliance.ID, ID: b.s.id(created), StartsAt: at, DurationMinutes: 120,
			Topic: topics[(k-1)%len(topics)], Notes: pick(b.s, peerNotes[b.region.locale]), Status: domain.PeerPlanned,
			CreatedBy: b.deciderAt(created).UserID, CreatedAt: created, UpdatedAt: created}
		if b.s.chance(0.3) {
			s.Link = fmt.Sprintf("https://visio.%s/pairs-%d", b.mailDomain, k)
		} else {
			s.Place = pick(b.s, peerPlaces[b.region.locale]) + ", " + b.home
		}
		past := at.Before(b.today)
		if past {
			s.Status = pickWeighted(b.s, []weighted[domain.PeerSessionStatus]{{domain.PeerHeld, 85}, {domain.PeerCancelled, 15}})
			s.UpdatedAt, _ = b.soonAfter(at.Add(2*time.Hour), 48*time.Hour) // at is 15:00 of a day before the day
		}
		b.invite(s, created, earlierOf(at, b.today.Add(-time.Minute)))
		if len(s.Attendees) > 0 { // a session needs a mentor to invite
			b.d.peerSessions = append(b.d.peerSessions, s)
		}
		if !past {
			return
		}
	}
}

// invite invites to s the mentors who had joined when it was planned,
// and who are still active for one ahead, with their answers between
// planned and answeredBy and, for a held session, whether they came.
func (b *builder) invite(s *domain.PeerSession, planned, answeredBy time.Time) {
	for _, m := range b.mentors {
		if !m.JoinedAt.Before(planned) || (s.Status == domain.PeerPlanned && m.Status != domain.StatusActive) {
			continue
		}
		a := domain.PeerAttendee{UserID: m.UserID, Response: pickWeighted(b.s, peerResponseWeights)}
		if a.Response != domain.PeerInvited {
			at := b.s.instant(planned, answeredBy)
			a.RespondedAt = &at
		}
		if s.Status == domain.PeerHeld {
			came := b.s.chance(peerAttendance[a.Response])
			a.Attended = &came
		}
		s.Attendees = append(s.Attendees, a)
	}
}
