package service

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/store"
)

// Charters are the use cases of an alliance's charter: drafts, publication,
// acceptance by the members, and reminders to those who have not.
type Charters struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
}

// Current gives the alliance's published version; not found when it has
// none yet.
func (s *Charters) Current(ctx context.Context, alliance domain.ID) (*domain.CharterVersion, error) {
	var v *domain.CharterVersion
	err := s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		var err error
		v, err = tx.CurrentCharter(ctx, alliance)
		return err
	})
	return v, err
}

// Versions lists every version, newest first: drafts, the published one
// and the superseded.
func (s *Charters) Versions(ctx context.Context, c Caller) ([]*domain.CharterVersion, error) {
	var out []*domain.CharterVersion
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.CharterVersions(ctx, c.Alliance.ID)
		return err
	})
	return out, err
}

// Version gives one version.
func (s *Charters) Version(ctx context.Context, c Caller, version int) (*domain.CharterVersion, error) {
	var v *domain.CharterVersion
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		v, err = tx.CharterVersion(ctx, c.Alliance.ID, version)
		return err
	})
	return v, err
}

// Draft starts a new version from the texts given.
func (s *Charters) Draft(ctx context.Context, c Caller, bodies map[domain.Locale]string) (*domain.CharterVersion, error) {
	if err := domain.ValidateCharterBodies(bodies); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	v := &domain.CharterVersion{AllianceID: c.Alliance.ID, Status: domain.CharterDraft, Bodies: bodies,
		CreatedBy: c.UserID, CreatedAt: now, UpdatedAt: now}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if err := tx.InsertCharterVersion(ctx, c.Alliance.ID, v); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditCharterDrafted, strconv.Itoa(v.Version), nil))
	})
	return v, err
}

// Edit replaces a draft's texts; a published or superseded version cannot
// change.
func (s *Charters) Edit(ctx context.Context, c Caller, version int, bodies map[domain.Locale]string) (*domain.CharterVersion, error) {
	if err := domain.ValidateCharterBodies(bodies); err != nil {
		return nil, err
	}
	var v *domain.CharterVersion
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if v, err = tx.CharterVersion(ctx, c.Alliance.ID, version); err != nil {
			return err
		}
		if v.Status != domain.CharterDraft {
			return domain.E(domain.CodeConflict, "error.charter.not_draft", nil)
		}
		now := time.Now().UTC()
		if err := tx.UpdateCharterDraft(ctx, c.Alliance.ID, version, bodies, now); err != nil {
			return err
		}
		v.Bodies, v.UpdatedAt = bodies, now
		return nil
	})
	return v, err
}

// Publish makes a draft the current version: the one before is superseded
// and stays readable, and every active member is asked, by mail through
// the outbox, to accept the new one.
func (s *Charters) Publish(ctx context.Context, c Caller, version int) (*domain.CharterVersion, error) {
	var v *domain.CharterVersion
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if v, err = tx.CharterVersion(ctx, c.Alliance.ID, version); err != nil {
			return err
		}
		if v.Status != domain.CharterDraft {
			return domain.E(domain.CodeConflict, "error.charter.not_draft", nil)
		}
		now := time.Now().UTC()
		if err := tx.PublishCharter(ctx, c.Alliance.ID, version, now); err != nil {
			return err
		}
		v.Status, v.PublishedAt = domain.CharterPublished, &now
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditCharterPublished, strconv.Itoa(version), nil)); err != nil {
			return err
		}
		return s.askToAccept(ctx, tx, c.Alliance, version, "mail.charter.published.")
	})
	return v, err
}

// askToAccept mails every active member who has not accepted the version,
// at most once a week each; messages is the prefix of the mail's texts.
func (s *Charters) askToAccept(ctx context.Context, tx *store.Tx, a *domain.Alliance, version int, messages string) error {
	members, err := activeMembers(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	accepted, err := tx.CharterAcceptances(ctx, a.ID, version)
	if err != nil {
		return err
	}
	done := map[domain.ID]bool{}
	for _, acc := range accepted {
		done[acc.UserID] = true
	}
	week := isoWeek(time.Now())
	for _, m := range members {
		if done[m.UserID] {
			continue
		}
		_, err := sendOnce(ctx, tx, s.Catalog, a, onceMail{Kind: "charter", Key: fmt.Sprintf("v%d:%s:%s", version, m.UserID, week),
			To: m, Messages: messages, Args: map[string]any{"version": version, "link": s.BaseURL + "/a/" + a.Slug + "/charter"}})
		if err != nil {
			return err
		}
	}
	return nil
}

// Accept records that the caller accepts the current version, with the
// time and address. Accepting again changes nothing; it reports whether
// this call recorded it.
func (s *Charters) Accept(ctx context.Context, c Caller) (*domain.CharterVersion, bool, error) {
	var v *domain.CharterVersion
	var recorded bool
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		v, err = tx.CurrentCharter(ctx, c.Alliance.ID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return domain.E(domain.CodeConflict, "error.charter.none_published", nil)
		}
		if err != nil {
			return err
		}
		recorded, err = tx.InsertCharterAcceptance(ctx, c.Alliance.ID, &domain.CharterAcceptance{
			Version: v.Version, UserID: c.UserID, AcceptedAt: time.Now().UTC(), IP: c.IP})
		if err != nil || !recorded {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditCharterAccepted, strconv.Itoa(v.Version), nil))
	})
	return v, recorded, err
}

// AcceptanceStatus is who has and has not accepted the current version.
type AcceptanceStatus struct {
	Version  *domain.CharterVersion
	Accepted []domain.CharterAcceptance
	Pending  []*domain.Member
}

// Acceptances tells, for the current version, who accepted it and which
// active members have not.
func (s *Charters) Acceptances(ctx context.Context, c Caller) (*AcceptanceStatus, error) {
	out := &AcceptanceStatus{}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		v, err := tx.CurrentCharter(ctx, c.Alliance.ID)
		if err != nil {
			return err
		}
		out.Version = v
		if out.Accepted, err = tx.CharterAcceptances(ctx, c.Alliance.ID, v.Version); err != nil {
			return err
		}
		done := map[domain.ID]bool{}
		for _, a := range out.Accepted {
			done[a.UserID] = true
		}
		members, err := activeMembers(ctx, tx, c.Alliance.ID)
		for _, m := range members {
			if !done[m.UserID] {
				out.Pending = append(out.Pending, m)
			}
		}
		return err
	})
	return out, err
}

// HasAccepted tells whether a member accepted the current version (a
// mentor who has not is not matched with new entrepreneurs).
func (s *Charters) HasAccepted(ctx context.Context, alliance, user domain.ID) (bool, error) {
	var ok bool
	err := s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		var err error
		ok, err = tx.HasAcceptedCharter(ctx, alliance, user)
		return err
	})
	return ok, err
}

// RemindAll nudges, once a week, every active member of every alliance who
// has not accepted its current version. It is the weekly periodic task.
func (s *Charters) RemindAll(ctx context.Context) error {
	return eachAlliance(ctx, s.DB, "charter reminders", func(tx *store.Tx, a *domain.Alliance) error {
		v, err := tx.CurrentCharter(ctx, a.ID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		return s.askToAccept(ctx, tx, a, v.Version, "mail.charter.reminder.")
	})
}

// AcceptanceOf gives the caller's own acceptance of a version, or nil when
// they have not accepted it.
func (s *Charters) AcceptanceOf(ctx context.Context, c Caller, version int) (*domain.CharterAcceptance, error) {
	var acc *domain.CharterAcceptance
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		acc, err = tx.CharterAcceptanceOf(ctx, c.Alliance.ID, version, c.UserID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			acc, err = nil, nil
		}
		return err
	})
	return acc, err
}
