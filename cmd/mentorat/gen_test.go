package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

func TestGenFillsTheDatabaseAndPrintsThePassword(t *testing.T) {
	db := testkit.NewDatabase(t)
	env := map[string]string{"MENTORAT_DATABASE_URL": db.URL, "MENTORAT_MIGRATE_DATABASE_URL": db.MigrateURL,
		"MENTORAT_REDIS_URL": testkit.RedisURL(), "MENTORAT_LOG_LEVEL": "error"}
	code, out, stderr := runCmd(t, env, "gen", "--alliances", "2", "--entrepreneurs-per-alliance", "30", "--seed", "5",
		"--matched-share", "0.5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"generated 2 alliances, gen-5-1 to gen-5-2", "applications", "sessions", "peer sessions",
		"rows in all", "rows/s", "admin.1@gen-5-1.example"} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`(?m)^  applications +60$`).MatchString(out) {
		t.Errorf("the summary does not count 60 applications:\n%s", out)
	}
	if regexp.MustCompile(`(?m)^  mentorships +[0-9]$`).MatchString(out) {
		t.Errorf("half of 60 applications matched gave fewer than ten mentorships:\n%s", out)
	}
	password := regexp.MustCompile(`the password (\S+)`).FindStringSubmatch(out)
	if password == nil {
		t.Fatalf("no password in\n%s", out)
	}
	ctx := context.Background()
	app, err := store.Open(ctx, db.URL, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	for _, email := range []string{"admin.1@gen-5-2.example", "mentor.3@gen-5-1.example"} {
		err = app.InPlatform(ctx, func(tx *store.Tx) error {
			_, hash, err := tx.UserByEmail(ctx, email)
			if err == nil && !auth.CheckPassword(password[1], hash) {
				t.Errorf("the printed password does not open %s", email)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	code, _, stderr = runCmd(t, env, "gen", "--alliances", "1", "--entrepreneurs-per-alliance", "30", "--seed", "5")
	if code != 2 || !strings.HasPrefix(stderr, "mentorat: --seed 5: gen-5-1:") {
		t.Fatalf("the same seed again: exit %d, %q; want exit 2 naming --seed", code, stderr)
	}
}

func TestGenRefusesABadCommandLineWithOneLine(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"gen"}, "--alliances:"},
		{[]string{"gen", "--alliances", "2"}, "--entrepreneurs-per-alliance:"},
		{[]string{"gen", "--alliances", "0", "--entrepreneurs-per-alliance", "5"}, "--alliances:"},
		{[]string{"gen", "--alliances", "1", "--entrepreneurs-per-alliance", "100001"}, "--entrepreneurs-per-alliance:"},
		{[]string{"gen", "--alliances", "1", "--entrepreneurs-per-alliance", "5", "--seed", "-1"}, "-seed"},
		{[]string{"gen", "--alliances", "1", "--entrepreneurs-per-alliance", "5", "--matched-share", "0"}, "--matched-share:"},
		{[]string{"gen", "--alliances", "1", "--entrepreneurs-per-alliance", "5", "--matched-share", "1.5"}, "--matched-share:"},
		{[]string{"gen", "--alliances", "1", "--entrepreneurs-per-alliance", "5", "--matched-share", "NaN"}, "--matched-share:"},
		{[]string{"gen", "--alliances", "many"}, "-alliances"},
		{[]string{"gen", "--fast"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		code, _, stderr := runCmd(t, nil, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", tc.args, code, stderr, tc.want)
		}
	}
}
