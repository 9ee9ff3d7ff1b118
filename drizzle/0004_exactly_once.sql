ALTER TABLE "intents" ADD COLUMN "upstream_id" text;--> statement-breakpoint
ALTER TABLE "intents" ADD COLUMN "evidence" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "intents_account_upstream_unique" ON "intents" USING btree ("account_id","upstream_id");--> statement-breakpoint
CREATE INDEX "intents_state_idx" ON "intents" USING btree ("state");