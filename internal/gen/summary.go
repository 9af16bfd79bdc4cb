package gen

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// Counts is how many rows of each kind a run wrote.
type Counts struct {
	Alliances          int
	Users              int
	Members            int
	Cohorts            int
	CharterVersions    int
	CharterAcceptances int
	Applications       int
	ApplicationEvents  int
	Mentorships        int
	Sessions           int
	Actions            int
	PrivateNotes       int
	EndSurveys         int
	PeerSessions       int
	PeerInvitations    int
}

// add adds o's counts to c's.
func (c *Counts) add(o Counts) {
	c.Alliances += o.Alliances
	c.Users += o.Users
	c.Members += o.Members
	c.Cohorts += o.Cohorts
	c.CharterVersions += o.CharterVersions
	c.CharterAcceptances += o.CharterAcceptances
	c.Applications += o.Applications
	c.ApplicationEvents += o.ApplicationEvents
	c.Mentorships += o.Mentorships
	c.Sessions += o.Sessions
	c.Actions += o.Actions
	c.PrivateNotes += o.PrivateNotes
	c.EndSurveys += o.EndSurveys
	c.PeerSessions += o.PeerSessions
	c.PeerInvitations += o.PeerInvitations
}

// Rows is every row written; each membership writes two, its own and its
// line in the user's list of alliances.
func (c Counts) Rows() int {
	return c.Alliances + c.Users + 2*c.Members + c.Cohorts + c.CharterVersions + c.CharterAcceptances +
		c.Applications + c.ApplicationEvents + c.Mentorships + c.Sessions + c.Actions + c.PrivateNotes + c.EndSurveys +
		c.PeerSessions + c.PeerInvitations
}

// Summary is what a run made and how long it took.
type Summary struct {
	Alliances []*domain.Alliance // by their number
	Counts    Counts
	Elapsed   time.Duration
}

// RowsPerSecond is the run's writing rate.
func (s *Summary) RowsPerSecond() float64 { return float64(s.Counts.Rows()) / s.Elapsed.Seconds() }

// ApplicationsPerSecond is the run's rate in applications.
func (s *Summary) ApplicationsPerSecond() float64 {
	return float64(s.Counts.Applications) / s.Elapsed.Seconds()
}
