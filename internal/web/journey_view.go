package web

import (
	"math"
	"time"

	"github.com/mentorat/mentorat/internal/service"
)

// journeyView is a mentorship's journey in the API, as the caller's side
// sees it: the mentorship, its sessions on the timeline, every action
// agreed, and the entrepreneur's goals and obstacles from the
// application. A journey ended early says why. The mentor reads the mean
// of their ratings once there are enough to keep each one anonymous; the
// key is absent otherwise, and for anyone else.
type journeyView struct {
	Mentorship mentorshipView       `json:"mentorship"`
	Side       service.Side         `json:"side"`
	EndReason  string               `json:"end_reason,omitempty"`
	EndedAt    *time.Time           `json:"ended_at,omitempty"`
	Sessions   []journeySessionView `json:"sessions"`
	Actions    []actionView         `json:"actions"`
	Goals      string               `json:"goals"`
	Obstacles  string               `json:"obstacles"`
	Ratings    *ratingsView         `json:"ratings,omitempty"`
}

// ratingsView is how many of the mentor's sessions were rated, and their
// mean, to two decimals.
type ratingsView struct {
	Count int     `json:"count"`
	Mean  float64 `json:"mean"`
}

// journeyOf is a journey as the service gave it to the caller; staff says
// whether the caller manages mentorships.
func journeyOf(v *service.JourneyView, staff bool) journeyView {
	m := mentorshipOf(v.Mentorship, staff)
	m.Sessions = nil
	out := journeyView{Mentorship: m, Side: v.Side, EndReason: v.Mentorship.EndReason, EndedAt: v.Mentorship.EndedAt,
		Sessions: journeySessionsOf(v), Actions: actionViews(v.Actions), Goals: v.Goals, Obstacles: v.Obstacles}
	if v.RatingCount > 0 {
		out.Ratings = &ratingsView{Count: v.RatingCount, Mean: math.Round(v.RatingMean*100) / 100}
	}
	return out
}
