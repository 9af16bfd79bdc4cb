package web

import (
	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
)

const (
	keyLocale         = "mentorat.locale"
	keyLocaleExplicit = "mentorat.locale_explicit"
	// langCookie keeps the language a visitor chose with the switch.
	langCookie = "mentorat_lang"
)

// negotiateLocale picks the request's language: the one chosen with the
// language switch, else the Accept-Language header; an alliance's default
// may take over later when neither names a supported language.
func negotiateLocale(c *gin.Context) {
	loc, explicit := domain.Locale(""), false
	if v, err := c.Cookie(langCookie); err == nil && domain.Locale(v).Valid() {
		loc, explicit = domain.Locale(v), true
	} else if l, ok := i18n.FromAcceptLanguage(c.GetHeader("Accept-Language")); ok {
		loc, explicit = l, true
	}
	if !explicit {
		loc = domain.French
	}
	c.Set(keyLocale, loc)
	c.Set(keyLocaleExplicit, explicit)
	c.Next()
}

// localeOf is the language to answer the request in.
func localeOf(c *gin.Context) domain.Locale {
	if loc, ok := c.Get(keyLocale); ok {
		return loc.(domain.Locale)
	}
	return domain.French
}

// useAlliance records the alliance a request is about: for the log line,
// and for the language when the caller named none.
func useAlliance(c *gin.Context, a *domain.Alliance) {
	c.Set(keyAlliance, a.Slug)
	if !c.GetBool(keyLocaleExplicit) && a.DefaultLocale.Valid() {
		c.Set(keyLocale, a.DefaultLocale)
	}
}
