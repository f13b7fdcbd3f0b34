CREATE TABLE "todo_builds" (
	"todo_id" uuid NOT NULL,
	"run" integer NOT NULL,
	"owner" text NOT NULL,
	"status" text NOT NULL,
	"build" jsonb NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "todo_builds_todo_id_run_pk" PRIMARY KEY("todo_id","run")
);
--> statement-breakpoint
ALTER TABLE "todo_builds" ADD CONSTRAINT "todo_builds_todo_id_todos_id_fk" FOREIGN KEY ("todo_id") REFERENCES "public"."todos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "todo_builds_owner_idx" ON "todo_builds" USING btree ("owner","todo_id");