package web

import (
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// journeyLinks are the links, ahead of the alliance's sections, to a
// member's own side of the mentorships: a mentor's mentees, and an
// entrepreneur's journey once they have one.
//
// SECURITY: m must be the caller's own active membership in a.
func (s *Server) journeyLinks(c *gin.Context, a *domain.Alliance, m *domain.Member) []pageLink {
	var out []pageLink
	base := "/a/" + a.Slug
	if m.Has(domain.RoleMentor) {
		out = append(out, pageLink{ID: "link-mentees", Href: base + "/mentees", Label: s.t(c, "nav.mentees"),
			Current: strings.HasPrefix(c.FullPath(), "/a/:slug/mentees")})
	}
	if m.Has(domain.RoleEntrepreneur) {
		own, err := s.ownJourneys(c.Request.Context(), service.Caller{Actor: actorOf(c), Alliance: a, Member: m})
		if err != nil {
			s.log.Warn("journey link", "request_id", requestID(c), "err", err)
		}
		if m := currentJourney(own, time.Now()); m != nil {
			out = append(out, pageLink{ID: "link-journey", Href: mentorshipPath(a, m.ID), Label: s.t(c, "nav.journey"),
				Current: strings.HasPrefix(c.FullPath(), "/a/:slug/mentorships/")})
		}
	}
	return out
}

// currentJourney is the journey an entrepreneur is on at now, of theirs
// (newest first): the first active one already begun, else the first
// active one, else the newest; nil when there is none.
func currentJourney(own []*domain.Mentorship, now time.Time) *domain.Mentorship {
	var active *domain.Mentorship
	for _, m := range own {
		if m.Status != domain.MentorshipActive {
			continue
		}
		if !m.StartsOn.After(now) {
			return m
		}
		if active == nil {
			active = m
		}
	}
	if active == nil && len(own) > 0 {
		return own[0]
	}
	return active
}
