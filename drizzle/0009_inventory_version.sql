-- The server listing's change counter (issue 13): GET /api/servers keeps its answer per caller and
-- query, and reuses it while data_versions('inventory') has not moved. Triggers bump it in every
-- transaction that changes what the listing shows (servers, accounts, their sync state, owners'
-- names), however the change was made: through the API, by a sync job, or by hand in psql.
CREATE TABLE "data_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_versions" ("scope", "version") VALUES ('inventory', 0);
--> statement-breakpoint

-- Deferred to commit time: the counter row is locked only as a transaction commits, when it asks
-- for no other lock, so two writers can wait on each other there but never deadlock (an immediate
-- trigger would hold the row from the first changed statement on). It moves in the same commit
-- as the change, so a reader that sees the new number sees the change. Once per transaction: the
-- first row's trigger bumps it and marks the transaction, the others return.
CREATE OR REPLACE FUNCTION "inventory_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hosting_panel.inventory_bumped', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('hosting_panel.inventory_bumped', 'on', true);
    UPDATE data_versions SET version = version + 1 WHERE scope = 'inventory';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "servers_inventory_version" AFTER INSERT OR UPDATE OR DELETE ON "servers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inventory_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "provider_accounts_inventory_version" AFTER INSERT OR UPDATE OR DELETE ON "provider_accounts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inventory_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "account_sync_inventory_version" AFTER INSERT OR UPDATE OR DELETE ON "account_sync"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inventory_version_bump();
--> statement-breakpoint
-- Users appear in the listing only as owners, by name and e-mail (a deleted owner's servers are
-- updated by their foreign key, which the servers trigger sees).
CREATE CONSTRAINT TRIGGER "users_inventory_version" AFTER UPDATE OF "name", "email" ON "users"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inventory_version_bump();
--> statement-breakpoint
-- TRUNCATE fires no row trigger; it takes the table whole, so an immediate bump is enough.
CREATE OR REPLACE FUNCTION "inventory_version_bump_now"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE scope = 'inventory';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "servers_inventory_version_truncate" AFTER TRUNCATE ON "servers" FOR EACH STATEMENT EXECUTE FUNCTION inventory_version_bump_now();
--> statement-breakpoint
CREATE TRIGGER "provider_accounts_inventory_version_truncate" AFTER TRUNCATE ON "provider_accounts" FOR EACH STATEMENT EXECUTE FUNCTION inventory_version_bump_now();
--> statement-breakpoint
CREATE TRIGGER "account_sync_inventory_version_truncate" AFTER TRUNCATE ON "account_sync" FOR EACH STATEMENT EXECUTE FUNCTION inventory_version_bump_now();
