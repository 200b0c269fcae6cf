CREATE TABLE "notifications" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"user_id" integer NOT NULL,
	"outbox_id" integer NOT NULL,
	"kind" text NOT NULL,
	"task_id" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"task_id" integer,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "outbox_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "plan_phases" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"plan_id" integer NOT NULL,
	"phase" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"due_on" date,
	"opened_at" timestamp with time zone,
	"opened_by" integer,
	CONSTRAINT "plan_phases_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "plan_phases_phase_ck" CHECK ("plan_phases"."phase" in ('goal_declaration','goal_review','goal_onsite_review','monitoring','self_evaluation','spot_check','dept_evaluation','key_evaluation','result_application','disclosure')),
	CONSTRAINT "plan_phases_dates_ck" CHECK ("plan_phases"."ends_on" >= "plan_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"kind" text NOT NULL,
	"org_id" integer NOT NULL,
	"owner_user_id" integer,
	"object_kind" text NOT NULL,
	"object_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'todo' NOT NULL,
	"reminders" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration')),
	CONSTRAINT "tasks_status_ck" CHECK ("tasks"."status" in ('todo','in_progress','submitted','returned','done','closed'))
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_plans_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_outbox_fk" FOREIGN KEY ("outbox_id","region_code") REFERENCES "public"."outbox"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_fk" FOREIGN KEY ("task_id","region_code") REFERENCES "public"."tasks"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_task_fk" FOREIGN KEY ("task_id","region_code") REFERENCES "public"."tasks"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_phases" ADD CONSTRAINT "plan_phases_plan_fk" FOREIGN KEY ("plan_id","region_code") REFERENCES "public"."work_plans"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_fk" FOREIGN KEY ("org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_uq" ON "notifications" USING btree ("outbox_id","user_id","region_code");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE "outbox"."dispatched_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_due_soon_uq" ON "outbox" USING btree ("task_id","region_code") WHERE "outbox"."kind" = 'due_soon';--> statement-breakpoint
CREATE UNIQUE INDEX "plan_phases_phase_uq" ON "plan_phases" USING btree ("plan_id","phase","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_object_uq" ON "tasks" USING btree ("region_code","fiscal_year","kind","object_kind","object_id");--> statement-breakpoint
CREATE INDEX "tasks_year_idx" ON "tasks" USING btree ("region_code","fiscal_year","kind","status");--> statement-breakpoint
CREATE INDEX "tasks_org_idx" ON "tasks" USING btree ("region_code","org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_year_uq" ON "work_plans" USING btree ("region_code","fiscal_year");