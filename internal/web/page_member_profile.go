package web

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// mayEditProfile tells whether the caller may change what matching knows
// of m: m themself, or those who run the pipeline.
func (s *Server) mayEditProfile(c *gin.Context, m *domain.Member) bool {
	return m.UserID == callerOf(c).UserID || s.can(c, authz.ObjPipeline, authz.ActManage)
}

// profileFormOf fills the form of what matching knows of m: the
// languages in one field, separated by commas.
func profileFormOf(m *domain.Member) *form {
	return newForm(url.Values{
		"city": {m.Profile.City}, "sectors": m.Profile.Sectors, "languages": {strings.Join(m.Profile.Languages, ", ")},
	})
}

// memberProfileSubmit (POST /a/:slug/members/:user_id/profile) saves what
// matching knows of a mentor: the city they work in, the sectors they
// know, the languages they mentor in. Members change their own, those who
// run the pipeline anyone's; anyone else is refused (403). A form with
// mistakes comes back with what was typed and a message next to each
// field.
func (s *Server) memberProfileSubmit(c *gin.Context) {
	m, ok := s.pageMember(c)
	if !ok {
		return
	}
	if !s.mayEditProfile(c, m) {
		s.failPage(c, domain.E(domain.CodeForbidden, "", nil))
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	p := domain.MentorProfile{City: f.V("city"), Sectors: f.Values["sectors"], Languages: languageCodes(f.V("languages"))}
	caller := callerOf(c)
	if _, err := s.members.UpdateProfile(c.Request.Context(), caller, m.UserID, p); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderMember(c, status, m, memberFormOf(m), false, f)
		}
		return
	}
	seeOther(c, "/a/"+caller.Alliance.Slug+"/members/"+m.UserID.String()+"?profile_saved=1#profile")
}

// languageCodes splits the languages typed in one field: by commas,
// semicolons or spaces.
func languageCodes(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
}
