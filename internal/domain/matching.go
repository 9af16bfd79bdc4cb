package domain

import (
	"cmp"
	"slices"
	"strings"
)

// MentorCandidate is a mentor as matching sees them: their membership and
// profile, how many active mentorships they hold, and whether they
// accepted the alliance's current charter.
type MentorCandidate struct {
	Member          *Member
	Profile         MentorProfile
	Active          int
	CharterAccepted bool
}

// FreeCapacity is how many more entrepreneurs the mentor can take.
func (c MentorCandidate) FreeCapacity() int { return max(c.Member.Capacity-c.Active, 0) }

// MatchReason is one reason for or against a match, as a translation key
// with its arguments, and the points it adds to the score.
type MatchReason struct {
	Key    string
	Args   map[string]any
	Points int
}

// MatchSuggestion is one mentor ranked for an application: the score, the
// reasons in its favour, and, for an ineligible mentor, why.
type MatchSuggestion struct {
	MentorID     ID
	MentorName   string
	Score        int
	Eligible     bool
	FreeCapacity int
	Reasons      []MatchReason
	Blockers     []MatchReason // why the mentor cannot be matched without an override
}

// The points of each reason; the score is their sum, at most 100.
const (
	pointsCity     = 35
	pointsSector   = 30
	pointsLanguage = 20
	pointsPerFree  = 5 // per free place, up to pointsFreeMax
	pointsFreeMax  = 15
)

// ScoreMatch weighs a mentor for an application: same city, experience of
// the business's sector, a shared language, and free capacity; a mentor
// with no free place, or who has not accepted the current charter, is
// ineligible.
func ScoreMatch(a *Application, c MentorCandidate) MatchSuggestion {
	return scoreMatch(a, FoldForSearch(a.Applicant.City), c)
}

// scoreMatch is ScoreMatch with the application's city already folded,
// for weighing many mentors against one application.
func scoreMatch(a *Application, city string, c MentorCandidate) MatchSuggestion {
	s := MatchSuggestion{MentorID: c.Member.UserID, MentorName: c.Member.Name, FreeCapacity: c.FreeCapacity(), Eligible: true,
		Reasons: make([]MatchReason, 0, 5)}
	add := func(key string, args map[string]any, points int) {
		s.Reasons = append(s.Reasons, MatchReason{Key: key, Args: args, Points: points})
		s.Score += points
	}
	if c.Profile.City != "" && FoldForSearch(c.Profile.City) == city {
		add("match.reason.city", map[string]any{"city": c.Profile.City}, pointsCity)
	}
	if slices.Contains(c.Profile.Sectors, a.Business.Sector) {
		add("match.reason.sector", map[string]any{"sector": a.Business.Sector}, pointsSector)
	}
	if slices.Contains(c.Profile.Languages, string(a.Locale)) {
		add("match.reason.language", map[string]any{"language": string(a.Locale)}, pointsLanguage)
	}
	if free := s.FreeCapacity; free > 0 {
		add("match.reason.capacity", map[string]any{"free": free}, min(free*pointsPerFree, pointsFreeMax))
	} else {
		s.Eligible = false
		s.Blockers = append(s.Blockers, MatchReason{Key: "match.blocker.capacity", Args: map[string]any{"capacity": c.Member.Capacity}})
	}
	if c.CharterAccepted {
		s.Reasons = append(s.Reasons, MatchReason{Key: "match.reason.charter"})
	} else {
		s.Eligible = false
		s.Blockers = append(s.Blockers, MatchReason{Key: "match.blocker.charter"})
	}
	return s
}

// RankMatches scores every candidate for an application: the eligible
// first, by score, then the ineligible, by score; ties by name.
func RankMatches(a *Application, candidates []MentorCandidate) []MatchSuggestion {
	city := FoldForSearch(a.Applicant.City)
	out := make([]MatchSuggestion, len(candidates))
	for i, c := range candidates {
		out[i] = scoreMatch(a, city, c)
	}
	slices.SortStableFunc(out, func(x, y MatchSuggestion) int {
		if x.Eligible != y.Eligible {
			if x.Eligible {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(y.Score, x.Score), strings.Compare(x.MentorName, y.MentorName))
	})
	return out
}
