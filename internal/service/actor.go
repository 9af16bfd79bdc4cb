package service

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// Actor is who calls a use case and from where: kept in the audit trail.
type Actor struct {
	UserID domain.ID
	Name   string
	IP     string
}

// audit builds an audit entry of the actor.
func (a Actor) audit(action, target string, details map[string]any) *domain.AuditEntry {
	e := &domain.AuditEntry{
		ID: domain.NewID(), ActorName: a.Name, Action: action, Target: target,
		Details: details, IP: a.IP, At: time.Now().UTC(),
	}
	if a.UserID != (domain.ID{}) {
		id := a.UserID
		e.ActorID = &id
	}
	return e
}
