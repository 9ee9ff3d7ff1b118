ALTER TABLE "servers" ADD COLUMN "detail_error" text;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "detail_error_at" timestamp with time zone;