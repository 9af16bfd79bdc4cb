package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// guideBase is the address of the page of the guide's editions.
func guideBase(a *domain.Alliance) string { return "/a/" + a.Slug + "/guide" }

// guideBanner is what the library says of the guide's current edition to
// its reader: whether they acknowledged it, or the button to do so. Those
// who neither acknowledge nor write the guide get no banner.
type guideBanner struct {
	Status         *service.GuideStatus // nil while no edition is published
	CanAcknowledge bool
	CanWrite       bool
	JustDone       bool // the reader has just acknowledged it
}

// libraryGuideBanner gives the banner of the library's page.
func (s *Server) libraryGuideBanner(c *gin.Context) (guideBanner, error) {
	b := guideBanner{CanAcknowledge: s.can(c, authz.ObjLibrary, authz.ActAccept), CanWrite: s.can(c, authz.ObjLibrary, authz.ActWrite)}
	if !b.CanAcknowledge && !b.CanWrite {
		return b, nil
	}
	st, err := s.guide.Current(c.Request.Context(), callerOf(c))
	switch {
	case domain.ErrorCode(err) == domain.CodeNotFound:
		return b, nil
	case err != nil:
		return b, err
	}
	b.Status = st
	b.JustDone = st.Acknowledged != nil && c.Query("acknowledged") == "1"
	return b, nil
}

// guideAcknowledgeSubmit (POST /a/:slug/guide/acknowledge) records that
// the member read the guide's current edition, and goes back to the
// library.
func (s *Server) guideAcknowledgeSubmit(c *gin.Context) {
	if _, ok := s.postForm(c); !ok {
		return
	}
	caller := callerOf(c)
	if _, _, err := s.guide.Acknowledge(c.Request.Context(), caller); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, libraryBase(caller.Alliance)+"?acknowledged=1")
}

// guidePage (GET /a/:slug/guide) shows the guide's writers the current
// edition, who acknowledged it and when, the active mentors who have
// not, the editions before, and the form to publish a new one.
func (s *Server) guidePage(c *gin.Context) {
	s.renderGuide(c, http.StatusOK, newForm(nil))
}

// renderGuide shows the guide's page with the form to publish an edition.
func (s *Server) renderGuide(c *gin.Context, status int, f *form) {
	ctx, caller := c.Request.Context(), callerOf(c)
	readers, err := s.guide.Readers(ctx, caller)
	if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
		s.failPage(c, err)
		return
	}
	editions, err := s.guide.Editions(ctx, caller)
	if err != nil {
		s.failPage(c, err)
		return
	}
	data := gin.H{"Form": f, "Editions": editions, "NoteMax": domain.GuideNoteMax}
	if readers != nil {
		data["Readers"] = readers
	}
	if n, err := strconv.Atoi(c.Query("published")); err == nil {
		data["Published"] = n
	}
	s.renderSection(c, status, "guide", "page.guide.title", data)
}

// guidePublishSubmit (POST /a/:slug/guide/editions) publishes a new
// edition of the guide with the writer's note; every active mentor is
// asked by e-mail to acknowledge it.
func (s *Server) guidePublishSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	note := strings.TrimSpace(strings.ReplaceAll(f.V("note"), "\r\n", "\n"))
	e, err := s.guide.Publish(c.Request.Context(), caller, note)
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderGuide(c, status, f)
		}
		return
	}
	seeOther(c, guideBase(caller.Alliance)+"?published="+strconv.Itoa(e.Edition))
}
