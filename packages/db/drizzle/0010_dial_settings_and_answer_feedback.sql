CREATE TABLE "answer_feedback" (
	"request_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"app" text NOT NULL,
	"label" text NOT NULL,
	"prompt" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dial_settings" (
	"user_id" text NOT NULL,
	"app" text NOT NULL,
	"stop" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dial_settings_user_id_app_pk" PRIMARY KEY("user_id","app")
);
--> statement-breakpoint
CREATE INDEX "answer_feedback_user_idx" ON "answer_feedback" USING btree ("user_id","created_at");