-- Per-plan customer features (issue 16): which day-2 server tabs a customer of the plan gets.
-- Existing plans keep every feature, so no customer loses what the panel offers today.
ALTER TABLE "plans" ADD COLUMN "customer_features" jsonb DEFAULT '["graphs","console","snapshots","backups_restore","ptr","firewall","recovery","settings"]'::jsonb NOT NULL;