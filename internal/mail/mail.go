// Package mail sends the product's e-mails: over SMTP when a server is
// configured, otherwise to the log (the job that sends them also keeps each
// one in the alliance's mail page).
package mail

import (
	"context"
	"log/slog"
)

// Message is one e-mail in plain text.
type Message struct {
	To      string `json:"to"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
}

// Sender delivers messages.
type Sender interface {
	// Send delivers m or reports why it could not.
	Send(ctx context.Context, m Message) error
	// Transport names how mails leave: "smtp" or "log".
	Transport() string
}

// LogSender writes each message to the log instead of sending it, for the
// embedded default where no mail server is configured.
type LogSender struct {
	Log *slog.Logger
}

// Send writes m to the log.
func (s LogSender) Send(_ context.Context, m Message) error {
	s.Log.Info("mail (no SMTP configured, kept in the alliance's mail page)", "to", m.To, "subject", m.Subject, "body", m.Text)
	return nil
}

// Transport is "log".
func (LogSender) Transport() string { return "log" }
