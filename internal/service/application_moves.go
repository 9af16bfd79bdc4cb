package service

import (
	"context"
	"slices"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// applicationMoveNoteMax bounds the note of a move, in characters.
const applicationMoveNoteMax = 2000

// Move takes an application along the pipeline's state machine. A move
// the machine does not allow is a conflict naming the allowed ones; an
// acceptance into a full cohort is a conflict naming its capacity. A
// decision is mailed to the applicant, in their language and the
// alliance's wording.
func (s *Applications) Move(ctx context.Context, c Caller, id domain.ID, to domain.ApplicationStatus, note string) (*domain.Application, error) {
	apps, err := s.MoveMany(ctx, c, []domain.ID{id}, to, note)
	if err != nil {
		return nil, err
	}
	return apps[0], nil
}

// MoveFailure is why one application of a bulk move cannot move: the
// moves allowed from where it stands.
type MoveFailure struct {
	ID      domain.ID
	From    domain.ApplicationStatus
	Allowed []domain.ApplicationStatus
}

// MoveMany moves several applications at once, all or none: when one
// cannot move, nothing changes and the conflict lists each that cannot.
func (s *Applications) MoveMany(ctx context.Context, c Caller, ids []domain.ID, to domain.ApplicationStatus, note string) ([]*domain.Application, error) {
	var p domain.Problems
	if !to.Valid() {
		p.Add("to", "validation.one_of", map[string]any{"values": domain.ApplicationStatusList()})
	}
	domain.ValidateLongText(&p, "note", note, applicationMoveNoteMax)
	ids = domain.UniqueIDs(ids)
	switch {
	case len(ids) == 0:
		p.Add("ids", "validation.required", nil)
	case len(ids) > 500:
		p.Add("ids", "validation.max_items", map[string]any{"max": 500})
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	var moved []*domain.Application
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var failures []MoveFailure
		for _, id := range ids {
			app, err := tx.Application(ctx, c.Alliance.ID, id, true)
			if err != nil {
				return err
			}
			if allowed := domain.AllowedMoves(app.Status); !slices.Contains(allowed, to) {
				failures = append(failures, MoveFailure{ID: id, From: app.Status, Allowed: allowed})
			}
			moved = append(moved, app)
		}
		if len(failures) > 0 {
			return moveRefused(failures, len(ids) > 1)
		}
		if to == domain.AppAccepted {
			if err := s.checkPlaces(ctx, tx, c.Alliance.ID, moved); err != nil {
				return err
			}
		}
		return s.record(ctx, tx, c, moved, to, note, now)
	})
	if err != nil {
		return nil, err
	}
	return moved, nil
}

// moveRefused is the conflict of moves the machine does not allow: for
// one application, the moves allowed from where it stands; for a bulk
// move, each one that cannot move.
func moveRefused(failures []MoveFailure, bulk bool) error {
	e := domain.E(domain.CodeConflict, "error.application.move_refused", map[string]any{"from": string(failures[0].From)})
	for _, st := range failures[0].Allowed {
		e.Allowed = append(e.Allowed, string(st))
	}
	if bulk {
		e.Key, e.Args = "error.application.moves_refused", map[string]any{"count": len(failures)}
		e.Allowed = nil
		for _, f := range failures {
			e.Fields = append(e.Fields, domain.FieldError{Field: "ids", Key: "validation.move_refused",
				Args: map[string]any{"id": f.ID.String(), "from": string(f.From)}})
		}
	}
	return e
}

// checkPlaces refuses acceptances beyond the capacity of a cohort, the
// cohort's row locked so that two acceptances wait for each other.
func (s *Applications) checkPlaces(ctx context.Context, tx *store.Tx, alliance domain.ID, apps []*domain.Application) error {
	wanted := map[domain.ID]int{}
	for _, a := range apps {
		wanted[a.CohortID]++
	}
	for cohortID, n := range wanted {
		cohort, err := tx.Cohort(ctx, alliance, cohortID, true)
		if err != nil {
			return err
		}
		taken, err := tx.PlacesTaken(ctx, alliance, cohortID)
		if err != nil {
			return err
		}
		if taken+n > cohort.Capacity {
			return domain.E(domain.CodeConflict, "error.cohort.full",
				map[string]any{"cohort": cohort.Name, "capacity": cohort.Capacity, "free": max(cohort.Capacity-taken, 0)})
		}
	}
	return nil
}

// record saves the moves, their history and audit entries, and queues the
// decision mails.
func (s *Applications) record(ctx context.Context, tx *store.Tx, c Caller, apps []*domain.Application, to domain.ApplicationStatus, note string, now time.Time) error {
	events := make([]*domain.ApplicationEvent, len(apps))
	appIDs := make([]domain.ID, len(apps))
	actor := c.UserID
	var tell *decisionMails
	if domain.IsDecision(to) {
		words, err := s.Messages.wordings(ctx, tx, c.Alliance.ID)
		if err != nil {
			return err
		}
		tell = &decisionMails{baseURL: s.BaseURL, tx: tx, alliance: c.Alliance, words: words, cohorts: map[domain.ID]*domain.Cohort{}}
	}
	for i, app := range apps {
		if err := tx.SetApplicationStatus(ctx, c.Alliance.ID, app.ID, to, now); err != nil {
			return err
		}
		events[i] = &domain.ApplicationEvent{ID: domain.NewID(), From: app.Status, To: to, ActorID: &actor,
			ActorName: c.Name, Note: note, At: now}
		appIDs[i] = app.ID
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditApplicationMoved, app.ID.String(),
			map[string]any{"from": app.Status, "to": to})); err != nil {
			return err
		}
		app.Status, app.UpdatedAt = to, now
		if tell != nil {
			if err := tell.send(ctx, app); err != nil {
				return err
			}
		}
	}
	return tx.InsertApplicationEvents(ctx, c.Alliance.ID, appIDs, events)
}

// decisionMails queue the decision mails of one move, reading the
// alliance's wording and each cohort once however many applications move.
type decisionMails struct {
	baseURL  string
	tx       *store.Tx
	alliance *domain.Alliance
	words    *wordings
	cohorts  map[domain.ID]*domain.Cohort
}

// send mails the applicant the decision, in the language they applied in
// and the alliance's wording; an applicant with no e-mail is told by the
// alliance itself, by phone.
func (d *decisionMails) send(ctx context.Context, app *domain.Application) error {
	if app.Applicant.Email == "" {
		return nil
	}
	cohort, ok := d.cohorts[app.CohortID]
	if !ok {
		var err error
		if cohort, err = d.tx.Cohort(ctx, d.alliance.ID, app.CohortID, false); err != nil {
			return err
		}
		d.cohorts[app.CohortID] = cohort
	}
	a := d.alliance
	args := map[string]any{"name": app.Applicant.Name, "alliance": a.Name, "cohort": cohort.Name,
		"link": d.baseURL + "/a/" + a.Slug + "/applications/" + app.ID.String()}
	subject, body := d.words.render("decision."+string(app.Status), app.Locale, args)
	return jobs.EnqueueMail(ctx, d.tx, mail.Message{To: app.Applicant.Email, Subject: subject, Text: body})
}

// Withdraw lets the applicants take back their application while it is
// still being screened.
func (s *Applications) Withdraw(ctx context.Context, c Caller, id domain.ID) (*domain.Application, error) {
	var app *domain.Application
	now := s.now()
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if app, err = tx.Application(ctx, c.Alliance.ID, id, true); err != nil {
			return err
		}
		if c.UserID == (domain.ID{}) || app.UserID != c.UserID {
			return domain.NotFound()
		}
		if !domain.CanWithdraw(app.Status) {
			return domain.E(domain.CodeConflict, "error.application.not_withdrawable", map[string]any{"from": string(app.Status)})
		}
		actor := c.UserID
		event := &domain.ApplicationEvent{ID: domain.NewID(), From: app.Status, To: domain.AppWithdrawn, ActorID: &actor, ActorName: c.Name, At: now}
		if err := tx.SetApplicationStatus(ctx, c.Alliance.ID, id, domain.AppWithdrawn, now); err != nil {
			return err
		}
		if err := tx.InsertApplicationEvents(ctx, c.Alliance.ID, []domain.ID{id}, []*domain.ApplicationEvent{event}); err != nil {
			return err
		}
		app.Status = domain.AppWithdrawn
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditApplicationMoved, id.String(),
			map[string]any{"from": event.From, "to": domain.AppWithdrawn}))
	})
	return app, err
}

// AddNote records a screener's note, with an optional score from 1 to 5.
func (s *Applications) AddNote(ctx context.Context, c Caller, id domain.ID, n domain.ApplicationNote) (*domain.ApplicationNote, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	n.ID, n.AuthorID, n.AuthorName, n.CreatedAt = domain.NewID(), c.UserID, c.Name, s.now()
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if _, err := tx.Application(ctx, c.Alliance.ID, id, true); err != nil {
			return err
		}
		if err := tx.InsertApplicationNote(ctx, c.Alliance.ID, id, &n); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditApplicationNoted, id.String(), map[string]any{"score": n.Score}))
	})
	return &n, err
}
