package gen

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// Shares and spans of a mentorship's journey.
const (
	endedEarlyShare = 0.05 // of the mentorships with a session behind them
	unloggedShare   = 0.15 // of the sessions of the last weeks: held, not logged yet
	unloggedWithin  = 21   // days back a session may still wait for its log
	agreedWithin    = 42   // days ahead the next session is often agreed
	endMargin       = 3    // days after a session before a mentorship may end
)

// pastSessionWeights are how the sessions whose day has passed went.
var pastSessionWeights = []weighted[domain.SessionStatus]{
	{domain.SessionHeld, 85}, {domain.SessionMissed, 10}, {domain.SessionCancelled, 5},
}

// journeyOf is one mentorship lived up to the day: its application and
// mentor, the language both read, and when each session was rated.
type journeyOf struct {
	c       *candidacy
	m       *domain.Mentorship
	loc     domain.Locale // the entrepreneur's
	ratedAt []*time.Time  // in step with m.Sessions
}

// entrepreneur is the entrepreneur's account, or nil for one who applied
// with a phone number only and so never signs in.
func (j *journeyOf) entrepreneur() *domain.ID {
	if j.c.app.UserID == (domain.ID{}) {
		return nil
	}
	return &j.c.app.UserID
}

// journey lives a mentorship up to the day, and gives when each of its
// sessions was rated. Each session is met on a day of its own (see
// meetingDays): those before the day went as pastSessionWeights say,
// though a few of the last weeks wait for their log; the next one is
// often agreed, or proposed. One in twenty ends early once a session is
// behind it, as ending a mentorship does: its later sessions cancelled,
// its application back to accepted. One whose sessions are all held, or
// whose end has passed, is completed.
func (b *builder) journey(c *candidacy, m *domain.Mentorship) []*time.Time {
	j := &journeyOf{c: c, m: m, loc: c.app.Locale, ratedAt: make([]*time.Time, len(m.Sessions))}
	meets := b.meetingDays(m)
	behind := 0
	for _, day := range meets {
		if day.AddDate(0, 0, endMargin).Before(b.today) {
			behind++
		}
	}
	stop := len(m.Sessions)
	if behind > 0 && len(m.Sessions) > 1 && b.s.chance(endedEarlyShare) {
		stop = b.s.between(1, min(behind, len(m.Sessions)-1))
	}
	next := true
	for i := range stop {
		switch {
		case meets[i].Before(b.today):
			b.pastSession(j, i, meets[i], stop < len(m.Sessions))
		case next:
			next = false
			b.nextSession(j, &m.Sessions[i], meets[i])
		}
	}
	if stop < len(m.Sessions) {
		b.endEarly(j, meets[stop-1], stop)
	} else {
		b.completeIfDone(j)
	}
	return j.ratedAt
}

// meetingDays gives the day each session is met: in the first third of
// the time before the next one is due, but not before a few days after
// the match, nor on the day of the session before.
func (b *builder) meetingDays(m *domain.Mentorship) []time.Time {
	out := make([]time.Time, len(m.Sessions))
	floor := domain.Day(m.CreatedAt).AddDate(0, 0, b.s.between(2, 7))
	gap := 30
	for i, s := range m.Sessions {
		if i+1 < len(m.Sessions) {
			gap = int(m.Sessions[i+1].PlannedOn.Sub(s.PlannedOn).Hours() / 24)
		}
		out[i] = laterOf(s.PlannedOn.AddDate(0, 0, b.s.between(0, gap/3)), floor)
		floor = out[i].AddDate(0, 0, 1)
	}
	return out
}

// pastSession settles the session numbered i+1, met on day before the
// day generated for: held and logged, missed or cancelled with a reason,
// or, for one of the last weeks of a mentorship still running, held and
// waiting for its log. ending says the mentorship ends early after it,
// and so has every session settled.
func (b *builder) pastSession(j *journeyOf, i int, day time.Time, ending bool) {
	s := &j.m.Sessions[i]
	at := day.Add(time.Duration(b.s.between(8, 17)) * time.Hour)
	waiting := !ending && !j.m.EndsOn.Before(b.today) && !day.Before(b.today.AddDate(0, 0, -unloggedWithin))
	if waiting && b.s.chance(unloggedShare) {
		s.Status, s.ScheduledAt, s.Place = domain.SessionScheduled, &at, pick(b.s, sessionPlaces[j.loc])
		if b.s.chance(0.5) {
			s.Agenda = b.obstacles(j.loc, 1, 2)
		}
		return
	}
	switch s.Status = pickWeighted(b.s, pastSessionWeights); s.Status {
	case domain.SessionHeld:
		s.ScheduledAt, s.Place = &at, pick(b.s, sessionPlaces[j.loc])
		b.logSession(j, i, day, at)
	case domain.SessionMissed:
		s.Reason = pick(b.s, missedReasons[j.loc])
		if b.s.chance(0.6) {
			s.ScheduledAt, s.Place = &at, pick(b.s, sessionPlaces[j.loc])
		}
	case domain.SessionCancelled:
		s.Reason = pick(b.s, cancelReasons[j.loc])
	}
}

// nextSession is the first session met on the day or after: when due in
// the next weeks, agreed (with an agenda, sometimes) or proposed by one
// side; else still planned.
func (b *builder) nextSession(j *journeyOf, s *domain.MentorshipSession, day time.Time) {
	if day.After(b.today.AddDate(0, 0, agreedWithin)) {
		return
	}
	at := laterOf(day, b.today.AddDate(0, 0, 1)).Add(time.Duration(b.s.between(8, 17)) * time.Hour)
	switch r := b.s.Float64(); {
	case r < 0.55:
		s.Status, s.ScheduledAt, s.Place = domain.SessionScheduled, &at, pick(b.s, sessionPlaces[j.loc])
		if b.s.chance(0.4) {
			s.Agenda = b.obstacles(j.loc, 1, 2)
		}
	case r < 0.7:
		by := j.m.MentorID
		if e := j.entrepreneur(); e != nil && b.s.chance(0.5) {
			by = *e
		}
		s.ProposedAt, s.ProposedBy, s.Place = &at, &by, pick(b.s, sessionPlaces[j.loc])
	}
}

// endEarly ends a mentorship after its session numbered stop, met on
// lastMet, as ending one does: by the mentor or a coordinator, with a
// reason, its later sessions cancelled for it, its application moved
// back to accepted. Some answer the end survey all the same.
func (b *builder) endEarly(j *journeyOf, lastMet time.Time, stop int) {
	m := j.m
	after := lastMet.Add(20 * time.Hour)
	for _, s := range m.Sessions[:stop] {
		if s.LoggedAt != nil {
			after = laterOf(after, *s.LoggedAt)
		}
	}
	at, _ := b.soonAfter(after.Add(time.Hour), 25*24*time.Hour) // lastMet is endMargin days before the day at least
	by := j.c.mentor
	if b.s.chance(0.5) {
		by = b.deciderAt(at)
	}
	reason := pick(b.s, endReasons[j.loc])
	m.Status, m.EndReason, m.EndedBy, m.EndedAt, m.UpdatedAt = domain.MentorshipEnded, reason, &by.UserID, &at, at
	for i := stop; i < len(m.Sessions); i++ {
		m.Sessions[i].Status, m.Sessions[i].Reason = domain.SessionCancelled, reason
	}
	app := j.c.app
	b.d.eventApps = append(b.d.eventApps, app.ID)
	b.d.events = append(b.d.events, &domain.ApplicationEvent{ID: b.s.id(at), From: domain.AppMatched, To: domain.AppAccepted,
		ActorID: &by.UserID, ActorName: by.Name, Note: reason, At: at})
	app.Status, app.UpdatedAt = domain.AppAccepted, at
	b.endSurveys(j, at, 0.25)
}

// completeIfDone completes a mentorship whose sessions are all held, or
// whose end has passed, as the daily run does the day after; most of
// both people answer the end survey.
func (b *builder) completeIfDone(j *journeyOf) {
	m := j.m
	var lastLog time.Time
	allHeld := true
	for _, s := range m.Sessions {
		if s.Status != domain.SessionHeld {
			allHeld = false
			break
		}
		lastLog = laterOf(lastLog, *s.LoggedAt)
	}
	var dayAfter time.Time
	switch {
	case allHeld:
		dayAfter = domain.Day(lastLog).AddDate(0, 0, 1)
	case m.EndsOn.Before(b.today):
		dayAfter = m.EndsOn.AddDate(0, 0, 1)
	default:
		return
	}
	if !dayAfter.Before(b.today) {
		return // the run of the day completes it
	}
	at := dayAfter.Add(6 * time.Hour)
	m.Status, m.CompletedAt, m.UpdatedAt = domain.MentorshipCompleted, &at, at
	b.endSurveys(j, at, 0.8)
}

// soonAfter gives a moment from from to within after it, before the day
// generated for; false when from is not before the day.
func (b *builder) soonAfter(from time.Time, within time.Duration) (time.Time, bool) {
	limit := earlierOf(from.Add(within), b.today.Add(-time.Minute))
	if !from.Before(limit) {
		return time.Time{}, false
	}
	return b.s.instant(from, limit), true
}
