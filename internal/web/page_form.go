package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// form is what a page's form shows again after a failed post: the values
// typed, each invalid field's message, and a message about the whole form,
// with the page where the person can lift it, if any. Field names are
// those of the domain's field errors ("settings.cadence").
type form struct {
	Values      url.Values
	Errors      map[string]string
	Problem     string
	ProblemLink *pageLink
}

func newForm(values url.Values) *form {
	if values == nil {
		values = url.Values{}
	}
	return &form{Values: values, Errors: map[string]string{}}
}

// V is the value typed in a field.
func (f *form) V(name string) string { return f.Values.Get(name) }

// Has tells whether a checkbox or option of a field was chosen.
func (f *form) Has(name, value string) bool { return slices.Contains(f.Values[name], value) }

// Err is a field's message, if it is invalid.
func (f *form) Err(name string) string { return f.Errors[name] }

// Invalid gives the attributes that tie an input to its hints and, when
// it is invalid, to its message.
func (f *form) Invalid(name string, hints ...string) template.HTMLAttr {
	ids := hints
	attr := ""
	if f.Errors[name] != "" {
		ids = append(ids[:len(ids):len(ids)], errorID(name))
		attr = `aria-invalid="true" `
	}
	if len(ids) == 0 {
		return template.HTMLAttr(attr)
	}
	return template.HTMLAttr(attr + `aria-describedby="` + template.HTMLEscapeString(strings.Join(ids, " ")) + `"`)
}

// fieldMessage is a field's message with the id of its element.
type fieldMessage struct{ ID, Msg string }

// Field is what the "field-error" template shows under an input.
func (f *form) Field(name string) fieldMessage {
	return fieldMessage{ID: errorID(name), Msg: f.Errors[name]}
}

func errorID(field string) string { return strings.ReplaceAll(field, ".", "-") + "-error" }

// fail records a field's message for a check made by the page itself.
func (f *form) fail(field, msg string) {
	if f.Errors[field] == "" {
		f.Errors[field] = msg
	}
}

// postForm reads a page's form. A body too large or unreadable gets the
// error page, and ok is false.
func (s *Server) postForm(c *gin.Context) (*form, bool) {
	if err := c.Request.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.failPage(c, domain.E(domain.CodeTooLarge, "", map[string]any{"max": tooLarge.Limit}))
		} else {
			s.failPage(c, domain.E(domain.CodeMalformed, "", nil))
		}
		return nil, false
	}
	return newForm(c.Request.PostForm), true
}

// formFailed puts the messages of err on the form and gives the status to
// render it again with. An error the person cannot fix by changing what
// they typed gets the error page instead, and ok is false.
func (s *Server) formFailed(c *gin.Context, f *form, err error) (status int, ok bool) {
	de := domain.AsError(err)
	switch {
	case de.Code == domain.CodeInvalid, de.Code == domain.CodeConflict, de.Code == domain.CodeLimitReached,
		de.Code == domain.CodeUnauthenticated, de.Code == domain.CodeRateLimited, de.Code == domain.CodeNotFound && de.Key != "":
	default:
		s.failPage(c, err)
		return 0, false
	}
	loc := localeOf(c)
	for _, fe := range de.Fields {
		f.fail(fe.Field, s.catalog.T(loc, fe.Key, fe.Args))
	}
	key := de.Key
	if key == "" || !s.catalog.Has(key) {
		key = "error." + string(de.Code) + ".detail"
	}
	f.Problem = s.catalog.T(loc, key, de.Args)
	if de.Link != "" {
		f.ProblemLink = &pageLink{ID: "form-problem-link", Href: de.Link, Label: s.catalog.T(loc, "error."+string(de.Code)+".link", nil)}
	}
	if secs, ok := de.Args["seconds"]; ok && de.Code == domain.CodeRateLimited {
		c.Header("Retry-After", fmt.Sprint(secs))
	}
	return statusOf[de.Code], true
}

// t translates a key in the request's language.
func (s *Server) t(c *gin.Context, key string) string { return s.catalog.T(localeOf(c), key, nil) }

// seeOther ends a successful post: the browser loads the next page with a
// GET, so that reloading it does not post again.
func seeOther(c *gin.Context, to string) { c.Redirect(http.StatusSeeOther, to) }
