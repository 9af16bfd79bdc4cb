DROP TABLE IF EXISTS billing_invoices;
--bun:split
DROP TABLE IF EXISTS billing_subscriptions;
--bun:split
DROP TABLE IF EXISTS stripe_events;
--bun:split
DROP TABLE IF EXISTS billing_customers;
