package web

import (
	"net/http"

	"github.com/mentorat/mentorat/internal/authz"
)

// platformRoutes registers what every process serves: health, readiness
// and metrics.
func (s *Server) platformRoutes() {
	s.router.GET("/healthz", s.healthz)
	s.router.GET("/readyz", s.readyz)
	s.router.GET("/metrics", s.metricsHandler())
}

// routes registers every route of the product, each with what it asks of
// its caller (see access.go).
func (s *Server) routes() {
	r := s.router
	s.platformRoutes()

	const api = "/api/v1"
	const alliance = api + "/alliances/:slug"
	s.handle(http.MethodGet, api+"/openapi.json", public, s.openAPI)

	s.handle(http.MethodPost, api+"/auth/signup", public, s.signup)
	s.handle(http.MethodPost, api+"/auth/login", public, s.login)
	s.handle(http.MethodPost, api+"/auth/logout", signedIn, s.logout)
	s.handle(http.MethodPost, api+"/auth/password-reset", public, s.passwordResetRequest)
	s.handle(http.MethodPost, api+"/auth/password-reset/:token", public, s.passwordReset)
	s.handle(http.MethodGet, api+"/me", signedIn, s.me)
	s.handle(http.MethodPatch, api+"/me", signedIn, s.meUpdate)
	s.handle(http.MethodGet, api+"/me/tokens", signedIn, s.myTokens)
	s.handle(http.MethodDelete, api+"/me/tokens/:id", signedIn, s.revokeToken)

	s.handle(http.MethodPost, api+"/alliances", signedIn, s.allianceCreate)
	s.handle(http.MethodGet, alliance, alliancePublic, s.allianceGet)
	s.handle(http.MethodPatch, alliance, need(authz.ObjAlliance, authz.ActUpdate), s.allianceUpdate)

	s.handle(http.MethodGet, alliance+"/members", need(authz.ObjMembers, authz.ActRead), s.memberList)
	s.handle(http.MethodGet, alliance+"/members/:user_id", need(authz.ObjMembers, authz.ActRead), s.memberGet)
	s.handle(http.MethodPatch, alliance+"/members/:user_id", need(authz.ObjMembers, authz.ActManage), s.memberUpdate)
	s.handle(http.MethodPost, alliance+"/invitations", need(authz.ObjInvitations, authz.ActCreate), s.invitationCreate)
	s.handle(http.MethodGet, alliance+"/invitations", need(authz.ObjInvitations, authz.ActRead), s.invitationList)
	s.handle(http.MethodPost, api+"/invitations/:token/accept", signedIn, s.invitationAccept)

	s.handle(http.MethodGet, alliance+"/audit", need(authz.ObjAudit, authz.ActRead), s.auditList)
	s.handle(http.MethodGet, alliance+"/audit.csv", need(authz.ObjAudit, authz.ActRead), s.auditExport)
	s.handle(http.MethodGet, alliance+"/mails", need(authz.ObjMail, authz.ActRead), s.mailList)
	s.handle(http.MethodGet, alliance+"/jobs/failed", need(authz.ObjJobs, authz.ActRead), s.failedJobs)
	s.handle(http.MethodGet, alliance+"/policies", need(authz.ObjPolicy, authz.ActRead), s.policyList)
	s.handle(http.MethodPost, alliance+"/policies", need(authz.ObjPolicy, authz.ActManage), s.policyChange)
	s.handle(http.MethodDelete, alliance+"/policies", need(authz.ObjPolicy, authz.ActManage), s.policyChange)

	s.handle(http.MethodGet, alliance+"/charter", alliancePublic, s.charterGet)
	s.handle(http.MethodGet, alliance+"/charter/versions", need(authz.ObjCharter, authz.ActManage), s.charterVersions)
	s.handle(http.MethodPost, alliance+"/charter/versions", need(authz.ObjCharter, authz.ActManage), s.charterDraft)
	s.handle(http.MethodGet, alliance+"/charter/versions/:version", need(authz.ObjCharter, authz.ActManage), s.charterVersionGet)
	s.handle(http.MethodPatch, alliance+"/charter/versions/:version", need(authz.ObjCharter, authz.ActManage), s.charterEdit)
	s.handle(http.MethodPost, alliance+"/charter/versions/:version/publish", need(authz.ObjCharter, authz.ActManage), s.charterPublish)
	s.handle(http.MethodPost, alliance+"/charter/accept", need(authz.ObjCharter, authz.ActAccept), s.charterAccept)
	s.handle(http.MethodGet, alliance+"/charter/acceptances", need(authz.ObjCharter, authz.ActManage), s.charterAcceptances)

	// The mentor community: the library, the guide's editions, peer sessions.
	s.handle(http.MethodGet, alliance+"/resources", need(authz.ObjLibrary, authz.ActRead), s.resourceList)
	s.handle(http.MethodPost, alliance+"/resources", need(authz.ObjLibrary, authz.ActWrite), s.resourceCreate)
	s.handle(http.MethodGet, alliance+"/resources/:id", need(authz.ObjLibrary, authz.ActRead), s.resourceGet)
	s.handle(http.MethodPatch, alliance+"/resources/:id", need(authz.ObjLibrary, authz.ActWrite), s.resourceUpdate)
	s.handle(http.MethodDelete, alliance+"/resources/:id", need(authz.ObjLibrary, authz.ActWrite), s.resourceDelete)
	s.handle(http.MethodGet, alliance+"/guide", need(authz.ObjLibrary, authz.ActRead), s.guideGet)
	s.handle(http.MethodGet, alliance+"/guide/editions", need(authz.ObjLibrary, authz.ActRead), s.guideEditions)
	s.handle(http.MethodPost, alliance+"/guide/editions", need(authz.ObjLibrary, authz.ActWrite), s.guidePublish)
	s.handle(http.MethodPost, alliance+"/guide/acknowledge", need(authz.ObjLibrary, authz.ActAccept), s.guideAcknowledge)
	s.handle(http.MethodGet, alliance+"/guide/acknowledgements", need(authz.ObjLibrary, authz.ActWrite), s.guideAcknowledgements)
	s.handle(http.MethodGet, alliance+"/peer-sessions", need(authz.ObjPeer, authz.ActRead), s.peerSessionList)
	s.handle(http.MethodPost, alliance+"/peer-sessions", need(authz.ObjPeer, authz.ActManage), s.peerSessionPlan)
	s.handle(http.MethodGet, alliance+"/peer-sessions/attendance", need(authz.ObjPeer, authz.ActManage), s.peerAttendanceReport)
	s.handle(http.MethodGet, alliance+"/peer-sessions/:id", need(authz.ObjPeer, authz.ActRead), s.peerSessionGet)
	s.handle(http.MethodPost, alliance+"/peer-sessions/:id/response", need(authz.ObjPeer, authz.ActRead), s.peerSessionRespond)
	s.handle(http.MethodPost, alliance+"/peer-sessions/:id/attendance", need(authz.ObjPeer, authz.ActManage), s.peerSessionAttendance)
	s.handle(http.MethodPost, alliance+"/peer-sessions/:id/cancel", need(authz.ObjPeer, authz.ActManage), s.peerSessionCancel)
	s.handle(http.MethodGet, alliance+"/members/:user_id/peer-sessions", need(authz.ObjMembers, authz.ActRead), s.memberPeerSessions)
	s.handle(http.MethodGet, alliance+"/billing", need(authz.ObjBilling, authz.ActManage), s.billingGet)
	s.handle(http.MethodPost, alliance+"/billing/checkout", need(authz.ObjBilling, authz.ActManage), s.billingCheckout)
	s.handle(http.MethodPost, alliance+"/billing/portal", need(authz.ObjBilling, authz.ActManage), s.billingPortal)
	// Stripe signs its calls: the signature on the raw body is the only
	// credential, checked by the handler.
	s.handle(http.MethodPost, api+"/stripe/webhook", public, s.stripeWebhook)

	// The mentee pipeline: cohorts, applications, matching, mentorships.
	// Applying is open to anyone; reading or withdrawing an application
	// asks the handler who calls (its screeners, or its applicant).
	s.handle(http.MethodGet, alliance+"/cohorts", need(authz.ObjCohorts, authz.ActRead), s.cohortList)
	s.handle(http.MethodPost, alliance+"/cohorts", need(authz.ObjCohorts, authz.ActManage), s.cohortCreate)
	s.handle(http.MethodGet, alliance+"/cohorts/:id", need(authz.ObjCohorts, authz.ActRead), s.cohortGet)
	s.handle(http.MethodPatch, alliance+"/cohorts/:id", need(authz.ObjCohorts, authz.ActManage), s.cohortUpdate)
	s.handle(http.MethodGet, alliance+"/cohorts/:id/match-proposal", need(authz.ObjMentorships, authz.ActManage), s.matchProposal)
	s.handle(http.MethodPost, alliance+"/applications", alliancePublic, s.applicationCreate)
	s.handle(http.MethodGet, alliance+"/applications", need(authz.ObjPipeline, authz.ActRead), s.applicationList)
	s.handle(http.MethodPost, alliance+"/applications/transitions", need(authz.ObjPipeline, authz.ActManage), s.applicationTransitions)
	s.handle(http.MethodGet, alliance+"/applications/:id", alliancePublic, s.applicationGet)
	s.handle(http.MethodPost, alliance+"/applications/:id/transitions", need(authz.ObjPipeline, authz.ActManage), s.applicationTransition)
	s.handle(http.MethodPost, alliance+"/applications/:id/withdraw", alliancePublic, s.applicationWithdraw)
	s.handle(http.MethodPost, alliance+"/applications/:id/notes", need(authz.ObjPipeline, authz.ActManage), s.applicationNote)
	s.handle(http.MethodGet, alliance+"/applications/:id/match-suggestions", need(authz.ObjMentorships, authz.ActManage), s.matchSuggestions)
	s.handle(http.MethodGet, alliance+"/mentorships", need(authz.ObjMentorships, authz.ActRead), s.mentorshipList)
	s.handle(http.MethodPost, alliance+"/mentorships", need(authz.ObjMentorships, authz.ActManage), s.mentorshipCreate)
	s.handle(http.MethodPost, alliance+"/mentorships/bulk", need(authz.ObjMentorships, authz.ActManage), s.mentorshipBulk)
	s.handle(http.MethodGet, alliance+"/mentorships/:id", need(authz.ObjMentorships, authz.ActRead), s.mentorshipGet)
	s.handle(http.MethodGet, alliance+"/messages", need(authz.ObjAlliance, authz.ActUpdate), s.messageList)
	s.handle(http.MethodPut, alliance+"/messages", need(authz.ObjAlliance, authz.ActUpdate), s.messageSave)
	s.handle(http.MethodPut, alliance+"/members/:user_id/profile", need(authz.ObjMembers, authz.ActRead), s.memberProfileUpdate)

	// The mentorship journey and the reports. A journey is its mentor's,
	// its entrepreneur's and theirs who manage mentorships: the handlers
	// ask which side the caller is on.
	const mentorship = alliance + "/mentorships/:id"
	const session = mentorship + "/sessions/:number"
	readMentorships := need(authz.ObjMentorships, authz.ActRead)
	s.handle(http.MethodGet, mentorship+"/journey", readMentorships, s.journeyGet)
	s.handle(http.MethodGet, mentorship+"/sessions", readMentorships, s.sessionList)
	s.handle(http.MethodGet, session, readMentorships, s.sessionGet)
	s.handle(http.MethodPatch, session, readMentorships, s.sessionPropose)
	s.handle(http.MethodPost, session+"/confirm", readMentorships, s.sessionConfirm)
	s.handle(http.MethodPut, session+"/agenda", readMentorships, s.sessionAgenda)
	s.handle(http.MethodPost, session+"/log", readMentorships, s.sessionLog)
	s.handle(http.MethodPost, session+"/feedback", readMentorships, s.sessionFeedback)
	s.handle(http.MethodPost, session+"/mark", readMentorships, s.sessionMark)
	s.handle(http.MethodPost, mentorship+"/actions/:action_id", readMentorships, s.actionTick)
	s.handle(http.MethodPost, mentorship+"/end", readMentorships, s.mentorshipEnd)
	s.handle(http.MethodPost, mentorship+"/survey", readMentorships, s.mentorshipSurvey)
	s.handle(http.MethodGet, alliance+"/mentees", readMentorships, s.menteeList)
	s.handle(http.MethodGet, alliance+"/cohorts/:id/progress", need(authz.ObjMentorships, authz.ActManage), s.cohortProgress)
	s.handle(http.MethodGet, alliance+"/reports/summary", need(authz.ObjReports, authz.ActRead), s.reportSummary)
	s.handle(http.MethodGet, alliance+"/reports/export.csv", need(authz.ObjReports, authz.ActRead), s.reportExport)
	s.handle(http.MethodGet, alliance+"/reports/entrepreneurs.csv", need(authz.ObjReports, authz.ActExport), s.reportPeople)

	r.GET("/", s.homePage)
	s.handle(http.MethodGet, "/a/:slug", alliancePublic, s.alliancePage)
	r.GET("/lang/:locale", s.switchLanguage)
	r.GET("/static/*file", s.static)

	// Accounts, alliances, members, invitations and records: the pages.
	const page = "/a/:slug"
	s.handle(http.MethodGet, "/signup", public, s.signupPage)
	s.handle(http.MethodPost, "/signup", public, s.signupSubmit)
	s.handle(http.MethodGet, "/login", public, s.loginPage)
	s.handle(http.MethodPost, "/login", public, s.loginSubmit)
	s.handle(http.MethodPost, "/logout", public, s.logoutSubmit)
	s.handle(http.MethodGet, "/reset", public, s.resetPage)
	s.handle(http.MethodPost, "/reset", public, s.resetSubmit)
	s.handle(http.MethodGet, "/reset/:token", public, s.resetTokenPage)
	s.handle(http.MethodPost, "/reset/:token", public, s.resetTokenSubmit)
	s.handle(http.MethodGet, "/me", signedIn, s.mePage)
	s.handle(http.MethodPost, "/me", signedIn, s.meSubmit)
	s.handle(http.MethodPost, "/me/tokens/:id/revoke", signedIn, s.meRevoke)
	s.handle(http.MethodGet, "/alliances/new", signedIn, s.allianceNewPage)
	s.handle(http.MethodPost, "/alliances/new", signedIn, s.allianceNewSubmit)
	s.handle(http.MethodGet, page+"/settings", need(authz.ObjAlliance, authz.ActUpdate), s.settingsPage)
	s.handle(http.MethodPost, page+"/settings", need(authz.ObjAlliance, authz.ActUpdate), s.settingsSubmit)
	s.handle(http.MethodGet, page+"/members", need(authz.ObjMembers, authz.ActRead), s.membersPage)
	s.handle(http.MethodGet, page+"/members/:user_id", need(authz.ObjMembers, authz.ActRead), s.memberPage)
	s.handle(http.MethodPost, page+"/members/:user_id", need(authz.ObjMembers, authz.ActManage), s.memberSubmit)
	s.handle(http.MethodGet, page+"/invitations", need(authz.ObjInvitations, authz.ActRead), s.invitationsPage)
	s.handle(http.MethodPost, page+"/invitations", need(authz.ObjInvitations, authz.ActCreate), s.invitationsSubmit)
	s.handle(http.MethodGet, "/invitations/:token", public, s.invitationPage)
	s.handle(http.MethodPost, "/invitations/:token", signedIn, s.invitationSubmit)
	s.handle(http.MethodGet, page+"/audit", need(authz.ObjAudit, authz.ActRead), s.auditPage)
	s.handle(http.MethodGet, page+"/mails", need(authz.ObjMail, authz.ActRead), s.mailsPage)
	s.handle(http.MethodGet, page+"/jobs", need(authz.ObjJobs, authz.ActRead), s.jobsPage)
	s.handle(http.MethodGet, page+"/charter", alliancePublic, s.charterPage)
	s.handle(http.MethodPost, page+"/charter/accept", need(authz.ObjCharter, authz.ActAccept), s.charterAcceptSubmit)
	s.handle(http.MethodGet, page+"/charter/versions", need(authz.ObjCharter, authz.ActManage), s.charterVersionsPage)
	s.handle(http.MethodGet, page+"/charter/versions/new", need(authz.ObjCharter, authz.ActManage), s.charterNewPage)
	s.handle(http.MethodPost, page+"/charter/versions/new", need(authz.ObjCharter, authz.ActManage), s.charterNewSubmit)
	s.handle(http.MethodGet, page+"/charter/versions/:version", need(authz.ObjCharter, authz.ActManage), s.charterVersionPage)
	s.handle(http.MethodPost, page+"/charter/versions/:version", need(authz.ObjCharter, authz.ActManage), s.charterVersionSubmit)
	s.handle(http.MethodPost, page+"/charter/versions/:version/publish", need(authz.ObjCharter, authz.ActManage), s.charterPublishSubmit)
	s.handle(http.MethodGet, page+"/charter/diff", need(authz.ObjCharter, authz.ActManage), s.charterDiffPage)
	s.handle(http.MethodGet, page+"/charter/acceptances", need(authz.ObjCharter, authz.ActManage), s.charterAcceptancesPage)

	// The mentor community: the pages.
	s.handle(http.MethodGet, page+"/library", need(authz.ObjLibrary, authz.ActRead), s.librarySearchPage)
	s.handle(http.MethodGet, page+"/library/new", need(authz.ObjLibrary, authz.ActWrite), s.resourceNewPage)
	s.handle(http.MethodPost, page+"/library/new", need(authz.ObjLibrary, authz.ActWrite), s.resourceNewSubmit)
	s.handle(http.MethodGet, page+"/library/:id", need(authz.ObjLibrary, authz.ActRead), s.resourcePage)
	s.handle(http.MethodGet, page+"/library/:id/edit", need(authz.ObjLibrary, authz.ActWrite), s.resourceEditPage)
	s.handle(http.MethodPost, page+"/library/:id/edit", need(authz.ObjLibrary, authz.ActWrite), s.resourceEditSubmit)
	s.handle(http.MethodPost, page+"/library/:id/delete", need(authz.ObjLibrary, authz.ActWrite), s.resourceDeleteSubmit)
	s.handle(http.MethodPost, page+"/guide/acknowledge", need(authz.ObjLibrary, authz.ActAccept), s.guideAcknowledgeSubmit)
	s.handle(http.MethodGet, page+"/guide", need(authz.ObjLibrary, authz.ActWrite), s.guidePage)
	s.handle(http.MethodPost, page+"/guide/editions", need(authz.ObjLibrary, authz.ActWrite), s.guidePublishSubmit)
	s.handle(http.MethodGet, page+"/peer-sessions", need(authz.ObjPeer, authz.ActRead), s.peerSessionsPage)
	s.handle(http.MethodGet, page+"/peer-sessions/new", need(authz.ObjPeer, authz.ActManage), s.peerPlanPage)
	s.handle(http.MethodPost, page+"/peer-sessions/new", need(authz.ObjPeer, authz.ActManage), s.peerPlanSubmit)
	s.handle(http.MethodGet, page+"/peer-sessions/attendance", need(authz.ObjPeer, authz.ActManage), s.peerAttendancePage)
	s.handle(http.MethodGet, page+"/peer-sessions/:id", need(authz.ObjPeer, authz.ActRead), s.peerSessionPage)
	s.handle(http.MethodPost, page+"/peer-sessions/:id/response", need(authz.ObjPeer, authz.ActRead), s.peerResponseSubmit)
	s.handle(http.MethodPost, page+"/peer-sessions/:id/attendance", need(authz.ObjPeer, authz.ActManage), s.peerAttendanceSubmit)
	s.handle(http.MethodPost, page+"/peer-sessions/:id/cancel", need(authz.ObjPeer, authz.ActManage), s.peerCancelSubmit)

	// The billing page.
	s.handle(http.MethodGet, page+"/billing", need(authz.ObjBilling, authz.ActManage), s.billingPage)
	s.handle(http.MethodPost, page+"/billing/checkout", need(authz.ObjBilling, authz.ActManage), s.billingCheckoutSubmit)
	s.handle(http.MethodPost, page+"/billing/portal", need(authz.ObjBilling, authz.ActManage), s.billingPortalSubmit)

	// The mentee pipeline, for applicants: the public form and following
	// an application.
	s.handle(http.MethodGet, page+"/apply", alliancePublic, s.applyPage)
	s.handle(http.MethodPost, page+"/apply", alliancePublic, s.applySubmit)
	s.handle(http.MethodGet, page+"/apply/thanks", alliancePublic, s.applyThanksPage)
	s.handle(http.MethodGet, page+"/applications/follow/:token", alliancePublic, s.followPage)
	// Only its applicant withdraws an application: the handler asks.
	s.handle(http.MethodPost, page+"/applications/:id/withdraw", alliancePublic, s.applicationWithdrawSubmit)
	s.handle(http.MethodGet, page+"/messages", need(authz.ObjAlliance, authz.ActUpdate), s.messagesPage)
	s.handle(http.MethodPost, page+"/messages", need(authz.ObjAlliance, authz.ActUpdate), s.messagesSubmit)
	// Members change their own profile, those who run the pipeline
	// anyone's: the handler asks.
	s.handle(http.MethodPost, page+"/members/:user_id/profile", need(authz.ObjMembers, authz.ActRead), s.memberProfileSubmit)

	// The mentee pipeline, for those who run it: cohorts, screening,
	// matching.
	s.handle(http.MethodGet, page+"/cohorts", need(authz.ObjCohorts, authz.ActRead), s.cohortsPage)
	s.handle(http.MethodGet, page+"/cohorts/new", need(authz.ObjCohorts, authz.ActManage), s.cohortNewPage)
	s.handle(http.MethodPost, page+"/cohorts/new", need(authz.ObjCohorts, authz.ActManage), s.cohortNewSubmit)
	s.handle(http.MethodGet, page+"/cohorts/:id", need(authz.ObjCohorts, authz.ActRead), s.cohortPage)
	s.handle(http.MethodPost, page+"/cohorts/:id", need(authz.ObjCohorts, authz.ActManage), s.cohortSubmit)
	s.handle(http.MethodGet, page+"/cohorts/:id/board", need(authz.ObjPipeline, authz.ActRead), s.boardPage)
	s.handle(http.MethodGet, page+"/cohorts/:id/proposal", need(authz.ObjMentorships, authz.ActManage), s.proposalPage)
	s.handle(http.MethodPost, page+"/cohorts/:id/proposal", need(authz.ObjMentorships, authz.ActManage), s.proposalSubmit)
	s.handle(http.MethodGet, page+"/applications", need(authz.ObjPipeline, authz.ActRead), s.pipelinePage)
	s.handle(http.MethodPost, page+"/applications/transitions", need(authz.ObjPipeline, authz.ActManage), s.bulkMoveSubmit)
	// Its screeners see an application, and so does its applicant: the
	// handler tells them apart.
	s.handle(http.MethodGet, page+"/applications/:id", alliancePublic, s.applicationPage)
	s.handle(http.MethodPost, page+"/applications/:id/notes", need(authz.ObjPipeline, authz.ActManage), s.noteSubmit)
	s.handle(http.MethodPost, page+"/applications/:id/transitions", need(authz.ObjPipeline, authz.ActManage), s.moveSubmit)
	s.handle(http.MethodPost, page+"/applications/:id/match", need(authz.ObjMentorships, authz.ActManage), s.matchSubmit)
	s.handle(http.MethodGet, page+"/mentorships/:id", need(authz.ObjMentorships, authz.ActRead), s.mentorshipPage)

	// The mentorship journey and the reports: the pages.
	// A journey's pages are its mentor's, its entrepreneur's and theirs who
	// manage mentorships: the handlers ask which side the caller is on.
	const journey = page + "/mentorships/:id"
	const sessionAt = journey + "/sessions/:number"
	readJourney := need(authz.ObjMentorships, authz.ActRead)
	s.handle(http.MethodGet, sessionAt, readJourney, s.sessionPage)
	s.handle(http.MethodPost, sessionAt+"/propose", readJourney, s.proposeSubmit)
	s.handle(http.MethodPost, sessionAt+"/confirm", readJourney, s.confirmSubmit)
	s.handle(http.MethodPost, sessionAt+"/agenda", readJourney, s.agendaSubmit)
	s.handle(http.MethodPost, sessionAt+"/log", readJourney, s.logSubmit)
	s.handle(http.MethodPost, sessionAt+"/mark", readJourney, s.markSubmit)
	s.handle(http.MethodPost, sessionAt+"/rate", readJourney, s.rateSubmit)
	s.handle(http.MethodPost, journey+"/actions/:action_id", readJourney, s.actionTickSubmit)
	s.handle(http.MethodGet, journey+"/end", readJourney, s.endPage)
	s.handle(http.MethodPost, journey+"/end", readJourney, s.endSubmit)
	s.handle(http.MethodGet, journey+"/survey", readJourney, s.surveyPage)
	s.handle(http.MethodPost, journey+"/survey", readJourney, s.surveySubmit)
	s.handle(http.MethodGet, page+"/mentees", readJourney, s.menteesPage)
	s.handle(http.MethodGet, page+"/cohorts/:id/progress", need(authz.ObjMentorships, authz.ActManage), s.progressPage)
	s.handle(http.MethodGet, page+"/reports", need(authz.ObjReports, authz.ActRead), s.reportPage)
}
