package authz

import "github.com/mentorat/mentorat/internal/domain"

// AnyAlliance is the domain of the default rules: they hold in every
// alliance.
const AnyAlliance = "*"

// defaultGrants is the policy the product ships: for each permission, the
// roles that hold it in every alliance. An alliance can only add to it.
var defaultGrants = []struct {
	perm  Permission
	roles []domain.Role
}{
	{Permission{ObjAlliance, ActRead}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur, domain.RoleObserver}},
	{Permission{ObjAlliance, ActUpdate}, adminOnly},
	{Permission{ObjMembers, ActRead}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur}},
	{Permission{ObjMembers, ActManage}, adminOnly},
	{Permission{ObjInvitations, ActCreate}, adminOnly},
	{Permission{ObjInvitations, ActRead}, adminOnly},
	{Permission{ObjAudit, ActRead}, adminOnly},
	{Permission{ObjMail, ActRead}, adminOnly},
	{Permission{ObjJobs, ActRead}, adminOnly},
	{Permission{ObjPolicy, ActRead}, adminOnly},
	{Permission{ObjPolicy, ActManage}, adminOnly},
	{Permission{ObjCharter, ActManage}, adminOnly},
	{Permission{ObjCharter, ActAccept}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur, domain.RoleObserver}},
	{Permission{ObjLibrary, ActRead}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur, domain.RoleObserver}},
	{Permission{ObjLibrary, ActWrite}, staff},
	{Permission{ObjLibrary, ActAccept}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor}},
	{Permission{ObjPeer, ActRead}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor}},
	{Permission{ObjPeer, ActManage}, staff},
	{Permission{ObjCohorts, ActRead}, staff},
	{Permission{ObjCohorts, ActManage}, staff},
	{Permission{ObjPipeline, ActRead}, staff},
	{Permission{ObjPipeline, ActManage}, staff},
	{Permission{ObjMentorships, ActRead}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur}},
	{Permission{ObjMentorships, ActManage}, staff},
	{Permission{ObjMentorships, ActOverride}, adminOnly},
	{Permission{ObjReports, ActRead}, []domain.Role{domain.RoleAdmin, domain.RoleCoordinator, domain.RoleObserver}},
	{Permission{ObjReports, ActExport}, adminOnly},
	{Permission{ObjBilling, ActManage}, adminOnly},
}

var adminOnly = []domain.Role{domain.RoleAdmin}

// staff are the roles that run the alliance's programme.
var staff = []domain.Role{domain.RoleAdmin, domain.RoleCoordinator}

// Permissions lists every permission the product checks, in a stable
// order. An extension may grant any of them, and nothing else.
var Permissions = func() []Permission {
	out := make([]Permission, len(defaultGrants))
	for i, g := range defaultGrants {
		out[i] = g.perm
	}
	return out
}()

// DefaultRules gives the shipped rules, which hold in every alliance.
func DefaultRules() []Rule {
	var out []Rule
	for _, g := range defaultGrants {
		for _, role := range g.roles {
			out = append(out, Rule{Role: role, Permission: g.perm, Default: true})
		}
	}
	return out
}
