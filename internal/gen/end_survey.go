package gen

import (
	"slices"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// revenueStepWeights are how many bands up an entrepreneur's revenue went
// by the end of their mentorship.
var revenueStepWeights = []weighted[int]{{0, 45}, {1, 40}, {2, 15}}

// endSurveys has each person of a mentorship over at answer the end
// survey with probability share, within three weeks: the entrepreneur
// (one with an account) with a revenue band equal or one or two bands up
// and a few more employees than they applied with, the mentor with what
// they saw change.
func (b *builder) endSurveys(j *journeyOf, at time.Time, share float64) {
	if e := j.entrepreneur(); e != nil && b.s.chance(share) {
		if submitted, ok := b.soonAfter(at.Add(time.Hour), 21*24*time.Hour); ok {
			biz := j.c.app.Business
			band := slices.Index(domain.RevenueBands, biz.RevenueBand) + pickWeighted(b.s, revenueStepWeights)
			employees := biz.Employees + b.s.between(0, 1+biz.Employees/4)
			b.d.surveys = append(b.d.surveys, domain.EndSurvey{MentorshipID: j.m.ID, RespondentID: *e, Side: "entrepreneur",
				WouldRecommend: b.s.chance(0.9), WhatChanged: b.whatChanged(entrepreneurChanges[j.loc]),
				RevenueBand: domain.RevenueBands[min(band, len(domain.RevenueBands)-1)], Employees: &employees, SubmittedAt: submitted})
		}
	}
	if b.s.chance(share) {
		if submitted, ok := b.soonAfter(at.Add(time.Hour), 21*24*time.Hour); ok {
			b.d.surveys = append(b.d.surveys, domain.EndSurvey{MentorshipID: j.m.ID, RespondentID: j.m.MentorID, Side: "mentor",
				WouldRecommend: b.s.chance(0.95), WhatChanged: b.whatChanged(mentorChanges[b.region.locale]),
				SubmittedAt: submitted})
		}
	}
}

// whatChanged gives one of phrases, or nothing for the three in ten who
// leave the answer empty.
func (b *builder) whatChanged(phrases []string) string {
	if b.s.chance(0.3) {
		return ""
	}
	return pick(b.s, phrases)
}
