package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/store"
)

// Applications is the use cases of the mentee pipeline: entrepreneurs
// apply to a cohort, with no account needed; admins and coordinators
// screen, note, score and decide.
type Applications struct {
	DB       *store.DB
	Catalog  *i18n.Catalog
	Limiter  *ratelimit.Limiter
	Messages *Messages
	BaseURL  string
	// Now gives the time; tests set it to move the clock.
	Now func() time.Time
}

func (s *Applications) now() time.Time { return nowOf(s.Now) }

// applyPerIP bounds the applications one address sends: enough for a
// training room sharing a connection, too few for a spam run.
var applyPerIP = ratelimit.Rule{Max: 20, Window: time.Hour}

// Submitted is a new application and the link its applicant follows it
// by.
type Submitted struct {
	Application *domain.Application
	FollowLink  string
}

// Apply records an application to one of the alliance's open cohorts. The
// applicant's account is the one of their e-mail, made when there is none
// (they set its password later, with the reset link). The applicant gets
// a mail with the link to follow it, in the language they applied in.
func (s *Applications) Apply(ctx context.Context, a *domain.Alliance, form domain.ApplicationForm, ip string) (*Submitted, error) {
	form.Normalize()
	now := s.now()
	if err := form.Validate(now); err != nil {
		return nil, err
	}
	if over, wait, err := s.Limiter.Hit(ctx, "apply:ip:"+ip, applyPerIP); err != nil {
		return nil, domain.Unavailable(err)
	} else if over {
		return nil, rateLimited(wait)
	}
	app := &domain.Application{ApplicationForm: form, AllianceID: a.ID, ID: domain.NewID(), Status: domain.AppSubmitted,
		SubmittedAt: now, UpdatedAt: now}
	token := auth.NewToken()
	link := s.BaseURL + "/a/" + a.Slug + "/applications/follow/" + token
	err := s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		cohort, err := tx.Cohort(ctx, a.ID, form.CohortID, false)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			var p domain.Problems
			p.Add("cohort_id", "validation.cohort_unknown", nil)
			return p.Err()
		}
		if err != nil {
			return err
		}
		if !cohort.TakesApplications(now) {
			return domain.E(domain.CodeConflict, "error.application.cohort_closed", map[string]any{"cohort": cohort.Name})
		}
		if form.Applicant.Email != "" {
			if app.UserID, err = s.accountOf(ctx, tx, form, now); err != nil {
				return err
			}
		}
		if err := tx.InsertApplication(ctx, app, auth.Hash(token)); err != nil {
			if domain.ErrorCode(err) == domain.CodeConflict {
				return domain.E(domain.CodeConflict, "error.application.duplicate", map[string]any{"cohort": cohort.Name})
			}
			return err
		}
		event := &domain.ApplicationEvent{ID: domain.NewID(), To: domain.AppSubmitted, ActorName: form.Applicant.Name, At: now}
		if app.UserID != (domain.ID{}) {
			id := app.UserID
			event.ActorID = &id
		}
		if err := tx.InsertApplicationEvents(ctx, a.ID, []domain.ID{app.ID}, []*domain.ApplicationEvent{event}); err != nil {
			return err
		}
		actor := Actor{UserID: app.UserID, Name: form.Applicant.Name, IP: ip}
		if err := tx.InsertAudit(ctx, a.ID, actor.audit(domain.AuditApplicationSubmitted, app.ID.String(),
			map[string]any{"cohort": cohort.Name})); err != nil {
			return err
		}
		if form.Applicant.Email == "" {
			return nil
		}
		args := map[string]any{"name": form.Applicant.Name, "alliance": a.Name, "cohort": cohort.Name, "link": link,
			"reset": s.BaseURL + "/reset"}
		return jobs.EnqueueMail(ctx, tx, mail.Message{To: form.Applicant.Email,
			Subject: s.Catalog.T(form.Locale, "mail.application.received.subject", args),
			Text:    s.Catalog.T(form.Locale, "mail.application.received.body", args)})
	})
	if err != nil {
		return nil, err
	}
	return &Submitted{Application: app, FollowLink: link}, nil
}

// accountOf gives the id of the account of the form's e-mail, opening one
// without a password when there is none.
func (s *Applications) accountOf(ctx context.Context, tx *store.Tx, form domain.ApplicationForm, now time.Time) (domain.ID, error) {
	u, _, err := tx.UserByEmail(ctx, form.Applicant.Email)
	if err == nil {
		return u.ID, nil
	}
	if domain.ErrorCode(err) != domain.CodeNotFound {
		return domain.ID{}, err
	}
	u = &domain.User{ID: domain.NewID(), Email: form.Applicant.Email, Name: form.Applicant.Name, Locale: form.Locale, CreatedAt: now}
	return u.ID, tx.InsertUser(ctx, u, "")
}

// ApplicationDetail is an application with its cohort, its history, and,
// for those who screen, the notes.
type ApplicationDetail struct {
	*domain.Application
	Cohort  *domain.Cohort
	Events  []*domain.ApplicationEvent
	Notes   []*domain.ApplicationNote
	Allowed []domain.ApplicationStatus // the moves staff may make now
}

// Get gives an application to those who screen (screens set) or to its
// applicant; anyone else finds nothing.
func (s *Applications) Get(ctx context.Context, c Caller, id domain.ID, screens bool) (*ApplicationDetail, error) {
	var out *ApplicationDetail
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		app, err := tx.Application(ctx, c.Alliance.ID, id, false)
		if err != nil {
			return err
		}
		if !screens && (c.UserID == (domain.ID{}) || app.UserID != c.UserID) {
			return domain.NotFound()
		}
		out, err = s.detail(ctx, tx, c.Alliance.ID, app, screens)
		return err
	})
	return out, err
}

// Follow gives the application a follow link's token points to.
func (s *Applications) Follow(ctx context.Context, a *domain.Alliance, token string) (*ApplicationDetail, error) {
	var out *ApplicationDetail
	err := s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		app, err := tx.ApplicationByFollowToken(ctx, a.ID, auth.Hash(token))
		if err != nil {
			return err
		}
		out, err = s.detail(ctx, tx, a.ID, app, false)
		return err
	})
	return out, err
}

func (s *Applications) detail(ctx context.Context, tx *store.Tx, alliance domain.ID, app *domain.Application, screens bool) (*ApplicationDetail, error) {
	d := &ApplicationDetail{Application: app}
	var err error
	if d.Cohort, err = tx.Cohort(ctx, alliance, app.CohortID, false); err != nil {
		return nil, err
	}
	if d.Events, err = tx.ApplicationEvents(ctx, alliance, app.ID); err != nil {
		return nil, err
	}
	if !screens {
		for _, e := range d.Events {
			e.Note = "" // the screeners' reasons are theirs
		}
		return d, nil
	}
	d.Allowed = domain.AllowedMoves(app.Status)
	d.Notes, err = tx.ApplicationNotes(ctx, alliance, app.ID)
	return d, err
}

// PipelineQuery is what the pipeline list is filtered by.
type PipelineQuery struct {
	CohortID *domain.ID
	Status   []domain.ApplicationStatus
	City     string
	Gender   domain.Gender
	Sector   string
	Text     string
	Limit    int
	Offset   int
}

// Validate refuses unknown statuses, genders and sectors.
func (q PipelineQuery) Validate() error {
	var p domain.Problems
	for _, st := range q.Status {
		if !st.Valid() {
			p.Add("status", "validation.one_of", map[string]any{"values": domain.ApplicationStatusList()})
			break
		}
	}
	if q.Gender != "" && !slices.Contains(domain.Genders, q.Gender) {
		p.Add("gender", "validation.one_of", map[string]any{"values": "woman, man, unspecified"})
	}
	if q.Sector != "" && !slices.Contains(domain.Sectors, q.Sector) {
		p.Add("sector", "validation.one_of", map[string]any{"values": strings.Join(domain.Sectors, ", ")})
	}
	return p.Err()
}

// List gives a page of the pipeline, the latest first, and how many
// applications match in all.
func (s *Applications) List(ctx context.Context, c Caller, q PipelineQuery) ([]*domain.Application, int, error) {
	if err := q.Validate(); err != nil {
		return nil, 0, err
	}
	if q.Limit <= 0 || q.Limit > 200 {
		q.Limit = 50
	}
	var out []*domain.Application
	var total int
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, total, err = tx.Applications(ctx, c.Alliance.ID, store.ApplicationFilter{CohortID: q.CohortID, Status: q.Status,
			City: q.City, Gender: q.Gender, Sector: q.Sector, Words: domain.SearchWords(q.Text), Limit: q.Limit, Offset: q.Offset})
		return err
	})
	return out, total, err
}

// Mine lists the caller's own applications to the alliance, latest first.
func (s *Applications) Mine(ctx context.Context, c Caller) ([]*domain.Application, error) {
	if c.UserID == (domain.ID{}) {
		return nil, nil
	}
	var out []*domain.Application
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		user := c.UserID
		out, _, err = tx.Applications(ctx, c.Alliance.ID, store.ApplicationFilter{UserID: &user, Limit: 50})
		return err
	})
	return out, err
}

// BoardColumn is one status of the pipeline board: how many applications
// it holds, and the first of them.
type BoardColumn struct {
	Status domain.ApplicationStatus
	Total  int
	Items  []*domain.Application
}

// Board gives a cohort's pipeline by status, up to perColumn in each
// column, the first submitted first.
func (s *Applications) Board(ctx context.Context, c Caller, cohort domain.ID, perColumn int) ([]BoardColumn, error) {
	var out []BoardColumn
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if _, err := tx.Cohort(ctx, c.Alliance.ID, cohort, false); err != nil {
			return err
		}
		for _, st := range domain.ApplicationStatuses {
			items, total, err := tx.Applications(ctx, c.Alliance.ID, store.ApplicationFilter{CohortID: &cohort,
				Status: []domain.ApplicationStatus{st}, Limit: perColumn, Oldest: true})
			if err != nil {
				return err
			}
			out = append(out, BoardColumn{Status: st, Total: total, Items: items})
		}
		return nil
	})
	return out, err
}
