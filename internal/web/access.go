package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// access is what a route asks of its caller, declared once where the
// route is registered.
type access struct {
	public   bool             // anyone, signed in or not
	perm     authz.Permission // within the route's alliance; zero: signed in is enough
	alliance bool             // the route is under /alliances/:slug
}

// public routes ask nothing; signedIn routes a signed-in user; need(...)
// routes a member of the route's alliance whose roles allow the
// permission.
var (
	public   = access{public: true}
	signedIn = access{}
)

func need(object, action string) access {
	return access{perm: authz.Permission{Object: object, Action: action}, alliance: true}
}

// alliancePublic is a route of one alliance that anyone may call.
var alliancePublic = access{public: true, alliance: true}

// handle registers a route with its access declaration and the
// middleware that enforces it.
func (s *Server) handle(method, path string, a access, h gin.HandlerFunc) {
	s.access[method+" "+path] = a
	chain := []gin.HandlerFunc{}
	if a.alliance {
		chain = append(chain, s.resolveAlliance)
		if a.public {
			chain = append(chain, speakAllianceLanguage)
		}
	}
	if !a.public {
		chain = append(chain, s.requireUser)
	}
	if a.perm != (authz.Permission{}) {
		chain = append(chain, s.requirePermission(a.perm))
	}
	s.router.Handle(method, path, append(chain, h)...)
}

const (
	keySession     = "mentorat.session"
	keyCaller      = "mentorat.caller"
	keyAuthErr     = "mentorat.auth_error"
	keyAllianceObj = "mentorat.alliance_obj"
	// sessionCookie carries the web pages' session token.
	sessionCookie = "mentorat_session"
)

// authenticate finds who calls: a bearer token, else the session cookie.
// A caller with neither goes on anonymous; a bad credential is kept to be
// answered by the routes that need one.
func (s *Server) authenticate(c *gin.Context) {
	token, kind := "", ""
	if h := c.GetHeader("Authorization"); h != "" {
		v, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || v == "" {
			c.Set(keyAuthErr, domain.E(domain.CodeUnauthenticated, "", nil))
			c.Next()
			return
		}
		token, kind = v, service.KindAPI
	} else if v, err := c.Cookie(sessionCookie); err == nil && v != "" {
		token, kind = v, service.KindSession
	}
	if token != "" {
		sess, err := s.accounts.Authenticate(c.Request.Context(), token, kind)
		if err != nil {
			c.Set(keyAuthErr, err)
		} else {
			c.Set(keySession, sess)
			// The user's own language comes before the alliance's default.
			if !c.GetBool(keyLocaleExplicit) && sess.User.Locale.Valid() {
				c.Set(keyLocale, sess.User.Locale)
				c.Set(keyLocaleExplicit, true)
			}
		}
	}
	c.Next()
}

// sessionOf is the caller's session, or nil for an anonymous caller.
func sessionOf(c *gin.Context) *service.Session {
	if v, ok := c.Get(keySession); ok {
		return v.(*service.Session)
	}
	return nil
}

// actorOf is the caller as the audit trail records them.
func actorOf(c *gin.Context) service.Actor {
	a := service.Actor{IP: c.ClientIP()}
	if sess := sessionOf(c); sess != nil {
		a.UserID, a.Name = sess.User.ID, sess.User.Name
	}
	return a
}

// requireUser answers 401 to a caller who is not signed in.
func (s *Server) requireUser(c *gin.Context) {
	if sessionOf(c) != nil {
		c.Next()
		return
	}
	if err, ok := c.Get(keyAuthErr); ok && domain.ErrorCode(err.(error)) != domain.CodeInternal {
		s.failFor(c, err.(error))
		return
	}
	s.failFor(c, domain.E(domain.CodeUnauthenticated, "", nil))
}

// resolveAlliance loads the alliance of the route's :slug; an unknown slug
// is not found. The alliance's language is not taken yet: an answer to a
// caller who may not see the alliance must not differ from the answer for
// an alliance that does not exist.
func (s *Server) resolveAlliance(c *gin.Context) {
	a, err := s.alliances.BySlug(c.Request.Context(), c.Param("slug"))
	if err != nil {
		s.failFor(c, err)
		return
	}
	c.Set(keyAlliance, a.Slug)
	c.Set(keyAllianceObj, a)
	c.Next()
}

// speakAllianceLanguage answers in the route's alliance's language when the
// caller named none.
func speakAllianceLanguage(c *gin.Context) {
	useAlliance(c, allianceOf(c))
	c.Next()
}

// allianceOf is the route's alliance.
func allianceOf(c *gin.Context) *domain.Alliance {
	return c.MustGet(keyAllianceObj).(*domain.Alliance)
}

// requirePermission admits a member of the route's alliance whose roles
// allow perm. Anyone else who is not a member, or has left, gets the same
// 404 as for an alliance that does not exist; a suspended member or a role
// without the permission gets 403.
func (s *Server) requirePermission(perm authz.Permission) gin.HandlerFunc {
	return func(c *gin.Context) {
		a, sess := allianceOf(c), sessionOf(c)
		m, err := s.members.Membership(c.Request.Context(), a.ID, sess.User.ID)
		if domain.ErrorCode(err) == domain.CodeNotFound || (err == nil && m.Status == domain.StatusLeft) {
			s.failFor(c, domain.NotFound())
			return
		}
		if err != nil {
			s.failFor(c, err)
			return
		}
		if m.Status == domain.StatusSuspended {
			s.failFor(c, domain.E(domain.CodeForbidden, "error.forbidden.suspended", nil))
			return
		}
		if m.Status != domain.StatusActive {
			s.failFor(c, domain.E(domain.CodeForbidden, "", nil))
			return
		}
		ok, err := s.enforcer.Allowed(c.Request.Context(), m.Roles, a.ID, perm)
		if err != nil {
			s.failFor(c, domain.Unavailable(err))
			return
		}
		if !ok {
			s.failFor(c, domain.E(domain.CodeForbidden, "", nil))
			return
		}
		useAlliance(c, a)
		c.Set(keyCaller, service.Caller{Actor: actorOf(c), Alliance: a, Member: m})
		c.Next()
	}
}

// callerOf is the member calling a route of their alliance.
func callerOf(c *gin.Context) service.Caller { return c.MustGet(keyCaller).(service.Caller) }

// failFor answers an error as a page for a browser's page route, and as
// problem+json otherwise.
func (s *Server) failFor(c *gin.Context, err error) {
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		s.fail(c, err)
		return
	}
	if domain.ErrorCode(err) == domain.CodeUnauthenticated && c.Request.Method == http.MethodGet {
		c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
		return
	}
	s.failPage(c, err)
}
