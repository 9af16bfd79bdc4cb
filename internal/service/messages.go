package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/store"
)

// Messages is the use cases of the mails an alliance words itself: the
// decisions on applications. Each has the product's wording in the
// catalogs until the alliance writes its own.
type Messages struct {
	DB      *store.DB
	Catalog *i18n.Catalog
}

// EditableMessages are the mails an alliance may word itself. The
// product's wording of each is in the catalogs under "mail." + its name +
// ".subject" and ".body", which also show its placeholders.
var EditableMessages = []string{"decision.accepted", "decision.waitlisted", "decision.rejected"}

// Message is one wording of a mail in a language, and whether it is the
// alliance's own.
type Message struct {
	Key     string
	Locale  domain.Locale
	Subject string
	Body    string
	Custom  bool
}

// messageLimits bound an alliance's wording.
const (
	messageSubjectMax = 200
	messageBodyMax    = 8000
)

// List gives every editable mail in every language: the alliance's
// wording where it has one, the product's otherwise.
func (s *Messages) List(ctx context.Context, c Caller) ([]Message, error) {
	var own []store.AllianceMessage
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		own, err = tx.AllianceMessages(ctx, c.Alliance.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []Message
	for _, key := range EditableMessages {
		for _, loc := range domain.Locales {
			out = append(out, s.wording(own, key, loc))
		}
	}
	return out, nil
}

// wording picks the alliance's wording of key in loc, or the product's.
func (s *Messages) wording(own []store.AllianceMessage, key string, loc domain.Locale) Message {
	for _, m := range own {
		if m.Key == key && m.Locale == loc {
			return Message{Key: key, Locale: loc, Subject: m.Subject, Body: m.Body, Custom: true}
		}
	}
	return Message{Key: key, Locale: loc, Subject: s.Catalog.T(loc, "mail."+key+".subject", nil), Body: s.Catalog.T(loc, "mail."+key+".body", nil)}
}

// Save sets the alliance's wording of a mail in a language; an empty
// subject and body go back to the product's wording.
func (s *Messages) Save(ctx context.Context, c Caller, m Message) error {
	var p domain.Problems
	if !slices.Contains(EditableMessages, m.Key) {
		p.Add("key", "validation.one_of", map[string]any{"values": strings.Join(EditableMessages, ", ")})
	}
	if !m.Locale.Valid() {
		p.Add("locale", "validation.locale", nil)
	}
	reset := strings.TrimSpace(m.Subject) == "" && strings.TrimSpace(m.Body) == ""
	if !reset {
		domain.ValidateText(&p, "subject", m.Subject, 2, messageSubjectMax)
		if strings.TrimSpace(m.Body) == "" {
			p.Add("body", "validation.required", nil)
		}
		domain.ValidateLongText(&p, "body", m.Body, messageBodyMax)
	}
	if err := p.Err(); err != nil {
		return err
	}
	return s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if reset {
			err = tx.DeleteAllianceMessage(ctx, c.Alliance.ID, m.Key, m.Locale)
		} else {
			err = tx.SaveAllianceMessage(ctx, c.Alliance.ID, c.UserID, store.AllianceMessage{Key: m.Key, Locale: m.Locale,
				Subject: strings.TrimSpace(m.Subject), Body: m.Body, UpdatedAt: time.Now().UTC()})
		}
		if err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditMessageChanged, m.Key, map[string]any{"locale": m.Locale, "reset": reset}))
	})
}

// wordings are an alliance's messages as one transaction reads them: its
// own wording, read once, over the catalog's.
type wordings struct {
	messages *Messages
	own      []store.AllianceMessage
}

// wordings reads the alliance's own wording, for rendering any number of
// messages in tx.
func (s *Messages) wordings(ctx context.Context, tx *store.Tx, alliance domain.ID) (*wordings, error) {
	own, err := tx.AllianceMessages(ctx, alliance)
	if err != nil {
		return nil, err
	}
	return &wordings{messages: s, own: own}, nil
}

// render gives the subject and body of key in loc, in the alliance's
// wording if it has one, filled with args.
func (w *wordings) render(key string, loc domain.Locale, args map[string]any) (string, string) {
	m := w.messages.wording(w.own, key, loc)
	return i18n.Fill(m.Subject, args), i18n.Fill(m.Body, args)
}
