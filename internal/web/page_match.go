package web

import (
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
	words := matchWords{catalog: s.catalog, loc: localeOf(c)}
	out := make([]suggestionView, len(list))
	for i, sg := range list {
		out[i] = suggestionView{MatchSuggestion: sg}
		for _, r := range sg.Reasons {
			out[i].For = append(out[i].For, words.text(r))
		}
		for _, r := range sg.Blockers {
			out[i].Against = append(out[i].Against, words.text(r))
		}
	}
	return out
}

// suggestionsShown is how many ranked mentors an application's page lists
// before a link to all of them: enough to choose from, light on a phone.
const suggestionsShown = 10

// shownSuggestions gives the first suggestionsShown mentors, and how many
// there are in all when some are left out; every one when all is asked.
func shownSuggestions(list []domain.MatchSuggestion, all bool) ([]domain.MatchSuggestion, int) {
	if all || len(list) <= suggestionsShown {
		return list, 0
	}
	return list[:suggestionsShown], len(list)
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
