package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// allianceProfile is an alliance's public profile in the API.
type allianceProfile struct {
	Slug          string                   `json:"slug"`
	Name          string                   `json:"name"`
	Country       string                   `json:"country"`
	DefaultLocale domain.Locale            `json:"default_locale"`
	Settings      domain.AllianceSettings  `json:"settings"`
	About         map[domain.Locale]string `json:"about"`
}

// publicProfile is the profile with what a visitor wants to know next:
// the charter's current version and the cohorts taking applications.
type publicProfile struct {
	allianceProfile
	CharterVersion *int         `json:"charter_version"`
	OpenCohorts    []openCohort `json:"open_cohorts"`
}

// openCohort is a cohort that takes applications, as the public sees it.
type openCohort struct {
	ID       domain.ID `json:"id"`
	Name     string    `json:"name"`
	City     string    `json:"city"`
	StartsOn string    `json:"starts_on"`
	EndsOn   string    `json:"ends_on"`
	ClosesOn *string   `json:"closes_on"`
}

// allianceGet answers GET /api/v1/alliances/{slug}: the public profile,
// the charter's current version number, and the cohorts open for
// applications.
func (s *Server) allianceGet(c *gin.Context) {
	a := allianceOf(c)
	out := publicProfile{allianceProfile: profileOf(a), OpenCohorts: []openCohort{}}
	v, err := s.charters.Current(c.Request.Context(), a.ID)
	switch {
	case err == nil:
		out.CharterVersion = &v.Version
	case domain.ErrorCode(err) != domain.CodeNotFound:
		s.fail(c, err)
		return
	}
	cohorts, err := s.cohorts.Open(c.Request.Context(), a.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, co := range cohorts {
		oc := openCohort{ID: co.ID, Name: co.Name, City: co.City, StartsOn: co.StartsOn.Format(time.DateOnly), EndsOn: co.EndsOn.Format(time.DateOnly)}
		if co.ClosesOn != nil {
			d := co.ClosesOn.Format(time.DateOnly)
			oc.ClosesOn = &d
		}
		out.OpenCohorts = append(out.OpenCohorts, oc)
	}
	c.JSON(http.StatusOK, out)
}

func profileOf(a *domain.Alliance) allianceProfile {
	return allianceProfile{
		Slug: a.Slug, Name: a.Name, Country: a.Country, DefaultLocale: a.DefaultLocale,
		Settings: a.Settings, About: a.About,
	}
}
