package testkit

import (
	"io"
	"log/slog"
	"os"
	"testing"
)

// Logger gives a logger that writes to stderr under `go test -v` with
// MENTORAT_TEST_LOG=1, and nowhere otherwise.
func Logger(t testing.TB) *slog.Logger {
	t.Helper()
	if os.Getenv("MENTORAT_TEST_LOG") == "1" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
