-- A connection test's outcome as a code and its specifics (issue 15), so the providers page can say it in the reader's language; last_test_message keeps the English sentence for API clients.
ALTER TABLE "provider_accounts" ADD COLUMN "last_test_code" text;--> statement-breakpoint
ALTER TABLE "provider_accounts" ADD COLUMN "last_test_params" jsonb;