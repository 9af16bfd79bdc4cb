package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/assign"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// Matching is the use cases of pairing accepted entrepreneurs with
// mentors: ranked suggestions with their reasons, the match itself with
// its planned sessions, and a proposed assignment of a whole cohort.
type Matching struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
	// Billing refuses new mentorships the alliance's plan has no room
	// for.
	Billing *Billing
	// Now gives the time; tests set it to move the clock.
	Now func() time.Time

	pools mentorPools
}

func (s *Matching) now() time.Time { return nowOf(s.Now) }

// acceptedApplication finds an application that may be matched: one that
// is accepted.
func acceptedApplication(ctx context.Context, tx *store.Tx, alliance, id domain.ID) (*domain.Application, error) {
	app, err := tx.Application(ctx, alliance, id, true)
	if err != nil {
		return nil, err
	}
	if app.Status != domain.AppAccepted {
		return nil, domain.E(domain.CodeConflict, "error.match.not_accepted", map[string]any{"status": string(app.Status)})
	}
	return app, nil
}

// Suggestions ranks the alliance's mentors for an accepted application.
func (s *Matching) Suggestions(ctx context.Context, c Caller, application domain.ID) ([]domain.MatchSuggestion, error) {
	var out []domain.MatchSuggestion
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		app, err := acceptedApplication(ctx, tx, c.Alliance.ID, application)
		if err != nil {
			return err
		}
		cands, err := s.pools.candidates(ctx, tx, c.Alliance.ID)
		out = domain.RankMatches(app, cands)
		return err
	})
	return out, err
}

// MatchRequest pairs an accepted application with a mentor; an admin may
// override the rules (no free place, charter not accepted) with a reason.
type MatchRequest struct {
	ApplicationID  domain.ID
	MentorID       domain.ID
	OverrideReason string
}

// Match makes the mentorship of an accepted application with a mentor:
// its sessions planned from the cohort's start at the alliance's cadence,
// the application matched, the entrepreneur a member of the alliance, and
// both told by mail with the other's contact. admin says whether the
// caller may override the rules.
func (s *Matching) Match(ctx context.Context, c Caller, req MatchRequest, admin bool) (*domain.Mentorship, error) {
	out, err := s.MatchMany(ctx, c, []MatchRequest{req}, admin)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// MatchMany makes several mentorships at once, all or none.
func (s *Matching) MatchMany(ctx context.Context, c Caller, reqs []MatchRequest, admin bool) ([]*domain.Mentorship, error) {
	var p domain.Problems
	switch {
	case len(reqs) == 0:
		p.Add("pairs", "validation.required", nil)
	case len(reqs) > 1000:
		p.Add("pairs", "validation.max_items", map[string]any{"max": 1000})
	}
	for _, r := range reqs {
		if r.OverrideReason != "" {
			domain.ValidateLongText(&p, "override_reason", r.OverrideReason, domain.OverrideReasonMax)
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	var made []*domain.Mentorship
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		cands, err := tx.MentorCandidates(ctx, c.Alliance.ID)
		if err != nil {
			return err
		}
		byID := make(map[domain.ID]*domain.MentorCandidate, len(cands))
		for i := range cands {
			byID[cands[i].Member.UserID] = &cands[i]
		}
		for _, req := range reqs {
			m, err := s.matchOne(ctx, tx, c, req, admin, byID, now)
			if err != nil {
				return err
			}
			made = append(made, m)
		}
		if err := s.Billing.CheckRoomFor(ctx, tx, c.Alliance, domain.LimitMentorships, len(made)); err != nil {
			return err
		}
		if err := tx.InsertMentorships(ctx, c.Alliance.ID, made); err != nil {
			return err
		}
		for _, m := range made {
			if err := s.announce(ctx, tx, c.Alliance, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return made, nil
}

// matchOne checks one pair and moves its application to matched; the
// mentorship is returned to be inserted with the others.
func (s *Matching) matchOne(ctx context.Context, tx *store.Tx, c Caller, req MatchRequest, admin bool,
	mentors map[domain.ID]*domain.MentorCandidate, now time.Time) (*domain.Mentorship, error) {
	app, err := acceptedApplication(ctx, tx, c.Alliance.ID, req.ApplicationID)
	if err != nil {
		return nil, err
	}
	cand := mentors[req.MentorID]
	if cand == nil {
		var p domain.Problems
		p.Add("mentor_id", "validation.not_mentor", map[string]any{"id": req.MentorID.String()})
		return nil, p.Err()
	}
	suggestion := domain.ScoreMatch(app, *cand)
	if !suggestion.Eligible {
		if req.OverrideReason == "" || !admin {
			e := domain.E(domain.CodeConflict, "error.match.ineligible", map[string]any{"mentor": cand.Member.Name})
			for _, b := range suggestion.Blockers {
				e.Fields = append(e.Fields, domain.FieldError{Field: "mentor_id", Key: b.Key, Args: b.Args})
			}
			if req.OverrideReason != "" {
				e.Key = "error.match.override_admin"
			}
			return nil, e
		}
	} else {
		req.OverrideReason = ""
	}
	cohort, err := tx.Cohort(ctx, c.Alliance.ID, app.CohortID, false)
	if err != nil {
		return nil, err
	}
	sessions := domain.PlanSessions(cohort.StartsOn, c.Alliance.Settings.SessionsPerMentorship, c.Alliance.Settings.Cadence)
	ends := cohort.EndsOn
	if last := sessions[len(sessions)-1].PlannedOn; last.After(ends) {
		ends = last
	}
	m := &domain.Mentorship{AllianceID: c.Alliance.ID, ID: domain.NewID(), ApplicationID: app.ID, CohortID: app.CohortID,
		MentorID: cand.Member.UserID, EntrepreneurID: app.UserID, Status: domain.MentorshipActive, StartsOn: cohort.StartsOn,
		EndsOn: ends, OverrideReason: req.OverrideReason, CreatedBy: c.UserID, CreatedAt: now, UpdatedAt: now,
		MentorName: cand.Member.Name, EntrepreneurName: app.Applicant.Name, BusinessName: app.Business.Name, Sessions: sessions}
	cand.Active++ // the next pair sees this place taken
	if err := tx.SetApplicationStatus(ctx, c.Alliance.ID, app.ID, domain.AppMatched, now); err != nil {
		return nil, err
	}
	actor := c.UserID
	event := &domain.ApplicationEvent{ID: domain.NewID(), From: domain.AppAccepted, To: domain.AppMatched, ActorID: &actor,
		ActorName: c.Name, Note: req.OverrideReason, At: now}
	if err := tx.InsertApplicationEvents(ctx, c.Alliance.ID, []domain.ID{app.ID}, []*domain.ApplicationEvent{event}); err != nil {
		return nil, err
	}
	if err := ensureEntrepreneur(ctx, tx, c.Alliance.ID, app.UserID, now); err != nil {
		return nil, err
	}
	details := map[string]any{"application": app.ID.String(), "mentor": cand.Member.Name, "score": suggestion.Score}
	if req.OverrideReason != "" {
		details["override_reason"] = req.OverrideReason
	}
	return m, tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditMentorshipCreated, m.ID.String(), details))
}

// ensureEntrepreneur makes a matched applicant an active entrepreneur of
// the alliance, so that they can sign in to their journey.
func ensureEntrepreneur(ctx context.Context, tx *store.Tx, alliance, user domain.ID, now time.Time) error {
	if user == (domain.ID{}) {
		return nil
	}
	m, err := tx.Member(ctx, alliance, user)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		return tx.InsertMember(ctx, alliance, &domain.Member{UserID: user, Roles: []domain.Role{domain.RoleEntrepreneur},
			Status: domain.StatusActive, Capacity: domain.DefaultMentorCapacity, JoinedAt: now, UpdatedAt: now})
	}
	if err != nil || m.Has(domain.RoleEntrepreneur) {
		return err
	}
	m.Roles = append(m.Roles, domain.RoleEntrepreneur)
	return tx.UpdateMember(ctx, alliance, m)
}

// announce mails both people of a new mentorship with the other's
// contact: the entrepreneur in the language they applied in, the mentor
// in the alliance's.
func (s *Matching) announce(ctx context.Context, tx *store.Tx, a *domain.Alliance, m *domain.Mentorship) error {
	app, err := tx.Application(ctx, a.ID, m.ApplicationID, false)
	if err != nil {
		return err
	}
	mentor, err := tx.Member(ctx, a.ID, m.MentorID)
	if err != nil {
		return err
	}
	first := m.Sessions[0].PlannedOn.Format(time.DateOnly)
	link := s.BaseURL + "/a/" + a.Slug
	contact := app.Applicant.Email
	if app.Applicant.Phone != "" {
		contact = joinNonEmpty(contact, app.Applicant.Phone)
	}
	mentorArgs := map[string]any{"name": mentor.Name, "alliance": a.Name, "entrepreneur": app.Applicant.Name,
		"business": app.Business.Name, "contact": contact, "first": first, "sessions": len(m.Sessions), "link": link}
	err = jobs.EnqueueMail(ctx, tx, mail.Message{To: mentor.Email,
		Subject: s.Catalog.T(a.DefaultLocale, "mail.match.mentor.subject", mentorArgs),
		Text:    s.Catalog.T(a.DefaultLocale, "mail.match.mentor.body", mentorArgs)})
	if err != nil || app.Applicant.Email == "" {
		return err
	}
	entrepreneurArgs := map[string]any{"name": app.Applicant.Name, "alliance": a.Name, "mentor": mentor.Name,
		"contact": mentor.Email, "first": first, "sessions": len(m.Sessions), "link": link}
	return jobs.EnqueueMail(ctx, tx, mail.Message{To: app.Applicant.Email,
		Subject: s.Catalog.T(app.Locale, "mail.match.entrepreneur.subject", entrepreneurArgs),
		Text:    s.Catalog.T(app.Locale, "mail.match.entrepreneur.body", entrepreneurArgs)})
}

func joinNonEmpty(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

// Proposal is one pair of a proposed assignment.
type Proposal struct {
	Application *domain.Application
	Suggestion  domain.MatchSuggestion
}

// Assignment is a proposed pairing of a cohort's accepted applications
// with mentors, for review: nothing is saved until it is applied.
type Assignment struct {
	Pairs      []Proposal
	Unassigned []*domain.Application // no eligible mentor had a free place
	TotalScore int
}

// SuggestAll proposes a mentor for every accepted application of a cohort
// so that the total score is the highest, within the mentors' free places
// and among eligible mentors only.
func (s *Matching) SuggestAll(ctx context.Context, c Caller, cohort domain.ID) (*Assignment, error) {
	out := &Assignment{}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if _, err := tx.Cohort(ctx, c.Alliance.ID, cohort, false); err != nil {
			return err
		}
		apps, _, err := tx.Applications(ctx, c.Alliance.ID, store.ApplicationFilter{CohortID: &cohort,
			Status: []domain.ApplicationStatus{domain.AppAccepted}, Oldest: true})
		if err != nil {
			return err
		}
		cands, err := s.pools.candidates(ctx, tx, c.Alliance.ID)
		if err != nil {
			return err
		}
		scores := make([][]int, len(apps))
		for i, app := range apps {
			scores[i] = make([]int, len(cands))
			for j, cand := range cands {
				sg := domain.ScoreMatch(app, cand)
				scores[i][j] = sg.Score
				if !sg.Eligible {
					scores[i][j] = assign.Forbidden
				}
			}
		}
		capacity := make([]int, len(cands))
		for j, cand := range cands {
			capacity[j] = cand.FreeCapacity()
		}
		for i, j := range assign.MaxScore(scores, capacity) {
			if j < 0 {
				out.Unassigned = append(out.Unassigned, apps[i])
				continue
			}
			out.Pairs = append(out.Pairs, Proposal{Application: apps[i], Suggestion: domain.ScoreMatch(apps[i], cands[j])})
			out.TotalScore += scores[i][j]
		}
		return nil
	})
	return out, err
}
