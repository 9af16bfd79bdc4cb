package app

import (
	"errors"
	"net"
	"os"
	"strconv"
)

// displayAddr shows a listening address as a visitor would type it: an
// unspecified host becomes localhost.
func displayAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return addr.String()
	}
	return net.JoinHostPort("localhost", strconv.Itoa(tcp.Port))
}

// unwrapSyscall keeps the system's reason (address already in use,
// permission denied) from a listen error.
func unwrapSyscall(err error) error {
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		return sys.Err
	}
	return err
}
