// Package authz decides what a role may do in an alliance, with casbin.
//
// A rule is a casbin policy line "p, role, domain, object, action" where the
// domain is "*" for the defaults the product ships (every alliance) or an
// alliance's id for an extension that alliance made. Who holds which role
// in which alliance is not casbin's: the caller reads it from the members
// table on every request and passes the roles in. So the policy holds a
// few rows per alliance at most, and a role change is seen at once.
//
// The rules live in the casbin_rule table, read and written by Adapter.
// Every change also increments casbin_policy_version in the same
// transaction, and each Enforcer reads that version at most every quarter
// second, reloading the rules when it moved: a change made through one
// instance reaches every other within a second.
//
// A decision must not cost more as alliances are added, which it would if
// casbin held every alliance's rules and tried each on every request. So
// on each load casbin, holding the default rules, decides once for every
// role and permission the product knows, and each alliance's extensions
// are kept by alliance: a decision is a few map lookups.
package authz
