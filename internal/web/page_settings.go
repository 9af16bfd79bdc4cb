package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// settingsPage shows an admin the alliance's profile and programme to
// change.
func (s *Server) settingsPage(c *gin.Context) {
	a := callerOf(c).Alliance
	f := newForm(url.Values{
		"name": {a.Name}, "country": {a.Country}, "default_locale": {string(a.DefaultLocale)},
		"settings.sessions_per_mentorship": {strconv.Itoa(a.Settings.SessionsPerMentorship)},
		"settings.cadence":                 {a.Settings.Cadence},
		"settings.peer_coaching":           {a.Settings.PeerCoaching},
		"about.fr":                         {a.About[domain.French]},
		"about.en":                         {a.About[domain.English]},
	})
	s.renderSettings(c, http.StatusOK, f, c.Query("saved") == "1")
}

func (s *Server) renderSettings(c *gin.Context, status int, f *form, saved bool) {
	s.renderSection(c, status, "settings", "settings.title", gin.H{
		"Form": f, "Saved": saved,
		"Cadences": domain.Cadences, "PeerCadences": domain.PeerCoachingCadences,
	})
}

// settingsSubmit saves the admin's change.
func (s *Server) settingsSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	// A number that does not parse is out of range for the check below.
	sessions, err := strconv.Atoi(strings.TrimSpace(f.V("settings.sessions_per_mentorship")))
	if err != nil {
		sessions = -1
	}
	name, country, loc := f.V("name"), f.V("country"), domain.Locale(f.V("default_locale"))
	settings := domain.AllianceSettings{
		SessionsPerMentorship: sessions, Cadence: f.V("settings.cadence"), PeerCoaching: f.V("settings.peer_coaching"),
	}
	a := *callerOf(c).Alliance
	err = s.alliances.Update(c.Request.Context(), actorOf(c), &a, service.AllianceChange{
		Name: &name, Country: &country, DefaultLocale: &loc, Settings: &settings,
		About: map[domain.Locale]string{domain.French: f.V("about.fr"), domain.English: f.V("about.en")},
	})
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderSettings(c, status, f, false)
		}
		return
	}
	seeOther(c, "/a/"+a.Slug+"/settings?saved=1")
}
