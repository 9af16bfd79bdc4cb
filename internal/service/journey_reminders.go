package service

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Reminder timings of the journey.
const (
	sessionReminderBefore = 3 * 24 * time.Hour  // both people, before a scheduled session
	staleAfter            = 45 * 24 * time.Hour // no session held: the coordinators are told
	logReminderWithin     = 30 * 24 * time.Hour // how far back an unlogged session is chased
)

// ReminderCounts is what one run of the journey's reminders did.
type ReminderCounts struct {
	SessionsSoon int // mails before a scheduled session
	LogsDue      int // mails asking a mentor to log a session
	Stale        int // mails to coordinators about a stalled mentorship
	Completed    int // mentorships completed, each with its survey mails
}

// RemindAll is the daily run over every alliance: reminders three days
// before a scheduled session, a request to log a session whose day has
// passed, a flag to the coordinators for a mentorship with no session
// held for 45 days, and the completion of the mentorships that are done,
// with the end survey. Each mail goes at most once, however many times
// the run repeats.
func (s *Journey) RemindAll(ctx context.Context) (ReminderCounts, error) {
	var n ReminderCounts
	now := s.now()
	err := eachAlliance(ctx, s.DB, "journey reminders", func(tx *store.Tx, a *domain.Alliance) error {
		return s.remind(ctx, tx, a, now, &n)
	})
	return n, err
}

func (s *Journey) remind(ctx context.Context, tx *store.Tx, a *domain.Alliance, now time.Time, n *ReminderCounts) error {
	soon, err := tx.ScheduledSessions(ctx, a.ID, now, now.Add(sessionReminderBefore))
	if err != nil {
		return err
	}
	for _, d := range soon {
		key := fmt.Sprintf("%s:%d:%d", d.MentorshipID, d.Number, d.ScheduledAt.Unix())
		sent, err := s.mailBoth(ctx, tx, a, d.MentorID, d.AppID, "session-soon", key, "mail.session.soon.",
			map[string]any{"number": d.Number, "when": d.ScheduledAt.Format("2006-01-02 15:04") + " UTC", "place": d.Place,
				"link": s.journeyLink(a, d.MentorshipID)})
		if err != nil {
			return err
		}
		n.SessionsSoon += sent
	}
	today := domain.Day(now)
	past, err := tx.ScheduledSessions(ctx, a.ID, today.Add(-logReminderWithin), today)
	if err != nil {
		return err
	}
	for _, d := range past {
		key := fmt.Sprintf("%s:%d:%d", d.MentorshipID, d.Number, d.ScheduledAt.Unix())
		sent, err := s.mailMentor(ctx, tx, a, d.MentorID, d.AppID, "session-log", key, "mail.session.log_due.",
			map[string]any{"number": d.Number, "when": d.ScheduledAt.Format(time.DateOnly), "link": s.journeyLink(a, d.MentorshipID)})
		if err != nil {
			return err
		}
		n.LogsDue += sent
	}
	if err := s.flagStale(ctx, tx, a, today, n); err != nil {
		return err
	}
	return s.complete(ctx, tx, a, now, n)
}

func (s *Journey) journeyLink(a *domain.Alliance, mentorship domain.ID) string {
	return s.BaseURL + "/a/" + a.Slug + "/mentorships/" + mentorship.String()
}

// flagStale tells the alliance's active coordinators (its admins when it
// has none) of each mentorship with no session held for 45 days, once per
// stretch of silence.
func (s *Journey) flagStale(ctx context.Context, tx *store.Tx, a *domain.Alliance, today time.Time, n *ReminderCounts) error {
	stale, err := tx.StaleMentorships(ctx, a.ID, today.Add(-staleAfter))
	if err != nil || len(stale) == 0 {
		return err
	}
	coordinators, err := activeMembers(ctx, tx, a.ID, domain.RoleCoordinator)
	if err != nil {
		return err
	}
	if len(coordinators) == 0 {
		if coordinators, err = activeMembers(ctx, tx, a.ID, domain.RoleAdmin); err != nil {
			return err
		}
	}
	for _, m := range stale {
		mentor, app, err := people(ctx, tx, a.ID, m.MentorID, m.AppID)
		if err != nil {
			return err
		}
		for _, c := range coordinators {
			sent, err := sendOnce(ctx, tx, s.Catalog, a, onceMail{Kind: "mentorship-stale",
				Key: fmt.Sprintf("%s:%s:%s", m.ID, m.Since.Format(time.DateOnly), c.UserID), To: c, Messages: "mail.mentorship.stale.",
				Args: map[string]any{"mentor": mentor.Name, "entrepreneur": app.Applicant.Name, "since": m.Since.Format(time.DateOnly),
					"days": int(today.Sub(m.Since).Hours() / 24), "link": s.journeyLink(a, m.ID)}})
			if err != nil {
				return err
			}
			if sent {
				n.Stale++
			}
		}
	}
	return nil
}

// complete marks done the mentorships whose sessions are all held or whose
// end has passed, and asks both people for the end survey.
func (s *Journey) complete(ctx context.Context, tx *store.Tx, a *domain.Alliance, now time.Time, n *ReminderCounts) error {
	ids, err := tx.MentorshipsToComplete(ctx, a.ID, now)
	if err != nil {
		return err
	}
	for _, id := range ids {
		m, err := tx.Mentorship(ctx, a.ID, id)
		if err != nil {
			return err
		}
		if err := tx.CompleteMentorship(ctx, a.ID, id, now); err != nil {
			return err
		}
		if _, err := s.mailBoth(ctx, tx, a, m.MentorID, m.ApplicationID, "survey", id.String(), "mail.mentorship.completed.",
			map[string]any{"link": s.journeyLink(a, id) + "/survey"}); err != nil {
			return err
		}
		n.Completed++
	}
	return nil
}

// people loads a mentorship's mentor and application.
func people(ctx context.Context, tx *store.Tx, alliance, mentor, app domain.ID) (*domain.Member, *domain.Application, error) {
	m, err := tx.Member(ctx, alliance, mentor)
	if err != nil {
		return nil, nil, err
	}
	a, err := tx.Application(ctx, alliance, app, false)
	return m, a, err
}

// mailMentor sends a mail of kind to a mentorship's mentor, once for key.
func (s *Journey) mailMentor(ctx context.Context, tx *store.Tx, a *domain.Alliance, mentorID, appID domain.ID, kind, key, messages string, args map[string]any) (int, error) {
	mentor, app, err := people(ctx, tx, a.ID, mentorID, appID)
	if err != nil {
		return 0, err
	}
	args["entrepreneur"], args["mentor"] = app.Applicant.Name, mentor.Name
	sent, err := sendOnce(ctx, tx, s.Catalog, a, onceMail{Kind: kind, Key: key + ":mentor", To: mentor, Messages: messages, Args: args})
	if sent {
		return 1, err
	}
	return 0, err
}

// mailBoth sends a mail of kind to a mentorship's mentor, in the
// alliance's language, and to its entrepreneur, in the language they
// applied in; each once for key.
func (s *Journey) mailBoth(ctx context.Context, tx *store.Tx, a *domain.Alliance, mentorID, appID domain.ID, kind, key, messages string, args map[string]any) (int, error) {
	count, err := s.mailMentor(ctx, tx, a, mentorID, appID, kind, key, messages, args)
	if err != nil {
		return 0, err
	}
	app, err := tx.Application(ctx, a.ID, appID, false)
	if err != nil || app.Applicant.Email == "" {
		return count, err
	}
	inTheirLanguage := *a
	inTheirLanguage.DefaultLocale = app.Locale
	entrepreneur := &domain.Member{UserID: app.UserID, Name: app.Applicant.Name, Email: app.Applicant.Email}
	sent, err := sendOnce(ctx, tx, s.Catalog, &inTheirLanguage, onceMail{Kind: kind, Key: key + ":entrepreneur", To: entrepreneur,
		Messages: messages, Args: args})
	if sent {
		count++
	}
	return count, err
}
