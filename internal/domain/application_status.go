package domain

import (
	"slices"
	"strings"
)

// ApplicationStatus is where an application stands in the pipeline.
type ApplicationStatus string

// The statuses of an application, in the order of the pipeline.
const (
	AppSubmitted  ApplicationStatus = "submitted"
	AppScreening  ApplicationStatus = "screening"
	AppInterview  ApplicationStatus = "interview"
	AppAccepted   ApplicationStatus = "accepted"
	AppWaitlisted ApplicationStatus = "waitlisted"
	AppRejected   ApplicationStatus = "rejected"
	AppWithdrawn  ApplicationStatus = "withdrawn"
	AppMatched    ApplicationStatus = "matched"
)

// ApplicationStatuses lists every status, in the pipeline's order (the
// columns of the board).
var ApplicationStatuses = []ApplicationStatus{
	AppSubmitted, AppScreening, AppInterview, AppAccepted, AppWaitlisted, AppRejected, AppWithdrawn, AppMatched,
}

// ApplicationStatusList names every status, for messages.
func ApplicationStatusList() string {
	names := make([]string, len(ApplicationStatuses))
	for i, s := range ApplicationStatuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// Valid tells whether s is a known status.
func (s ApplicationStatus) Valid() bool { return slices.Contains(ApplicationStatuses, s) }

// moves are the transitions staff make: submitted → screening →
// interview → accepted | waitlisted | rejected, and waitlisted → accepted
// | rejected. Withdrawing is the applicant's own, and matched comes from
// making a mentorship.
var moves = map[ApplicationStatus][]ApplicationStatus{
	AppSubmitted:  {AppScreening},
	AppScreening:  {AppInterview},
	AppInterview:  {AppAccepted, AppWaitlisted, AppRejected},
	AppWaitlisted: {AppAccepted, AppRejected},
}

// withdrawable are the statuses the applicant may withdraw from.
var withdrawable = []ApplicationStatus{AppSubmitted, AppScreening, AppInterview}

// AllowedMoves gives the statuses staff may move an application to from
// s, in the pipeline's order.
func AllowedMoves(s ApplicationStatus) []ApplicationStatus {
	return slices.Clone(moves[s])
}

// CanWithdraw tells whether the applicant may still withdraw.
func CanWithdraw(s ApplicationStatus) bool { return slices.Contains(withdrawable, s) }

// IsDecision tells whether reaching s is a decision the applicant is told
// of: accepted, waitlisted or rejected.
func IsDecision(s ApplicationStatus) bool {
	return s == AppAccepted || s == AppWaitlisted || s == AppRejected
}

// TakesAPlace tells whether an application in s holds one of its cohort's
// places.
func TakesAPlace(s ApplicationStatus) bool { return s == AppAccepted || s == AppMatched }
