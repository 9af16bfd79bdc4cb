package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// loopbackHosts are the only hosts the load command drives: it must never
// be turned on someone else's server.
var loopbackHosts = []string{"127.0.0.1", "::1", "localhost"}

// checkTarget accepts an http:// or https:// URL of this machine's
// loopback interface, and nothing else.
func checkTarget(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http:// or https:// URL", raw)
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range loopbackHosts {
		if host == h {
			return u, nil
		}
	}
	return nil, fmt.Errorf("%q is not on this machine: only 127.0.0.1, ::1 and localhost may be driven", u.Host)
}

// errNotLoopback is a connection refused because its address is off the
// loopback interface.
var errNotLoopback = errors.New("not a loopback address")

// dialLoopbackOnly refuses, as a dialer's Control, any connection to an
// address off the loopback interface: localhost could resolve elsewhere.
func dialLoopbackOnly(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing to connect to %s: %w", address, errNotLoopback)
	}
	return nil
}
