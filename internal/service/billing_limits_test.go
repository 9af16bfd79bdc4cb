package service_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// fillMentors invites mentors until the alliance holds n places of mentor.
func (e *svcEnv) fillMentors(c service.Caller, n int) {
	e.t.Helper()
	for i := range n {
		e.invite(c, fmt.Sprintf("mentor%d@%s.example.org", i, c.Alliance.Slug), domain.RoleMentor)
	}
}

// TestCommunityPlanRefusesTheEleventhMentor: with billing off every
// alliance is on community, with room for ten mentors (pending
// invitations included). Inviting one more, or making a member an active
// mentor, is refused with a message that names the limit and links to the
// billing page, and writes nothing; other additions go on.
func TestCommunityPlanRefusesTheEleventhMentor(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa Traoré", domain.French)
	a := e.createAlliance(admin, "mentors-segou", domain.French)
	entrepreneur := e.signup("issa@example.org", "Issa Coulibaly", domain.French)
	e.join(admin, entrepreneur, a, domain.RoleEntrepreneur)
	mentor := e.signup("fatou@example.org", "Fatou Diarra", domain.French)
	e.join(admin, mentor, a, domain.RoleMentor)
	c := e.caller(admin, a)
	suspended := domain.StatusSuspended
	if _, err := e.members.Change(e.ctx, c, mentor.ID, domain.MemberChange{Status: &suspended}); err != nil {
		t.Fatal(err)
	}
	e.fillMentors(c, 10)

	st, err := e.billing.Status(e.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if st.Enabled || st.Plan != domain.PlanCommunity || usage(st, domain.LimitMentors) != (domain.LimitUsage{Limit: domain.LimitMentors, Used: 10, Max: 10, Capped: true}) {
		t.Fatalf("status %+v; want community, billing off, 10 of 10 mentors", st)
	}
	active := domain.StatusActive
	refused := []struct {
		name string
		add  func() error
	}{
		{"invite a mentor", func() error {
			_, _, err := e.invitations.Invite(e.ctx, c, domain.InvitationRequest{Email: "one-more@example.org", Roles: []domain.Role{domain.RoleMentor}})
			return err
		}},
		{"invite a coordinator who mentors", func() error {
			_, _, err := e.invitations.Invite(e.ctx, c, domain.InvitationRequest{Email: "one-more@example.org", Roles: []domain.Role{domain.RoleCoordinator, domain.RoleMentor}})
			return err
		}},
		{"make an entrepreneur a mentor", func() error {
			_, err := e.members.Change(e.ctx, c, entrepreneur.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleEntrepreneur, domain.RoleMentor}})
			return err
		}},
		{"bring a suspended mentor back", func() error {
			_, err := e.members.Change(e.ctx, c, mentor.ID, domain.MemberChange{Status: &active})
			return err
		}},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := e.billingRows(a.ID)
			de := wantError(t, tc.add(), domain.CodeLimitReached, "error.limit_reached.mentors")
			if de.Link != "/a/mentors-segou/billing" || de.Args["max"] != 10 {
				t.Fatalf("error %+v; want the billing page's link and the limit", de)
			}
			if msg := e.catalog.T(domain.French, de.Key, de.Args); msg != "Le plan Communauté permet au plus 10 mentors, invitations en attente comprises. Passez au plan Alliance pour en ajouter." {
				t.Fatalf("message %q", msg)
			}
			if after := e.billingRows(a.ID); !maps.Equal(after, before) {
				t.Fatalf("rows changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
	t.Run("other roles still join", func(t *testing.T) {
		e.invite(c, "coordinator@example.org", domain.RoleCoordinator)
		e.invite(c, "entrepreneur@example.org", domain.RoleEntrepreneur)
		if _, err := e.members.Change(e.ctx, c, mentor.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleObserver}, Status: &active}); err != nil {
			t.Fatalf("a suspended mentor back as an observer: %v", err)
		}
	})
}

// TestPaidPlanLiftsTheLimitAndFallingBackKeepsEverything: on the alliance
// plan the mentors go beyond ten; back on community (here, the
// subscription ended) they all stay, and only a new one is refused.
func TestPaidPlanLiftsTheLimitAndFallingBackKeepsEverything(t *testing.T) {
	e := newBillingEnv(t, "http://127.0.0.1:9")
	p := e.payingAlliance("mentors-kayes", domain.French)
	c := e.caller(p.admin, p.Alliance)
	now := time.Now().Add(-time.Minute)
	e.deliver(p.event("customer.subscription.created", now, p.subscription("sub_1", "active", now)))
	if st := e.status(p); st.Plan != domain.PlanAlliance || usage(st, domain.LimitMentors).Capped {
		t.Fatalf("status %+v; want the alliance plan without limit", st)
	}
	e.fillMentors(c, 12)
	e.deliver(p.event("customer.subscription.deleted", now.Add(time.Second), p.subscription("sub_1", "canceled", now)))
	st := e.status(p)
	if st.Plan != domain.PlanCommunity || usage(st, domain.LimitMentors) != (domain.LimitUsage{Limit: domain.LimitMentors, Used: 12, Max: 10, Capped: true}) {
		t.Fatalf("status %+v; want community with 12 of 10 mentors", st)
	}
	pending, err := e.invitations.Pending(e.ctx, c)
	if err != nil || len(pending) != 12 {
		t.Fatalf("%d pending invitations (%v); want the 12 still there", len(pending), err)
	}
	_, _, err = e.invitations.Invite(e.ctx, c, domain.InvitationRequest{Email: "thirteen@example.org", Roles: []domain.Role{domain.RoleMentor}})
	wantError(t, err, domain.CodeLimitReached, "error.limit_reached.mentors")
}
