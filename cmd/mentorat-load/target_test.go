package main

import (
	"errors"
	"testing"
)

func TestOnlyTheLoopbackMayBeDriven(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://localhost:8080/", "https://LOCALHOST", "http://[::1]:8080"} {
		if _, err := checkTarget(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, refused := range []string{
		"http://10.0.0.5:8080", "http://example.org", "http://127.0.0.1.example.org", "http://localhost.example.org",
		"http://0.0.0.0:8080", "http://[::]:8080", "ftp://127.0.0.1", "127.0.0.1:8080", "http://", "http://user@192.168.1.1",
	} {
		if _, err := checkTarget(refused); err == nil {
			t.Errorf("%s accepted", refused)
		}
	}
}

func TestTheDialerConnectsToLoopbackAddressesOnly(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:8080", "[::1]:8080", "127.0.0.2:80"} {
		if err := dialLoopbackOnly("tcp", ok, nil); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, refused := range []string{"10.0.0.5:8080", "[2001:db8::1]:443", "0.0.0.0:8080"} {
		if err := dialLoopbackOnly("tcp", refused, nil); !errors.Is(err, errNotLoopback) {
			t.Errorf("%s: got %v, want it refused", refused, err)
		}
	}
}
