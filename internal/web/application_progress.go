package web

import (
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// progressStep is one step of an application's way as its applicant sees
// it: its label's key, and whether it is behind, where the application
// stands, or ahead.
type progressStep struct {
	Key   string
	State string // "done", "current" or "todo"
}

// progressSteps are the steps an applicant sees, from submitted to
// matched with a mentor; the decision's step is named after the decision
// once made.
var progressSteps = []string{
	"page.follow.step.submitted", "page.follow.step.screening", "page.follow.step.interview",
	"page.follow.step.decision", "page.follow.step.matched",
}

// stepOf is the step an application in each status has reached.
var stepOf = map[domain.ApplicationStatus]int{
	domain.AppSubmitted: 0, domain.AppScreening: 1, domain.AppInterview: 2,
	domain.AppAccepted: 3, domain.AppWaitlisted: 3, domain.AppRejected: 3, domain.AppMatched: 4,
}

// progressOf gives the steps of an application in st. A withdrawn
// application has none, and a rejected one stops at the decision.
func progressOf(st domain.ApplicationStatus) []progressStep {
	reached, ok := stepOf[st]
	if !ok {
		return nil
	}
	var out []progressStep
	for i, key := range progressSteps {
		if st == domain.AppRejected && i > reached {
			break
		}
		if i == 3 && domain.IsDecision(st) {
			key = "status." + string(st)
		}
		state := "todo"
		switch {
		case i < reached:
			state = "done"
		case i == reached:
			state = "current"
		}
		out = append(out, progressStep{Key: key, State: state})
	}
	return out
}

// applicantView is an application as its applicant sees it: where it
// stands, in words and as a line of steps, its cohort, and its history of
// dates and statuses; never the screeners' notes.
type applicantView struct {
	*service.ApplicationDetail
	Steps []progressStep
}

func applicantViewOf(d *service.ApplicationDetail) applicantView {
	return applicantView{ApplicationDetail: d, Steps: progressOf(d.Status)}
}
