package web

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/service"
)

// messageList answers GET /api/v1/alliances/{slug}/messages
// (alliance:update): every decision mail in every language, as the
// alliance words it.
func (s *Server) messageList(c *gin.Context) {
	list, err := s.messages.List(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[messageView]{Items: make([]messageView, 0, len(list))}
	for _, m := range list {
		out.Items = append(out.Items, messageOf(m))
	}
	c.JSON(http.StatusOK, out)
}

// messageSave answers PUT /api/v1/alliances/{slug}/messages
// {key,locale,subject,body} (alliance:update) → 200 with the mail's
// wording: the alliance's own, or, for an empty subject and body, the
// product's again.
func (s *Server) messageSave(c *gin.Context) {
	var in messageBody
	err := decodeJSON(c, &in)
	caller := callerOf(c)
	if err == nil {
		err = s.messages.Save(c.Request.Context(), caller, service.Message{Key: in.Key, Locale: in.Locale, Subject: in.Subject, Body: in.Body})
	}
	var list []service.Message
	if err == nil {
		list, err = s.messages.List(c.Request.Context(), caller)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	// The saved key and language are among those the list walks: Save
	// refuses any other.
	i := slices.IndexFunc(list, func(m service.Message) bool { return m.Key == in.Key && m.Locale == in.Locale })
	c.JSON(http.StatusOK, messageOf(list[i]))
}
