ALTER TABLE "llm_calls" ADD COLUMN "cached_tokens" integer;--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "cache_write_tokens" integer;--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "reasoning_tokens" integer;--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "image_tokens" integer;--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "audio_tokens" integer;--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "images" integer;--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "priced_cost_usd" numeric(18, 10);--> statement-breakpoint
ALTER TABLE "llm_calls" ADD COLUMN "upstream_cost_usd" numeric(18, 10);