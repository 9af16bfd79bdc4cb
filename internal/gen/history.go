package gen

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// path gives the statuses an application went through to reach to, by
// the moves the pipeline allows: a decision after the interview, the
// waiting list sometimes in between, a withdrawal before any decision, a
// match after the acceptance.
func (b *builder) path(to domain.ApplicationStatus) []domain.ApplicationStatus {
	upTo := []domain.ApplicationStatus{domain.AppSubmitted, domain.AppScreening, domain.AppInterview}
	switch to {
	case domain.AppSubmitted, domain.AppScreening, domain.AppInterview:
		for i, st := range upTo {
			if st == to {
				return upTo[:i+1]
			}
		}
	case domain.AppWithdrawn:
		return append(upTo[:b.s.between(1, 3)], domain.AppWithdrawn)
	case domain.AppWaitlisted:
		return append(upTo, domain.AppWaitlisted)
	case domain.AppAccepted, domain.AppRejected:
		if b.s.chance(0.2) {
			return append(upTo, domain.AppWaitlisted, to)
		}
		return append(upTo, to)
	case domain.AppMatched:
		return append(b.path(domain.AppAccepted), domain.AppMatched)
	}
	return upTo[:1]
}

// stepDays is how many days, at least and at most, a move comes after the
// one before.
var stepDays = map[domain.ApplicationStatus][2]int{
	domain.AppScreening: {1, 10}, domain.AppInterview: {5, 20}, domain.AppAccepted: {2, 12}, domain.AppWaitlisted: {2, 12},
	domain.AppRejected: {2, 12}, domain.AppWithdrawn: {1, 20}, domain.AppMatched: {5, 25},
}

// decisionNotes are what screeners sometimes write with a decision, in
// the alliance's language.
var decisionNotes = map[domain.Locale]map[domain.ApplicationStatus][]string{
	domain.French: {
		domain.AppAccepted:   {"Projet solide et motivation claire.", "Marché identifié, besoin réel d'accompagnement.", "Très bon entretien."},
		domain.AppWaitlisted: {"Bon dossier\u202f; en attente d'une place.", "À reprendre si une place se libère."},
		domain.AppRejected: {"Projet encore au stade de l'idée\u202f; à revoir l'an prochain.", "Dossier incomplet.",
			"Hors de la zone de la cohorte."},
	},
	domain.English: {
		domain.AppAccepted:   {"Sound project and clear motivation.", "Known market, real need for support.", "Very good interview."},
		domain.AppWaitlisted: {"Good application; waiting for a place.", "To take up if a place frees."},
		domain.AppRejected:   {"Still at the idea stage; to see again next year.", "Incomplete application.", "Outside the cohort's area."},
	},
}

// histories writes every application's moves, consistent with its status.
func (b *builder) histories(cs []*candidacy) {
	for _, c := range cs {
		b.history(c)
	}
}

// history writes one application's moves, from its submission: the
// applicant's own (applying, withdrawing) and the staff's. Moves that
// would fall after the day generated for are drawn closer, keeping their
// order.
func (b *builder) history(c *candidacy) {
	app := c.app
	statuses := b.path(app.Status)
	at := make([]time.Time, len(statuses))
	at[0] = app.SubmittedAt
	for i := 1; i < len(statuses); i++ {
		days := stepDays[statuses[i]]
		at[i] = b.s.instant(at[i-1].AddDate(0, 0, days[0]), at[i-1].AddDate(0, 0, days[1]))
	}
	if limit := b.today.Add(-time.Second); at[len(at)-1].After(limit) {
		scale := float64(limit.Sub(at[0])) / float64(at[len(at)-1].Sub(at[0]))
		for i := range at {
			at[i] = at[0].Add(time.Duration(float64(at[i].Sub(at[0])) * scale)).Truncate(time.Second)
			if i > 0 && !at[i].After(at[i-1]) {
				at[i] = at[i-1].Add(time.Second) // a history lists by time: no two moves at once
			}
		}
	}
	var applicantID *domain.ID
	if app.UserID != (domain.ID{}) {
		applicantID = &app.UserID
	}
	for i, to := range statuses {
		e := &domain.ApplicationEvent{ID: b.s.id(at[i]), To: to, At: at[i]}
		if i > 0 {
			e.From = statuses[i-1]
		}
		if to == domain.AppSubmitted || to == domain.AppWithdrawn {
			e.ActorID, e.ActorName = applicantID, app.Applicant.Name
		} else {
			staff := b.deciderAt(at[i])
			e.ActorID, e.ActorName = &staff.UserID, staff.Name
			if notes := decisionNotes[b.region.locale][to]; notes != nil && b.s.chance(0.35) {
				e.Note = pick(b.s, notes)
			}
			if to == domain.AppMatched {
				c.matchedBy, c.matchedAt = staff, at[i]
			}
		}
		b.d.eventApps = append(b.d.eventApps, app.ID)
		b.d.events = append(b.d.events, e)
	}
	app.UpdatedAt = at[len(at)-1]
}

// deciderAt gives an admin or coordinator who had joined by at, at random:
// the first admin, who founded the alliance, when nobody else had.
func (b *builder) deciderAt(at time.Time) *domain.Member {
	if m := joinedBefore(b.s, b.deciders, at); m != nil {
		return m
	}
	return b.deciders[0]
}
