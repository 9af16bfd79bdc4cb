package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// outcome is the class of answer a caller gets from a route.
type outcome string

// The outcomes of the role matrix.
const (
	ok     outcome = "2xx"   // allowed, and done
	body   outcome = "4xx"   // allowed, but the deliberately empty or malformed body is refused: a 4xx other than 401, 403, 404, 405
	moved  outcome = "3xx"   // allowed, and sent on elsewhere than to the login page (a page for visitors, to a signed-in user)
	login  outcome = "login" // a page that needs a signed-in user, to a visitor: 303 to /login?next=
	unauth outcome = "401"   // not signed in
	forbid outcome = "403"   // a member whose roles lack the permission
	hidden outcome = "404"   // not a member (or the object is unknown): the same as for nothing at all
)

// matrixRow is one route of the role matrix: the request's body (for the
// methods that carry one: JSON when it starts with "{", else a form), what
// the row does with a token, and what each caller gets, in the order of
// callers: admin, coordinator, mentor, entrepreneur, observer, non-member,
// anonymous.
type matrixRow struct {
	route string // "METHOD /path", as in s.access
	body  string
	token tokenUse
	want  [7]outcome
}

// tokenUse is what a row does with the caller's tokens.
type tokenUse string

const (
	// spareID: the path's :id is a spare token of the caller's, which the
	// request revokes.
	spareID tokenUse = "revoke"
	// spareAuth: the request may end the token it is made with: it is made
	// with a spare token, after every other row.
	spareAuth tokenUse = "end"
)

// roleMatrix is the product's route × role table, written out by hand from
// the declared access of each route (routes.go) and the default policy
// (authz/defaults.go): anonymous gets 401 on what is not public (a page
// sends a visitor to log in); a user who is not a member of the alliance
// gets 404 on its routes; a member whose roles lack the permission gets
// 403; an allowed caller gets a 2xx (a page may redirect), or a 4xx that
// is none of 401/403/404 when the body is deliberately empty or malformed.
//
// docs/permissions.md mirrors this table: keep the two in sync by hand
// (TestRoleMatrixMatchesPermissionsDoc fails when they part).
//
// The path parameters are filled by matrixPath: the cast's slug, its
// mentor's user id (whom every role that reads members may see), a spare
// token of the caller's own for /me/tokens/:id, an unknown token for
// :token, and the cast's objects for the other ids (see cast.objects).
// Page forms get "%zz", a form body that cannot be parsed.
var roleMatrix = []matrixRow{
	// The API: accounts.
	{"GET /api/v1/openapi.json", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"POST /api/v1/auth/signup", `{}`, "", [7]outcome{body, body, body, body, body, body, body}},
	{"POST /api/v1/auth/login", `{"unexpected":true}`, "", [7]outcome{body, body, body, body, body, body, body}},
	{"POST /api/v1/auth/logout", `{}`, spareAuth, [7]outcome{ok, ok, ok, ok, ok, ok, unauth}},
	{"POST /api/v1/auth/password-reset", `{}`, "", [7]outcome{body, body, body, body, body, body, body}},
	{"POST /api/v1/auth/password-reset/:token", `{}`, "", [7]outcome{body, body, body, body, body, body, body}},
	{"GET /api/v1/me", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, unauth}},
	{"PATCH /api/v1/me", `{}`, "", [7]outcome{ok, ok, ok, ok, ok, ok, unauth}},
	{"GET /api/v1/me/tokens", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, unauth}},
	{"DELETE /api/v1/me/tokens/:id", `{}`, spareID, [7]outcome{ok, ok, ok, ok, ok, ok, unauth}},
	{"POST /api/v1/alliances", `{}`, "", [7]outcome{body, body, body, body, body, body, unauth}},
	// An unknown invitation token: 404 to whoever is signed in.
	{"POST /api/v1/invitations/:token/accept", `{}`, "", [7]outcome{hidden, hidden, hidden, hidden, hidden, hidden, unauth}},

	// The API: an alliance's routes.
	{"GET /api/v1/alliances/:slug", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"PATCH /api/v1/alliances/:slug", `{}`, "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/members", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/members/:user_id", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"PATCH /api/v1/alliances/:slug/members/:user_id", `{}`, "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/invitations", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/invitations", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/audit", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/audit.csv", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/mails", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/jobs/failed", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/policies", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/policies", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"DELETE /api/v1/alliances/:slug/policies", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	// The charter: reading is public, accepting for every member, the rest
	// for admins. The cast's alliance has published no charter (404 to
	// whoever may read it; accepting is a 409) and :version is an unknown
	// one, 404 to the admin.
	{"GET /api/v1/alliances/:slug/charter", "", "", [7]outcome{hidden, hidden, hidden, hidden, hidden, hidden, hidden}},
	{"GET /api/v1/alliances/:slug/charter/versions", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/charter/versions", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/charter/versions/:version", "", "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"PATCH /api/v1/alliances/:slug/charter/versions/:version", `{}`, "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/charter/versions/:version/publish", `{}`, "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/charter/accept", `{}`, "", [7]outcome{body, body, body, body, body, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/charter/acceptances", "", "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, unauth}},
	// The mentor community. The cast's library holds a case that
	// entrepreneurs may read too, which a planned peer session discusses
	// (deleting it is refused, 409); its guide has one edition. The admin
	// cancels the session, and the coordinator then finds it cancelled
	// (409). A member's peer sessions are the member's own to read, and
	// theirs who manage peer sessions: the path names the mentor.
	{"GET /api/v1/alliances/:slug/resources", "", "", [7]outcome{ok, ok, ok, ok, ok, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/resources", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/resources/:id", "", "", [7]outcome{ok, ok, ok, ok, ok, hidden, unauth}},
	{"PATCH /api/v1/alliances/:slug/resources/:id", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"DELETE /api/v1/alliances/:slug/resources/:id", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/guide", "", "", [7]outcome{ok, ok, ok, ok, ok, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/guide/editions", "", "", [7]outcome{ok, ok, ok, ok, ok, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/guide/editions", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/guide/acknowledge", `{}`, "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/guide/acknowledgements", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/peer-sessions", "", "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/peer-sessions", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/peer-sessions/attendance", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/peer-sessions/:id", "", "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/peer-sessions/:id/response", `{}`, "", [7]outcome{body, body, body, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/peer-sessions/:id/attendance", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/peer-sessions/:id/cancel", `{}`, "", [7]outcome{ok, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/members/:user_id/peer-sessions", "", "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, unauth}},
	// Billing, for admins. The test server runs without a Stripe key:
	// billing is off, so the portal is refused (409) like the checkout of
	// no plan (422). The webhook's only credential is Stripe's signature,
	// which the request lacks: 400 to anyone.
	{"GET /api/v1/alliances/:slug/billing", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/billing/checkout", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/billing/portal", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/stripe/webhook", `{}`, "", [7]outcome{body, body, body, body, body, body, body}},
	// The mentee pipeline. The cast has a cohort where the entrepreneur's
	// application is accepted (cohorts/:id, applications/:id), and a
	// mentorship of the entrepreneur with the mentor (mentorships/:id).
	// Applying is public: the empty form is refused to anyone (422). An
	// application is its screeners' and its applicant's to read, and its
	// applicant's alone to withdraw: anyone else finds nothing (404); an
	// accepted one can no longer be withdrawn (409). A mentorship is its
	// mentor's and entrepreneur's, and theirs who manage mentorships. A
	// matching profile is the member's own to set (the path names the
	// mentor), or theirs who manage the pipeline; the empty profile is a
	// valid one.
	{"GET /api/v1/alliances/:slug/cohorts", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/cohorts", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/cohorts/:id", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"PATCH /api/v1/alliances/:slug/cohorts/:id", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/cohorts/:id/match-proposal", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/applications", `{}`, "", [7]outcome{body, body, body, body, body, body, body}},
	{"GET /api/v1/alliances/:slug/applications", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/applications/transitions", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/applications/:id", "", "", [7]outcome{ok, ok, hidden, ok, hidden, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/applications/:id/transitions", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/applications/:id/withdraw", `{}`, "", [7]outcome{hidden, hidden, hidden, body, hidden, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/applications/:id/notes", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/applications/:id/match-suggestions", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/mentorships", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/bulk", `{}`, "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/mentorships/:id", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/messages", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"PUT /api/v1/alliances/:slug/messages", `{}`, "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"PUT /api/v1/alliances/:slug/members/:user_id/profile", `{}`, "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, unauth}},
	// The mentorship journey. The cast's mentorship is the mentor's with
	// the entrepreneur; its first session (:number) is held, with one
	// action agreed (:action_id). Those who manage mentorships see every
	// journey but act as neither of its people: 403 where the mentor or
	// the entrepreneur alone may act. The empty bodies are refused (422),
	// the held session can no longer be confirmed (409), the survey waits
	// for the journey's end (409); ticking the action with {} opens it
	// again. Mentees are the caller's as mentor: an empty list for others.
	{"GET /api/v1/alliances/:slug/mentorships/:id/journey", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/mentorships/:id/sessions", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/mentorships/:id/sessions/:number", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"PATCH /api/v1/alliances/:slug/mentorships/:id/sessions/:number", `{}`, "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/sessions/:number/confirm", `{}`, "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"PUT /api/v1/alliances/:slug/mentorships/:id/sessions/:number/agenda", `{}`, "", [7]outcome{forbid, forbid, forbid, body, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/sessions/:number/log", `{}`, "", [7]outcome{forbid, forbid, body, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/sessions/:number/feedback", `{}`, "", [7]outcome{forbid, forbid, forbid, body, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/sessions/:number/mark", `{}`, "", [7]outcome{body, body, body, forbid, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/actions/:action_id", `{}`, "", [7]outcome{forbid, forbid, ok, ok, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/end", `{}`, "", [7]outcome{body, body, body, body, forbid, hidden, unauth}},
	{"POST /api/v1/alliances/:slug/mentorships/:id/survey", `{}`, "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/mentees", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/cohorts/:id/progress", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, unauth}},
	// The reports: aggregates for admins, coordinators and observers; the
	// export that names people for admins.
	{"GET /api/v1/alliances/:slug/reports/summary", "", "", [7]outcome{ok, ok, forbid, forbid, ok, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/reports/export.csv", "", "", [7]outcome{ok, ok, forbid, forbid, ok, hidden, unauth}},
	{"GET /api/v1/alliances/:slug/reports/entrepreneurs.csv", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, unauth}},

	// The pages: accounts.
	{"GET /signup", "", "", [7]outcome{moved, moved, moved, moved, moved, moved, ok}},
	{"POST /signup", "%zz", "", [7]outcome{body, body, body, body, body, body, body}},
	{"GET /login", "", "", [7]outcome{moved, moved, moved, moved, moved, moved, ok}},
	{"POST /login", "%zz", "", [7]outcome{body, body, body, body, body, body, body}},
	{"POST /logout", "", spareAuth, [7]outcome{moved, moved, moved, moved, moved, moved, moved}},
	{"GET /reset", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"POST /reset", "%zz", "", [7]outcome{body, body, body, body, body, body, body}},
	// The form of a reset link shows whatever the token; posting it checks it.
	{"GET /reset/:token", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"POST /reset/:token", "%zz", "", [7]outcome{body, body, body, body, body, body, body}},
	{"GET /me", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, login}},
	{"POST /me", "%zz", "", [7]outcome{body, body, body, body, body, body, unauth}},
	{"POST /me/tokens/:id/revoke", "", spareID, [7]outcome{moved, moved, moved, moved, moved, moved, unauth}},
	{"GET /alliances/new", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, login}},
	{"POST /alliances/new", "%zz", "", [7]outcome{body, body, body, body, body, body, unauth}},
	// An unknown invitation token: 404 to anyone.
	{"GET /invitations/:token", "", "", [7]outcome{hidden, hidden, hidden, hidden, hidden, hidden, hidden}},
	{"POST /invitations/:token", "%zz", "", [7]outcome{hidden, hidden, hidden, hidden, hidden, hidden, unauth}},

	// The pages: an alliance's.
	{"GET /a/:slug", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"GET /a/:slug/settings", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/settings", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/members", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, login}},
	{"GET /a/:slug/members/:user_id", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, login}},
	{"POST /a/:slug/members/:user_id", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/invitations", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/invitations", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/audit", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/mails", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/jobs", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	// The charter's pages: reading is public, accepting for every member,
	// the rest for admins. The cast has no charter version: :version is
	// an unknown one, 404 to the admin.
	{"GET /a/:slug/charter", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"POST /a/:slug/charter/accept", "%zz", "", [7]outcome{body, body, body, body, body, hidden, unauth}},
	{"GET /a/:slug/charter/versions", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/charter/versions/new", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/charter/versions/new", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/charter/versions/:version", "", "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/charter/versions/:version", "%zz", "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/charter/versions/:version/publish", "%zz", "", [7]outcome{hidden, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/charter/diff", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/charter/acceptances", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	// The mentor community's pages: the library, the guide's editions and
	// peer sessions. :id is the cast's case (entrepreneurs may read it) or
	// its planned peer session; each form gets a body that cannot be
	// parsed, so that none of them changes anything.
	{"GET /a/:slug/library", "", "", [7]outcome{ok, ok, ok, ok, ok, hidden, login}},
	{"GET /a/:slug/library/new", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/library/new", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/library/:id", "", "", [7]outcome{ok, ok, ok, ok, ok, hidden, login}},
	{"GET /a/:slug/library/:id/edit", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/library/:id/edit", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/library/:id/delete", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/guide/acknowledge", "%zz", "", [7]outcome{body, body, body, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/guide", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/guide/editions", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/peer-sessions", "", "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, login}},
	{"GET /a/:slug/peer-sessions/new", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/peer-sessions/new", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/peer-sessions/attendance", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/peer-sessions/:id", "", "", [7]outcome{ok, ok, ok, forbid, forbid, hidden, login}},
	{"POST /a/:slug/peer-sessions/:id/response", "%zz", "", [7]outcome{body, body, body, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/peer-sessions/:id/attendance", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/peer-sessions/:id/cancel", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	// The billing page and its forms, for admins.
	{"GET /a/:slug/billing", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/billing/checkout", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/billing/portal", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	// The mentee pipeline's pages for applicants: applying, its
	// confirmation and following an application need no account (the form
	// that cannot be parsed is refused; the follow link's token is an
	// unknown one). Only its applicant withdraws an application: the
	// cast's entrepreneur, whose application the path names, has the form
	// refused; anyone else finds nothing, and a visitor is sent to sign in.
	// Admins word the decision mails. A mentor's matching profile is their
	// own to change (the path names the mentor), or theirs who run the
	// pipeline.
	{"GET /a/:slug/apply", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"POST /a/:slug/apply", "%zz", "", [7]outcome{body, body, body, body, body, body, body}},
	{"GET /a/:slug/apply/thanks", "", "", [7]outcome{ok, ok, ok, ok, ok, ok, ok}},
	{"GET /a/:slug/applications/follow/:token", "", "", [7]outcome{hidden, hidden, hidden, hidden, hidden, hidden, hidden}},
	{"POST /a/:slug/applications/:id/withdraw", "%zz", "", [7]outcome{hidden, hidden, hidden, body, hidden, hidden, login}},
	{"GET /a/:slug/messages", "", "", [7]outcome{ok, forbid, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/messages", "%zz", "", [7]outcome{body, forbid, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/members/:user_id/profile", "%zz", "", [7]outcome{body, body, body, forbid, forbid, hidden, unauth}},
	// The mentee pipeline's pages for those who run it. :id is the cast's
	// cohort, the entrepreneur's accepted application to it, or the
	// mentor's mentorship of the entrepreneur. An application's page is
	// its screeners' and its applicant's: anyone else finds nothing (404).
	{"GET /a/:slug/cohorts", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/cohorts/new", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/cohorts/new", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/cohorts/:id", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/cohorts/:id", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/cohorts/:id/board", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"GET /a/:slug/cohorts/:id/proposal", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/cohorts/:id/proposal", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/applications", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	{"POST /a/:slug/applications/transitions", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/applications/:id", "", "", [7]outcome{ok, ok, hidden, ok, hidden, hidden, login}},
	{"POST /a/:slug/applications/:id/notes", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/applications/:id/transitions", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/applications/:id/match", "%zz", "", [7]outcome{body, body, forbid, forbid, forbid, hidden, unauth}},
	{"GET /a/:slug/mentorships/:id", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, login}},
	// The mentorship journey's pages. :id is the cast's mentorship, whose
	// first session (:number) is held with one action agreed (:action_id).
	// Staff see every journey and may mark a session or end the journey,
	// but act as neither of its people: 403 where the mentor or the
	// entrepreneur alone may act, before anything is made of the form, and
	// the mentor and the entrepreneur get 403 on each other's part. The
	// forms that cannot be parsed are refused (400). The end survey waits
	// for the journey's end: its page says so. Mentees are the caller's as
	// mentor, and the entrepreneur's own journey.
	{"GET /a/:slug/mentorships/:id/sessions/:number", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, login}},
	{"POST /a/:slug/mentorships/:id/sessions/:number/propose", "%zz", "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"POST /a/:slug/mentorships/:id/sessions/:number/confirm", "%zz", "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"POST /a/:slug/mentorships/:id/sessions/:number/agenda", "%zz", "", [7]outcome{forbid, forbid, forbid, body, forbid, hidden, unauth}},
	{"POST /a/:slug/mentorships/:id/sessions/:number/log", "%zz", "", [7]outcome{forbid, forbid, body, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/mentorships/:id/sessions/:number/mark", "%zz", "", [7]outcome{body, body, body, forbid, forbid, hidden, unauth}},
	{"POST /a/:slug/mentorships/:id/sessions/:number/rate", "%zz", "", [7]outcome{forbid, forbid, forbid, body, forbid, hidden, unauth}},
	{"POST /a/:slug/mentorships/:id/actions/:action_id", "%zz", "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"GET /a/:slug/mentorships/:id/end", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, login}},
	{"POST /a/:slug/mentorships/:id/end", "%zz", "", [7]outcome{body, body, body, body, forbid, hidden, unauth}},
	{"GET /a/:slug/mentorships/:id/survey", "", "", [7]outcome{forbid, forbid, ok, ok, forbid, hidden, login}},
	{"POST /a/:slug/mentorships/:id/survey", "%zz", "", [7]outcome{forbid, forbid, body, body, forbid, hidden, unauth}},
	{"GET /a/:slug/mentees", "", "", [7]outcome{ok, ok, ok, ok, forbid, hidden, login}},
	{"GET /a/:slug/cohorts/:id/progress", "", "", [7]outcome{ok, ok, forbid, forbid, forbid, hidden, login}},
	// The report's page: figures only, for admins, coordinators and
	// observers.
	{"GET /a/:slug/reports", "", "", [7]outcome{ok, ok, forbid, forbid, ok, hidden, login}},
}

// TestRouteRoleMatrix calls every route of the matrix as every caller, and
// fails when s.access holds a route the matrix lacks (or the reverse), so
// that a new route cannot go without its line.
func TestRouteRoleMatrix(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	c := newCast(t, s, "alliance-matrix")

	rows := map[string]bool{}
	for _, r := range roleMatrix {
		if rows[r.route] {
			t.Errorf("the matrix has %s twice", r.route)
		}
		rows[r.route] = true
		if _, ok := s.access[r.route]; !ok {
			t.Errorf("roleMatrix has %s, which the router does not declare", r.route)
		}
	}
	for _, key := range sortedKeys(s.access) {
		if !rows[key] {
			t.Errorf("route %s is in s.access but not in roleMatrix (nor, then, in docs/permissions.md)", key)
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	var ended []spareToken
	run := func(r matrixRow) {
		method, path, _ := strings.Cut(r.route, " ")
		t.Run(r.route, func(t *testing.T) {
			for i, who := range callers {
				h := c.headers(who)
				var spare spareToken
				if r.token != "" && who != callerAnonymous {
					// A token of the caller's own, from the API's login.
					tok := c.login(t, s, who)
					spare = spareToken{who: who, token: tok, id: currentTokenID(t, s, tok)}
					if r.token == spareAuth {
						h["Authorization"] = "Bearer " + tok
					}
				}
				target := matrixPath(c, path, spare.id)
				got := send(s, method, target, r.body, h)
				if !r.want[i].matches(got) {
					t.Errorf("%s: %s %s → %v; want %s", who, method, target, got, r.want[i])
				}
				// The API's logout and the revocations end the spare; the
				// page's logout ends only a browser's session.
				if (r.token == spareID || r.route == endsAPISession) && who != callerAnonymous && r.want[i].allowed() {
					ended = append(ended, spare)
				}
			}
		})
	}
	for _, r := range roleMatrix {
		if r.token != spareAuth {
			run(r)
		}
	}
	for _, r := range roleMatrix {
		if r.token == spareAuth {
			run(r)
		}
	}

	t.Run("ended tokens no longer work", func(t *testing.T) {
		for _, sp := range ended {
			w := do(s, http.MethodGet, "/api/v1/me", "", map[string]string{"Authorization": "Bearer " + sp.token})
			if w.Code != http.StatusUnauthorized {
				t.Errorf("%s's ended token: %d", sp.who, w.Code)
			}
		}
		if len(ended) == 0 {
			t.Error("no token was ended")
		}
	})
}

// endsAPISession is the route that ends the bearer token it is called with.
const endsAPISession = "POST /api/v1/auth/logout"

// allowed tells whether the outcome lets the caller through to the
// handler.
func (o outcome) allowed() bool { return o == ok || o == body || o == moved }

// TestRoleMatrixMatchesPermissionsDoc holds docs/permissions.md, kept by
// hand, to roleMatrix: the same routes, the same outcomes.
func TestRoleMatrixMatchesPermissionsDoc(t *testing.T) {
	doc, err := os.ReadFile("../../docs/permissions.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string][]string{}
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), "|")
		route, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(cells[0]), "`"), "`")
		var outcomes []string
		for _, cell := range cells[1:] {
			outcomes = append(outcomes, strings.TrimSpace(cell))
		}
		documented[route] = outcomes
	}
	for _, r := range roleMatrix {
		want := make([]string, len(r.want))
		for i, o := range r.want {
			want[i] = string(o)
		}
		if got, ok := documented[r.route]; !ok {
			t.Errorf("docs/permissions.md lacks %s", r.route)
		} else if !slices.Equal(got, want) {
			t.Errorf("docs/permissions.md has %s as %v; the matrix has %v", r.route, got, want)
		}
		delete(documented, r.route)
	}
	for route := range documented {
		t.Errorf("docs/permissions.md has %s, which the matrix lacks", route)
	}
}

// spareToken is a token opened through the API's login, and its id.
type spareToken struct {
	who   string
	token string
	id    domain.ID
}

// currentTokenID finds the id of token in its user's list of tokens.
func currentTokenID(t *testing.T, s *Server, token string) domain.ID {
	t.Helper()
	w := do(s, http.MethodGet, "/api/v1/me/tokens", "", map[string]string{"Authorization": "Bearer " + token})
	var out page[tokenView]
	if err := json.Unmarshal(w.Body.Bytes(), &out); w.Code != http.StatusOK || err != nil {
		t.Fatalf("my tokens: %d %s", w.Code, w.Body)
	}
	for _, tok := range out.Items {
		if tok.Current {
			return tok.ID
		}
	}
	t.Fatalf("no current token in %s", w.Body)
	return domain.ID{}
}

// matrixPath fills the parameters of a matrix route: spare is the token
// that /me/tokens/:id names (a random id when zero).
func matrixPath(c *cast, path string, spare domain.ID) string {
	p, _ := fill(path, func(param string) (string, bool) {
		switch {
		case param == "slug":
			return c.slug, true
		case param == "token":
			return "unknown-" + strings.ReplaceAll(uuid.NewString(), "-", ""), true
		case param == "id" && strings.Contains(path, "/me/tokens/"):
			if spare == (domain.ID{}) {
				return uuid.NewString(), true
			}
			return spare.String(), true
		}
		if id, ok := c.objects[objectKind(path, param)]; ok {
			return id.String(), true
		}
		return uuid.NewString(), false
	})
	return p
}

// matches tells whether an answer is of the outcome o.
func (o outcome) matches(a answer) bool {
	problemOf := func(code domain.Code) bool {
		return a.isProblem && a.Type == "https://mentorat.org/problems/"+string(code)
	}
	toLogin := a.Status == http.StatusSeeOther && strings.HasPrefix(a.Location, "/login")
	switch o {
	case ok:
		return a.Status >= 200 && a.Status < 300
	case body:
		return a.Status >= 400 && a.Status < 500 && !slices.Contains([]int{401, 403, 404, 405}, a.Status)
	case moved:
		return a.Status >= 300 && a.Status < 400 && a.Location != "" && !toLogin
	case login:
		return toLogin && strings.Contains(a.Location, "next=")
	case unauth:
		return a.Status == http.StatusUnauthorized && problemOf(domain.CodeUnauthenticated)
	case forbid:
		return a.Status == http.StatusForbidden && problemOf(domain.CodeForbidden)
	case hidden:
		return a.Status == http.StatusNotFound && problemOf(domain.CodeNotFound)
	}
	return false
}

// TestEveryAllianceRouteDeclaresAccess holds every route of the router
// under /api/v1/alliances/:slug (and every page under /a/:slug) to an
// access declaration that resolves the alliance and either is public or
// names a permission: a route registered around s.handle, or with signed-in
// as its only demand, fails.
func TestEveryAllianceRouteDeclaresAccess(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	n := 0
	for _, r := range s.Routes() {
		if !isAlliancePath(r.Path) {
			continue
		}
		n++
		key := r.Method + " " + r.Path
		a, declared := s.access[key]
		switch {
		case !declared:
			t.Errorf("%s is in the router but declares no access (register it with s.handle)", key)
		case !a.alliance:
			t.Errorf("%s does not resolve its alliance (access.alliance is false)", key)
		case !a.public && a.perm == (authz.Permission{}):
			t.Errorf("%s asks only for a signed-in user: any user of any alliance could call it; name a permission", key)
		case a.public && a.perm != (authz.Permission{}):
			t.Errorf("%s is public and names a permission %v: one of the two is wrong", key, a.perm)
		case !a.public && !slices.Contains(authz.Permissions, a.perm):
			t.Errorf("%s needs %v, which the policy does not know", key, a.perm)
		}
	}
	if n < 2 {
		t.Fatalf("only %d alliance routes in the router", n)
	}
	for _, key := range sortedKeys(s.access) {
		method, path, _ := strings.Cut(key, " ")
		if hasSlug := slices.Contains(routeParams(path), "slug"); s.access[key].alliance != hasSlug {
			t.Errorf("%s: access.alliance is %v, but the path names an alliance: %v", key, s.access[key].alliance, hasSlug)
		}
		if !slices.ContainsFunc(s.Routes(), func(r gin.RouteInfo) bool { return r.Method == method && r.Path == path }) {
			t.Errorf("%s is declared but not in the router", key)
		}
	}
}

// TestRoleEntrepreneurSeesOnlyMentorsCoordinatorsAndAdmins: an entrepreneur
// listing members, page by page or filtered by role, never gets another
// entrepreneur nor an observer (nor a suspended mentor), and asking for one
// of them by id is the same 404 as for nobody.
func TestRoleEntrepreneurSeesOnlyMentorsCoordinatorsAndAdmins(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	c := newCast(t, s, "alliance-visibility")
	extra := map[string]domain.Role{"entrepreneur-2": domain.RoleEntrepreneur, "observer-2": domain.RoleObserver, "mentor-2": domain.RoleMentor}
	ids := map[string]domain.ID{}
	for who, role := range extra {
		u := c.signup(t, s, who)
		c.invite(t, s, u, role)
		ids[who] = u.user.ID
	}
	suspended := domain.StatusSuspended
	if _, err := s.members.Change(t.Context(), c.admin, ids["mentor-2"], domain.MemberChange{Status: &suspended}); err != nil {
		t.Fatal(err)
	}
	for _, who := range castRoles {
		ids[who] = c.userID(who)
	}
	everyone := []string{"admin", "coordinator", "mentor", "entrepreneur", "observer", "entrepreneur-2", "observer-2", "mentor-2"}
	visible := []string{"admin", "coordinator", "mentor"}
	names := func(got []domain.ID) []string {
		var out []string
		for _, id := range got {
			for who, known := range ids {
				if known == id {
					out = append(out, who)
				}
			}
		}
		slices.Sort(out)
		return out
	}

	for _, limit := range []string{"", "1", "2"} {
		t.Run("entrepreneur, limit "+limit, func(t *testing.T) {
			got := names(listMembers(t, s, c, callerEntrepreneur, "limit="+limit))
			if want := sorted(visible); !slices.Equal(got, want) {
				t.Errorf("the entrepreneur sees %v; want %v", got, want)
			}
		})
	}
	for _, role := range domain.Roles {
		t.Run("entrepreneur, role "+string(role), func(t *testing.T) {
			got := names(listMembers(t, s, c, callerEntrepreneur, "role="+string(role)))
			var want []string
			if slices.Contains([]domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor}, role) {
				want = []string{string(role)}
			}
			if !slices.Equal(got, want) {
				t.Errorf("the entrepreneur filtering %s sees %v; want %v", role, got, want)
			}
		})
	}
	t.Run("entrepreneur, one by one", func(t *testing.T) {
		h := c.headers(callerEntrepreneur)
		nobody := send(s, http.MethodGet, "/api/v1/alliances/"+c.slug+"/members/"+uuid.NewString(), "", h)
		if nobody.Status != http.StatusNotFound {
			t.Fatalf("an unknown member: %v", nobody)
		}
		for _, who := range everyone {
			got := send(s, http.MethodGet, "/api/v1/alliances/"+c.slug+"/members/"+ids[who].String(), "", h)
			switch {
			case slices.Contains(visible, who) || who == callerEntrepreneur:
				if got.Status != http.StatusOK {
					t.Errorf("%s: %v; want 200", who, got)
				}
			case !sameAnswer(got, nobody):
				t.Errorf("%s: %v; want what nobody gets: %v", who, got, nobody)
			}
		}
	})
	t.Run("entrepreneur, the members page", func(t *testing.T) {
		w := do(s, http.MethodGet, "/a/"+c.slug+"/members", "", c.headers(callerEntrepreneur))
		if w.Code != http.StatusOK {
			t.Fatalf("members page: %d %s", w.Code, w.Body)
		}
		for _, who := range everyone {
			if who == callerEntrepreneur {
				continue // the page's header names its reader
			}
			name := personName(who, c.slug)
			if shown := strings.Contains(w.Body.String(), name); shown != slices.Contains(visible, who) {
				t.Errorf("the page shows %s: %v", name, shown)
			}
		}
	})
	for _, who := range []string{callerAdmin, callerCoordinator, callerMentor} {
		t.Run(who+" sees everyone", func(t *testing.T) {
			if got := names(listMembers(t, s, c, who, "limit=3")); !slices.Equal(got, sorted(everyone)) {
				t.Errorf("%s sees %v; want %v", who, got, sorted(everyone))
			}
		})
	}
}

// TestRoleObserverGets403OnMembers: an observer sees aggregates, never people:
// members, listed or one by one, are forbidden, whether the member exists
// or not (no oracle).
func TestRoleObserverGets403OnMembers(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	c := newCast(t, s, "alliance-observed")
	h := c.headers(callerObserver)
	base := "/api/v1/alliances/" + c.slug + "/members"
	var answers []answer
	for _, path := range []string{base, base + "?role=entrepreneur", base + "/" + c.userID(callerEntrepreneur).String(),
		base + "/" + c.userID(callerObserver).String(), base + "/" + uuid.NewString()} {
		got := send(s, http.MethodGet, path, "", h)
		if !forbid.matches(got) {
			t.Errorf("observer GET %s: %v; want 403", path, got)
		}
		answers = append(answers, got)
	}
	for _, a := range answers[1:] {
		if !sameAnswer(a, answers[0]) {
			t.Errorf("the observer's refusals differ: %v and %v", a, answers[0])
		}
	}
}

// TestRoleAdminOfOneAllianceHasNoPowerInAnother: A's admin, with bodies B's
// admin would see succeed, changes nothing in B and gets 404 throughout.
func TestRoleAdminOfOneAllianceHasNoPowerInAnother(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	a := newCast(t, s, "alliance-one")
	b := newCast(t, s, "alliance-two")
	bBase := "/api/v1/alliances/" + b.slug
	attempts := []struct{ method, path, body string }{
		{http.MethodPatch, bBase, `{"name":"Taken over"}`},
		{http.MethodPatch, bBase + "/members/" + b.userID(callerAdmin).String(), `{"status":"suspended"}`},
		{http.MethodPatch, bBase + "/members/" + b.userID(callerMentor).String(), `{"roles":["admin"]}`},
		{http.MethodPost, bBase + "/invitations", fmt.Sprintf(`{"email":%q,"roles":["admin"]}`, a.users[callerAdmin].email)},
		{http.MethodPost, bBase + "/policies", `{"role":"observer","object":"members","action":"read"}`},
		{http.MethodGet, bBase + "/members", ""},
		{http.MethodGet, bBase + "/invitations", ""},
		{http.MethodGet, bBase + "/audit", ""},
	}
	before := allianceState(t, s, b)
	for _, at := range attempts {
		if got := send(s, at.method, at.path, at.body, a.headers(callerAdmin)); !hidden.matches(got) {
			t.Errorf("A's admin: %s %s → %v; want 404", at.method, at.path, got)
		}
	}
	if after := allianceState(t, s, b); after != before {
		t.Errorf("B changed:\nbefore %s\nafter  %s", before, after)
	}
	// What A's admin grants in A holds in A only.
	grant := `{"role":"observer","object":"members","action":"read"}`
	if got := send(s, http.MethodPost, "/api/v1/alliances/"+a.slug+"/policies", grant, a.headers(callerAdmin)); got.Status != http.StatusCreated {
		t.Fatalf("A's admin extends A's policy: %v", got)
	}
	if got := send(s, http.MethodGet, "/api/v1/alliances/"+a.slug+"/members", "", a.headers(callerObserver)); !ok.matches(got) {
		t.Errorf("A's observer after A's extension: %v; want 200", got)
	}
	if got := send(s, http.MethodGet, bBase+"/members", "", b.headers(callerObserver)); !forbid.matches(got) {
		t.Errorf("B's observer after A's extension: %v; want 403", got)
	}
	w := do(s, http.MethodGet, "/api/v1/me", "", a.headers(callerAdmin))
	if strings.Contains(w.Body.String(), b.slug) {
		t.Errorf("A's admin has a membership in B: %s", w.Body)
	}
	// The same requests by B's own admin succeed: the bodies were good,
	// only the caller was wrong. (The self-suspension is the last admin's:
	// refused as a conflict, not hidden.)
	for _, at := range attempts {
		got := send(s, at.method, at.path, at.body, b.headers(callerAdmin))
		wantOK := !strings.Contains(at.body, "suspended")
		if wantOK && !ok.matches(got) || !wantOK && got.Status != http.StatusConflict {
			t.Errorf("B's admin: %s %s → %v", at.method, at.path, got)
		}
	}
}

// TestRoleFormerMemberIsANonMember: a member who has left gets, on every
// alliance route that is not public, exactly what a signed-in non-member
// gets (404); a suspended member is still told 403.
func TestRoleFormerMemberIsANonMember(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	c := newCast(t, s, "alliance-former")
	for who, status := range map[string]domain.MemberStatus{callerMentor: domain.StatusLeft, callerCoordinator: domain.StatusSuspended} {
		if _, err := s.members.Change(t.Context(), c.admin, c.userID(who), domain.MemberChange{Status: &status}); err != nil {
			t.Fatal(err)
		}
	}
	for _, key := range allianceRoutes(s) {
		if s.access[key].public {
			continue
		}
		method, path, _ := strings.Cut(key, " ")
		target, _ := c.pathIn(path)
		stranger := send(s, method, target, "{}", c.headers(callerNonMember))
		if got := send(s, method, target, "{}", c.headers(callerMentor)); !hidden.matches(got) || !sameAnswer(got, stranger) {
			t.Errorf("%s, a member who left: %v; want what a non-member gets: %v", key, got, stranger)
		}
		if got := send(s, method, target, "{}", c.headers(callerCoordinator)); !forbid.matches(got) {
			t.Errorf("%s, a suspended member: %v; want 403", key, got)
		}
	}
}

// TestRoleRevokesOnlyItsOwnTokens: a token id is no handle on another
// user's tokens, whatever the roles: revoking someone else's is the same
// 404 as revoking nothing, and their token keeps working.
func TestRoleRevokesOnlyItsOwnTokens(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	c := newCast(t, s, "alliance-tokens")
	victim := c.headers(callerMentor)
	victimToken := currentTokenID(t, s, c.users[callerMentor].token)
	for _, who := range []string{callerAdmin, callerCoordinator, callerNonMember} {
		h := c.headers(who)
		nothing := send(s, http.MethodDelete, "/api/v1/me/tokens/"+uuid.NewString(), "", h)
		if got := send(s, http.MethodDelete, "/api/v1/me/tokens/"+victimToken.String(), "", h); !hidden.matches(got) || !sameAnswer(got, nothing) {
			t.Errorf("%s revokes the mentor's token: %v; want what revoking nothing gets: %v", who, got, nothing)
		}
		if got := send(s, http.MethodPost, "/me/tokens/"+victimToken.String()+"/revoke", "", h); !hidden.matches(got) {
			t.Errorf("%s revokes the mentor's token through the page: %v; want 404", who, got)
		}
	}
	if w := do(s, http.MethodGet, "/api/v1/me", "", victim); w.Code != http.StatusOK {
		t.Errorf("the mentor's token after the others' attempts: %d", w.Code)
	}
}

// listMembers walks every page of the members list as who, with query,
// and gives the user ids.
func listMembers(t *testing.T, s *Server, c *cast, who, query string) []domain.ID {
	t.Helper()
	var ids []domain.ID
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("limit") == "" {
		q.Del("limit")
	}
	for range 100 {
		w := do(s, http.MethodGet, "/api/v1/alliances/"+c.slug+"/members?"+q.Encode(), "", c.headers(who))
		if w.Code != http.StatusOK {
			t.Fatalf("%s lists members: %d %s", who, w.Code, w.Body)
		}
		var out page[memberView]
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		for _, m := range out.Items {
			ids = append(ids, m.UserID)
		}
		if out.NextCursor == nil {
			return ids
		}
		q.Set("cursor", *out.NextCursor)
	}
	t.Fatal("the members list never ends")
	return nil
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
