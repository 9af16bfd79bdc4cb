package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/testkit"
)

// runCmd runs one command line with the given environment.
func runCmd(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBadSettingsStopTheStartWithOneLine(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "m.db")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"bad address", map[string]string{"MENTORAT_ADDR": "nonsense"}, nil, 2, "MENTORAT_ADDR:"},
		{"port in use", map[string]string{"MENTORAT_ADDR": "PORT_IN_USE", "MENTORAT_DATABASE_URL": dbPath}, []string{"serve"}, 2, "address already in use"},
		{"bad redis url", map[string]string{"MENTORAT_REDIS_URL": "localhost"}, []string{"serve"}, 2, "MENTORAT_REDIS_URL:"},
		{"database unreachable", map[string]string{"MENTORAT_ADDR": "127.0.0.1:0", "MENTORAT_DATABASE_URL": "postgres://app@127.0.0.1:1/x", "MENTORAT_CONNECT_TIMEOUT": "500ms"}, []string{"serve"}, 1, "does not answer"},
		{"redis unreachable", map[string]string{"MENTORAT_ADDR": "127.0.0.1:0", "MENTORAT_DATABASE_URL": dbPath, "MENTORAT_REDIS_URL": "redis://127.0.0.1:1/0", "MENTORAT_CONNECT_TIMEOUT": "500ms"}, []string{"serve"}, 1, "Redis does not answer"},
		{"unknown command", nil, []string{"dance"}, 2, "unknown command"},
		{"unknown flag", nil, []string{"serve", "--fast"}, 2, "flag provided but not defined"},
		{"migrate without action", nil, []string{"migrate"}, 2, "usage: mentorat migrate"},
		{"import a missing folder", nil, []string{"tenants", "import", "/nonexistent"}, 2, "is not a folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env["MENTORAT_ADDR"] == "PORT_IN_USE" {
				srv := &http.Server{}
				addr := testkit.FreeAddr(t)
				tc.env["MENTORAT_ADDR"] = addr
				l := listen(t, addr)
				go func() { _ = srv.Serve(l) }()
				t.Cleanup(func() { _ = srv.Close() })
			}
			code, _, stderr := runCmd(t, tc.env, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.want)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 || strings.Contains(stderr, "goroutine") {
				t.Fatalf("want one line, got %q", stderr)
			}
		})
	}
}

func TestHelpListsTheVariables(t *testing.T) {
	code, out, _ := runCmd(t, nil, "serve", "--help")
	for _, want := range []string{"--no-workers", "--no-migrate", "MENTORAT_ADDR", "MENTORAT_DATABASE_URL", "MENTORAT_REDIS_URL", "MENTORAT_SMTP_URL"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %s", want)
		}
	}
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
}

func TestMigrateAndImportCommands(t *testing.T) {
	db := testkit.NewDatabase(t)
	env := map[string]string{"MENTORAT_DATABASE_URL": db.URL, "MENTORAT_MIGRATE_DATABASE_URL": db.MigrateURL}
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"migrate", "status"}, "0001_foundation\tpending"},
		{[]string{"migrate", "up"}, "applied: 0001_foundation, 0002_accounts"},
		{[]string{"migrate", "up"}, "up to date"},
		{[]string{"migrate", "status"}, "0 pending"},
		{[]string{"tenants", "import", "../../tenants/alliance-mali-mentors"}, "alliance alliance-mali-mentors created"},
		{[]string{"tenants", "import", "../../tenants/alliance-mali-mentors"}, "alliance alliance-mali-mentors updated"},
	}
	for _, s := range steps {
		code, out, stderr := runCmd(t, env, s.args...)
		if code != 0 || !strings.Contains(out, s.want) {
			t.Fatalf("%v: exit %d, out %q, err %q; want %q", s.args, code, out, stderr, s.want)
		}
	}
}

func TestServeStopsCleanlyWhenTold(t *testing.T) {
	db := testkit.NewDatabase(t)
	addr := testkit.FreeAddr(t)
	env := map[string]string{
		"MENTORAT_ADDR": addr, "MENTORAT_DATABASE_URL": db.URL, "MENTORAT_MIGRATE_DATABASE_URL": db.MigrateURL,
		"MENTORAT_REDIS_URL": testkit.RedisURL(), "MENTORAT_LOG_LEVEL": "error",
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		var out, errOut bytes.Buffer
		done <- run(ctx, []string{"serve", "--demo"}, func(k string) string { return env[k] }, &out, &errOut)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the product never became ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel() // what SIGTERM does through signal.NotifyContext
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d after a clean stop", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the product did not stop")
	}
}

func listen(t *testing.T, addr string) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
