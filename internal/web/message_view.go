package web

import (
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// messageView is the wording of one decision mail in one language, and
// whether it is the alliance's own (else the product's).
type messageView struct {
	Key     string        `json:"key"`
	Locale  domain.Locale `json:"locale"`
	Subject string        `json:"subject"`
	Body    string        `json:"body"`
	Custom  bool          `json:"custom"`
}

func messageOf(m service.Message) messageView {
	return messageView{Key: m.Key, Locale: m.Locale, Subject: m.Subject, Body: m.Body, Custom: m.Custom}
}

// messageBody is an alliance's wording of one decision mail in one
// language.
type messageBody struct {
	Key     string        `json:"key"`
	Locale  domain.Locale `json:"locale"`
	Subject string        `json:"subject"`
	Body    string        `json:"body"`
}
