CREATE TABLE "upstream_watch" (
	"kind" text NOT NULL,
	"account_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"label" text,
	"due_at" timestamp with time zone NOT NULL,
	"auto_renew" boolean,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upstream_watch_kind_account_id_subject_pk" PRIMARY KEY("kind","account_id","subject")
);
--> statement-breakpoint
ALTER TABLE "upstream_watch" ADD CONSTRAINT "upstream_watch_account_id_provider_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."provider_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "upstream_watch_due_idx" ON "upstream_watch" USING btree ("kind","due_at");