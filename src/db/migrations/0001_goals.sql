CREATE TABLE "goal_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"goal_table_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"operator" text,
	"target" text NOT NULL,
	"unit" text,
	"weight" numeric(6, 2) NOT NULL,
	"explanation" text,
	CONSTRAINT "goal_indicators_kind_ck" CHECK ("goal_indicators"."kind" in ('quantitative','qualitative'))
);
--> statement-breakpoint
CREATE TABLE "goal_tables" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"subject_kind" text NOT NULL,
	"project_id" integer,
	"department_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"subject_code" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"returned_by" text,
	"overall_goal" text DEFAULT '' NOT NULL,
	"template_version" text NOT NULL,
	"revision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_tables_kind_ck" CHECK ("goal_tables"."subject_kind" in ('project','deptWide')),
	CONSTRAINT "goal_tables_status_ck" CHECK ("goal_tables"."status" in ('draft','submitted','dept_approved','returned','approved'))
);
--> statement-breakpoint
CREATE TABLE "goal_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"goal_table_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text,
	"indicator_comments" jsonb
);
--> statement-breakpoint
CREATE TABLE "indicator_library" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"sector" text NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"operator" text,
	"unit" text,
	"explanation" text,
	"curated" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_draws" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"algorithm" text NOT NULL,
	"params" jsonb NOT NULL,
	"population" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_visit_tables" (
	"visit_id" integer NOT NULL,
	"goal_table_id" integer NOT NULL,
	"acted_on" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "review_visit_tables_visit_id_goal_table_id_pk" PRIMARY KEY("visit_id","goal_table_id")
);
--> statement-breakpoint
CREATE TABLE "review_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"draw_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"reviewed_on" text,
	"findings" text DEFAULT '' NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"module" text NOT NULL,
	"version" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_goal_table_id_goal_tables_id_fk" FOREIGN KEY ("goal_table_id") REFERENCES "public"."goal_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_department_id_orgs_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_transitions" ADD CONSTRAINT "goal_transitions_goal_table_id_goal_tables_id_fk" FOREIGN KEY ("goal_table_id") REFERENCES "public"."goal_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_visit_tables" ADD CONSTRAINT "review_visit_tables_visit_id_review_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."review_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_visit_tables" ADD CONSTRAINT "review_visit_tables_goal_table_id_goal_tables_id_fk" FOREIGN KEY ("goal_table_id") REFERENCES "public"."goal_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_visits" ADD CONSTRAINT "review_visits_draw_id_review_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."review_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_visits" ADD CONSTRAINT "review_visits_department_id_orgs_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_indicators_pos_uq" ON "goal_indicators" USING btree ("goal_table_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_tables_uq" ON "goal_tables" USING btree ("region_code","fiscal_year","subject_kind","subject_code","revision");--> statement-breakpoint
CREATE INDEX "goal_tables_dept_idx" ON "goal_tables" USING btree ("region_code","fiscal_year","department_id");--> statement-breakpoint
CREATE INDEX "goal_transitions_table_idx" ON "goal_transitions" USING btree ("goal_table_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_library_uq" ON "indicator_library" USING btree ("region_code","sector","level2","name");--> statement-breakpoint
CREATE INDEX "review_draws_year_idx" ON "review_draws" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "review_visits_uq" ON "review_visits" USING btree ("draw_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_sets_uq" ON "rule_sets" USING btree ("region_code","fiscal_year","module","version");