package service

import (
	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/store"
)

// Set is every use case of the product, over one database.
type Set struct {
	Alliances    *Alliances
	Accounts     *Accounts
	Members      *Members
	Invitations  *Invitations
	Records      *Records
	Policies     *Policies
	Charters     *Charters
	Library      *Library
	Guide        *Guide
	Peers        *PeerSessions
	Cohorts      *Cohorts
	Applications *Applications
	Messages     *Messages
	Matching     *Matching
	Mentorships  *Mentorships
	Journey      *Journey
	Reports      *Reports
	Billing      *Billing
}

// NewSet builds the use cases. baseURL is the product's public address,
// for the links that mails carry; pay says how alliances pay.
func NewSet(db *store.DB, catalog *i18n.Catalog, limiter *ratelimit.Limiter, enforcer *authz.Enforcer, baseURL string, pay Payments) *Set {
	billing := &Billing{DB: db, Catalog: catalog, BaseURL: baseURL, Payments: pay}
	set := &Set{
		Alliances:   &Alliances{DB: db},
		Accounts:    &Accounts{DB: db, Limiter: limiter, Catalog: catalog, BaseURL: baseURL},
		Members:     &Members{DB: db, Billing: billing},
		Invitations: &Invitations{DB: db, Catalog: catalog, BaseURL: baseURL, Billing: billing},
		Records:     &Records{DB: db},
		Policies:    &Policies{DB: db, Enforcer: enforcer},
		Charters:    &Charters{DB: db, Catalog: catalog, BaseURL: baseURL},
		Library:     &Library{DB: db},
		Guide:       &Guide{DB: db, Catalog: catalog, BaseURL: baseURL},
		Peers:       &PeerSessions{DB: db, Catalog: catalog, BaseURL: baseURL},
		Billing:     billing,
	}
	set.Cohorts = &Cohorts{DB: db}
	set.Messages = &Messages{DB: db, Catalog: catalog}
	set.Applications = &Applications{DB: db, Catalog: catalog, Limiter: limiter, Messages: set.Messages, BaseURL: baseURL}
	set.Matching = &Matching{DB: db, Catalog: catalog, BaseURL: baseURL, Billing: billing}
	set.Mentorships = &Mentorships{DB: db}
	set.Journey = &Journey{DB: db, Catalog: catalog, BaseURL: baseURL}
	set.Reports = &Reports{DB: db}
	return set
}
