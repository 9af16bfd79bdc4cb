package service_test

import (
	"slices"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestGuideEditionsAreAcknowledgedByMentors(t *testing.T) {
	e := newCommunityEnv(t, "guide")
	if _, _, err := e.guide.Acknowledge(e.ctx, e.as(e.mentor)); err == nil {
		t.Fatal("acknowledging before any edition: no error")
	} else {
		wantError(t, err, domain.CodeConflict, "error.guide.none_published")
	}

	before := len(e.mails())
	if _, err := e.guide.Publish(e.ctx, e.as(e.coord), " "); fieldKeys(err)["note"] != "validation.required" {
		t.Errorf("an edition without a note: %v", err)
	}
	if n := e.count(&e.alliance.ID, "guide_editions"); n != 0 {
		t.Errorf("%d editions after a refused one", n)
	}
	ed, err := e.guide.Publish(e.ctx, e.as(e.coord), "Première édition")
	if err != nil || ed.Edition != 1 {
		t.Fatalf("publish: %+v, %v", ed, err)
	}
	mailed := e.mails()[before:]
	var to []string
	for _, m := range mailed {
		to = append(to, m.To)
	}
	slices.Sort(to)
	if want := []string{e.mentor2.Email, e.mentor.Email}; !slices.Equal(to, want) {
		t.Errorf("mailed %v, want the two active mentors %v (not the suspended one, nor other roles)", to, want)
	}

	got, recorded, err := e.guide.Acknowledge(e.ctx, e.as(e.mentor))
	if err != nil || !recorded || got.Edition != 1 {
		t.Fatalf("acknowledge: %v %v %v", got, recorded, err)
	}
	if _, recorded, err := e.guide.Acknowledge(e.ctx, e.as(e.mentor)); err != nil || recorded {
		t.Errorf("acknowledging twice: recorded %v, %v; want nothing new", recorded, err)
	}
	if n := e.count(&e.alliance.ID, "guide_acknowledgements"); n != 1 {
		t.Errorf("%d acknowledgements, want 1", n)
	}
	status, err := e.guide.Current(e.ctx, e.as(e.mentor))
	if err != nil || status.Acknowledged == nil || status.Acknowledged.IP != "198.51.100.7" {
		t.Errorf("the mentor's status: %+v, %v", status, err)
	}
	readers, err := e.guide.Readers(e.ctx, e.as(e.coord))
	if err != nil {
		t.Fatal(err)
	}
	if len(readers.Acknowledged) != 1 || readers.Acknowledged[0].Name != "Moussa" {
		t.Errorf("acknowledged: %+v", readers.Acknowledged)
	}
	if len(readers.Pending) != 1 || readers.Pending[0].UserID != e.mentor2.ID {
		t.Errorf("pending: %+v, want Kadiatou alone", readers.Pending)
	}

	// The weekly reminder goes once to who has not acknowledged, however
	// many times it runs.
	before = len(e.mails())
	for range 2 {
		if err := e.guide.RemindAll(e.ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.mails()[before:]; len(got) != 0 {
		t.Errorf("reminders in the week of publication: %d, want none (the publication mail counts)", len(got))
	}

	// A new edition asks everyone again.
	if _, err := e.guide.Publish(e.ctx, e.as(e.admin), "Deuxième édition : un nouveau cas"); err != nil {
		t.Fatal(err)
	}
	status, err = e.guide.Current(e.ctx, e.as(e.mentor))
	if err != nil || status.Edition.Edition != 2 || status.Acknowledged != nil {
		t.Errorf("after a new edition: %+v, %v; want edition 2 not acknowledged", status, err)
	}
	if n := len(e.audit(e.alliance, domain.AuditGuidePublished)); n != 2 {
		t.Errorf("%d publications audited, want 2", n)
	}
}
