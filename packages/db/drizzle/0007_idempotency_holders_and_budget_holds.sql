CREATE TABLE "budget_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"scopes" text[] NOT NULL,
	"amount_usd" numeric(18, 10) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "holder" text;--> statement-breakpoint
CREATE INDEX "budget_holds_expires_at_idx" ON "budget_holds" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" USING btree ("expires_at");