CREATE TABLE "evaluation_members" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"evaluation_id" integer NOT NULL,
	"expert_id" integer,
	"user_id" integer,
	"is_lead" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "evaluation_members_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"member_id" integer NOT NULL,
	"uid" text NOT NULL,
	"points" numeric(5, 2) NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "evaluation_scores_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "evaluation_scores_points_ck" CHECK ("evaluation_scores"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_ties" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"expert_id" integer,
	"firm_id" integer,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "evaluation_ties_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "evaluation_ties_kind_ck" CHECK ("evaluation_ties"."kind" in ('evaluated','advised')),
	CONSTRAINT "evaluation_ties_who_ck" CHECK (("evaluation_ties"."expert_id" is null) <> ("evaluation_ties"."firm_id" is null))
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"kind" text NOT NULL,
	"project_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"firm_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"framework" jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"override_points" numeric(5, 2),
	"override_reason" text,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_note" text,
	"due_on" date,
	"finalised_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "evaluations_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "evaluations_kind_ck" CHECK ("evaluations"."kind" in ('department','key')),
	CONSTRAINT "evaluations_status_ck" CHECK ("evaluations"."status" in ('draft','scoring','submitted','returned','final')),
	CONSTRAINT "evaluations_override_ck" CHECK ("evaluations"."override_points" is null or ("evaluations"."override_reason" is not null and "evaluations"."override_points" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"employer" text NOT NULL,
	"employer_org_id" integer,
	"title" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "experts_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "firm_ledger" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"firm_id" integer NOT NULL,
	"evaluation_id" integer NOT NULL,
	"on_time" boolean NOT NULL,
	"reworks" smallint DEFAULT 0 NOT NULL,
	"rating" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "firm_ledger_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "firm_ledger_rating_ck" CHECK ("firm_ledger"."rating" in ('excellent','good','fair','poor')),
	CONSTRAINT "firm_ledger_reworks_ck" CHECK ("firm_ledger"."reworks" between 0 and 99)
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"notice_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"problem" text NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"verdict_note" text,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "rectification_items_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "rectification_items_status_ck" CHECK ("rectification_items"."status" in ('issued','answered','accepted','returned'))
);
--> statement-breakpoint
CREATE TABLE "rectification_notices" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"source" text NOT NULL,
	"source_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"issued_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "rectification_notices_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "rectification_notices_source_ck" CHECK ("rectification_notices"."source" in ('evaluation','review','monitoring'))
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_kind_ck";--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_evaluation_fk" FOREIGN KEY ("evaluation_id","region_code") REFERENCES "public"."evaluations"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_expert_fk" FOREIGN KEY ("expert_id","region_code") REFERENCES "public"."experts"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_member_fk" FOREIGN KEY ("member_id","region_code") REFERENCES "public"."evaluation_members"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ties" ADD CONSTRAINT "evaluation_ties_expert_fk" FOREIGN KEY ("expert_id","region_code") REFERENCES "public"."experts"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ties" ADD CONSTRAINT "evaluation_ties_firm_fk" FOREIGN KEY ("firm_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ties" ADD CONSTRAINT "evaluation_ties_org_fk" FOREIGN KEY ("org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_fk" FOREIGN KEY ("project_id","region_code") REFERENCES "public"."projects"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_owner_fk" FOREIGN KEY ("owner_org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_firm_fk" FOREIGN KEY ("firm_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_employer_fk" FOREIGN KEY ("employer_org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_ledger" ADD CONSTRAINT "firm_ledger_firm_fk" FOREIGN KEY ("firm_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_ledger" ADD CONSTRAINT "firm_ledger_evaluation_fk" FOREIGN KEY ("evaluation_id","region_code") REFERENCES "public"."evaluations"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_notice_fk" FOREIGN KEY ("notice_id","region_code") REFERENCES "public"."rectification_notices"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_notices" ADD CONSTRAINT "rectification_notices_unit_fk" FOREIGN KEY ("unit_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_members_expert_uq" ON "evaluation_members" USING btree ("evaluation_id","expert_id","region_code");--> statement-breakpoint
CREATE INDEX "evaluation_members_user_idx" ON "evaluation_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_scores_uq" ON "evaluation_scores" USING btree ("member_id","uid","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_project_uq" ON "evaluations" USING btree ("region_code","fiscal_year","kind","project_id");--> statement-breakpoint
CREATE INDEX "evaluations_year_idx" ON "evaluations" USING btree ("region_code","fiscal_year","kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_uq" ON "experts" USING btree ("user_id","region_code");--> statement-breakpoint
CREATE INDEX "experts_region_idx" ON "experts" USING btree ("region_code","active");--> statement-breakpoint
CREATE UNIQUE INDEX "firm_ledger_evaluation_uq" ON "firm_ledger" USING btree ("evaluation_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_items_seq_uq" ON "rectification_items" USING btree ("notice_id","seq","region_code");--> statement-breakpoint
CREATE INDEX "rectification_items_status_idx" ON "rectification_items" USING btree ("region_code","status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_notices_source_uq" ON "rectification_notices" USING btree ("region_code","source","source_id","unit_id");--> statement-breakpoint
CREATE INDEX "rectification_notices_year_idx" ON "rectification_notices" USING btree ("region_code","fiscal_year");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration','goal_revision','monitoring_selection','monitoring_department','monitoring_key','monitoring_action','selfeval','selfeval_review','rectification','evaluation_scoring','department_evaluation'));