-- Hand-written (drizzle-kit cannot express these): the pg_trgm extension and the search index,
-- the triggers that keep server_counts, and the backfills for the columns of 0003.

-- Trigram search. PGlite loads pg_trgm as an extension (server/db/client.ts); if a database
-- cannot create it, search still works (the same LIKE on search_text), just without the index.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'pg_trgm unavailable (%): server search runs without its trigram index', SQLERRM;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "servers_search_trgm_idx" ON "servers" USING gin ("search_text" gin_trgm_ops);
  END IF;
END $$;
--> statement-breakpoint

-- server_counts: one statement-level trigger per event, fed by its transition tables, adds the
-- net change per (account, owner, status, gone) group. A sync that touches every server but
-- changes no group writes nothing.
CREATE OR REPLACE FUNCTION "server_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO server_counts AS c (account_id, owner_key, status, gone, n)
    SELECT account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), status, gone_at IS NOT NULL, count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4
    ON CONFLICT (account_id, owner_key, status, gone) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE server_counts c SET n = c.n - d.n
    FROM (SELECT account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key, status, gone_at IS NOT NULL AS gone, count(*)::int AS n
          FROM old_rows GROUP BY 1, 2, 3, 4) d
    WHERE c.account_id = d.account_id AND c.owner_key = d.owner_key AND c.status = d.status AND c.gone = d.gone;
  ELSE
    INSERT INTO server_counts AS c (account_id, owner_key, status, gone, n)
    SELECT account_id, owner_key, status, gone, sum(d)::int FROM (
      SELECT account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key, status, gone_at IS NOT NULL AS gone, 1 AS d FROM new_rows
      UNION ALL
      SELECT account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), status, gone_at IS NOT NULL, -1 FROM old_rows
    ) x GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0
    ON CONFLICT (account_id, owner_key, status, gone) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "servers_counts_insert" AFTER INSERT ON "servers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION server_counts_apply();
--> statement-breakpoint
CREATE TRIGGER "servers_counts_update" AFTER UPDATE ON "servers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION server_counts_apply();
--> statement-breakpoint
CREATE TRIGGER "servers_counts_delete" AFTER DELETE ON "servers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION server_counts_apply();
--> statement-breakpoint
INSERT INTO server_counts (account_id, owner_key, status, gone, n)
SELECT account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), status, gone_at IS NOT NULL, count(*)::int
FROM servers GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
UPDATE dns_snapshots SET record_count = jsonb_array_length(records) WHERE jsonb_typeof(records) = 'array';
