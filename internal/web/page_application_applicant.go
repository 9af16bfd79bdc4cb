package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// renderApplicantApplication is the page of an application for its
// signed-in applicant (GET /a/:slug/applications/:id, to a caller who does
// not screen applications): where it stands, its history, what they
// wrote, and, while it is still being screened, the form to withdraw it.
//
// SECURITY: d must be the caller's own application, read without the
// screeners' notes (service.Applications.Get with screens false).
func (s *Server) renderApplicantApplication(c *gin.Context, d *service.ApplicationDetail) {
	s.renderApplicantPage(c, http.StatusOK, d, newForm(nil), c.Query("withdrawn") == "1")
}

// renderApplicantPage shows an applicant their application, with the
// withdrawal's form as f holds it.
func (s *Server) renderApplicantPage(c *gin.Context, status int, d *service.ApplicationDetail, f *form, withdrawn bool) {
	a := allianceOf(c)
	s.render(c, status, "application_applicant", s.t(c, "page.follow.title")+" · "+a.Name, gin.H{
		"Alliance": a, "Application": applicantViewOf(d), "Form": f, "Withdrawn": withdrawn,
		"CanWithdraw": domain.CanWithdraw(d.Status),
	})
}

// applicationWithdrawSubmit (POST /a/:slug/applications/:id/withdraw) lets
// a signed-in applicant take back their application while it is still
// being screened, once they have ticked the box that says they mean it. A
// visitor is sent to sign in first; to anyone but the applicant, the
// application does not exist.
func (s *Server) applicationWithdrawSubmit(c *gin.Context) {
	a := allianceOf(c)
	page := "/a/" + a.Slug + "/applications/" + url.PathEscape(c.Param("id"))
	if sessionOf(c) == nil {
		c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(page))
		c.Abort()
		return
	}
	caller := service.Caller{Actor: actorOf(c), Alliance: a}
	id, err := domain.ParseID(c.Param("id"))
	var d *service.ApplicationDetail
	if err == nil {
		d, err = s.applications.Get(c.Request.Context(), caller, id, false)
	}
	if err != nil {
		if code := domain.ErrorCode(err); code != domain.CodeInternal && code != domain.CodeUnavailable {
			err = domain.NotFound()
		}
		s.failPage(c, err)
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	if f.V("confirm") != "1" {
		f.fail("confirm", s.t(c, "page.follow.withdraw.confirm_required"))
		f.Problem = s.t(c, "error.invalid.detail")
		s.renderApplicantPage(c, http.StatusUnprocessableEntity, d, f, false)
		return
	}
	if _, err := s.applications.Withdraw(c.Request.Context(), caller, id); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderApplicantPage(c, status, d, f, false)
		}
		return
	}
	seeOther(c, page+"?withdrawn=1")
}
