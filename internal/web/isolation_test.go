package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
)

// TestEveryAllianceRouteIsIsolated walks every route of s.access under
// /api/v1/alliances/:slug (and the pages under /a/:slug), so that a route
// added later is covered without a change here. Called by a member of
// alliance A (each of A's five roles in turn) with B's slug and B's
// objects in the path, every route answers exactly what it answers for an
// alliance that does not exist: 404, with the same problem (status, type,
// title, detail).
// Under A's own slug, B's objects are as unknown as objects that exist
// nowhere (404, before anything is made of the body, for a caller the
// route admits); A's own objects are not 404.
//
// Public alliance routes (access.public) answer anyone, so they are exempt
// from the "404 for B" rule; today they are
//
//	GET /api/v1/alliances/:slug (the public profile)
//	GET /a/:slug                (the alliance's public page)
//
// They still may not show B's objects under A's slug.
//
// Each path parameter is filled from its name: :slug with the alliance's
// slug, :user_id with a member's user id, any other with an object of the
// collection named by the segment before it (invitations/:id → an
// invitation), or a random UUID when the cast has none of that kind. A
// mutating route gets the body {} (an empty form, for a page): the 404
// must come before any reading of the body.
// mayBeAbsent are the routes about a thing an alliance may not have yet,
// which then answer 404 on the alliance's own slug too: the current
// charter, before one is published; and those of an application, which
// only its screeners and its applicant may know of (the role matrix says
// who gets what).
var mayBeAbsent = map[string]bool{
	"GET /api/v1/alliances/:slug/charter":                    true,
	"GET /api/v1/alliances/:slug/charter/acceptances":        true,
	"GET /api/v1/alliances/:slug/applications/:id":           true,
	"POST /api/v1/alliances/:slug/applications/:id/withdraw": true,
	"POST /a/:slug/applications/:id/withdraw":                true,
	"GET /a/:slug/applications/:id":                          true,
}

func TestEveryAllianceRouteIsIsolated(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	a := newCast(t, s, "alliance-a")
	b := newCastIn(t, s, "alliance-b", domain.English)
	routes := allianceRoutes(s)
	if len(routes) < 2 {
		t.Fatalf("only %d alliance routes in s.access: %v", len(routes), routes)
	}
	before := allianceState(t, s, b)
	const body = "{}"

	for _, who := range castRoles {
		t.Run("A's "+who, func(t *testing.T) {
			h := a.headers(who)
			for _, key := range routes {
				method, path, _ := strings.Cut(key, " ")
				acc := s.access[key]
				t.Run(key, func(t *testing.T) {
					own, complete := a.pathIn(path)
					var mine answer
					if complete {
						mine = send(s, method, own, body, h)
						if mine.Status == http.StatusNotFound && !mayBeAbsent[key] {
							t.Errorf("on A's own (%s): %v; want anything but 404", own, mine)
						}
					} else {
						t.Logf("A has no object of every kind in %s: not tried on A's own", path)
					}
					if len(routeParams(path)) > 1 {
						mixed := send(s, method, pathMixed(path, a.slug, b), body, h)
						none := send(s, method, pathWith(path, a.slug), body, h)
						if !sameAnswer(mixed, none) {
							t.Errorf("B's objects under A's slug: %v\nobjects that exist nowhere: %v", mixed, none)
						}
						if complete && mine.Status != http.StatusForbidden && !hidden.matches(none) {
							t.Errorf("an object that exists nowhere, under A's slug: %v; want 404 before anything else", none)
						}
					}
					if acc.public {
						return
					}
					ref := send(s, method, pathWith(path, unknownSlug()), body, h)
					if !hidden.matches(ref) {
						t.Fatalf("an unknown alliance answers %v; want a 404 problem", ref)
					}
					bPath, _ := b.pathIn(path)
					for name, got := range map[string]answer{
						"B's slug and objects":      send(s, method, bPath, body, h),
						"B's slug, unknown objects": send(s, method, pathWith(path, b.slug), body, h),
					} {
						if !sameAnswer(got, ref) {
							t.Errorf("%s: %v\nwant what an unknown alliance answers: %v", name, got, ref)
						}
					}
				})
			}
		})
	}

	// Without Accept-Language, a problem speaks the caller's language
	// (API.md: Accept-Language, else the user's locale, else the
	// alliance's default). B's 404 must then not speak B's language where
	// an unknown alliance's speaks the caller's: the two would tell apart.
	t.Run("in the caller's own language", func(t *testing.T) {
		h := a.headers(callerAdmin)
		delete(h, "Accept-Language")
		for _, key := range routes {
			method, path, _ := strings.Cut(key, " ")
			if s.access[key].public {
				continue
			}
			ref := send(s, method, pathWith(path, unknownSlug()), body, h)
			bPath, _ := b.pathIn(path)
			if got := send(s, method, bPath, body, h); !sameAnswer(got, ref) || got.ContentLanguage != ref.ContentLanguage {
				t.Errorf("%s on B: %v (Content-Language %s)\nunknown alliance: %v (Content-Language %s)",
					key, got, got.ContentLanguage, ref, ref.ContentLanguage)
			}
		}
	})

	if after := allianceState(t, s, b); after != before {
		t.Errorf("B changed under A's requests:\nbefore %s\nafter  %s", before, after)
	}
}

// allianceState is what the alliance of c holds, as its admin sees it
// through the API: profile, members, pending invitations, policies and
// audit log.
func allianceState(t *testing.T, s *Server, c *cast) string {
	t.Helper()
	var out []string
	for _, path := range []string{"", "/members", "/invitations", "/policies", "/audit"} {
		w := do(s, http.MethodGet, "/api/v1/alliances/"+c.slug+path, "", c.headers(callerAdmin))
		if w.Code != http.StatusOK {
			t.Fatalf("%s%s as its admin: %d %s", c.slug, path, w.Code, w.Body)
		}
		var v any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		norm, _ := json.Marshal(v)
		out = append(out, string(norm))
	}
	return strings.Join(out, "\n")
}
