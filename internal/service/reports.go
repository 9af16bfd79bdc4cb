package service

import (
	"context"
	"slices"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Reports is the use case of the figures an alliance reports to its
// funders: aggregates only, never a person's data, so that observers may
// read them.
type Reports struct {
	DB *store.DB
}

// Bucket is one line of a breakdown: how many entrepreneurs, how many of
// them women, and their sessions.
type Bucket struct {
	Key             string // a cohort id, a city, a gender
	Label           string // the cohort's name, the city; the gender's key
	Entrepreneurs   int
	Women           int
	SessionsPlanned int
	SessionsHeld    int
}

// WomenShare is the share of women among the bucket's entrepreneurs.
func (b Bucket) WomenShare() float64 { return ratio(b.Women, b.Entrepreneurs) }

// CompletionRate is the share of the planned sessions that were held.
func (b Bucket) CompletionRate() float64 { return ratio(b.SessionsHeld, b.SessionsPlanned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Change is how the businesses of one gender changed between the
// application and the end survey, over the entrepreneurs who answered it.
type Change struct {
	Gender          domain.Gender
	Surveyed        int
	EmployeesBefore int // the sum at application
	EmployeesAfter  int // the sum at the end
	RevenueUp       int // a higher revenue band at the end
	RevenueSame     int
	RevenueDown     int
}

// Summary is the alliance's report over a filter.
type Summary struct {
	Total       Bucket // every entrepreneur of the filter
	ByCohort    []Bucket
	ByCity      []Bucket
	ByGender    []Bucket
	Mentorships map[domain.MentorshipStatus]int
	Peer        store.PeerFigures
	Change      []Change
}

// PeerAttendanceRate is the share of invitations to held peer sessions
// that were attended.
func (s *Summary) PeerAttendanceRate() float64 { return ratio(s.Peer.Attended, s.Peer.Invited) }

// Summary computes the report of the alliance over f.
func (s *Reports) Summary(ctx context.Context, c Caller, f store.ReportFilter) (*Summary, error) {
	var rows []store.MentoredRow
	var peer store.PeerFigures
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if rows, err = tx.MentoredRows(ctx, c.Alliance.ID, f); err != nil {
			return err
		}
		peer, err = tx.PeerFiguresBetween(ctx, c.Alliance.ID, f.From, f.To)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := summarize(rows)
	out.Peer = peer
	return out, nil
}

// summarize counts the mentorships' rows into the report's figures.
func summarize(rows []store.MentoredRow) *Summary {
	out := &Summary{Mentorships: map[domain.MentorshipStatus]int{
		domain.MentorshipActive: 0, domain.MentorshipCompleted: 0, domain.MentorshipEnded: 0}}
	cohorts, cities, genders := map[string]*Bucket{}, map[string]*Bucket{}, map[string]*Bucket{}
	changes := map[domain.Gender]*Change{}
	// An entrepreneur matched twice (after an early end) counts once;
	// their sessions count in every mentorship.
	seen := map[domain.ID]bool{}
	for _, r := range rows {
		out.Mentorships[domain.MentorshipStatus(r.Status)]++
		first := !seen[r.ApplicationID]
		seen[r.ApplicationID] = true
		for _, b := range []*Bucket{&out.Total, bucket(cohorts, r.CohortID.String(), r.Cohort),
			bucket(cities, strings.ToLower(r.City), r.City), bucket(genders, r.Gender, r.Gender)} {
			if first {
				b.Entrepreneurs++
				if r.Gender == string(domain.GenderWoman) {
					b.Women++
				}
			}
			b.SessionsPlanned += r.SessionsPlanned
			b.SessionsHeld += r.SessionsHeld
		}
		if r.EndRevenueBand != nil && r.EndEmployees != nil {
			ch := changes[domain.Gender(r.Gender)]
			if ch == nil {
				ch = &Change{Gender: domain.Gender(r.Gender)}
				changes[ch.Gender] = ch
			}
			ch.Surveyed++
			ch.EmployeesBefore += r.Employees
			ch.EmployeesAfter += *r.EndEmployees
			switch before, after := slices.Index(domain.RevenueBands, r.RevenueBand), slices.Index(domain.RevenueBands, *r.EndRevenueBand); {
			case after > before:
				ch.RevenueUp++
			case after < before:
				ch.RevenueDown++
			default:
				ch.RevenueSame++
			}
		}
	}
	out.ByCohort, out.ByCity, out.ByGender = sorted(cohorts), sorted(cities), sorted(genders)
	for _, g := range domain.Genders {
		if ch := changes[g]; ch != nil {
			out.Change = append(out.Change, *ch)
		}
	}
	return out
}

func bucket(m map[string]*Bucket, key, label string) *Bucket {
	b := m[key]
	if b == nil {
		b = &Bucket{Key: key, Label: label}
		m[key] = b
	}
	return b
}

// sorted lists the buckets by label.
func sorted(m map[string]*Bucket) []Bucket {
	out := make([]Bucket, 0, len(m))
	for _, b := range m {
		out = append(out, *b)
	}
	slices.SortFunc(out, func(a, b Bucket) int { return strings.Compare(a.Label, b.Label) })
	return out
}
