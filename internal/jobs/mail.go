package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// TypeSendMail is the task that sends one e-mail.
const TypeSendMail = "mail:send"

// EnqueueMail writes, in the use case's transaction, the job that sends m:
// the mail leaves only if the transaction commits.
func EnqueueMail(ctx context.Context, tx *store.Tx, m mail.Message) error {
	_, err := tx.Enqueue(ctx, TypeSendMail, m)
	return err
}

// SendMail is the handler of TypeSendMail. A mail of an alliance is kept in
// the alliance's mail log in the same transaction that marks the job done,
// and a job whose mail is already logged is not sent again.
func SendMail(db *store.DB, sender mail.Sender) Handler {
	return func(ctx context.Context, job *store.OutboxJob) error {
		var m mail.Message
		if err := json.Unmarshal([]byte(job.Payload), &m); err != nil {
			return fmt.Errorf("mail payload: %v: %w", err, asynq.SkipRetry)
		}
		if job.AllianceID == nil {
			return sender.Send(ctx, m)
		}
		alliance := *job.AllianceID
		var sent bool
		err := db.InTenant(ctx, alliance, func(tx *store.Tx) error {
			var err error
			sent, err = tx.MailSent(ctx, alliance, job.ID)
			return err
		})
		if err != nil || sent {
			return err
		}
		if err := sender.Send(ctx, m); err != nil {
			return err
		}
		return db.InTenant(ctx, alliance, func(tx *store.Tx) error {
			err := tx.InsertMailLog(ctx, alliance, &store.MailLogEntry{
				ID: domain.NewID(), OutboxID: job.ID, To: m.To, Subject: m.Subject,
				BodyText: m.Text, Transport: sender.Transport(), CreatedAt: time.Now().UTC(),
			})
			if err != nil {
				return err
			}
			return tx.MarkDone(ctx, job.ID, time.Now())
		})
	}
}
