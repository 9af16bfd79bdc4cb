package web

import (
	"maps"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/service"
)

// matchReasonView is a reason for a match: its catalog key, its text in
// the caller's language, and the points it adds to the score.
type matchReasonView struct {
	Key    string `json:"key"`
	Text   string `json:"text"`
	Points int    `json:"points"`
}

// matchBlockerView is why a mentor cannot be matched without an
// override.
type matchBlockerView struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// matchSuggestionView is one mentor ranked for an application.
type matchSuggestionView struct {
	MentorID     domain.ID          `json:"mentor_id"`
	MentorName   string             `json:"mentor_name"`
	Score        int                `json:"score"`
	Eligible     bool               `json:"eligible"`
	FreeCapacity int                `json:"free_capacity"`
	Reasons      []matchReasonView  `json:"reasons"`
	Blockers     []matchBlockerView `json:"blockers"`
}

// matchProposalView is a proposed assignment of a cohort, for review.
type matchProposalView struct {
	Pairs      []matchPairView       `json:"pairs"`
	Unassigned []matchUnassignedView `json:"unassigned"`
	TotalScore int                   `json:"total_score"`
}

// matchPairView is one proposed pair and why.
type matchPairView struct {
	ApplicationID domain.ID         `json:"application_id"`
	ApplicantName string            `json:"applicant_name"`
	MentorID      domain.ID         `json:"mentor_id"`
	MentorName    string            `json:"mentor_name"`
	Score         int               `json:"score"`
	Reasons       []matchReasonView `json:"reasons"`
}

// matchUnassignedView is an accepted application no eligible mentor had
// a free place for.
type matchUnassignedView struct {
	ApplicationID domain.ID `json:"application_id"`
	ApplicantName string    `json:"applicant_name"`
}

// matchWords writes matching's reasons in one language.
type matchWords struct {
	catalog *i18n.Catalog
	loc     domain.Locale
}

// text is a reason or a blocker in the language, the sector it names in
// the language's words.
func (w matchWords) text(r domain.MatchReason) string {
	args := r.Args
	if sector, ok := args["sector"].(string); ok {
		args = maps.Clone(args)
		args["sector"] = w.catalog.T(w.loc, "sector."+sector, nil)
	}
	return w.catalog.T(w.loc, r.Key, args)
}

func (w matchWords) reasons(rs []domain.MatchReason) []matchReasonView {
	out := make([]matchReasonView, 0, len(rs))
	for _, r := range rs {
		out = append(out, matchReasonView{Key: r.Key, Text: w.text(r), Points: r.Points})
	}
	return out
}

func (w matchWords) suggestion(sg domain.MatchSuggestion) matchSuggestionView {
	v := matchSuggestionView{MentorID: sg.MentorID, MentorName: sg.MentorName, Score: sg.Score, Eligible: sg.Eligible,
		FreeCapacity: sg.FreeCapacity, Reasons: w.reasons(sg.Reasons), Blockers: make([]matchBlockerView, 0, len(sg.Blockers))}
	for _, b := range sg.Blockers {
		v.Blockers = append(v.Blockers, matchBlockerView{Key: b.Key, Text: w.text(b)})
	}
	return v
}

func (w matchWords) proposal(a *service.Assignment) matchProposalView {
	v := matchProposalView{Pairs: make([]matchPairView, 0, len(a.Pairs)), Unassigned: make([]matchUnassignedView, 0, len(a.Unassigned)),
		TotalScore: a.TotalScore}
	for _, p := range a.Pairs {
		v.Pairs = append(v.Pairs, matchPairView{ApplicationID: p.Application.ID, ApplicantName: p.Application.Applicant.Name,
			MentorID: p.Suggestion.MentorID, MentorName: p.Suggestion.MentorName, Score: p.Suggestion.Score,
			Reasons: w.reasons(p.Suggestion.Reasons)})
	}
	for _, app := range a.Unassigned {
		v.Unassigned = append(v.Unassigned, matchUnassignedView{ApplicationID: app.ID, ApplicantName: app.Applicant.Name})
	}
	return v
}

// pairBody is an accepted application and the mentor to match it with.
// Ids are read as text, so that a missing or bad one is named as a field.
type pairBody struct {
	ApplicationID string `json:"application_id"`
	MentorID      string `json:"mentor_id"`
}

// request reads the pair's ids, naming each field under prefix.
func (b pairBody) request(p *domain.Problems, prefix string) service.MatchRequest {
	return service.MatchRequest{ApplicationID: requiredID(p, prefix+"application_id", b.ApplicationID),
		MentorID: requiredID(p, prefix+"mentor_id", b.MentorID)}
}

// requiredID reads an id of a body, naming field when it is missing or
// not a UUID.
func requiredID(p *domain.Problems, field, v string) domain.ID {
	if v == "" {
		p.Add(field, "validation.required", nil)
		return domain.ID{}
	}
	id, err := domain.ParseID(v)
	if err != nil {
		p.Add(field, "validation.id", nil)
	}
	return id
}
