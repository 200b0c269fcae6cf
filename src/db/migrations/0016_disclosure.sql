CREATE TABLE "publication_versions" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"publication_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"drafted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"approver_id" integer,
	"approved_by" integer,
	"drafter_name" text,
	"approver_name" text,
	"published_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_comment" text,
	"check_override_reason" text,
	"check_findings" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "publication_versions_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "publication_versions_status_ck" CHECK ("publication_versions"."status" in ('draft','submitted','published','returned')),
	CONSTRAINT "publication_versions_number_ck" CHECK ("publication_versions"."number" >= 1),
	CONSTRAINT "publication_versions_four_eyes_ck" CHECK (("publication_versions"."approver_id" is null or "publication_versions"."approver_id" <> "publication_versions"."drafted_by") and ("publication_versions"."approved_by" is null or "publication_versions"."approved_by" <> "publication_versions"."drafted_by")),
	CONSTRAINT "publication_versions_published_ck" CHECK ("publication_versions"."status" <> 'published' or ("publication_versions"."published_at" is not null and "publication_versions"."approved_by" is not null
        and "publication_versions"."drafter_name" is not null and "publication_versions"."approver_name" is not null)),
	CONSTRAINT "publication_versions_note_ck" CHECK ("publication_versions"."number" = 1 or "publication_versions"."status" in ('draft','returned') or length(btrim("publication_versions"."change_note")) > 0),
	CONSTRAINT "publication_versions_override_ck" CHECK ("publication_versions"."check_override_reason" is null or length(btrim("publication_versions"."check_override_reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"department_id" integer,
	"created_by" integer,
	"latest_version" smallint DEFAULT 1 NOT NULL,
	"published_version" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "publications_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "publications_kind_ck" CHECK ("publications"."kind" in ('goal_tables','selfeval_results','evaluation_results','annual_report')),
	CONSTRAINT "publications_versions_ck" CHECK ("publications"."latest_version" >= 1 and ("publications"."published_version" is null or "publications"."published_version" between 1 and "publications"."latest_version"))
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_kind_ck";--> statement-breakpoint
ALTER TABLE "publication_versions" ADD CONSTRAINT "publication_versions_publication_fk" FOREIGN KEY ("publication_id","region_code") REFERENCES "public"."publications"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_versions" ADD CONSTRAINT "publication_versions_drafted_by_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_versions" ADD CONSTRAINT "publication_versions_approver_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_versions" ADD CONSTRAINT "publication_versions_approved_by_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_department_fk" FOREIGN KEY ("department_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "publication_versions_number_uq" ON "publication_versions" USING btree ("publication_id","number","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_versions_open_uq" ON "publication_versions" USING btree ("publication_id","region_code") WHERE "publication_versions"."status" <> 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "publications_kind_uq" ON "publications" USING btree ("region_code","fiscal_year","kind",coalesce("department_id", 0));--> statement-breakpoint
CREATE INDEX "publications_year_idx" ON "publications" USING btree ("region_code","fiscal_year","published_version");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration','goal_revision','monitoring_selection','monitoring_department','monitoring_key','monitoring_action','selfeval','selfeval_review','rectification','evaluation_scoring','department_evaluation','result_adjustment','publication_draft','publication_approve'));--> statement-breakpoint
-- A published version is final: its text, tables, dates and names never change and it is never removed, whoever
-- writes to the database (the application has no such statement; this holds for every other client too). A
-- correction is a new version.
CREATE OR REPLACE FUNCTION publication_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'publication version % (publication %) is published and cannot be changed', OLD.number, OLD.publication_id
      USING ERRCODE = '55000', HINT = 'A correction is a new version.';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER publication_versions_frozen BEFORE UPDATE OR DELETE ON "publication_versions"
  FOR EACH ROW EXECUTE FUNCTION publication_versions_frozen();
