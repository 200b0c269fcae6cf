-- Every growing table carries region_code; its primary key, unique indexes and foreign keys to other growing
-- tables include it (docs/ARCHITECTURE.md, "Regions"). Child tables take the region of their parent row.
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "dept_budgets" DROP CONSTRAINT "dept_budgets_department_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "dept_execution" DROP CONSTRAINT "dept_execution_dept_budget_id_dept_budgets_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_indicators" DROP CONSTRAINT "goal_indicators_goal_table_id_goal_tables_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_tables" DROP CONSTRAINT "goal_tables_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_tables" DROP CONSTRAINT "goal_tables_department_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_tables" DROP CONSTRAINT "goal_tables_unit_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_tables" DROP CONSTRAINT "goal_tables_previous_id_goal_tables_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_tables" DROP CONSTRAINT "goal_tables_carried_from_id_goal_tables_id_fk";
--> statement-breakpoint
ALTER TABLE "goal_transitions" DROP CONSTRAINT "goal_transitions_goal_table_id_goal_tables_id_fk";
--> statement-breakpoint
ALTER TABLE "project_execution" DROP CONSTRAINT "project_execution_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_department_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_unit_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "review_visit_tables" DROP CONSTRAINT "review_visit_tables_visit_id_review_visits_id_fk";
--> statement-breakpoint
ALTER TABLE "review_visit_tables" DROP CONSTRAINT "review_visit_tables_goal_table_id_goal_tables_id_fk";
--> statement-breakpoint
ALTER TABLE "review_visits" DROP CONSTRAINT "review_visits_draw_id_review_draws_id_fk";
--> statement-breakpoint
ALTER TABLE "review_visits" DROP CONSTRAINT "review_visits_department_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_org_id_orgs_id_fk";
--> statement-breakpoint
DROP INDEX "goal_indicators_pos_uq";
--> statement-breakpoint
DROP INDEX "goal_indicators_uid_uq";
--> statement-breakpoint
DROP INDEX "review_visits_uq";
--> statement-breakpoint
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_org_id_project_id_purpose_pk";
--> statement-breakpoint
ALTER TABLE "dept_execution" DROP CONSTRAINT "dept_execution_dept_budget_id_month_pk";
--> statement-breakpoint
ALTER TABLE "project_execution" DROP CONSTRAINT "project_execution_project_id_month_pk";
--> statement-breakpoint
ALTER TABLE "review_visit_tables" DROP CONSTRAINT "review_visit_tables_visit_id_goal_table_id_pk";
--> statement-breakpoint
ALTER TABLE "dept_budgets" DROP CONSTRAINT "dept_budgets_pkey";
--> statement-breakpoint
ALTER TABLE "goal_indicators" DROP CONSTRAINT "goal_indicators_pkey";
--> statement-breakpoint
ALTER TABLE "goal_tables" DROP CONSTRAINT "goal_tables_pkey";
--> statement-breakpoint
ALTER TABLE "goal_transitions" DROP CONSTRAINT "goal_transitions_pkey";
--> statement-breakpoint
ALTER TABLE "import_batches" DROP CONSTRAINT "import_batches_pkey";
--> statement-breakpoint
ALTER TABLE "indicator_library" DROP CONSTRAINT "indicator_library_pkey";
--> statement-breakpoint
ALTER TABLE "orgs" DROP CONSTRAINT "orgs_pkey";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_pkey";
--> statement-breakpoint
ALTER TABLE "review_draws" DROP CONSTRAINT "review_draws_pkey";
--> statement-breakpoint
ALTER TABLE "review_visits" DROP CONSTRAINT "review_visits_pkey";
--> statement-breakpoint
ALTER TABLE "rule_sets" DROP CONSTRAINT "rule_sets_pkey";
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "region_code" text;
--> statement-breakpoint
ALTER TABLE "dept_execution" ADD COLUMN "region_code" text;
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD COLUMN "region_code" text;
--> statement-breakpoint
ALTER TABLE "goal_transitions" ADD COLUMN "region_code" text;
--> statement-breakpoint
ALTER TABLE "project_execution" ADD COLUMN "region_code" text;
--> statement-breakpoint
ALTER TABLE "review_visit_tables" ADD COLUMN "region_code" text;
--> statement-breakpoint
ALTER TABLE "review_visits" ADD COLUMN "region_code" text;
--> statement-breakpoint
UPDATE "project_execution" e SET "region_code" = p."region_code" FROM "projects" p WHERE p."id" = e."project_id";
--> statement-breakpoint
UPDATE "dept_execution" e SET "region_code" = b."region_code" FROM "dept_budgets" b WHERE b."id" = e."dept_budget_id";
--> statement-breakpoint
UPDATE "assignments" a SET "region_code" = p."region_code" FROM "projects" p WHERE p."id" = a."project_id";
--> statement-breakpoint
UPDATE "goal_indicators" i SET "region_code" = g."region_code" FROM "goal_tables" g WHERE g."id" = i."goal_table_id";
--> statement-breakpoint
UPDATE "goal_transitions" r SET "region_code" = g."region_code" FROM "goal_tables" g WHERE g."id" = r."goal_table_id";
--> statement-breakpoint
UPDATE "review_visits" v SET "region_code" = d."region_code" FROM "review_draws" d WHERE d."id" = v."draw_id";
--> statement-breakpoint
UPDATE "review_visit_tables" t SET "region_code" = v."region_code" FROM "review_visits" v WHERE v."id" = t."visit_id";
--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "dept_execution" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "goal_indicators" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "goal_transitions" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "project_execution" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "review_visit_tables" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "review_visits" ALTER COLUMN "region_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_pkey" PRIMARY KEY("org_id","project_id","purpose","region_code");
--> statement-breakpoint
ALTER TABLE "dept_budgets" ADD CONSTRAINT "dept_budgets_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "dept_execution" ADD CONSTRAINT "dept_execution_pkey" PRIMARY KEY("dept_budget_id","month","region_code");
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "goal_transitions" ADD CONSTRAINT "goal_transitions_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "indicator_library" ADD CONSTRAINT "indicator_library_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "project_execution" ADD CONSTRAINT "project_execution_pkey" PRIMARY KEY("project_id","month","region_code");
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "review_draws" ADD CONSTRAINT "review_draws_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "review_visit_tables" ADD CONSTRAINT "review_visit_tables_pkey" PRIMARY KEY("visit_id","goal_table_id","region_code");
--> statement-breakpoint
ALTER TABLE "review_visits" ADD CONSTRAINT "review_visits_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_pkey" PRIMARY KEY("id","region_code");
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_fk" FOREIGN KEY ("org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dept_budgets" ADD CONSTRAINT "dept_budgets_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dept_execution" ADD CONSTRAINT "dept_execution_budget_fk" FOREIGN KEY ("dept_budget_id","region_code") REFERENCES "public"."dept_budgets"("id","region_code") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_table_fk" FOREIGN KEY ("goal_table_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_unit_fk" FOREIGN KEY ("unit_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_previous_fk" FOREIGN KEY ("previous_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_carried_from_fk" FOREIGN KEY ("carried_from_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "goal_transitions" ADD CONSTRAINT "goal_transitions_table_fk" FOREIGN KEY ("goal_table_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_execution" ADD CONSTRAINT "project_execution_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_fk" FOREIGN KEY ("unit_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_visit_tables" ADD CONSTRAINT "review_visit_tables_visit_fk" FOREIGN KEY ("visit_id","region_code") REFERENCES "public"."review_visits"("id","region_code") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_visit_tables" ADD CONSTRAINT "review_visit_tables_table_fk" FOREIGN KEY ("goal_table_id","region_code") REFERENCES "public"."goal_tables"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_visits" ADD CONSTRAINT "review_visits_draw_fk" FOREIGN KEY ("draw_id","region_code") REFERENCES "public"."review_draws"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_visits" ADD CONSTRAINT "review_visits_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_fk" FOREIGN KEY ("org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "goal_indicators_pos_uq" ON "goal_indicators" USING btree ("goal_table_id","position","region_code");
--> statement-breakpoint
CREATE UNIQUE INDEX "goal_indicators_uid_uq" ON "goal_indicators" USING btree ("goal_table_id","uid","region_code");
--> statement-breakpoint
CREATE UNIQUE INDEX "review_visits_uq" ON "review_visits" USING btree ("draw_id","department_id","region_code");
--> statement-breakpoint
ALTER TABLE "goal_transitions" ADD CONSTRAINT "goal_transitions_status_ck" CHECK ("goal_transitions"."from_status" in ('draft','submitted','dept_approved','returned','approved') and "goal_transitions"."to_status" in ('draft','submitted','dept_approved','returned','approved'));
