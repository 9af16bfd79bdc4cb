package domain

import "time"

// AuditEntry records who did what, when, from where, in which alliance. It
// is never changed nor deleted through the product.
type AuditEntry struct {
	ID         ID
	AllianceID ID  // zero for platform events (sign-ups, failed logins)
	ActorID    *ID // nil when nobody was signed in
	ActorName  string
	Action     string // e.g. "member.roles_changed"
	Target     string // what it acted on, e.g. a user id or an e-mail
	Details    map[string]any
	IP         string
	At         time.Time
}

// The audited actions.
const (
	AuditSignup           = "account.signup"
	AuditLoginFailed      = "account.login_failed"
	AuditPasswordReset    = "account.password_reset"
	AuditAllianceCreated  = "alliance.created"
	AuditAllianceUpdated  = "alliance.updated"
	AuditInvitationSent   = "invitation.sent"
	AuditInvitationAccept = "invitation.accepted"
	AuditMemberChanged    = "member.changed"
	AuditPolicyAdded      = "policy.added"
	AuditPolicyRemoved    = "policy.removed"
)

// The audited actions of the charter.
const (
	AuditCharterDrafted   = "charter.drafted"
	AuditCharterPublished = "charter.published"
	AuditCharterAccepted  = "charter.accepted"
)

// The audited actions of the mentor community.
const (
	AuditResourceCreated     = "resource.created"
	AuditResourceUpdated     = "resource.updated"
	AuditResourceDeleted     = "resource.deleted"
	AuditGuidePublished      = "guide.edition_published"
	AuditGuideAcknowledged   = "guide.acknowledged"
	AuditPeerSessionPlanned  = "peer_session.planned"
	AuditPeerSessionCancel   = "peer_session.cancelled"
	AuditPeerSessionAnswered = "peer_session.answered"
	AuditPeerAttendance      = "peer_session.attendance_recorded"
)

// The audited actions of the mentee pipeline.
const (
	AuditCohortCreated        = "cohort.created"
	AuditCohortUpdated        = "cohort.updated"
	AuditApplicationSubmitted = "application.submitted"
	AuditApplicationMoved     = "application.moved"
	AuditApplicationNoted     = "application.noted"
	AuditMentorshipCreated    = "mentorship.created"
	AuditMentorProfileChanged = "member.profile_changed"
	AuditMessageChanged       = "alliance.message_changed"
)

// The audited actions of billing. Those that Stripe's events cause are
// recorded with Stripe as their actor.
const (
	AuditBillingCustomerCreated     = "billing.customer_created"
	AuditBillingCheckoutStarted     = "billing.checkout_started"
	AuditBillingCheckoutCompleted   = "billing.checkout_completed"
	AuditBillingSubscriptionChanged = "billing.subscription_changed"
	AuditBillingInvoicePaid         = "billing.invoice_paid"
	AuditBillingPaymentFailed       = "billing.payment_failed"
	AuditBillingGraceEnded          = "billing.grace_ended"
)

// The audited actions of the mentorship journey.
const (
	AuditSessionProposed  = "session.proposed"
	AuditSessionScheduled = "session.scheduled"
	AuditSessionAgenda    = "session.agenda_written"
	AuditSessionLogged    = "session.logged"
	AuditSessionMarked    = "session.marked"
	AuditSessionRated     = "session.rated"
	AuditActionTicked     = "session.action_ticked"
	AuditMentorshipEnded  = "mentorship.ended"
)

// AuditSurveyAnswered records an end-of-mentorship survey answered.
const AuditSurveyAnswered = "mentorship.survey_answered"

// AuditPeopleExported records an export of the entrepreneurs by name and
// contact: the reports' only export that names people.
const AuditPeopleExported = "report.people_exported"
