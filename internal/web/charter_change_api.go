package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// charterDraft answers POST /api/v1/alliances/{slug}/charter/versions
// (admin) → 201 with the new draft.
func (s *Server) charterDraft(c *gin.Context) {
	caller := callerOf(c)
	bodies, err := s.charterBodies(c)
	var v *domain.CharterVersion
	if err == nil {
		v, err = s.charters.Draft(c.Request.Context(), caller, bodies)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, charterOf(v, requestedLocale(c), caller.Alliance.DefaultLocale))
}

// charterEdit answers PATCH …/charter/versions/{version} (admin): a draft's
// new texts.
func (s *Server) charterEdit(c *gin.Context) {
	caller := callerOf(c)
	n, err := charterVersionParam(c)
	var bodies map[domain.Locale]string
	if err == nil {
		bodies, err = s.charterBodies(c)
	}
	var v *domain.CharterVersion
	if err == nil {
		v, err = s.charters.Edit(c.Request.Context(), caller, n, bodies)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, charterOf(v, requestedLocale(c), caller.Alliance.DefaultLocale))
}

// charterPublish answers POST …/charter/versions/{version}/publish (admin).
func (s *Server) charterPublish(c *gin.Context) {
	caller := callerOf(c)
	n, err := charterVersionParam(c)
	var v *domain.CharterVersion
	if err == nil {
		v, err = s.charters.Publish(c.Request.Context(), caller, n)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, charterOf(v, requestedLocale(c), caller.Alliance.DefaultLocale))
}

// charterAccept answers POST /api/v1/alliances/{slug}/charter/accept: 201
// when this records the caller's acceptance of the current version, 200
// when it was already recorded.
func (s *Server) charterAccept(c *gin.Context) {
	v, recorded, err := s.charters.Accept(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	if recorded {
		status = http.StatusCreated
	}
	c.JSON(status, gin.H{"version": v.Version, "accepted": true})
}

// charterAcceptances answers GET …/charter/acceptances (admin): who
// accepted the current version, when and from where, and who has not.
func (s *Server) charterAcceptances(c *gin.Context) {
	st, err := s.charters.Acceptances(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	type accepted struct {
		UserID     domain.ID `json:"user_id"`
		Name       string    `json:"name"`
		AcceptedAt string    `json:"accepted_at"`
		IP         string    `json:"ip"`
	}
	type pending struct {
		UserID domain.ID     `json:"user_id"`
		Name   string        `json:"name"`
		Roles  []domain.Role `json:"roles"`
	}
	out := struct {
		Version  int        `json:"version"`
		Accepted []accepted `json:"accepted"`
		Pending  []pending  `json:"pending"`
	}{Version: st.Version.Version, Accepted: []accepted{}, Pending: []pending{}}
	for _, a := range st.Accepted {
		out.Accepted = append(out.Accepted, accepted{UserID: a.UserID, Name: a.Name, AcceptedAt: a.AcceptedAt.Format("2006-01-02T15:04:05Z"), IP: a.IP})
	}
	for _, m := range st.Pending {
		out.Pending = append(out.Pending, pending{UserID: m.UserID, Name: m.Name, Roles: m.Roles})
	}
	c.JSON(http.StatusOK, out)
}
