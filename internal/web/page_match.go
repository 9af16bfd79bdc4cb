package web

import (
	"fmt"
	"maps"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// suggestionView is a mentor ranked for an application, with the reasons
// for the match and, for a mentor who cannot be matched without an
// override, the reasons against, in words.
type suggestionView struct {
	domain.MatchSuggestion
	For, Against []string
}

// suggestionViews writes the reasons of ranked mentors in words.
func (s *Server) suggestionViews(c *gin.Context, list []domain.MatchSuggestion) []suggestionView {
	out := make([]suggestionView, len(list))
	for i, sg := range list {
		out[i] = suggestionView{MatchSuggestion: sg}
		for _, r := range sg.Reasons {
			out[i].For = append(out[i].For, s.matchReasonText(c, r))
		}
		for _, r := range sg.Blockers {
			out[i].Against = append(out[i].Against, s.matchReasonText(c, r))
		}
	}
	return out
}

// matchReasonText writes a reason for or against a match in the page's
// language, the business's sector named by its label.
func (s *Server) matchReasonText(c *gin.Context, r domain.MatchReason) string {
	args := maps.Clone(r.Args)
	if sector, ok := args["sector"]; ok {
		args["sector"] = s.t(c, "sector."+fmt.Sprint(sector))
	}
	return s.catalog.T(localeOf(c), r.Key, args)
}

// matchSubmit (POST /a/:slug/applications/:id/match) makes the mentorship
// of an accepted application with the mentor chosen, its sessions planned
// from the cohort's start, and shows it; both people are told by e-mail.
// A mentor without a free place or who has not accepted the charter is
// refused, unless an admin overrides the rules with a reason, which is
// kept.
func (s *Server) matchSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	d, ok := s.pageApplication(c)
	if !ok {
		return
	}
	mentor, _ := domain.ParseID(f.V("mentor_id")) // the zero id is no mentor: the service says so
	req := service.MatchRequest{ApplicationID: d.ID, MentorID: mentor, OverrideReason: strings.TrimSpace(f.V("override_reason"))}
	var err error
	if f.V("override") == "yes" {
		var p domain.Problems
		domain.ValidateOverrideReason(&p, req.OverrideReason)
		err = p.Err()
	}
	caller := callerOf(c)
	var m *domain.Mentorship
	if err == nil {
		m, err = s.matching.Match(c.Request.Context(), caller, req, s.can(c, authz.ObjMentorships, authz.ActOverride))
	}
	if err != nil {
		if status, ok := s.formFailed(c, f, s.statusNamed(c, err)); ok {
			s.renderApplication(c, status, d, applicationForms{Match: f})
		}
		return
	}
	seeOther(c, mentorshipPath(caller.Alliance, m.ID)+"?matched=1")
}

// statusNamed gives err with the application's status it names, if any,
// written by its label in the request's language.
func (s *Server) statusNamed(c *gin.Context, err error) error {
	de := domain.AsError(err)
	st, ok := de.Args["status"].(string)
	if !ok || !domain.ApplicationStatus(st).Valid() {
		return err
	}
	named := *de
	named.Args = maps.Clone(de.Args)
	named.Args["status"] = s.t(c, "status."+st)
	return &named
}
