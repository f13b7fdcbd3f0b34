CREATE TABLE "catalog_syncs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_syncs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"ok" boolean NOT NULL,
	"models" integer NOT NULL,
	"changed" integer NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_prices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"model_id" text NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"price" jsonb NOT NULL,
	"context_window" integer,
	"supports" jsonb,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalog_syncs_at_idx" ON "catalog_syncs" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_prices_model_effective_idx" ON "model_prices" USING btree ("model_id","effective_from");