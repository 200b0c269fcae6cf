CREATE TABLE "attachments" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"entity" text NOT NULL,
	"record_id" integer NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploader_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "attachments_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "attachments_size_ck" CHECK ("attachments"."size" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "monitoring_actions" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"report_id" integer NOT NULL,
	"kind" text NOT NULL,
	"requirement" text NOT NULL,
	"org_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"review_note" text,
	"goal_table_id" integer,
	"created_by" integer,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "monitoring_actions_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "monitoring_actions_kind_ck" CHECK ("monitoring_actions"."kind" in ('adjust_goal','adjust_budget','speed_up','suspend')),
	CONSTRAINT "monitoring_actions_status_ck" CHECK ("monitoring_actions"."status" in ('open','submitted','returned','closed'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_draws" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"round_id" integer NOT NULL,
	"algorithm" text NOT NULL,
	"params" jsonb NOT NULL,
	"population" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "monitoring_draws_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "monitoring_items" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"report_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"uid" text NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"operator" text,
	"target" text NOT NULL,
	"unit" text,
	"progress" text,
	"expected" text,
	"likelihood" text,
	"cause" text,
	"cause_note" text,
	"measures" text,
	CONSTRAINT "monitoring_items_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "monitoring_items_likelihood_ck" CHECK ("monitoring_items"."likelihood" is null or "monitoring_items"."likelihood" in ('certain','possible','impossible'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"round_id" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"project_id" integer,
	"dept_budget_id" integer,
	"department_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"subject_code" text NOT NULL,
	"goal_table_id" integer NOT NULL,
	"selected_by" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"returned_by" text,
	"overall_status" text DEFAULT '' NOT NULL,
	"expected_year_end" bigint,
	"execution_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "monitoring_reports_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "monitoring_reports_kind_ck" CHECK ("monitoring_reports"."kind" in ('department','key')),
	CONSTRAINT "monitoring_reports_subject_ck" CHECK ("monitoring_reports"."subject_kind" in ('project','deptWide')
      and ("monitoring_reports"."subject_kind" = 'project') = ("monitoring_reports"."project_id" is not null)
      and ("monitoring_reports"."subject_kind" = 'deptWide') = ("monitoring_reports"."dept_budget_id" is not null)),
	CONSTRAINT "monitoring_reports_selected_ck" CHECK ("monitoring_reports"."selected_by" in ('department','finance')),
	CONSTRAINT "monitoring_reports_status_ck" CHECK ("monitoring_reports"."status" in ('draft','submitted','dept_approved','returned','approved')),
	CONSTRAINT "monitoring_reports_expected_ck" CHECK ("monitoring_reports"."expected_year_end" is null or "monitoring_reports"."expected_year_end" >= 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"cutoff_month" smallint NOT NULL,
	"due_on" date NOT NULL,
	"selection_due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "monitoring_rounds_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "monitoring_rounds_month_ck" CHECK ("monitoring_rounds"."cutoff_month" between 1 and 12),
	CONSTRAINT "monitoring_rounds_status_ck" CHECK ("monitoring_rounds"."status" in ('open','closed')),
	CONSTRAINT "monitoring_rounds_due_ck" CHECK ("monitoring_rounds"."selection_due_on" <= "monitoring_rounds"."due_on")
);
--> statement-breakpoint
CREATE TABLE "monitoring_selections" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"round_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "monitoring_selections_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_kind_ck";--> statement-breakpoint
ALTER TABLE "monitoring_actions" ADD CONSTRAINT "monitoring_actions_report_fk" FOREIGN KEY ("report_id","region_code") REFERENCES "public"."monitoring_reports"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_actions" ADD CONSTRAINT "monitoring_actions_org_fk" FOREIGN KEY ("org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_draws" ADD CONSTRAINT "monitoring_draws_round_fk" FOREIGN KEY ("round_id","region_code") REFERENCES "public"."monitoring_rounds"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_items" ADD CONSTRAINT "monitoring_items_report_fk" FOREIGN KEY ("report_id","region_code") REFERENCES "public"."monitoring_reports"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_round_fk" FOREIGN KEY ("round_id","region_code") REFERENCES "public"."monitoring_rounds"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_dept_budget_fk" FOREIGN KEY ("dept_budget_id","region_code") REFERENCES "public"."dept_budgets"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_unit_fk" FOREIGN KEY ("unit_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_goal_table_fk" FOREIGN KEY ("goal_table_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_selections" ADD CONSTRAINT "monitoring_selections_round_fk" FOREIGN KEY ("round_id","region_code") REFERENCES "public"."monitoring_rounds"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_selections" ADD CONSTRAINT "monitoring_selections_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_record_idx" ON "attachments" USING btree ("region_code","entity","record_id");--> statement-breakpoint
CREATE INDEX "monitoring_actions_report_idx" ON "monitoring_actions" USING btree ("region_code","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_draws_round_uq" ON "monitoring_draws" USING btree ("round_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_items_uid_uq" ON "monitoring_items" USING btree ("report_id","uid","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_reports_subject_uq" ON "monitoring_reports" USING btree ("round_id","subject_kind","subject_code","region_code");--> statement-breakpoint
CREATE INDEX "monitoring_reports_dept_idx" ON "monitoring_reports" USING btree ("region_code","round_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_rounds_month_uq" ON "monitoring_rounds" USING btree ("region_code","fiscal_year","cutoff_month");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_selections_uq" ON "monitoring_selections" USING btree ("round_id","department_id","region_code");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration','goal_revision','monitoring_selection','monitoring_department','monitoring_key','monitoring_action'));