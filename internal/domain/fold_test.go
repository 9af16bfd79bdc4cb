package domain_test

import (
	"slices"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestFoldForSearch(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Séance", "seance"},
		{"CÔTE d’Ivoire", "cote d'ivoire"},
		{"Cœur", "coeur"},
		{"Ségou, Sikasso", "segou, sikasso"},
		{"naïve ÇA", "naive ca"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := domain.FoldForSearch(tc.in); got != tc.want {
			t.Errorf("FoldForSearch(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSearchWords(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"  Séance   séance première ", []string{"seance", "premiere"}},
		{"prise-en-main, l’écoute", []string{"prise-en-main", "l'ecoute"}},
		{"100% _ %", []string{"100"}},
		{"a b c d e f g h i j", []string{"a", "b", "c", "d", "e", "f", "g", "h"}},
		{"", nil},
	}
	for _, tc := range cases {
		if got := domain.SearchWords(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("SearchWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
	}{
		{"Qu’est-ce que le mentorat ?", 80, "qu-est-ce-que-le-mentorat"},
		{"  L’entrepreneur au centre  ", 80, "l-entrepreneur-au-centre"},
		{"Le parcours en 12 séances", 12, "le-parcours"},
		{"??", 80, ""},
	}
	for _, tc := range cases {
		if got := domain.Slugify(tc.in, tc.max); got != tc.want {
			t.Errorf("Slugify(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

func TestQuarterOf(t *testing.T) {
	cases := []struct {
		month time.Month
		want  string
	}{{time.January, "2026-Q1"}, {time.March, "2026-Q1"}, {time.April, "2026-Q2"}, {time.September, "2026-Q3"}, {time.December, "2026-Q4"}}
	for _, tc := range cases {
		if got := domain.QuarterOf(time.Date(2026, tc.month, 15, 0, 0, 0, 0, time.UTC)); got != tc.want {
			t.Errorf("QuarterOf(%s) = %s, want %s", tc.month, got, tc.want)
		}
	}
}
