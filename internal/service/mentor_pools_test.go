package service_test

import (
	"sync"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// The ranking keeps each alliance's mentors in memory: every change that
// matching weighs must show in the very next ranking, whether a use case
// or any other writer makes it.
func TestSuggestionsFollowEveryChangeAtOnce(t *testing.T) {
	e := newPipelineEnv(t, "viviers")
	e.cohort = e.newCohort("Bamako 2027", "Bamako", 10)
	e.acceptCharter(e.mentor)
	e.exec(&e.alliance.ID, "UPDATE members SET capacity = 3 WHERE user_id = ?", e.mentor.ID)
	app := e.applied("vivier-a", domain.AppAccepted)
	other := e.applied("vivier-b", domain.AppAccepted)
	var ended domain.ID
	steps := []struct {
		name   string
		change func()
		check  func(sg *domain.MatchSuggestion) string
	}{
		{"as first read", func() {}, func(sg *domain.MatchSuggestion) string {
			return want(sg != nil && sg.Eligible && sg.FreeCapacity == 3, "eligible with 3 free places")
		}},
		{"a match takes a place", func() {
			m, err := e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: other.ID, MentorID: e.mentor.ID}, false)
			if err != nil {
				t.Fatal(err)
			}
			ended = m.ID
		}, func(sg *domain.MatchSuggestion) string {
			return want(sg != nil && sg.FreeCapacity == 2, "2 free places")
		}},
		{"the mentorship ends, by any writer", func() {
			e.exec(&e.alliance.ID, "UPDATE mentorships SET status = 'ended' WHERE id = ?", ended)
		}, func(sg *domain.MatchSuggestion) string {
			return want(sg != nil && sg.FreeCapacity == 3, "3 free places again")
		}},
		{"the capacity changes", func() {
			e.exec(&e.alliance.ID, "UPDATE members SET capacity = 5 WHERE user_id = ?", e.mentor.ID)
		}, func(sg *domain.MatchSuggestion) string {
			return want(sg != nil && sg.FreeCapacity == 5, "5 free places")
		}},
		{"a new charter is published", func() {
			v, err := e.charters.Draft(e.ctx, e.as(e.admin), map[domain.Locale]string{domain.French: "# Charte, deuxième version"})
			if err == nil {
				_, err = e.charters.Publish(e.ctx, e.as(e.admin), v.Version)
			}
			if err != nil {
				t.Fatal(err)
			}
		}, func(sg *domain.MatchSuggestion) string {
			return want(sg != nil && !sg.Eligible, "ineligible until they accept it")
		}},
		{"the mentor accepts it", func() { e.acceptCharter(e.mentor) },
			func(sg *domain.MatchSuggestion) string { return want(sg != nil && sg.Eligible, "eligible again") }},
		{"the mentor's name changes", func() {
			e.exec(nil, "UPDATE users SET name = 'Moussa Traoré' WHERE id = ?", e.mentor.ID)
		}, func(sg *domain.MatchSuggestion) string {
			return want(sg != nil && sg.MentorName == "Moussa Traoré", "the new name")
		}},
		{"the mentor is suspended", func() {
			e.exec(&e.alliance.ID, "UPDATE members SET status = 'suspended' WHERE user_id = ?", e.mentor.ID)
		}, func(sg *domain.MatchSuggestion) string { return want(sg == nil, "no longer listed") }},
	}
	for _, step := range steps {
		step.change()
		got, err := e.matching.Suggestions(e.ctx, e.as(e.coord), app.ID)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		var mine *domain.MatchSuggestion
		for i := range got {
			if got[i].MentorID == e.mentor.ID {
				mine = &got[i]
			}
		}
		if problem := step.check(mine); problem != "" {
			t.Fatalf("%s: want %s, got %+v", step.name, problem, mine)
		}
	}
}

// want gives what was wanted when ok is false, and "" when it holds.
func want(ok bool, what string) string {
	if ok {
		return ""
	}
	return what
}

// Rankings read and refresh the kept pool from many requests at once
// while the pool changes; the last ranking shows the last change.
func TestSuggestionsUnderConcurrentChanges(t *testing.T) {
	e := newPipelineEnv(t, "viviers-concurrents")
	e.cohort = e.newCohort("Kayes 2027", "Kayes", 10)
	e.acceptCharter(e.mentor)
	app := e.applied("vivier-c", domain.AppAccepted)
	errs := make(chan error, 64)
	var readers sync.WaitGroup
	for range 4 {
		readers.Go(func() {
			for range 15 {
				if _, err := e.matching.Suggestions(e.ctx, e.as(e.coord), app.ID); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for capacity := 1; capacity <= 5; capacity++ {
		e.exec(&e.alliance.ID, "UPDATE members SET capacity = ? WHERE user_id = ?", capacity, e.mentor.ID)
	}
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := e.matching.Suggestions(e.ctx, e.as(e.coord), app.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range got {
		if sg.MentorID == e.mentor.ID && sg.FreeCapacity != 5 {
			t.Fatalf("%d free places after the last change, want 5", sg.FreeCapacity)
		}
	}
}
