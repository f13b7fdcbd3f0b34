CREATE TABLE "gateway_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"owner_id" text NOT NULL,
	"allowed_models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"daily_usd" numeric(18, 10),
	"monthly_usd" numeric(18, 10),
	"rpm" integer,
	"tpm" integer,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "gateway_keys" ADD CONSTRAINT "gateway_keys_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_keys_owner_idx" ON "gateway_keys" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "llm_calls_key_created_idx" ON "llm_calls" USING btree ("key_id","created_at");