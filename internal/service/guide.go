package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/store"
)

// Guide is the use cases of the Mentor Guide's editions: its writers
// publish an edition when the library has changed, and every mentor
// acknowledges the current one, as they accept the charter.
type Guide struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
}

// GuideStatus is the current edition and the caller's acknowledgement of
// it (nil when they have not).
type GuideStatus struct {
	Edition      *domain.GuideEdition
	Acknowledged *domain.GuideAcknowledgement
}

// Current gives the current edition and whether the caller acknowledged
// it; not found when the alliance has published none.
func (s *Guide) Current(ctx context.Context, c Caller) (*GuideStatus, error) {
	out := &GuideStatus{}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if out.Edition, err = tx.CurrentGuideEdition(ctx, c.Alliance.ID); err != nil {
			return err
		}
		out.Acknowledged, err = tx.GuideAcknowledgementOf(ctx, c.Alliance.ID, out.Edition.Edition, c.UserID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			out.Acknowledged, err = nil, nil
		}
		return err
	})
	return out, err
}

// Editions lists every edition, newest first.
func (s *Guide) Editions(ctx context.Context, c Caller) ([]*domain.GuideEdition, error) {
	var out []*domain.GuideEdition
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.GuideEditions(ctx, c.Alliance.ID)
		return err
	})
	return out, err
}

// Publish makes a new edition of the guide current, with a note of what
// changed, and asks every active mentor, by mail through the outbox, to
// acknowledge it.
func (s *Guide) Publish(ctx context.Context, c Caller, note string) (*domain.GuideEdition, error) {
	note = strings.TrimSpace(note)
	var p domain.Problems
	switch n := utf8.RuneCountInString(note); {
	case n == 0:
		p.Add("note", "validation.required", nil)
	case n < 3:
		p.Add("note", "validation.length", map[string]any{"min": 3, "max": domain.GuideNoteMax})
	default:
		domain.ValidateLongText(&p, "note", note, domain.GuideNoteMax)
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	// Microseconds, as the database keeps them: the answer and a later
	// read agree.
	e := &domain.GuideEdition{Note: note, PublishedBy: c.UserID, PublishedAt: time.Now().UTC().Truncate(time.Microsecond)}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if err := tx.InsertGuideEdition(ctx, c.Alliance.ID, e); err != nil {
			return err
		}
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditGuidePublished, strconv.Itoa(e.Edition), nil)); err != nil {
			return err
		}
		return s.askToAcknowledge(ctx, tx, c.Alliance, e.Edition, "mail.guide.published.")
	})
	return e, err
}

// Acknowledge records that the caller read the current edition, with the
// time and address. Acknowledging again changes nothing; it reports
// whether this call recorded it.
func (s *Guide) Acknowledge(ctx context.Context, c Caller) (*domain.GuideEdition, bool, error) {
	var e *domain.GuideEdition
	var recorded bool
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		e, err = tx.CurrentGuideEdition(ctx, c.Alliance.ID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return domain.E(domain.CodeConflict, "error.guide.none_published", nil)
		}
		if err != nil {
			return err
		}
		recorded, err = tx.InsertGuideAcknowledgement(ctx, c.Alliance.ID, &domain.GuideAcknowledgement{
			Edition: e.Edition, UserID: c.UserID, AcknowledgedAt: time.Now().UTC(), IP: c.IP})
		if err != nil || !recorded {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditGuideAcknowledged, strconv.Itoa(e.Edition), nil))
	})
	return e, recorded, err
}

// GuideReaders is who has and has not acknowledged the current edition:
// the pending are the active mentors who have not.
type GuideReaders struct {
	Edition      *domain.GuideEdition
	Acknowledged []domain.GuideAcknowledgement
	Pending      []*domain.Member
}

// Readers tells, for the current edition, who acknowledged it and which
// active mentors have not.
func (s *Guide) Readers(ctx context.Context, c Caller) (*GuideReaders, error) {
	out := &GuideReaders{}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if out.Edition, err = tx.CurrentGuideEdition(ctx, c.Alliance.ID); err != nil {
			return err
		}
		if out.Acknowledged, err = tx.GuideAcknowledgements(ctx, c.Alliance.ID, out.Edition.Edition); err != nil {
			return err
		}
		out.Pending, err = s.pending(ctx, tx, c.Alliance.ID, out.Acknowledged)
		return err
	})
	return out, err
}

// pending lists the active mentors not among acknowledged.
func (s *Guide) pending(ctx context.Context, tx *store.Tx, alliance domain.ID, acknowledged []domain.GuideAcknowledgement) ([]*domain.Member, error) {
	mentors, err := activeMembers(ctx, tx, alliance, domain.RoleMentor)
	if err != nil {
		return nil, err
	}
	done := map[domain.ID]bool{}
	for _, a := range acknowledged {
		done[a.UserID] = true
	}
	var out []*domain.Member
	for _, m := range mentors {
		if !done[m.UserID] {
			out = append(out, m)
		}
	}
	return out, nil
}

// askToAcknowledge mails every active mentor who has not acknowledged the
// edition, at most once a week each.
func (s *Guide) askToAcknowledge(ctx context.Context, tx *store.Tx, a *domain.Alliance, edition int, messages string) error {
	acknowledged, err := tx.GuideAcknowledgements(ctx, a.ID, edition)
	if err != nil {
		return err
	}
	pending, err := s.pending(ctx, tx, a.ID, acknowledged)
	if err != nil {
		return err
	}
	week := isoWeek(time.Now())
	for _, m := range pending {
		_, err := sendOnce(ctx, tx, s.Catalog, a, onceMail{Kind: "guide", Key: fmt.Sprintf("e%d:%s:%s", edition, m.UserID, week),
			To: m, Messages: messages, Args: map[string]any{"edition": edition, "link": s.BaseURL + "/a/" + a.Slug + "/library"}})
		if err != nil {
			return err
		}
	}
	return nil
}

// RemindAll nudges, once a week, every active mentor of every alliance who
// has not acknowledged its guide's current edition. It runs with the
// charter's weekly reminders.
func (s *Guide) RemindAll(ctx context.Context) error {
	return eachAlliance(ctx, s.DB, "guide reminders", func(tx *store.Tx, a *domain.Alliance) error {
		e, err := tx.CurrentGuideEdition(ctx, a.ID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		return s.askToAcknowledge(ctx, tx, a, e.Edition, "mail.guide.reminder.")
	})
}
