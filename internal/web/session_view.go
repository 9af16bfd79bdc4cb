package web

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// journeySessionView is one session of a journey in the API, as one side
// sees it: where it stands on the timeline, the date agreed or proposed,
// the entrepreneur's agenda and, once held, the shared part of the log.
// The rating is left out for the mentor, who reads only their mean.
type journeySessionView struct {
	Number          int                  `json:"number"`
	PlannedOn       string               `json:"planned_on"`
	Status          domain.SessionStatus `json:"status"`
	State           service.SessionState `json:"state"`
	ScheduledAt     *time.Time           `json:"scheduled_at"`
	Place           string               `json:"place"`
	ProposedAt      *time.Time           `json:"proposed_at"`
	ProposedBy      *domain.ID           `json:"proposed_by"`
	Agenda          []domain.Obstacle    `json:"agenda"`
	HeldOn          *string              `json:"held_on"`
	DurationMinutes int                  `json:"duration_minutes"`
	Obstacles       []domain.Obstacle    `json:"obstacles"`
	SharedNotes     string               `json:"shared_notes"`
	Reason          string               `json:"reason"`
	Rating          *int                 `json:"rating,omitempty"`
	RatingComment   string               `json:"rating_comment,omitempty"`
}

// journeySessionOf is a session in the API at its state on the timeline.
// The services have already taken the rating out for a mentor; the store
// gives empty lists, never null.
func journeySessionOf(s domain.MentorshipSession, state service.SessionState) journeySessionView {
	return journeySessionView{Number: s.Number, PlannedOn: dateOf(s.PlannedOn), Status: s.Status, State: state,
		ScheduledAt: s.ScheduledAt, Place: s.Place, ProposedAt: s.ProposedAt, ProposedBy: s.ProposedBy,
		Agenda: s.Agenda, HeldOn: dateOrNil(s.HeldOn), DurationMinutes: s.DurationMinutes,
		Obstacles: s.Obstacles, SharedNotes: s.SharedNotes, Reason: s.Reason,
		Rating: s.Rating, RatingComment: s.RatingComment}
}

// sessionDetailView is one session read on its own: the session, the
// actions agreed in it, the open actions of earlier sessions that carry
// over, and, for the mentor alone, their private notes (the key is absent
// for anyone else).
type sessionDetailView struct {
	journeySessionView
	MentorshipID domain.ID    `json:"mentorship_id"`
	Side         service.Side `json:"side"`
	Agreed       []actionView `json:"agreed"`
	CarriedOver  []actionView `json:"carried_over"`
	PrivateNotes *string      `json:"private_notes,omitempty"`
}

// sessionDetailOf is a session as the service gave it to the caller.
func sessionDetailOf(v *service.SessionView) sessionDetailView {
	out := sessionDetailView{journeySessionView: journeySessionOf(v.Session, v.State), MentorshipID: v.Mentorship.ID,
		Side: v.Side, Agreed: actionViews(v.Agreed), CarriedOver: actionViews(v.CarriedOver)}
	if v.Side == service.SideMentor {
		notes := v.PrivateNotes
		out.PrivateNotes = &notes
	}
	return out
}

// actionView is an action agreed in a session: what, who, by when, and
// whether it is done.
type actionView struct {
	ID      domain.ID          `json:"id"`
	Session int                `json:"session"`
	Text    string             `json:"text"`
	Owner   domain.ActionOwner `json:"owner"`
	DueOn   *string            `json:"due_on"`
	Done    bool               `json:"done"`
	DoneAt  *time.Time         `json:"done_at"`
}

func actionViewOf(a domain.Action) actionView {
	return actionView{ID: a.ID, Session: a.Session, Text: a.Text, Owner: a.Owner, DueOn: dateOrNil(a.DueOn),
		Done: a.DoneAt != nil, DoneAt: a.DoneAt}
}

func actionViews(list []domain.Action) []actionView {
	out := make([]actionView, 0, len(list))
	for _, a := range list {
		out = append(out, actionViewOf(a))
	}
	return out
}
