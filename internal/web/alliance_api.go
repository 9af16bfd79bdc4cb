package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// allianceCreate answers POST /api/v1/alliances: the caller becomes its
// admin.
func (s *Server) allianceCreate(c *gin.Context) {
	var in struct {
		Slug          string                   `json:"slug"`
		Name          string                   `json:"name"`
		Country       string                   `json:"country"`
		DefaultLocale domain.Locale            `json:"default_locale"`
		Settings      *domain.AllianceSettings `json:"settings"`
		About         map[domain.Locale]string `json:"about"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	a := &domain.Alliance{Slug: in.Slug, Name: in.Name, Country: in.Country, DefaultLocale: in.DefaultLocale, About: in.About}
	if in.Settings != nil {
		a.Settings = *in.Settings
	}
	if err := s.alliances.Create(c.Request.Context(), actorOf(c), a); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, profileOf(a))
}

// allianceUpdate answers PATCH /api/v1/alliances/{slug} (admin).
func (s *Server) allianceUpdate(c *gin.Context) {
	var in struct {
		Name          *string                  `json:"name"`
		Country       *string                  `json:"country"`
		DefaultLocale *domain.Locale           `json:"default_locale"`
		Settings      *domain.AllianceSettings `json:"settings"`
		About         map[domain.Locale]string `json:"about"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	a := *callerOf(c).Alliance
	err := s.alliances.Update(c.Request.Context(), actorOf(c), &a, service.AllianceChange{
		Name: in.Name, Country: in.Country, DefaultLocale: in.DefaultLocale, Settings: in.Settings, About: in.About,
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, profileOf(&a))
}
