package web

import (
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// A journey's changes are checked in this order, before the services make
// them: whoever may not know of the mentorship gets 404 before anything
// is made of the body (as for a mentorship that does not exist); whoever
// sees it (its mentor, its entrepreneur, those who manage mentorships)
// but may not make this change gets 403, naming who may; only then is the
// body read and the change made, where the services check it again.

// sessionIDs reads the mentorship and the session number a route
// names; a number that is not one is not found, as a session that does
// not exist.
func sessionIDs(c *gin.Context) (domain.ID, int, error) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		return id, 0, err
	}
	number, err := strconv.Atoi(c.Param("number"))
	if err != nil {
		return id, 0, domain.NotFound()
	}
	return id, number, nil
}

// sessionFor checks, before anything is made of the body, that the caller
// may change the session the route names: whoever may not know of the
// mentorship finds nothing, and whoever sees it without being one of
// sides is refused with key.
func (s *Server) sessionFor(c *gin.Context, key string, sides ...service.Side) (domain.ID, int, error) {
	id, number, err := sessionIDs(c)
	if err != nil {
		return id, number, err
	}
	v, err := s.journey.Session(c.Request.Context(), callerOf(c), id, number, s.callerMay(c, authz.ObjMentorships, authz.ActManage))
	if err != nil {
		return id, number, err
	}
	return id, number, sideAllowed(v.Side, key, sides)
}

// mentorshipFor is sessionFor for a route that names a mentorship alone;
// it gives the journey as the caller sees it.
func (s *Server) mentorshipFor(c *gin.Context, key string, sides ...service.Side) (*service.JourneyView, error) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		return nil, err
	}
	v, err := s.journey.View(c.Request.Context(), callerOf(c), id, s.callerMay(c, authz.ObjMentorships, authz.ActManage))
	if err != nil {
		return nil, err
	}
	return v, sideAllowed(v.Side, key, sides)
}

// sideAllowed refuses a side that is not one of sides, with key as the
// reason.
func sideAllowed(side service.Side, key string, sides []service.Side) error {
	if slices.Contains(sides, side) {
		return nil
	}
	return domain.E(domain.CodeForbidden, key, nil)
}
