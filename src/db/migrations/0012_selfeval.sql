CREATE TABLE "selfeval_forms" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"round_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"project_id" integer,
	"dept_budget_id" integer,
	"department_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"subject_code" text NOT NULL,
	"goal_table_id" integer NOT NULL,
	"rules_version" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"returned_by" text,
	"execution_weight" numeric(7, 2) NOT NULL,
	"missing_weight" numeric(7, 2) DEFAULT 0 NOT NULL,
	"overall_actual" text DEFAULT '' NOT NULL,
	"start_budget" bigint,
	"adjusted_budget" bigint,
	"executed" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "selfeval_forms_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "selfeval_forms_subject_ck" CHECK ("selfeval_forms"."subject_kind" in ('project','deptWide')
      and ("selfeval_forms"."subject_kind" = 'project') = ("selfeval_forms"."project_id" is not null)
      and ("selfeval_forms"."subject_kind" = 'deptWide') = ("selfeval_forms"."dept_budget_id" is not null)),
	CONSTRAINT "selfeval_forms_status_ck" CHECK ("selfeval_forms"."status" in ('draft','submitted','dept_approved','returned','approved'))
);
--> statement-breakpoint
CREATE TABLE "selfeval_items" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"form_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"uid" text NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"operator" text,
	"target" text NOT NULL,
	"unit" text,
	"weight" numeric(7, 2) NOT NULL,
	"formula" jsonb,
	"explanation" text,
	"actual" text,
	"tier" text,
	"points" numeric(7, 2),
	"not_applicable" boolean DEFAULT false NOT NULL,
	"failed" jsonb,
	"note" text,
	CONSTRAINT "selfeval_items_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "selfeval_items_tier_ck" CHECK ("selfeval_items"."tier" is null or "selfeval_items"."tier" in ('achieved','partly','notAchieved')),
	CONSTRAINT "selfeval_items_weight_ck" CHECK ("selfeval_items"."weight" >= 0 and "selfeval_items"."weight" <= 100)
);
--> statement-breakpoint
CREATE TABLE "selfeval_rounds" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"due_on" date NOT NULL,
	"rules_version" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "selfeval_rounds_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "selfeval_rounds_status_ck" CHECK ("selfeval_rounds"."status" in ('open','closed'))
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_kind_ck";--> statement-breakpoint
ALTER TABLE "selfeval_forms" ADD CONSTRAINT "selfeval_forms_round_fk" FOREIGN KEY ("round_id","region_code") REFERENCES "public"."selfeval_rounds"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_forms" ADD CONSTRAINT "selfeval_forms_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_forms" ADD CONSTRAINT "selfeval_forms_dept_budget_fk" FOREIGN KEY ("dept_budget_id","region_code") REFERENCES "public"."dept_budgets"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_forms" ADD CONSTRAINT "selfeval_forms_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_forms" ADD CONSTRAINT "selfeval_forms_unit_fk" FOREIGN KEY ("unit_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_forms" ADD CONSTRAINT "selfeval_forms_goal_table_fk" FOREIGN KEY ("goal_table_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_items" ADD CONSTRAINT "selfeval_items_form_fk" FOREIGN KEY ("form_id","region_code") REFERENCES "public"."selfeval_forms"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_forms_subject_uq" ON "selfeval_forms" USING btree ("region_code","fiscal_year","subject_kind","subject_code");--> statement-breakpoint
CREATE INDEX "selfeval_forms_dept_idx" ON "selfeval_forms" USING btree ("region_code","fiscal_year","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_items_uid_uq" ON "selfeval_items" USING btree ("form_id","uid","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_rounds_year_uq" ON "selfeval_rounds" USING btree ("region_code","fiscal_year");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration','goal_revision','monitoring_selection','monitoring_department','monitoring_key','monitoring_action','selfeval','selfeval_review'));