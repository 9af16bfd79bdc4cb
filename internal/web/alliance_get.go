package web

import (
	"net/http"

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

// allianceGet answers GET /api/v1/alliances/{slug}: the public profile.
func (s *Server) allianceGet(c *gin.Context) {
	c.JSON(http.StatusOK, profileOf(allianceOf(c)))
}

func profileOf(a *domain.Alliance) allianceProfile {
	return allianceProfile{
		Slug: a.Slug, Name: a.Name, Country: a.Country, DefaultLocale: a.DefaultLocale,
		Settings: a.Settings, About: a.About,
	}
}
