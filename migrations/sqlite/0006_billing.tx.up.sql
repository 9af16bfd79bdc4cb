-- Billing with Stripe. Platform tables: the index from a Stripe customer
-- to its alliance (one customer per alliance), which a webhook reads
-- before any tenant is known, and the ids of the Stripe events received,
-- so that an event delivered twice is acted on once. Tenant tables: what
-- Stripe's events told of the alliance's subscriptions and invoices, each
-- with the time of the event it comes from, so that events arriving out
-- of order leave the right state. An invoice names its subscription
-- without a foreign key: its events may come before the subscription's.
CREATE TABLE billing_customers (
    customer_id TEXT      NOT NULL PRIMARY KEY,
    alliance_id TEXT      NOT NULL UNIQUE REFERENCES alliances (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL
);
--bun:split
CREATE TABLE stripe_events (
    event_id    TEXT      NOT NULL PRIMARY KEY,
    event_type  TEXT      NOT NULL,
    alliance_id TEXT      NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL
);
--bun:split
CREATE TABLE billing_subscriptions (
    tenant_id            TEXT      NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    subscription_id      TEXT      NOT NULL,
    plan                 TEXT      NOT NULL,
    status               TEXT      NOT NULL,
    period_end           TIMESTAMP,
    cancel_at_period_end BOOLEAN   NOT NULL,
    state_at             TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);
--bun:split
CREATE TABLE billing_invoices (
    tenant_id       TEXT      NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    invoice_id      TEXT      NOT NULL,
    subscription_id TEXT      NOT NULL,
    failed_at       TIMESTAMP,
    paid_at         TIMESTAMP,
    grace_ended_at  TIMESTAMP,
    PRIMARY KEY (tenant_id, invoice_id)
);
