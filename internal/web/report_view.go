package web

import (
	"math"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// reportSummaryView is the alliance's report in the API: aggregates
// only, never a name nor the id of a person. Shares and rates are
// fractions from 0 to 1, to four decimals.
type reportSummaryView struct {
	Entrepreneurs reportEntrepreneursView `json:"entrepreneurs"`
	ByCity        []reportBucketView      `json:"by_city"`
	ByCohort      []reportBucketView      `json:"by_cohort"`
	ByGender      []reportBucketView      `json:"by_gender"`
	Sessions      reportSessionsView      `json:"sessions"`
	Mentorships   reportMentorshipsView   `json:"mentorships"`
	PeerSessions  reportPeerView          `json:"peer_sessions"`
	Change        []reportChangeView      `json:"change"`
}

// reportEntrepreneursView counts the entrepreneurs, each once, and the
// women among them.
type reportEntrepreneursView struct {
	Total      int     `json:"total"`
	Women      int     `json:"women"`
	WomenShare float64 `json:"women_share"`
}

// reportSessionsView is the sessions planned (cancelled ones left out),
// those held, and the share held.
type reportSessionsView struct {
	Planned        int     `json:"planned"`
	Held           int     `json:"held"`
	CompletionRate float64 `json:"completion_rate"`
}

// reportBucketView is one line of a breakdown: key is the cohort's id,
// the city in lower case, or the gender; label the cohort's name, the city
// as written, or the gender.
type reportBucketView struct {
	Key           string             `json:"key"`
	Label         string             `json:"label"`
	Entrepreneurs int                `json:"entrepreneurs"`
	Women         int                `json:"women"`
	WomenShare    float64            `json:"women_share"`
	Sessions      reportSessionsView `json:"sessions"`
}

// reportMentorshipsView counts the mentorships by status.
type reportMentorshipsView struct {
	Active    int `json:"active"`
	Completed int `json:"completed"`
	Ended     int `json:"ended"`
}

// reportPeerView is the peer sessions held among mentors, the mentors
// invited to them, those who came, and the share who came.
type reportPeerView struct {
	Held           int     `json:"held"`
	Invited        int     `json:"invited"`
	Attended       int     `json:"attended"`
	AttendanceRate float64 `json:"attendance_rate"`
}

// reportChangeView is how the businesses of one gender changed between
// the application and the end survey, over those who answered it.
type reportChangeView struct {
	Gender          domain.Gender `json:"gender"`
	Surveyed        int           `json:"surveyed"`
	EmployeesBefore int           `json:"employees_before"`
	EmployeesAfter  int           `json:"employees_after"`
	RevenueUp       int           `json:"revenue_up"`
	RevenueSame     int           `json:"revenue_same"`
	RevenueDown     int           `json:"revenue_down"`
}

// reportRate rounds a fraction to four decimals.
func reportRate(f float64) float64 { return math.Round(f*10_000) / 10_000 }

// reportSummaryOf is the report as the API shows it.
func reportSummaryOf(s *service.Summary) reportSummaryView {
	out := reportSummaryView{
		Entrepreneurs: reportEntrepreneursView{Total: s.Total.Entrepreneurs, Women: s.Total.Women,
			WomenShare: reportRate(s.Total.WomenShare())},
		ByCity:   reportBucketsOf(s.ByCity),
		ByCohort: reportBucketsOf(s.ByCohort),
		ByGender: reportBucketsOf(s.ByGender),
		Sessions: reportSessionsOf(s.Total),
		Mentorships: reportMentorshipsView{Active: s.Mentorships[domain.MentorshipActive],
			Completed: s.Mentorships[domain.MentorshipCompleted], Ended: s.Mentorships[domain.MentorshipEnded]},
		PeerSessions: reportPeerView{Held: s.Peer.Held, Invited: s.Peer.Invited, Attended: s.Peer.Attended,
			AttendanceRate: reportRate(s.PeerAttendanceRate())},
		Change: make([]reportChangeView, 0, len(s.Change)),
	}
	for _, ch := range s.Change {
		out.Change = append(out.Change, reportChangeView{Gender: ch.Gender, Surveyed: ch.Surveyed, EmployeesBefore: ch.EmployeesBefore,
			EmployeesAfter: ch.EmployeesAfter, RevenueUp: ch.RevenueUp, RevenueSame: ch.RevenueSame, RevenueDown: ch.RevenueDown})
	}
	return out
}

func reportSessionsOf(b service.Bucket) reportSessionsView {
	return reportSessionsView{Planned: b.SessionsPlanned, Held: b.SessionsHeld, CompletionRate: reportRate(b.CompletionRate())}
}

func reportBucketsOf(list []service.Bucket) []reportBucketView {
	out := make([]reportBucketView, 0, len(list))
	for _, b := range list {
		out = append(out, reportBucketView{Key: b.Key, Label: b.Label, Entrepreneurs: b.Entrepreneurs, Women: b.Women,
			WomenShare: reportRate(b.WomenShare()), Sessions: reportSessionsOf(b)})
	}
	return out
}
