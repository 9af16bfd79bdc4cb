package mail_test

import (
	"context"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/mentorat/mentorat/internal/mail"
)

// inbox is an in-process SMTP server that keeps what it receives.
type inbox struct {
	mu       sync.Mutex
	from, to []string
	data     []string
}

func (b *inbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{b}, nil }

type session struct{ b *inbox }

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.from = append(s.b.from, from)
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.to = append(s.b.to, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	s.b.data = append(s.b.data, string(raw))
	return err
}

func startInbox(t *testing.T) (*inbox, string) {
	t.Helper()
	b := &inbox{}
	srv := smtp.NewServer(b)
	srv.Domain = "localhost"
	srv.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return b, l.Addr().String()
}

func TestSMTPSenderDeliversUTF8Mail(t *testing.T) {
	box, addr := startInbox(t)
	sender, err := mail.NewSMTPSender("smtp://"+addr, "Alliance Mali Mentors <no-reply@mentorat.local>")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	msg := mail.Message{To: "Aminata Traoré <aminata@example.org>", Subject: "Votre séance n° 3", Text: "Bonjour Aminata,\nÀ demain."}
	if err := sender.Send(ctx, msg); err != nil {
		t.Fatalf("send: %v", err)
	}
	box.mu.Lock()
	defer box.mu.Unlock()
	if len(box.data) != 1 || box.from[0] != "no-reply@mentorat.local" || box.to[0] != "aminata@example.org" {
		t.Fatalf("received from %v to %v, %d messages", box.from, box.to, len(box.data))
	}
	body := box.data[0]
	for _, want := range []string{"Subject: =?utf-8?q?Votre_s=C3=A9ance_n=C2=B0_3?=", "Content-Type: text/plain; charset=utf-8", "Bonjour Aminata,\r\nÀ demain."} {
		if !strings.Contains(body, want) {
			t.Errorf("message lacks %q:\n%s", want, body)
		}
	}
}

func TestSMTPSenderRefusesBadInput(t *testing.T) {
	tests := []struct {
		name, url, from, to string
	}{
		{"not smtp", "http://localhost:25", "a@b.c", "x@y.z"},
		{"bad from", "smtp://localhost:25", "not an address", "x@y.z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := mail.NewSMTPSender(tc.url, tc.from); err == nil {
				t.Fatal("want an error")
			}
		})
	}
	_, addr := startInbox(t)
	sender, err := mail.NewSMTPSender("smtp://"+addr, "a@b.c")
	if err != nil {
		t.Fatal(err)
	}
	if err := sender.Send(context.Background(), mail.Message{To: "nobody", Subject: "s", Text: "t"}); err == nil {
		t.Fatal("want an error for a bad recipient")
	}
}
