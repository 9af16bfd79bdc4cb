package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// memberPage shows one member; an admin also gets the form to change
// their roles, status and capacity.
func (s *Server) memberPage(c *gin.Context) {
	m, ok := s.pageMember(c)
	if !ok {
		return
	}
	s.renderMember(c, http.StatusOK, m, memberFormOf(m), c.Query("saved") == "1", nil)
}

// memberFormOf fills an admin's form with m's roles, status and capacity.
func memberFormOf(m *domain.Member) *form {
	f := newForm(url.Values{"status": {string(m.Status)}, "capacity": {strconv.Itoa(m.Capacity)}})
	for _, r := range m.Roles {
		f.Values.Add("roles", string(r))
	}
	return f
}

// pageMember loads the member of the route as the caller may see them; an
// id that is not one is not found.
func (s *Server) pageMember(c *gin.Context) (*domain.Member, bool) {
	id, err := domain.ParseID(c.Param("user_id"))
	var m *domain.Member
	if err == nil {
		m, err = s.members.Get(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		if domain.ErrorCode(err) != domain.CodeInternal && domain.ErrorCode(err) != domain.CodeUnavailable {
			err = domain.NotFound()
		}
		s.failPage(c, err)
		return nil, false
	}
	return m, true
}

// renderMember shows a member; a mentor's own page, and any mentor's page
// to those who plan peer sessions, also shows the mentor's peer sessions of
// the year. A mentor's own page, and any mentor's page to those who run
// the pipeline, has the form of what matching knows of them: profile as
// just sent, or, when nil, as saved.
func (s *Server) renderMember(c *gin.Context, status int, m *domain.Member, f *form, saved bool, profile *form) {
	manage := s.can(c, authz.ObjMembers, authz.ActManage)
	data := gin.H{
		"Member": m, "Form": f, "Saved": saved, "Manage": manage, "ShowEmail": manage,
		"Roles": domain.Roles, "Statuses": domain.MemberStatuses,
	}
	if m.Has(domain.RoleMentor) && s.mayEditProfile(c, m) {
		if profile == nil {
			profile = profileFormOf(m)
		}
		data["Profile"], data["Sectors"], data["ProfileSaved"] = profile, domain.Sectors, c.Query("profile_saved") == "1"
	}
	if m.Has(domain.RoleMentor) && (m.UserID == callerOf(c).UserID || s.can(c, authz.ObjPeer, authz.ActManage)) {
		year, err := s.memberPeerYear(c, m.UserID)
		if err != nil {
			s.failPage(c, err)
			return
		}
		data["PeerYear"] = year
	}
	s.renderSection(c, status, "member", "member.title", data)
}

// memberSubmit applies an admin's change. The alliance keeps at least one
// active admin: the service refuses to demote the last, and the page says
// so.
func (s *Server) memberSubmit(c *gin.Context) {
	m, ok := s.pageMember(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	roles := []domain.Role{}
	for _, r := range f.Values["roles"] {
		if r != "" {
			roles = append(roles, domain.Role(r))
		}
	}
	status := domain.MemberStatus(f.V("status"))
	capacity, err := strconv.Atoi(strings.TrimSpace(f.V("capacity")))
	if err != nil {
		capacity = -1 // out of range: the check below says so
	}
	caller := callerOf(c)
	_, err = s.members.Change(c.Request.Context(), caller, m.UserID, domain.MemberChange{Roles: roles, Status: &status, Capacity: &capacity})
	if err != nil {
		if code, ok := s.formFailed(c, f, err); ok {
			s.renderMember(c, code, m, f, false, nil)
		}
		return
	}
	base := "/a/" + caller.Alliance.Slug
	if m.UserID == caller.UserID {
		// Admins who changed their own membership may no longer see
		// the members: their alliance's page is always there.
		seeOther(c, base)
		return
	}
	seeOther(c, base+"/members/"+m.UserID.String()+"?saved=1")
}
