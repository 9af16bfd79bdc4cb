package testkit

import (
	"fmt"
	"go/build"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// EnvStripeMock names the stripe-mock binary the tests start; unset, it is
// looked for on the PATH, then in GOPATH/bin where `go install
// github.com/stripe/stripe-mock@v0.203.0` puts it.
const EnvStripeMock = "MENTORAT_TEST_STRIPE_MOCK"

// StripeMock starts a stripe-mock for the test, listening on loopback
// only (both its HTTP and HTTPS ports), and gives the address of its HTTP
// API; it is stopped at the end of the test. Without stripe-mock the test
// is skipped, except under CI=true where it fails.
func StripeMock(t testing.TB) string {
	t.Helper()
	bin := stripeMockBinary()
	if bin == "" {
		needStripeMock(t, "stripe-mock not found: set "+EnvStripeMock+" or go install github.com/stripe/stripe-mock@v0.203.0")
	}
	var last string
	// The free ports may be taken between their choice and the start: a
	// few tries.
	for range 3 {
		addr, out, err := startStripeMock(t, bin)
		if err == nil {
			return "http://" + addr
		}
		last = err.Error() + ": " + out
	}
	needStripeMock(t, "stripe-mock did not start: "+last)
	return ""
}

// startStripeMock runs one stripe-mock on free loopback ports and waits
// until it answers.
func startStripeMock(t testing.TB, bin string) (addr, output string, err error) {
	httpAddr, httpsAddr := FreeAddr(t), FreeAddr(t)
	var out LogBuffer
	cmd := exec.Command(bin, "-http-addr", httpAddr, "-https-addr", httpsAddr)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", "", err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		conn, dialErr := net.DialTimeout("tcp", httpAddr, 200*time.Millisecond)
		if dialErr == nil {
			_ = conn.Close()
			t.Cleanup(func() {
				_ = cmd.Process.Kill()
				<-exited
			})
			return httpAddr, "", nil
		}
		select {
		case err := <-exited:
			return "", out.String(), fmt.Errorf("stripe-mock exited: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-exited
			return "", out.String(), dialErr
		}
	}
}

// stripeMockBinary finds the stripe-mock to run, or gives "".
func stripeMockBinary() string {
	if p := os.Getenv(EnvStripeMock); p != "" {
		return p
	}
	if p, err := exec.LookPath("stripe-mock"); err == nil {
		return p
	}
	p := filepath.Join(build.Default.GOPATH, "bin", "stripe-mock")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// needStripeMock skips the test, or fails it under CI=true, where
// stripe-mock must be there.
func needStripeMock(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}
