package service_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func titles(rs []*domain.Resource) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Title
	}
	return out
}

func TestLibrarySearchFiltersAndVisibility(t *testing.T) {
	e := newCommunityEnv(t, "bibliotheque")
	guide := e.resource(domain.ResourceInput{Kind: domain.KindGuide, Locale: domain.French, Title: "La première séance",
		Body: "L’entrepreneur prépare l’ordre du jour de la séance.", Tags: []string{"Séances", "bases"}, ForEntrepreneurs: true})
	e.resource(domain.ResourceInput{Slug: guide.Slug, Kind: domain.KindGuide, Locale: domain.English, Title: "The first session",
		Body: "The entrepreneur prepares the agenda.", Tags: []string{"sessions"}, ForEntrepreneurs: true})
	caseText := e.resource(domain.ResourceInput{Kind: domain.KindCase, Locale: domain.French, Title: "Le mentor qui prenait la main",
		Body: "Un cas d’intervision : le mentor tient les comptes à la place de l’entrepreneuse.", Tags: []string{"prise-en-main"}})
	e.resource(domain.ResourceInput{Kind: domain.KindExercise, Locale: domain.French, Title: "Écoute active",
		Body: "Travail en binômes sur la reformulation.", Tags: []string{"ecoute", "bases"}})

	if guide.Slug != "la-premiere-seance" {
		t.Errorf("slug %q, want la-premiere-seance (made from the title, folded)", guide.Slug)
	}
	if !slices.Equal(guide.Tags, []string{"séances", "bases"}) {
		t.Errorf("tags %v, want lowercased", guide.Tags)
	}
	cases := []struct {
		name string
		who  *domain.User
		q    service.LibraryQuery
		want []string
	}{
		{"every text, by kind then title", e.mentor, service.LibraryQuery{},
			[]string{"La première séance", "The first session", "Écoute active", "Le mentor qui prenait la main"}},
		{"words without accents find accented text", e.mentor, service.LibraryQuery{Text: "seance PREMIERE"}, []string{"La première séance"}},
		{"every word must match", e.mentor, service.LibraryQuery{Text: "séance comptes"}, nil},
		{"words of the body", e.mentor, service.LibraryQuery{Text: "comptes"}, []string{"Le mentor qui prenait la main"}},
		{"by kind", e.mentor, service.LibraryQuery{Kind: domain.KindExercise}, []string{"Écoute active"}},
		{"by language", e.mentor, service.LibraryQuery{Locale: domain.English}, []string{"The first session"}},
		{"by tag", e.mentor, service.LibraryQuery{Tag: "bases"}, []string{"La première séance", "Écoute active"}},
		{"a tag is exact", e.mentor, service.LibraryQuery{Tag: "base"}, nil},
		{"entrepreneurs read their texts only", e.entrep, service.LibraryQuery{}, []string{"La première séance", "The first session"}},
		{"entrepreneurs search their texts only", e.entrep, service.LibraryQuery{Text: "mentor"}, nil},
		{"observers read everything", e.observer, service.LibraryQuery{Kind: domain.KindCase}, []string{"Le mentor qui prenait la main"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page, err := e.library.Search(e.ctx, e.as(tc.who), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := titles(page.Items); !slices.Equal(got, tc.want) {
				t.Errorf("found %q, want %q", got, tc.want)
			}
			if page.Total != len(tc.want) {
				t.Errorf("total %d, want %d", page.Total, len(tc.want))
			}
		})
	}
	page, err := e.library.Search(e.ctx, e.as(e.entrep), service.LibraryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(page.Tags, "prise-en-main") {
		t.Errorf("an entrepreneur sees the tags of texts they cannot read: %v", page.Tags)
	}

	r, translations, err := e.library.Resource(e.ctx, e.as(e.entrep), guide.ID)
	if err != nil || r.Title != guide.Title || len(translations) != 1 || translations[0].Locale != domain.English {
		t.Errorf("an entrepreneur reads the guide: %v, translations %v, %v", r, translations, err)
	}
	if _, _, err := e.library.Resource(e.ctx, e.as(e.entrep), caseText.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("an entrepreneur opens a mentors' case: %v, want not found", err)
	}
	if _, err := e.library.Search(e.ctx, e.as(e.mentor), service.LibraryQuery{Kind: "recipe"}); fieldKeys(err)["kind"] != "validation.one_of" {
		t.Errorf("search by an unknown kind: %v", err)
	}
}

func TestLibraryBadInputChangesNothing(t *testing.T) {
	e := newCommunityEnv(t, "bib-erreurs")
	first := e.resource(domain.ResourceInput{Kind: domain.KindGuide, Locale: domain.French, Title: "Les principes", Body: "Texte."})
	good := func() domain.ResourceInput {
		return domain.ResourceInput{Kind: domain.KindGuide, Locale: domain.French, Title: "Un autre texte", Body: "Du texte."}
	}
	cases := []struct {
		name   string
		change func(*domain.ResourceInput)
		code   domain.Code
		field  string
		key    string
	}{
		{"unknown locale", func(in *domain.ResourceInput) { in.Locale = "bm" }, domain.CodeInvalid, "locale", "validation.locale"},
		{"unknown kind", func(in *domain.ResourceInput) { in.Kind = "recipe" }, domain.CodeInvalid, "kind", "validation.one_of"},
		{"blank title", func(in *domain.ResourceInput) { in.Title = "   " }, domain.CodeInvalid, "title", "validation.required"},
		{"empty body", func(in *domain.ResourceInput) { in.Body = " \n " }, domain.CodeInvalid, "body_markdown", "validation.required"},
		{"a body over 200 KB", func(in *domain.ResourceInput) { in.Body = strings.Repeat("mentorat ", 30_000) }, domain.CodeInvalid, "body_markdown", "validation.too_large_text"},
		{"invalid UTF-8", func(in *domain.ResourceInput) { in.Body = "caf\xe9" }, domain.CodeInvalid, "body_markdown", "validation.utf8"},
		{"a tag with a slash", func(in *domain.ResourceInput) { in.Tags = []string{"a/b"} }, domain.CodeInvalid, "tags", "validation.tag"},
		{"too many tags", func(in *domain.ResourceInput) {
			for i := range 13 {
				in.Tags = append(in.Tags, strings.Repeat("t", i+1))
			}
		}, domain.CodeInvalid, "tags", "validation.max_items"},
		{"a bad slug", func(in *domain.ResourceInput) { in.Slug = "Les Principes" }, domain.CodeInvalid, "slug", "validation.slug"},
		{"a slug taken in this language", func(in *domain.ResourceInput) { in.Slug = first.Slug }, domain.CodeConflict, "slug", "validation.slug_taken"},
	}
	resources := e.count(&e.alliance.ID, "resources")
	audit := e.count(&e.alliance.ID, "audit_log")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := good()
			tc.change(&in)
			_, err := e.library.Create(e.ctx, e.as(e.coord), in)
			wantError(t, err, tc.code, "")
			if got := fieldKeys(err)[tc.field]; got != tc.key {
				t.Errorf("field %s: %q, want %q (%v)", tc.field, got, tc.key, err)
			}
			if tc.code == domain.CodeConflict {
				return // the text itself keeps its own slug
			}
			_, err = e.library.Update(e.ctx, e.as(e.coord), first.ID, in)
			wantError(t, err, tc.code, "")
		})
	}
	if n := e.count(&e.alliance.ID, "resources"); n != resources {
		t.Errorf("%d resources after bad input, want %d", n, resources)
	}
	if n := e.count(&e.alliance.ID, "audit_log"); n != audit {
		t.Errorf("%d audit entries after bad input, want %d", n, audit)
	}
	r, _, err := e.library.Resource(e.ctx, e.as(e.coord), first.ID)
	if err != nil || r.Title != "Les principes" || r.Body != "Texte." {
		t.Errorf("the text changed after bad updates: %+v, %v", r, err)
	}
	// The same slug in another language is a translation, not a clash.
	in := good()
	in.Slug, in.Locale = first.Slug, domain.English
	if _, err := e.library.Create(e.ctx, e.as(e.coord), in); err != nil {
		t.Errorf("a translation with the same slug: %v", err)
	}
}

func TestLibraryUpdateAndDelete(t *testing.T) {
	e := newCommunityEnv(t, "bib-edition")
	caseText := e.resource(domain.ResourceInput{Kind: domain.KindCase, Locale: domain.French, Title: "Un cas", Body: "Le récit."})
	other := e.resource(domain.ResourceInput{Kind: domain.KindExercise, Locale: domain.French, Title: "Un exercice", Body: "Les étapes."})
	in := domain.ResourceInput{Kind: domain.KindCase, Locale: domain.French, Title: "Un cas revu",
		Body: "Le récit, revu.", Tags: []string{"revu"}, ForEntrepreneurs: true}
	r, err := e.library.Update(e.ctx, e.as(e.admin), caseText.ID, in)
	if err != nil || r.Title != "Un cas revu" || !r.ForEntrepreneurs || r.CreatedAt.Sub(caseText.CreatedAt).Abs() > time.Millisecond {
		t.Fatalf("update: %+v, %v", r, err)
	}
	if r.Slug != caseText.Slug {
		t.Errorf("slug %q after a new title, want %q kept: it links the translations", r.Slug, caseText.Slug)
	}
	e.plan(e.now.Add(72*time.Hour), "Le cas revu", &caseText.ID, e.mentor)
	wantError(t, e.library.Delete(e.ctx, e.as(e.coord), caseText.ID), domain.CodeConflict, "error.resource.in_use")
	if err := e.library.Delete(e.ctx, e.as(e.coord), other.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.library.Resource(e.ctx, e.as(e.coord), other.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("a deleted text: %v", err)
	}
	for _, action := range []string{domain.AuditResourceCreated, domain.AuditResourceUpdated, domain.AuditResourceDeleted} {
		if len(e.audit(e.alliance, action)) == 0 {
			t.Errorf("no %s in the audit trail", action)
		}
	}
}

func TestTheDemoAlliancesGuideAndCohortsAreImported(t *testing.T) {
	e := newSvcEnv(t)
	tenants := &service.Tenants{DB: e.db}
	dir := os.DirFS("../../tenants/alliance-mali-mentors")
	a, _, err := tenants.Import(e.ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := tenants.Import(e.ctx, dir); err != nil {
		t.Fatalf("second import: %v", err)
	}
	lib := &service.Library{DB: e.db}
	all, err := lib.Search(e.ctx, service.Caller{Alliance: a, Member: &domain.Member{Roles: []domain.Role{domain.RoleMentor}}}, service.LibraryQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 22 {
		t.Errorf("%d texts after two imports, want 22 (11 in French and English)", all.Total)
	}
	kinds := map[domain.ResourceKind]int{}
	for _, r := range all.Items {
		kinds[r.Kind]++
		if strings.HasPrefix(r.Body, "# ") {
			t.Errorf("%s keeps its title in its body", r.Slug)
		}
	}
	want := map[domain.ResourceKind]int{domain.KindGuide: 8, domain.KindDosDonts: 2, domain.KindExercise: 6, domain.KindCase: 4, domain.KindRoleModel: 2}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d texts of kind %s, want %d", kinds[k], k, n)
		}
	}
	theirs, err := lib.Search(e.ctx, service.Caller{Alliance: a, Member: &domain.Member{Roles: []domain.Role{domain.RoleEntrepreneur}}}, service.LibraryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if theirs.Total != 4 {
		t.Errorf("entrepreneurs read %d texts, want 4 (two guides in two languages)", theirs.Total)
	}
	cohorts, err := (&service.Cohorts{DB: e.db}).List(e.ctx, service.Caller{Alliance: a})
	if err != nil {
		t.Fatal(err)
	}
	cities := map[string]int{}
	for _, co := range cohorts {
		cities[co.City]++
	}
	if len(cohorts) != 6 || cities["Bamako"] != 2 || cities["Sikasso"] != 2 || cities["Ségou"] != 2 {
		t.Errorf("demo cohorts after two imports: %d, by city %v", len(cohorts), cities)
	}
	g := &service.Guide{DB: e.db, Catalog: e.catalog}
	editions, err := g.Editions(e.ctx, service.Caller{Alliance: a})
	if err != nil || len(editions) != 1 || !strings.HasPrefix(editions[0].Note, "Première édition") {
		t.Errorf("guide editions after two imports: %v, %v; want the first, noted in French", editions, err)
	}
}
