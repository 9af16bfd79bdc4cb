package service_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

func TestThePeopleExportNamesEntrepreneursAndNeverANote(t *testing.T) {
	e := newJourneyEnv(t, "rapports-personnes")
	reports := &service.Reports{DB: e.db}
	const private, shared, comment = "PRIVE-Elle hésite", "PARTAGE-Bonne séance", "AVIS-Très utile"
	for n := 1; n <= 2; n++ {
		_, err := e.journey.Log(e.ctx, e.as(e.mentor), e.mentorship.ID, n, domain.SessionLog{HeldOn: e.now, DurationMinutes: 60,
			Obstacles: []domain.Obstacle{{Kind: domain.ObstaclePersonal, Text: "OBSTACLE-Dire non"}}, SharedNotes: shared, PrivateNotes: private,
			Actions: []domain.ActionInput{{Text: "ACTION-Tenir la caisse", Owner: domain.OwnerEntrepreneur}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.journey.Rate(e.ctx, e.entrepreneur, e.mentorship.ID, 1, domain.Feedback{Rating: 5, Comment: comment}); err != nil {
		t.Fatal(err)
	}
	audit := e.count(&e.alliance.ID, "audit_log")
	rows, err := reports.People(e.ctx, e.as(e.admin), store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Name != "Safiatou" || rows[0].Email != e.entEmail || rows[0].Mentor != e.mentor.Name ||
		rows[0].SessionsHeld != 2 || rows[0].SessionsPlanned != 12 || rows[0].Status != string(domain.MentorshipActive) ||
		rows[0].EndRevenueBand != nil || rows[0].WouldRecommend != nil {
		t.Fatalf("rows %+v", rows)
	}
	// No field of any row holds a note, an obstacle, an action or a
	// comment.
	v := reflect.ValueOf(rows[0])
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				continue
			}
			f = f.Elem()
		}
		if f.Kind() != reflect.String {
			continue
		}
		for _, secret := range []string{private, shared, comment, "OBSTACLE-", "ACTION-"} {
			if strings.Contains(f.String(), secret) {
				t.Errorf("%s holds %q", v.Type().Field(i).Name, secret)
			}
		}
	}
	if n := e.count(&e.alliance.ID, "audit_log"); n != audit+1 {
		t.Errorf("the export was audited %d times", n-audit)
	}
	other := e.newCohort("Mopti 2027", "Mopti", 5)
	if none, err := reports.People(e.ctx, e.as(e.admin), store.ReportFilter{CohortID: &other.ID}); err != nil || len(none) != 0 {
		t.Errorf("another cohort: %+v, %v", none, err)
	}
}
