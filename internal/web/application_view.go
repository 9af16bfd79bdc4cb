package web

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// applicationSummaryView is an application as the pipeline lists it: who
// applied, their business, where it stands; the long texts are read one
// application at a time.
type applicationSummaryView struct {
	ID          domain.ID                `json:"id"`
	CohortID    domain.ID                `json:"cohort_id"`
	Status      domain.ApplicationStatus `json:"status"`
	Locale      domain.Locale            `json:"locale"`
	Applicant   domain.Applicant         `json:"applicant"`
	Business    domain.Business          `json:"business"`
	Score       *float64                 `json:"score"` // the mean of the screeners' scores, if any
	SubmittedAt time.Time                `json:"submitted_at"`
	UpdatedAt   time.Time                `json:"updated_at"`
}

func applicationSummaryOf(a *domain.Application) applicationSummaryView {
	return applicationSummaryView{ID: a.ID, CohortID: a.CohortID, Status: a.Status, Locale: a.Locale, Applicant: a.Applicant,
		Business: a.Business, Score: a.ScoreAvg, SubmittedAt: a.SubmittedAt, UpdatedAt: a.UpdatedAt}
}

func applicationSummariesOf(apps []*domain.Application) []applicationSummaryView {
	out := make([]applicationSummaryView, 0, len(apps))
	for _, a := range apps {
		out = append(out, applicationSummaryOf(a))
	}
	return out
}

// applicationView is one application whole, as its applicant sees it:
// the long texts, its cohort's name, and its history without the
// screeners' notes.
type applicationView struct {
	applicationSummaryView
	CohortName string                 `json:"cohort_name"`
	Obstacles  string                 `json:"obstacles"`
	Goals      string                 `json:"goals"`
	Motivation string                 `json:"motivation"`
	History    []applicationEventView `json:"history"`
}

// applicationEventView is one move of an application; from is null for
// the submission.
type applicationEventView struct {
	From      *domain.ApplicationStatus `json:"from"`
	To        domain.ApplicationStatus  `json:"to"`
	ActorName string                    `json:"actor_name"`
	Note      string                    `json:"note,omitempty"`
	At        time.Time                 `json:"at"`
}

// screenedApplicationView is an application as those who screen it see
// it: with the notes of every move, their own notes and scores, and the
// moves they may make now.
type screenedApplicationView struct {
	applicationView
	Notes   []applicationNoteView      `json:"notes"`
	Allowed []domain.ApplicationStatus `json:"allowed"`
}

// applicationNoteView is a screener's note, with its optional score.
type applicationNoteView struct {
	ID         domain.ID `json:"id"`
	AuthorID   domain.ID `json:"author_id"`
	AuthorName string    `json:"author_name"`
	Text       string    `json:"text"`
	Score      *int      `json:"score"`
	CreatedAt  time.Time `json:"created_at"`
}

func applicationNoteOf(n *domain.ApplicationNote) applicationNoteView {
	return applicationNoteView{ID: n.ID, AuthorID: n.AuthorID, AuthorName: n.AuthorName, Text: n.Text, Score: n.Score, CreatedAt: n.CreatedAt}
}

// applicationOf is the application as the applicant sees it (the
// service has already taken the screeners' notes out of its history).
func applicationOf(d *service.ApplicationDetail) applicationView {
	v := applicationView{applicationSummaryView: applicationSummaryOf(d.Application), CohortName: d.Cohort.Name,
		Obstacles: d.Obstacles, Goals: d.Goals, Motivation: d.Motivation, History: make([]applicationEventView, 0, len(d.Events))}
	for _, e := range d.Events {
		ev := applicationEventView{To: e.To, ActorName: e.ActorName, Note: e.Note, At: e.At}
		if e.From != "" {
			from := e.From
			ev.From = &from
		}
		v.History = append(v.History, ev)
	}
	return v
}

// screenedApplicationOf is the application as those who screen it see it.
func screenedApplicationOf(d *service.ApplicationDetail) screenedApplicationView {
	v := screenedApplicationView{applicationView: applicationOf(d), Notes: make([]applicationNoteView, 0, len(d.Notes)),
		Allowed: d.Allowed}
	if v.Allowed == nil {
		v.Allowed = []domain.ApplicationStatus{}
	}
	for _, n := range d.Notes {
		v.Notes = append(v.Notes, applicationNoteOf(n))
	}
	return v
}

// applicationBody is the application form as the API takes it. The
// language of the mails is locale, else the request's.
type applicationBody struct {
	CohortID   string           `json:"cohort_id"`
	Applicant  domain.Applicant `json:"applicant"`
	Business   domain.Business  `json:"business"`
	Obstacles  string           `json:"obstacles"`
	Goals      string           `json:"goals"`
	Motivation string           `json:"motivation"`
	Locale     domain.Locale    `json:"locale"`
}

// form is the body as the service takes it, in the language fallback
// when the body names none. A cohort id that is not a UUID reads as the
// zero id, which names no cohort: the service answers it as unknown.
func (b applicationBody) form(fallback domain.Locale) domain.ApplicationForm {
	cohort, _ := domain.ParseID(b.CohortID)
	loc := b.Locale
	if loc == "" {
		loc = fallback
	}
	return domain.ApplicationForm{CohortID: cohort, Locale: loc, Applicant: b.Applicant, Business: b.Business,
		Obstacles: b.Obstacles, Goals: b.Goals, Motivation: b.Motivation}
}

// moveBody is a move along the pipeline: the status to reach and why.
type moveBody struct {
	To   domain.ApplicationStatus `json:"to"`
	Note string                   `json:"note"`
}
