package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// messageForm is the form of one mail's wording in one language.
type messageForm struct {
	service.Message
	ID    string // of its block on the page, and the address's fragment
	Form  *form
	Saved bool
}

// messageGroup is one mail in every language.
type messageGroup struct {
	Key, ID string
	Forms   []messageForm
}

// messageID is the id of the block of key's wording in loc.
func messageID(key string, loc domain.Locale) string {
	return "message-" + strings.ReplaceAll(key, ".", "-") + "-" + string(loc)
}

// messagesPage (GET /a/:slug/messages) shows an admin the wording of the
// mails that tell applicants of a decision, in each language: the
// alliance's own where it wrote one, the product's otherwise, each to
// change or to take back to the product's.
func (s *Server) messagesPage(c *gin.Context) {
	s.renderMessages(c, http.StatusOK, nil, c.Query("saved"))
}

// messagesSubmit (POST /a/:slug/messages) saves one mail's wording in one
// language; "reset" takes it back to the product's. A wording with
// mistakes comes back with what was typed and a message next to each
// field.
func (s *Server) messagesSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	m := service.Message{Key: f.V("key"), Locale: domain.Locale(f.V("locale")), Subject: f.V("subject"),
		Body: strings.ReplaceAll(f.V("body"), "\r\n", "\n")}
	if f.V("action") == "reset" {
		m.Subject, m.Body = "", ""
	}
	caller := callerOf(c)
	if err := s.messages.Save(c.Request.Context(), caller, m); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderMessages(c, status, f, "")
		}
		return
	}
	q := url.Values{"saved": {m.Key + "." + string(m.Locale)}}
	seeOther(c, "/a/"+caller.Alliance.Slug+"/messages?"+q.Encode()+"#"+messageID(m.Key, m.Locale))
}

// renderMessages shows every editable mail in every language; failed is
// the form just sent with mistakes, if any, shown in place of its wording,
// and saved names the wording just saved ("decision.accepted.fr").
func (s *Server) renderMessages(c *gin.Context, status int, failed *form, saved string) {
	list, err := s.messages.List(c.Request.Context(), callerOf(c))
	if err != nil {
		s.failPage(c, err)
		return
	}
	var groups []messageGroup
	for _, m := range list {
		if len(groups) == 0 || groups[len(groups)-1].Key != m.Key {
			groups = append(groups, messageGroup{Key: m.Key, ID: strings.ReplaceAll(m.Key, ".", "-")})
		}
		mf := messageForm{Message: m, ID: messageID(m.Key, m.Locale), Saved: saved == m.Key+"."+string(m.Locale),
			Form: newForm(url.Values{"subject": {m.Subject}, "body": {m.Body}})}
		if failed != nil && failed.V("key") == m.Key && failed.V("locale") == string(m.Locale) {
			mf.Form = failed
		}
		g := &groups[len(groups)-1]
		g.Forms = append(g.Forms, mf)
	}
	problem := newForm(nil)
	if failed != nil {
		problem.Problem = failed.Problem
	}
	s.renderSection(c, status, "messages", "page.messages.title", gin.H{"Groups": groups, "Problem": problem})
}
