package service_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func TestApplyingRefusesBadInputAndWritesNothing(t *testing.T) {
	e := newPipelineEnv(t, "candidatures-erreurs")
	closed := e.newCohort("Bamako 2026", "Bamako", 10)
	closed.ApplicationsOpen = false
	if err := e.cohorts.Update(e.ctx, e.as(e.coord), closed); err != nil {
		t.Fatal(err)
	}
	past := e.newCohort("Sikasso 2027", "Sikasso", 10)
	yesterday := domain.Day(e.now.AddDate(0, 0, -1))
	past.ClosesOn = &yesterday
	if err := e.cohorts.Update(e.ctx, e.as(e.coord), past); err != nil {
		t.Fatal(err)
	}
	// Another alliance, with its own open cohort.
	other := e.signup("ali@autre.example.org", "Ali", domain.French)
	otherAlliance := e.createAlliance(other, "autre-alliance", domain.French)
	foreign := &domain.Cohort{Name: "Ailleurs", City: "Kayes", StartsOn: e.cohort.StartsOn, EndsOn: e.cohort.EndsOn, Capacity: 5, ApplicationsOpen: true}
	if err := e.cohorts.Create(e.ctx, e.caller(other, otherAlliance), foreign); err != nil {
		t.Fatal(err)
	}
	if _, err := e.apply(e.form("Awa Traoré", "awa.traore@example.org")); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		change func(*domain.ApplicationForm)
		code   domain.Code
		field  string
		key    string
	}{
		{"a closed cohort", func(f *domain.ApplicationForm) { f.CohortID = closed.ID }, domain.CodeConflict, "", "error.application.cohort_closed"},
		{"a cohort past its closing date", func(f *domain.ApplicationForm) { f.CohortID = past.ID }, domain.CodeConflict, "", "error.application.cohort_closed"},
		{"another alliance's cohort", func(f *domain.ApplicationForm) { f.CohortID = foreign.ID }, domain.CodeInvalid, "cohort_id", "validation.cohort_unknown"},
		{"an unknown cohort", func(f *domain.ApplicationForm) { f.CohortID = domain.NewID() }, domain.CodeInvalid, "cohort_id", "validation.cohort_unknown"},
		{"a birth year in the future", func(f *domain.ApplicationForm) { f.Applicant.BirthYear = e.now.Year() + 1 }, domain.CodeInvalid, "applicant.birth_year", "validation.range"},
		{"born in 1850", func(f *domain.ApplicationForm) { f.Applicant.BirthYear = 1850 }, domain.CodeInvalid, "applicant.birth_year", "validation.range"},
		{"an unknown gender", func(f *domain.ApplicationForm) { f.Applicant.Gender = "femme" }, domain.CodeInvalid, "applicant.gender", "validation.one_of"},
		{"a 100,000-character motivation", func(f *domain.ApplicationForm) { f.Motivation = strings.Repeat("m", 100_000) }, domain.CodeInvalid, "motivation", "validation.too_long"},
		{"an invalid e-mail and no phone", func(f *domain.ApplicationForm) { f.Applicant.Email, f.Applicant.Phone = "awa@", "" }, domain.CodeInvalid, "applicant.email", "validation.email"},
		{"neither e-mail nor phone", func(f *domain.ApplicationForm) { f.Applicant.Email, f.Applicant.Phone = "", "" }, domain.CodeInvalid, "applicant.email", "validation.email_or_phone"},
		{"a phone of letters", func(f *domain.ApplicationForm) { f.Applicant.Phone = "soixante-dix" }, domain.CodeInvalid, "applicant.phone", "validation.phone"},
		{"an unknown sector", func(f *domain.ApplicationForm) { f.Business.Sector = "mining" }, domain.CodeInvalid, "business.sector", "validation.one_of"},
		{"negative employees", func(f *domain.ApplicationForm) { f.Business.Employees = -1 }, domain.CodeInvalid, "business.employees", "validation.range"},
		{"no goals", func(f *domain.ApplicationForm) { f.Goals = " " }, domain.CodeInvalid, "goals", "validation.required"},
		{"an unknown language", func(f *domain.ApplicationForm) { f.Locale = "bm" }, domain.CodeInvalid, "locale", "validation.locale"},
		{"the same e-mail twice", func(f *domain.ApplicationForm) { f.Applicant.Phone = "" }, domain.CodeConflict, "", "error.application.duplicate"},
		{"the same phone twice", func(f *domain.ApplicationForm) { f.Applicant.Email = "autre@example.org" }, domain.CodeConflict, "", "error.application.duplicate"},
	}
	apps, users, audit, mails := e.count(&e.alliance.ID, "applications"), e.count(nil, "users"), e.count(&e.alliance.ID, "audit_log"), len(e.mails())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := e.form("Mariam Diallo", "awa.traore@example.org")
			tc.change(&f)
			if tc.code != domain.CodeConflict || tc.key != "error.application.duplicate" {
				f.Applicant.Email = strings.Replace(f.Applicant.Email, "awa.traore", "mariam", 1)
				if f.Applicant.Phone == "+223 70 12 34 56" {
					f.Applicant.Phone = "+223 76 00 00 01"
				}
			}
			_, err := e.apply(f)
			if tc.field != "" {
				wantError(t, err, tc.code, "")
			} else {
				wantError(t, err, tc.code, tc.key)
			}
			if tc.field != "" {
				if got := fieldKeys(err)[tc.field]; got != tc.key {
					t.Errorf("field %s: %q, want %q (%v)", tc.field, got, tc.key, err)
				}
			}
		})
	}
	if n := e.count(&e.alliance.ID, "applications"); n != apps {
		t.Errorf("%d applications after bad input, want %d", n, apps)
	}
	if n := e.count(nil, "users"); n != users {
		t.Errorf("%d accounts after bad input, want %d", n, users)
	}
	if n := e.count(&e.alliance.ID, "audit_log"); n != audit {
		t.Errorf("%d audit entries after bad input, want %d", n, audit)
	}
	if n := len(e.mails()); n != mails {
		t.Errorf("%d mails after bad input, want %d", n, mails)
	}
}

func TestApplyingOpensOrLinksAnAccountAndSendsTheFollowLink(t *testing.T) {
	e := newPipelineEnv(t, "candidatures")
	known := e.signup("kadia@example.org", "Kadia", domain.English)
	s, err := e.apply(e.form("  Kadia Coulibaly ", "KADIA@example.org"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Application.UserID != known.ID {
		t.Errorf("the application is linked to %v, want the existing account %v", s.Application.UserID, known.ID)
	}
	f := e.form("Oumou Sangaré", "oumou@example.org")
	f.Applicant.Phone = ""
	f.Locale = domain.English
	fresh, err := e.apply(f)
	if err != nil {
		t.Fatal(err)
	}
	if fresh.Application.UserID == (domain.ID{}) {
		t.Fatal("no account opened for a new e-mail")
	}
	if _, _, err := e.accounts.Login(e.ctx, "oumou@example.org", "", "session", "test", e.svcEnv.ip()); err == nil {
		t.Error("an account opened by an application signs in with no password")
	}
	got := e.mailsTo("oumou@example.org")
	if len(got) != 1 || !strings.Contains(got[0], "received your application") {
		t.Errorf("mails to the applicant: %q, want one in English", got)
	}
	token := fresh.FollowLink[strings.LastIndex(fresh.FollowLink, "/")+1:]
	d, err := e.apps.Follow(e.ctx, e.alliance, token)
	if err != nil || d.ID != fresh.Application.ID || d.Status != domain.AppSubmitted || len(d.Events) != 1 {
		t.Errorf("follow: %+v, %v", d, err)
	}
	if _, err := e.apps.Follow(e.ctx, e.alliance, token+"x"); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("a wrong follow token: %v", err)
	}
	phoneOnly := e.form("Fatoumata Keita", "")
	phoneOnly.Applicant.Phone = "+223 66 55 44 33"
	if s, err := e.apply(phoneOnly); err != nil || s.Application.UserID != (domain.ID{}) {
		t.Errorf("an application by phone only: %+v, %v", s, err)
	}
	// The applicant reads their own; another member does not.
	applicant := e.applicant(known.ID, known.Name)
	if _, err := e.apps.Get(e.ctx, applicant, s.Application.ID, false); err != nil {
		t.Errorf("the applicant reads their application: %v", err)
	}
	if _, err := e.apps.Get(e.ctx, e.as(e.mentor), s.Application.ID, false); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("a mentor reads someone's application: %v", err)
	}
	mine, err := e.apps.Mine(e.ctx, applicant)
	if err != nil || len(mine) != 1 {
		t.Errorf("the applicant's own list: %v, %v", mine, err)
	}
}

func TestApplicationsMoveAlongTheStateMachineOnly(t *testing.T) {
	e := newPipelineEnv(t, "pipeline")
	cases := []struct {
		from    domain.ApplicationStatus
		to      domain.ApplicationStatus
		allowed bool
	}{
		{domain.AppSubmitted, domain.AppScreening, true},
		{domain.AppSubmitted, domain.AppAccepted, false},
		{domain.AppSubmitted, domain.AppMatched, false},
		{domain.AppScreening, domain.AppInterview, true},
		{domain.AppScreening, domain.AppSubmitted, false},
		{domain.AppInterview, domain.AppAccepted, true},
		{domain.AppInterview, domain.AppWaitlisted, true},
		{domain.AppInterview, domain.AppRejected, true},
		{domain.AppWaitlisted, domain.AppAccepted, true},
		{domain.AppWaitlisted, domain.AppRejected, true},
		{domain.AppRejected, domain.AppAccepted, false},
		{domain.AppAccepted, domain.AppRejected, false},
		{domain.AppAccepted, domain.AppWithdrawn, false},
	}
	big := e.newCohort("Grande cohorte", "Ségou", 100)
	for i, tc := range cases {
		t.Run(string(tc.from)+" to "+string(tc.to), func(t *testing.T) {
			e.cohort = big
			app := e.applied("candidate"+strings.Repeat("x", i), tc.from)
			events := e.count(&e.alliance.ID, "application_events")
			got, err := e.apps.Move(e.ctx, e.as(e.coord), app.ID, tc.to, "entretien réussi")
			if tc.allowed {
				if err != nil || got.Status != tc.to {
					t.Fatalf("move: %v", err)
				}
				return
			}
			de := wantError(t, err, domain.CodeConflict, "error.application.move_refused")
			var want []string
			for _, st := range domain.AllowedMoves(tc.from) {
				want = append(want, string(st))
			}
			if !slices.Equal(de.Allowed, want) {
				t.Errorf("allowed %v, want %v", de.Allowed, want)
			}
			if n := e.count(&e.alliance.ID, "application_events"); n != events {
				t.Errorf("a refused move wrote history")
			}
		})
	}
	app := e.applied("inconnue", domain.AppSubmitted)
	if _, err := e.apps.Move(e.ctx, e.as(e.coord), app.ID, "hired", ""); fieldKeys(err)["to"] != "validation.one_of" {
		t.Errorf("a move to an unknown status: %v", err)
	}
}

func TestDecisionsAreKeptInHistoryAndMailedInTheApplicantsWords(t *testing.T) {
	e := newPipelineEnv(t, "decisions")
	f := e.form("Rokia", "rokia@example.org")
	f.Locale = domain.English
	s, err := e.apply(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.messages.Save(e.ctx, e.as(e.admin), service.Message{Key: "decision.accepted", Locale: domain.English,
		Subject: "Welcome to {cohort}, {name}!", Body: "Dear {name}, you are in."}); err != nil {
		t.Fatal(err)
	}
	if err := e.messages.Save(e.ctx, e.as(e.admin), service.Message{Key: "decision.hired", Locale: domain.English,
		Subject: "x", Body: "y"}); fieldKeys(err)["key"] != "validation.one_of" {
		t.Errorf("an unknown message: %v", err)
	}
	for _, st := range []domain.ApplicationStatus{domain.AppScreening, domain.AppInterview, domain.AppAccepted} {
		if _, err := e.apps.Move(e.ctx, e.as(e.coord), s.Application.ID, st, "note "+string(st)); err != nil {
			t.Fatal(err)
		}
	}
	got := e.mailsTo("rokia@example.org")
	if len(got) != 2 || got[1] != "Welcome to Ségou 2027, Rokia!" {
		t.Errorf("mails to the applicant: %q; want the receipt and the alliance's own acceptance", got)
	}
	d, err := e.apps.Get(e.ctx, e.as(e.coord), s.Application.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	var moves []string
	for _, ev := range d.Events {
		moves = append(moves, string(ev.From)+">"+string(ev.To)+":"+ev.ActorName+":"+ev.Note)
	}
	want := []string{">submitted:Rokia:", "submitted>screening:Binta:note screening", "screening>interview:Binta:note interview", "interview>accepted:Binta:note accepted"}
	if !slices.Equal(moves, want) {
		t.Errorf("history %q, want %q", moves, want)
	}
	mine, err := e.apps.Get(e.ctx, e.applicant(s.Application.UserID, "Rokia"), s.Application.ID, false)
	if err == nil && mine.Events[1].Note != "" {
		t.Error("the applicant reads the screeners' notes")
	}
	score := 4
	if _, err := e.apps.AddNote(e.ctx, e.as(e.coord), s.Application.ID, domain.ApplicationNote{Text: "Projet solide", Score: &score}); err != nil {
		t.Fatal(err)
	}
	bad := 6
	if _, err := e.apps.AddNote(e.ctx, e.as(e.coord), s.Application.ID, domain.ApplicationNote{Score: &bad}); fieldKeys(err)["score"] != "validation.range" {
		t.Errorf("a score of 6: %v", err)
	}
	if d, _ = e.apps.Get(e.ctx, e.as(e.coord), s.Application.ID, true); d.ScoreAvg == nil || *d.ScoreAvg != 4 || len(d.Notes) != 1 {
		t.Errorf("after a note: score %v, notes %d", d.ScoreAvg, len(d.Notes))
	}
}

func TestAFullCohortAndBulkMovesChangeNothingWhenRefused(t *testing.T) {
	e := newPipelineEnv(t, "capacite")
	var ids []domain.ID
	for _, name := range []string{"a", "b", "c", "d"} {
		ids = append(ids, e.applied("cand-"+name, domain.AppInterview).ID)
	}
	if _, err := e.apps.MoveMany(e.ctx, e.as(e.coord), ids, domain.AppAccepted, ""); err == nil {
		t.Fatal("accepting 4 into 3 places: no error")
	} else {
		wantError(t, err, domain.CodeConflict, "error.cohort.full")
	}
	if _, err := e.apps.MoveMany(e.ctx, e.as(e.coord), ids[:3], domain.AppAccepted, "jury du 2 novembre"); err != nil {
		t.Fatal(err)
	}
	_, err := e.apps.Move(e.ctx, e.as(e.coord), ids[3], domain.AppAccepted, "")
	wantError(t, err, domain.CodeConflict, "error.cohort.full")
	waiting := e.applied("cand-e", domain.AppSubmitted)
	events := e.count(&e.alliance.ID, "application_events")
	_, err = e.apps.MoveMany(e.ctx, e.as(e.coord), []domain.ID{waiting.ID, ids[3]}, domain.AppScreening, "")
	de := wantError(t, err, domain.CodeConflict, "error.application.moves_refused")
	if len(de.Fields) != 1 || !strings.Contains(de.Fields[0].Args["id"].(string), ids[3].String()) {
		t.Errorf("the refusal names %v, want the interview one", de.Fields)
	}
	if n := e.count(&e.alliance.ID, "application_events"); n != events {
		t.Error("a refused bulk move moved some")
	}
	if d, _ := e.apps.Get(e.ctx, e.as(e.coord), waiting.ID, true); d.Status != domain.AppSubmitted {
		t.Errorf("the movable one moved: %s", d.Status)
	}
	e.cohort.Capacity = 2
	if err := e.cohorts.Update(e.ctx, e.as(e.coord), e.cohort); fieldKeys(err)["capacity"] != "validation.capacity_below_taken" {
		t.Errorf("a capacity below the places taken: %v", err)
	}
	board, err := e.apps.Board(e.ctx, e.as(e.coord), e.cohort.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	totals := map[domain.ApplicationStatus]int{}
	for _, col := range board {
		totals[col.Status] = col.Total
	}
	if totals[domain.AppAccepted] != 3 || totals[domain.AppInterview] != 1 || totals[domain.AppSubmitted] != 1 {
		t.Errorf("board totals %v", totals)
	}
	list, total, err := e.apps.List(e.ctx, e.as(e.coord), service.PipelineQuery{Text: "CAND-A", Status: []domain.ApplicationStatus{domain.AppAccepted}})
	if err != nil || total != 1 || list[0].Applicant.Name != "cand-a" {
		t.Errorf("filtered list: %v %d %v", list, total, err)
	}
	// The applicant withdraws while still screened, not after.
	w := e.applied("retrait", domain.AppScreening)
	me := e.applicant(w.UserID, "retrait")
	if got, err := e.apps.Withdraw(e.ctx, me, w.ID); err != nil || got.Status != domain.AppWithdrawn {
		t.Errorf("withdraw: %v", err)
	}
	_, err = e.apps.Withdraw(e.ctx, me, w.ID)
	wantError(t, err, domain.CodeConflict, "error.application.not_withdrawable")
}
