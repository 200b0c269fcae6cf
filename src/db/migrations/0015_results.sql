CREATE TABLE "budget_requests" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"budget_year" smallint NOT NULL,
	"project_id" integer NOT NULL,
	"project_code" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"rigid" boolean DEFAULT false NOT NULL,
	"batch_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "budget_requests_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "budget_requests_amount_ck" CHECK ("budget_requests"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "result_adjustments" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"adoption_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"project_code" text NOT NULL,
	"project_name" text NOT NULL,
	"department_id" integer NOT NULL,
	"department_name" text NOT NULL,
	"unit_id" integer NOT NULL,
	"request" bigint DEFAULT 0 NOT NULL,
	"action" text NOT NULL,
	"cut" bigint DEFAULT 0 NOT NULL,
	"raise" bigint DEFAULT 0 NOT NULL,
	"new_amount" bigint DEFAULT 0 NOT NULL,
	"rule_index" smallint,
	"rule_label" text,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "result_adjustments_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "result_adjustments_action_ck" CHECK ("result_adjustments"."action" in ('raise','keep','cut','suspend','cancel')),
	CONSTRAINT "result_adjustments_money_ck" CHECK ("result_adjustments"."request" >= 0 and "result_adjustments"."cut" between 0 and "result_adjustments"."request" and "result_adjustments"."raise" >= 0 and "result_adjustments"."new_amount" = "result_adjustments"."request" - "result_adjustments"."cut" + "result_adjustments"."raise")
);
--> statement-breakpoint
CREATE TABLE "result_adoptions" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"seq" smallint NOT NULL,
	"rule_set_id" integer NOT NULL,
	"status" text DEFAULT 'current' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"average" bigint,
	"dept_score_version" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"adopted_by" integer,
	"adopted_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "result_adoptions_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "result_adoptions_status_ck" CHECK ("result_adoptions"."status" in ('current','superseded')),
	CONSTRAINT "result_adoptions_reason_ck" CHECK ("result_adoptions"."seq" = 1 or length("result_adoptions"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "result_rule_sets" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "result_rule_sets_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "result_rule_sets_version_ck" CHECK ("result_rule_sets"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_kind_ck";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "first_done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_requests" ADD CONSTRAINT "budget_requests_batch_fk" FOREIGN KEY ("batch_id","region_code") REFERENCES "public"."import_batches"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_adjustments" ADD CONSTRAINT "result_adjustments_adoption_fk" FOREIGN KEY ("adoption_id","region_code") REFERENCES "public"."result_adoptions"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_adjustments" ADD CONSTRAINT "result_adjustments_unit_fk" FOREIGN KEY ("unit_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_adoptions" ADD CONSTRAINT "result_adoptions_rule_set_fk" FOREIGN KEY ("rule_set_id","region_code") REFERENCES "public"."result_rule_sets"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_requests_code_uq" ON "budget_requests" USING btree ("region_code","budget_year","project_code");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_requests_project_uq" ON "budget_requests" USING btree ("project_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "result_adjustments_project_uq" ON "result_adjustments" USING btree ("adoption_id","project_code","region_code");--> statement-breakpoint
CREATE INDEX "result_adjustments_unit_idx" ON "result_adjustments" USING btree ("region_code","unit_id");--> statement-breakpoint
CREATE INDEX "result_adjustments_dept_idx" ON "result_adjustments" USING btree ("region_code","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_adoptions_seq_uq" ON "result_adoptions" USING btree ("region_code","fiscal_year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "result_adoptions_current_uq" ON "result_adoptions" USING btree ("region_code","fiscal_year") WHERE "result_adoptions"."status" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "result_rule_sets_version_uq" ON "result_rule_sets" USING btree ("region_code","fiscal_year","name","version");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration','goal_revision','monitoring_selection','monitoring_department','monitoring_key','monitoring_action','selfeval','selfeval_review','rectification','evaluation_scoring','department_evaluation','result_adjustment'));--> statement-breakpoint
-- When the owner handed a task in (tasks.submitted_at): each time it enters 'submitted' until it is first done
-- (a resubmission after a return counts from the last one), or when it is done without a submission step.
-- Once done, work reopened later (a goal table revised in the summer) does not move it. Every module moves its
-- tasks by its own statements, so the database keeps the times, once, for all of them.
CREATE OR REPLACE FUNCTION tasks_handed_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'submitted' AND NEW.first_done_at IS NULL
     AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'submitted') THEN
    NEW.submitted_at := app_now();
  ELSIF NEW.status = 'done' THEN
    NEW.submitted_at := coalesce(NEW.submitted_at, NEW.done_at, app_now());
    NEW.first_done_at := coalesce(NEW.first_done_at, NEW.done_at, app_now());
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER tasks_handed_in BEFORE INSERT OR UPDATE OF status ON tasks
  FOR EACH ROW EXECUTE FUNCTION tasks_handed_in();--> statement-breakpoint
-- Tasks done before this migration: the best known time is when they were done.
UPDATE tasks SET submitted_at = done_at, first_done_at = done_at WHERE status = 'done' AND submitted_at IS NULL;
