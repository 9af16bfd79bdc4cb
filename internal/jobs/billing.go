package jobs

// TypeStripeEvent is the task that applies one Stripe event, taken in by
// the webhook, to an alliance's billing.
const TypeStripeEvent = "billing:stripe_event"
