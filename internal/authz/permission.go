package authz

import (
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

// The objects a permission is about, all within one alliance.
const (
	ObjAlliance    = "alliance"    // its profile and settings
	ObjMembers     = "members"     // its members and their roles
	ObjInvitations = "invitations" // invitations to join it
	ObjAudit       = "audit"       // its audit log
	ObjMail        = "mail"        // the log of the mails it sent
	ObjJobs        = "jobs"        // its failed background jobs
	ObjPolicy      = "policy"      // its role permissions
	ObjCharter     = "charter"     // its charter's versions and acceptances
	ObjLibrary     = "library"     // its library of resources and the guide's editions
	ObjPeer        = "peer"        // its peer coaching sessions
	ObjCohorts     = "cohorts"     // its cohorts
	ObjPipeline    = "pipeline"    // its applications, from screening to decision
	ObjMentorships = "mentorships" // its mentorships
	ObjReports     = "reports"     // the figures it reports to funders
	ObjBilling     = "billing"     // its plan and its payments
)

// The actions a permission allows on its object.
const (
	ActRead     = "read"
	ActUpdate   = "update"
	ActCreate   = "create"
	ActManage   = "manage"
	ActAccept   = "accept"
	ActWrite    = "write"
	ActOverride = "override"
	ActExport   = "export"
)

// Permission is an action on an object: what a handler checks before it
// acts in an alliance.
type Permission struct {
	Object string
	Action string
}

// Rule grants a role a permission. A default rule holds in every alliance;
// any other is an extension that one alliance made.
type Rule struct {
	Role       domain.Role
	Permission Permission
	Default    bool
}

// line gives the casbin policy line of r in domain dom, without its ptype.
func (r Rule) line(dom string) []string {
	return []string{string(r.Role), dom, r.Permission.Object, r.Permission.Action}
}

// validate refuses the zero alliance, a role, an object or an action the
// product does not know, and an action its object does not have, naming
// every bad field.
func validate(alliance uuid.UUID, role domain.Role, perm Permission) error {
	var p domain.Problems
	if alliance == uuid.Nil {
		p.Add("alliance", "validation.required", nil)
	}
	domain.ValidateRoles(&p, "role", []domain.Role{role})
	var objects, actions, ofObject []string
	for _, known := range Permissions {
		objects = appendNew(objects, known.Object)
		actions = appendNew(actions, known.Action)
		if known.Object == perm.Object {
			ofObject = append(ofObject, known.Action)
		}
	}
	if len(ofObject) == 0 {
		p.Add("object", "validation.one_of", map[string]any{"values": strings.Join(objects, ", ")})
		ofObject = actions
	}
	if !slices.Contains(ofObject, perm.Action) {
		p.Add("action", "validation.one_of", map[string]any{"values": strings.Join(ofObject, ", ")})
	}
	return p.Err()
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
