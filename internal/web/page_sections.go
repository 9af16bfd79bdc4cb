package web

import (
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// pageLink is a link to one of an alliance's pages.
type pageLink struct {
	ID, Href, Label string
	Current         bool
}

// sections are an alliance's pages for its members, each with the
// permission it asks for (the same as its route's).
var sections = []struct {
	id, path, label string
	perm            authz.Permission
}{
	{"charter", "/charter", "section.charter", authz.Permission{Object: authz.ObjCharter, Action: authz.ActAccept}},
	{"library", "/library", "nav.library", authz.Permission{Object: authz.ObjLibrary, Action: authz.ActRead}},
	{"peer-sessions", "/peer-sessions", "nav.peer_sessions", authz.Permission{Object: authz.ObjPeer, Action: authz.ActRead}},
	{"cohorts", "/cohorts", "nav.cohorts", authz.Permission{Object: authz.ObjCohorts, Action: authz.ActRead}},
	{"applications", "/applications", "nav.applications", authz.Permission{Object: authz.ObjPipeline, Action: authz.ActRead}},
	{"reports", "/reports", "nav.reports", authz.Permission{Object: authz.ObjReports, Action: authz.ActRead}},
	{"members", "/members", "section.members", authz.Permission{Object: authz.ObjMembers, Action: authz.ActRead}},
	{"invitations", "/invitations", "section.invitations", authz.Permission{Object: authz.ObjInvitations, Action: authz.ActRead}},
	{"settings", "/settings", "section.settings", authz.Permission{Object: authz.ObjAlliance, Action: authz.ActUpdate}},
	{"billing", "/billing", "section.billing", authz.Permission{Object: authz.ObjBilling, Action: authz.ActManage}},
	{"audit", "/audit", "section.audit", authz.Permission{Object: authz.ObjAudit, Action: authz.ActRead}},
	{"mails", "/mails", "section.mails", authz.Permission{Object: authz.ObjMail, Action: authz.ActRead}},
	{"jobs", "/jobs", "section.jobs", authz.Permission{Object: authz.ObjJobs, Action: authz.ActRead}},
}

// sectionLinks lists the pages of the alliance that the member's roles
// open, the page being shown marked as current.
//
// SECURITY: m must be the caller's own active membership in a.
func (s *Server) sectionLinks(c *gin.Context, a *domain.Alliance, m *domain.Member) []pageLink {
	out := s.journeyLinks(c, a, m)
	base := "/a/" + a.Slug
	for _, sec := range sections {
		ok, err := s.enforcer.Allowed(c.Request.Context(), m.Roles, a.ID, sec.perm)
		if err != nil {
			s.log.Warn("section links", "request_id", requestID(c), "err", err)
			return nil
		}
		if ok {
			out = append(out, pageLink{ID: "link-" + sec.id, Href: base + sec.path, Label: s.t(c, sec.label),
				Current: strings.HasPrefix(c.FullPath(), "/a/:slug"+sec.path)})
		}
	}
	return out
}

// can tells whether the calling member's roles allow a permission in their
// alliance; a failure to decide is a no.
func (s *Server) can(c *gin.Context, object, action string) bool {
	caller := callerOf(c)
	ok, err := s.enforcer.Allowed(c.Request.Context(), caller.Member.Roles, caller.Alliance.ID, authz.Permission{Object: object, Action: action})
	if err != nil {
		s.log.Warn("permission check", "request_id", requestID(c), "err", err)
	}
	return ok && err == nil
}

// renderSection renders one of an alliance's member pages, with the links
// to the others.
func (s *Server) renderSection(c *gin.Context, status int, name, titleKey string, data gin.H) {
	s.renderTitled(c, status, name, s.t(c, titleKey), data)
}

// renderTitled renders one of an alliance's member pages under a title of
// its own (a text's, a session's), with the links to the others.
func (s *Server) renderTitled(c *gin.Context, status int, name, title string, data gin.H) {
	caller := callerOf(c)
	data["Alliance"] = caller.Alliance
	data["Links"] = s.sectionLinks(c, caller.Alliance, caller.Member)
	s.render(c, status, name, title+" · "+caller.Alliance.Name, data)
}
