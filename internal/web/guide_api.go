package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// guideEditionView is an edition of the Mentor Guide in the API.
type guideEditionView struct {
	Edition     int       `json:"edition"`
	Note        string    `json:"note"`
	PublishedAt time.Time `json:"published_at"`
}

func guideEditionOf(e *domain.GuideEdition) guideEditionView {
	return guideEditionView{Edition: e.Edition, Note: e.Note, PublishedAt: e.PublishedAt}
}

// guideGet answers GET /api/v1/alliances/{slug}/guide (library:read): the
// current edition, and when the caller acknowledged it (null when they
// have not). 404 while the alliance has published none.
func (s *Server) guideGet(c *gin.Context) {
	st, err := s.guide.Current(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := struct {
		Edition        guideEditionView `json:"edition"`
		AcknowledgedAt *time.Time       `json:"acknowledged_at"`
	}{Edition: guideEditionOf(st.Edition)}
	if st.Acknowledged != nil {
		out.AcknowledgedAt = &st.Acknowledged.AcknowledgedAt
	}
	c.JSON(http.StatusOK, out)
}

// guideEditions answers GET /api/v1/alliances/{slug}/guide/editions
// (library:read): every edition, newest first, in one page.
func (s *Server) guideEditions(c *gin.Context) {
	es, err := s.guide.Editions(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[guideEditionView]{Items: make([]guideEditionView, 0, len(es))}
	for _, e := range es {
		out.Items = append(out.Items, guideEditionOf(e))
	}
	c.JSON(http.StatusOK, out)
}

// guidePublish answers POST /api/v1/alliances/{slug}/guide/editions {note}
// (library:write) → 201 with the new current edition; every active mentor
// is asked to acknowledge it.
func (s *Server) guidePublish(c *gin.Context) {
	var in struct {
		Note string `json:"note"`
	}
	err := decodeJSON(c, &in)
	var e *domain.GuideEdition
	if err == nil {
		e, err = s.guide.Publish(c.Request.Context(), callerOf(c), in.Note)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, guideEditionOf(e))
}

// guideAcknowledge answers POST /api/v1/alliances/{slug}/guide/acknowledge
// (library:accept): 201 when this records that the caller read the current
// edition, 200 when it was already recorded; 409 while none is published.
func (s *Server) guideAcknowledge(c *gin.Context) {
	e, recorded, err := s.guide.Acknowledge(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	if recorded {
		status = http.StatusCreated
	}
	c.JSON(status, gin.H{"edition": e.Edition, "acknowledged": true})
}

// guideAcknowledgements answers GET
// /api/v1/alliances/{slug}/guide/acknowledgements (library:write): who
// acknowledged the current edition and when, and the active mentors who
// have not. 404 while none is published.
func (s *Server) guideAcknowledgements(c *gin.Context) {
	st, err := s.guide.Readers(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	type acknowledged struct {
		UserID         domain.ID `json:"user_id"`
		Name           string    `json:"name"`
		AcknowledgedAt time.Time `json:"acknowledged_at"`
	}
	type pending struct {
		UserID domain.ID `json:"user_id"`
		Name   string    `json:"name"`
	}
	out := struct {
		Edition      int            `json:"edition"`
		Acknowledged []acknowledged `json:"acknowledged"`
		Pending      []pending      `json:"pending"`
	}{Edition: st.Edition.Edition, Acknowledged: []acknowledged{}, Pending: []pending{}}
	for _, a := range st.Acknowledged {
		out.Acknowledged = append(out.Acknowledged, acknowledged{UserID: a.UserID, Name: a.Name, AcknowledgedAt: a.AcknowledgedAt})
	}
	for _, m := range st.Pending {
		out.Pending = append(out.Pending, pending{UserID: m.UserID, Name: m.Name})
	}
	c.JSON(http.StatusOK, out)
}
