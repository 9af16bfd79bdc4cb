-- Billing with Stripe. Platform tables: the index from a Stripe customer
-- to its alliance (one customer per alliance), which a webhook reads
-- before any tenant is known, and the ids of the Stripe events received,
-- so that an event delivered twice is acted on once. Tenant tables: what
-- Stripe's events told of the alliance's subscriptions and invoices, each
-- with the time of the event it comes from, so that events arriving out
-- of order leave the right state. An invoice names its subscription
-- without a foreign key: its events may come before the subscription's.
CREATE TABLE billing_customers (
    customer_id text        PRIMARY KEY,
    alliance_id uuid        NOT NULL UNIQUE REFERENCES alliances (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL
);
--bun:split
CREATE TABLE stripe_events (
    event_id    text        PRIMARY KEY,
    event_type  text        NOT NULL,
    alliance_id uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
--bun:split
CREATE TABLE billing_subscriptions (
    tenant_id            uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    subscription_id      text        NOT NULL,
    plan                 text        NOT NULL,
    status               text        NOT NULL,
    period_end           timestamptz,
    cancel_at_period_end boolean     NOT NULL,
    state_at             timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);
--bun:split
CREATE TABLE billing_invoices (
    tenant_id       uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    invoice_id      text        NOT NULL,
    subscription_id text        NOT NULL,
    failed_at       timestamptz,
    paid_at         timestamptz,
    grace_ended_at  timestamptz,
    PRIMARY KEY (tenant_id, invoice_id)
);
--bun:split
ALTER TABLE billing_subscriptions ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE billing_subscriptions FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON billing_subscriptions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--bun:split
ALTER TABLE billing_invoices ENABLE ROW LEVEL SECURITY;
--bun:split
ALTER TABLE billing_invoices FORCE ROW LEVEL SECURITY;
--bun:split
CREATE POLICY tenant_isolation ON billing_invoices
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
