package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/markdown"
)

// charterView is a charter version in the API, in one language.
type charterView struct {
	Version      int                  `json:"version"`
	Status       domain.CharterStatus `json:"status"`
	Locale       domain.Locale        `json:"locale"`
	BodyMarkdown string               `json:"body_markdown"`
	BodyHTML     string               `json:"body_html"`
	Locales      []domain.Locale      `json:"locales"`
	PublishedAt  *time.Time           `json:"published_at"`
	UpdatedAt    time.Time            `json:"updated_at"`
}

func charterOf(v *domain.CharterVersion, want, fallback domain.Locale) charterView {
	loc, body := v.BodyIn(want, fallback)
	out := charterView{Version: v.Version, Status: v.Status, Locale: loc, BodyMarkdown: body,
		BodyHTML: markdown.HTML(body), PublishedAt: v.PublishedAt, UpdatedAt: v.UpdatedAt}
	for _, l := range domain.Locales {
		if v.Bodies[l] != "" {
			out.Locales = append(out.Locales, l)
		}
	}
	return out
}

// charterGet answers GET /api/v1/alliances/{slug}/charter: the published
// version, in the caller's language when it has it (?locale= to choose).
func (s *Server) charterGet(c *gin.Context) {
	a := allianceOf(c)
	v, err := s.charters.Current(c.Request.Context(), a.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, charterOf(v, requestedLocale(c), a.DefaultLocale))
}

// requestedLocale is ?locale= when it names a language, else the
// request's language.
func requestedLocale(c *gin.Context) domain.Locale {
	if l := domain.Locale(c.Query("locale")); l.Valid() {
		return l
	}
	return localeOf(c)
}

// charterBodies reads a draft's texts: {"bodies": {"fr": …, "en": …}}, or
// {"body_markdown": …, "locale": …} for one language (the alliance's
// default when locale is left out).
func (s *Server) charterBodies(c *gin.Context) (map[domain.Locale]string, error) {
	var in struct {
		Bodies       map[domain.Locale]string `json:"bodies"`
		BodyMarkdown *string                  `json:"body_markdown"`
		Locale       domain.Locale            `json:"locale"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return nil, err
	}
	if in.BodyMarkdown == nil {
		return in.Bodies, nil
	}
	loc := in.Locale
	if loc == "" {
		loc = callerOf(c).Alliance.DefaultLocale
	}
	bodies := map[domain.Locale]string{loc: *in.BodyMarkdown}
	for l, b := range in.Bodies {
		if l != loc {
			bodies[l] = b
		}
	}
	return bodies, nil
}

// charterVersionParam reads {version}; anything but a positive number is
// not found.
func charterVersionParam(c *gin.Context) (int, error) {
	n, err := strconv.Atoi(c.Param("version"))
	if err != nil || n < 1 {
		return 0, domain.NotFound()
	}
	return n, nil
}

// charterVersions answers GET /api/v1/alliances/{slug}/charter/versions
// (admin): every version, newest first.
func (s *Server) charterVersions(c *gin.Context) {
	caller := callerOf(c)
	vs, err := s.charters.Versions(c.Request.Context(), caller)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[charterView]{Items: make([]charterView, 0, len(vs))}
	for _, v := range vs {
		out.Items = append(out.Items, charterOf(v, requestedLocale(c), caller.Alliance.DefaultLocale))
	}
	c.JSON(http.StatusOK, out)
}

// charterVersionGet answers GET …/charter/versions/{version} (admin).
func (s *Server) charterVersionGet(c *gin.Context) {
	caller := callerOf(c)
	n, err := charterVersionParam(c)
	var v *domain.CharterVersion
	if err == nil {
		v, err = s.charters.Version(c.Request.Context(), caller, n)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, charterOf(v, requestedLocale(c), caller.Alliance.DefaultLocale))
}
