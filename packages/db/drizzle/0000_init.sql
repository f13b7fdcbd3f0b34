CREATE EXTENSION IF NOT EXISTS vector;
--> statement-breakpoint
CREATE TABLE "budget_spend" (
	"scope" text NOT NULL,
	"day" date NOT NULL,
	"spent_usd" numeric(18, 10) DEFAULT 0 NOT NULL,
	"reserved_usd" numeric(18, 10) DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_spend_scope_day_pk" PRIMARY KEY("scope","day")
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"scope" text PRIMARY KEY NOT NULL,
	"limit_usd" numeric(18, 10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account" text NOT NULL,
	"limit_remaining_usd" numeric(18, 10),
	"usage_usd" numeric(18, 10),
	"read_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"namespace" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"state" text DEFAULT 'in_progress' NOT NULL,
	"response" jsonb,
	"locked_until" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_namespace_key_pk" PRIMARY KEY("namespace","key")
);
--> statement-breakpoint
CREATE TABLE "images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"prompt" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text DEFAULT 'image/png' NOT NULL,
	"width" integer,
	"height" integer,
	"cost_usd" numeric(18, 10) DEFAULT 0 NOT NULL,
	"prompt_embedding" vector(512),
	"embedding_model" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm_calls" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "llm_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" text NOT NULL,
	"kind" text NOT NULL,
	"operation" text,
	"app" text,
	"feature" text,
	"user_id" text,
	"model_requested" text NOT NULL,
	"model_used" text,
	"provider" text,
	"endpoint" text,
	"tier" text,
	"complexity_score" real,
	"reasons" jsonb,
	"attempt" integer DEFAULT 1 NOT NULL,
	"fallback_chain" jsonb,
	"outcome" text NOT NULL,
	"error_code" text,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"cost_usd" numeric(18, 10) DEFAULT 0 NOT NULL,
	"ttft_ms" real,
	"latency_ms" real,
	"idempotency_key" text,
	"replay" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "todos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"due_date" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"embedding" vector(512),
	"embedding_model" text,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "todos"."title"), 'A') || setweight(to_tsvector('english', "todos"."notes"), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "credit_snapshots_account_read_idx" ON "credit_snapshots" USING btree ("account","read_at");--> statement-breakpoint
CREATE INDEX "images_owner_created_idx" ON "images" USING btree ("owner","created_at");--> statement-breakpoint
CREATE INDEX "images_prompt_embedding_hnsw_idx" ON "images" USING hnsw ("prompt_embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "images_idempotency_key_idx" ON "images" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "llm_calls_created_idx" ON "llm_calls" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "llm_calls_app_feature_created_idx" ON "llm_calls" USING btree ("app","feature","created_at");--> statement-breakpoint
CREATE INDEX "llm_calls_model_created_idx" ON "llm_calls" USING btree ("model_used","created_at");--> statement-breakpoint
CREATE INDEX "llm_calls_endpoint_created_idx" ON "llm_calls" USING btree ("endpoint","created_at");--> statement-breakpoint
CREATE INDEX "llm_calls_request_idx" ON "llm_calls" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "llm_calls_requests_created_idx" ON "llm_calls" USING btree ("created_at") WHERE "llm_calls"."kind" = 'request';--> statement-breakpoint
CREATE INDEX "todos_owner_created_idx" ON "todos" USING btree ("owner","created_at");--> statement-breakpoint
CREATE INDEX "todos_embedding_hnsw_idx" ON "todos" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "todos_search_gin_idx" ON "todos" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "todos_needs_embedding_idx" ON "todos" USING btree ("created_at") WHERE "todos"."embedding_model" is null;