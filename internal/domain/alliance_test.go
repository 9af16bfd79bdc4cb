package domain_test

import (
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
)

func validAlliance() domain.Alliance {
	return domain.Alliance{
		Slug: "alliance-mali-mentors", Name: "Alliance Mali Mentors", Country: "Mali",
		DefaultLocale: domain.French, Settings: domain.DefaultAllianceSettings(),
	}
}

func TestAllianceValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *domain.Alliance)
		fields []string
	}{
		{"valid", func(*domain.Alliance) {}, nil},
		{"uppercase slug", func(a *domain.Alliance) { a.Slug = "Alliance-Mali" }, []string{"slug"}},
		{"slash in slug", func(a *domain.Alliance) { a.Slug = "mali/mentors" }, []string{"slug"}},
		{"double hyphen", func(a *domain.Alliance) { a.Slug = "mali--mentors" }, []string{"slug"}},
		{"short slug", func(a *domain.Alliance) { a.Slug = "ab" }, []string{"slug"}},
		{"long slug", func(a *domain.Alliance) { a.Slug = strings.Repeat("a", 41) }, []string{"slug"}},
		{"reserved slug", func(a *domain.Alliance) { a.Slug = "admin" }, []string{"slug"}},
		{"empty name", func(a *domain.Alliance) { a.Name = "   " }, []string{"name"}},
		{"huge name", func(a *domain.Alliance) { a.Name = strings.Repeat("n", 10000) }, []string{"name"}},
		{"invalid utf-8", func(a *domain.Alliance) { a.Name = "Mali \xff" }, []string{"name"}},
		{"control character", func(a *domain.Alliance) { a.Country = "Ma\x00li" }, []string{"country"}},
		{"unknown locale", func(a *domain.Alliance) { a.DefaultLocale = "de" }, []string{"default_locale"}},
		{"sessions out of range", func(a *domain.Alliance) { a.Settings.SessionsPerMentorship = -1 }, []string{"settings.sessions_per_mentorship"}},
		{"unknown cadence", func(a *domain.Alliance) { a.Settings.Cadence = "daily" }, []string{"settings.cadence"}},
		{"about too long", func(a *domain.Alliance) { a.About = map[domain.Locale]string{domain.French: strings.Repeat("x", 2001)} }, []string{"about.fr"}},
		{"every field at once", func(a *domain.Alliance) { *a = domain.Alliance{} }, []string{"slug", "name", "country", "default_locale", "settings.sessions_per_mentorship", "settings.cadence", "settings.peer_coaching"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := validAlliance()
			tc.change(&a)
			err := a.Validate()
			var got []string
			if err != nil {
				de := domain.AsError(err)
				if de.Code != domain.CodeInvalid {
					t.Fatalf("code %s; want invalid", de.Code)
				}
				for _, f := range de.Fields {
					got = append(got, f.Field)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.fields, ",") {
				t.Fatalf("invalid fields %v; want %v", got, tc.fields)
			}
		})
	}
}

func FuzzAllianceValidate(f *testing.F) {
	f.Add("alliance-mali-mentors", "Alliance Mali Mentors", "Mali", "fr", 12, "monthly")
	f.Add("", "\xff", "\x00", "xx", -5, "")
	f.Fuzz(func(t *testing.T, slug, name, country, locale string, sessions int, cadence string) {
		a := domain.Alliance{Slug: slug, Name: name, Country: country, DefaultLocale: domain.Locale(locale),
			Settings: domain.AllianceSettings{SessionsPerMentorship: sessions, Cadence: cadence, PeerCoaching: "quarterly"}}
		err := a.Validate()
		if err != nil && domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("unexpected error code for %+v: %v", a, err)
		}
	})
}
