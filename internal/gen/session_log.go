package gen

import (
	"slices"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Shares of what a held session leaves behind.
const (
	agendaShare      = 0.7  // held sessions the entrepreneur wrote an agenda for
	ratedShare       = 0.75 // held sessions the entrepreneur rated
	ratingNoteShare  = 0.3  // ratings with a comment
	privateNoteShare = 0.25 // held sessions the mentor kept private notes on
)

// ratingWeights: most sessions are rated 4 or 5.
var ratingWeights = []weighted[int]{{5, 45}, {4, 35}, {3, 12}, {2, 5}, {1, 3}}

// actionCountWeights are how many actions a session agrees.
var actionCountWeights = []weighted[int]{{0, 25}, {1, 45}, {2, 30}}

// logSession is what the session numbered i+1, met on day at the hour at,
// leaves once held: the mentor's log in the entrepreneur's language (the
// obstacles worked on, often those of the agenda, shared notes, actions
// with their owners and due dates), the entrepreneur's rating, and
// sometimes the mentor's private notes.
func (b *builder) logSession(j *journeyOf, i int, day, at time.Time) {
	s := &j.m.Sessions[i]
	s.HeldOn = &day
	s.DurationMinutes = 15 * b.s.between(3, 8)
	if b.s.chance(agendaShare) {
		s.Agenda = b.obstacles(j.loc, 1, 2)
		s.Obstacles = append([]domain.Obstacle{}, s.Agenda...)
		for _, more := range b.obstacles(j.loc, 0, 1) {
			if !slices.Contains(s.Obstacles, more) {
				s.Obstacles = append(s.Obstacles, more)
			}
		}
	} else {
		s.Obstacles = b.obstacles(j.loc, 1, 3)
	}
	s.SharedNotes = pick(b.s, sharedNotes[j.loc])
	ended := at.Add(time.Duration(s.DurationMinutes) * time.Minute)
	logged, ok := b.soonAfter(ended, 48*time.Hour)
	if !ok {
		logged = ended
	}
	s.LoggedAt = &logged
	b.agreeActions(j, s, logged)
	if e := j.entrepreneur(); e != nil && b.s.chance(ratedShare) {
		if ratedAt, ok := b.soonAfter(logged.Add(time.Hour), 5*24*time.Hour); ok {
			rating := pickWeighted(b.s, ratingWeights)
			s.Rating, j.ratedAt[i] = &rating, &ratedAt
			if b.s.chance(ratingNoteShare) {
				s.RatingComment = pick(b.s, ratingComments[j.loc])
			}
		}
	}
	if b.s.chance(privateNoteShare) {
		b.d.privateNotes = append(b.d.privateNotes, store.PrivateNote{MentorshipID: j.m.ID, Number: s.Number,
			AuthorID: j.m.MentorID, Body: pick(b.s, privateNotes[b.region.locale]), UpdatedAt: logged})
	}
}

// obstacles gives from lo to hi different obstacles, business or
// personal, in loc's words.
func (b *builder) obstacles(loc domain.Locale, lo, hi int) []domain.Obstacle {
	n := b.s.between(lo, hi)
	out := make([]domain.Obstacle, 0, n)
	for _, text := range pickDistinct(b.s, businessObstacles[loc], n) {
		out = append(out, domain.Obstacle{Kind: domain.ObstacleBusiness, Text: text})
	}
	if n > 0 && b.s.chance(0.35) {
		out[len(out)-1] = domain.Obstacle{Kind: domain.ObstaclePersonal, Text: pick(b.s, personalObstacles[loc])}
	}
	return out
}

// agreeActions records the actions agreed in a held session, logged at
// logged: each due one to five weeks after, most of the ones past due
// done by their owner (the mentor for an entrepreneur without an
// account), a few of the others done early.
func (b *builder) agreeActions(j *journeyOf, s *domain.MentorshipSession, logged time.Time) {
	for _, idea := range pickDistinct(b.s, actionIdeas[j.loc], pickWeighted(b.s, actionCountWeights)) {
		due := s.HeldOn.AddDate(0, 0, b.s.between(7, 35))
		a := store.MentorshipAction{MentorshipID: j.m.ID, Action: domain.Action{ID: b.s.id(logged), Session: s.Number,
			Text: idea.text, Owner: idea.owner, DueOn: &due, CreatedAt: logged}}
		doneShare := 0.2
		if due.Before(b.today) {
			doneShare = 0.6
		}
		if b.s.chance(doneShare) {
			if doneAt, ok := b.soonAfter(logged.Add(time.Hour), due.AddDate(0, 0, 5).Sub(logged)); ok {
				by := &j.m.MentorID
				if e := j.entrepreneur(); e != nil && idea.owner == domain.OwnerEntrepreneur {
					by = e
				}
				a.DoneAt, a.DoneBy = &doneAt, by
			}
		}
		b.d.actions = append(b.d.actions, a)
	}
}
