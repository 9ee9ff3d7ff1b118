CREATE TABLE "server_counts" (
	"account_id" uuid NOT NULL,
	"owner_key" uuid NOT NULL,
	"status" text NOT NULL,
	"gone" boolean NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "server_counts_account_id_owner_key_status_gone_pk" PRIMARY KEY("account_id","owner_key","status","gone")
);
--> statement-breakpoint
DROP INDEX "servers_owner_idx";--> statement-breakpoint
DROP INDEX "servers_status_idx";--> statement-breakpoint
ALTER TABLE "dns_snapshots" ADD COLUMN "record_count" integer;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(hostname, '') || ' ' || upstream_id || ' ' || coalesce(plan, '') || ' ' || coalesce(region, '') || ' ' || coalesce(os, '') || ' ' || ipv4::text || ' ' || ipv6::text)) STORED;--> statement-breakpoint
ALTER TABLE "server_counts" ADD CONSTRAINT "server_counts_account_id_provider_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."provider_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "servers_name_sort_idx" ON "servers" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "servers_owner_name_idx" ON "servers" USING btree ("owner_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "servers_status_name_idx" ON "servers" USING btree ("status",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "servers_created_sort_idx" ON "servers" USING btree (coalesce("upstream_created_at", "created_at"),"id");--> statement-breakpoint
CREATE INDEX "zone_assignments_owner_idx" ON "zone_assignments" USING btree ("owner_id");