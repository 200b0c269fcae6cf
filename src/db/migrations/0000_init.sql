CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"org_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_org_id_project_id_purpose_pk" PRIMARY KEY("org_id","project_id","purpose")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"region_code" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dept_budgets" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"department_id" integer NOT NULL,
	"initial_budget" bigint DEFAULT 0 NOT NULL,
	"adjusted_budget" bigint DEFAULT 0 NOT NULL,
	"fiscal_funds" bigint DEFAULT 0 NOT NULL,
	"other_funds" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dept_budgets_split_ck" CHECK ("dept_budgets"."fiscal_funds" + "dept_budgets"."other_funds" = "dept_budgets"."adjusted_budget")
);
--> statement-breakpoint
CREATE TABLE "dept_execution" (
	"dept_budget_id" integer NOT NULL,
	"month" smallint NOT NULL,
	"executed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "dept_execution_dept_budget_id_month_pk" PRIMARY KEY("dept_budget_id","month"),
	CONSTRAINT "dept_execution_month_ck" CHECK ("dept_execution"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"counts" jsonb NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"sector" text,
	"contact_name" text,
	"contact_phone" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orgs_kind_ck" CHECK ("orgs"."kind" in ('bureau','department','unit','firm'))
);
--> statement-breakpoint
CREATE TABLE "project_execution" (
	"project_id" integer NOT NULL,
	"month" smallint NOT NULL,
	"executed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "project_execution_project_id_month_pk" PRIMARY KEY("project_id","month"),
	CONSTRAINT "project_execution_month_ck" CHECK ("project_execution"."month" between 1 and 12),
	CONSTRAINT "project_execution_amount_ck" CHECK ("project_execution"."executed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"category" text NOT NULL,
	"sector" text,
	"is_key" boolean DEFAULT false NOT NULL,
	"initial_budget" bigint DEFAULT 0 NOT NULL,
	"adjusted_budget" bigint DEFAULT 0 NOT NULL,
	"fiscal_funds" bigint DEFAULT 0 NOT NULL,
	"other_funds" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_category_ck" CHECK ("projects"."category" in ('recurring','continuing','one_off')),
	CONSTRAINT "projects_money_ck" CHECK ("projects"."initial_budget" >= 0 and "projects"."adjusted_budget" >= 0 and "projects"."fiscal_funds" >= 0 and "projects"."other_funds" >= 0),
	CONSTRAINT "projects_split_ck" CHECK ("projects"."fiscal_funds" + "projects"."other_funds" = "projects"."adjusted_budget")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"region_code" text NOT NULL,
	"org_id" integer NOT NULL,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_budgets" ADD CONSTRAINT "dept_budgets_department_id_orgs_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dept_execution" ADD CONSTRAINT "dept_execution_dept_budget_id_dept_budgets_id_fk" FOREIGN KEY ("dept_budget_id") REFERENCES "public"."dept_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_execution" ADD CONSTRAINT "project_execution_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_id_orgs_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_project_idx" ON "assignments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "dept_budgets_uq" ON "dept_budgets" USING btree ("region_code","fiscal_year","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orgs_region_code_uq" ON "orgs" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "orgs_parent_idx" ON "orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "orgs_path_idx" ON "orgs" USING btree ("region_code","path");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_year_code_uq" ON "projects" USING btree ("region_code","fiscal_year","code");--> statement-breakpoint
CREATE INDEX "projects_dept_idx" ON "projects" USING btree ("region_code","fiscal_year","department_id");--> statement-breakpoint
CREATE INDEX "projects_unit_idx" ON "projects" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree (lower("username"));