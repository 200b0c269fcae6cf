CREATE TABLE "review_comments" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"entity" text NOT NULL,
	"record_id" integer NOT NULL,
	"round_id" integer,
	"item_key" text,
	"item_label" text DEFAULT '' NOT NULL,
	"stage" text NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"reviewer" text NOT NULL,
	"body" text NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "review_comments_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "review_comments_stage_ck" CHECK ("review_comments"."stage" in ('return','approve'))
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"entity" text NOT NULL,
	"record_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"content" jsonb NOT NULL,
	"note" text,
	"submitted_by" integer,
	"submitter_name" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "review_rounds_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "review_rounds_outcome_ck" CHECK ("review_rounds"."outcome" in ('pending','returned','approved','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_kind_ck";--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_round_fk" FOREIGN KEY ("round_id","region_code") REFERENCES "public"."review_rounds"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_comments_record_idx" ON "review_comments" USING btree ("region_code","entity","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_uq" ON "review_rounds" USING btree ("region_code","entity","record_id","seq");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_ck" CHECK ("tasks"."kind" in ('goal_declaration','goal_revision'));--> statement-breakpoint
-- Comments written before review threads existed move into them: the general comment of each return and
-- the per-indicator comments of each return or approval, under the table they were written on.
INSERT INTO "review_comments" ("region_code", "entity", "record_id", "item_key", "item_label", "stage", "author_id",
  "author_name", "reviewer", "body", "created_at", "updated_at")
SELECT t."region_code", 'goal_table', t."goal_table_id", c."key", coalesce(i."name", ''), t."action", t."actor_id",
  t."actor_name", CASE WHEN t."from_status" = 'submitted' THEN 'department' ELSE 'finance' END, c."value", t."at", t."at"
FROM "goal_transitions" t
CROSS JOIN LATERAL jsonb_each_text(t."indicator_comments") c
LEFT JOIN "goal_indicators" i ON i."goal_table_id" = t."goal_table_id" AND i."region_code" = t."region_code" AND i."uid" = c."key"
WHERE t."indicator_comments" IS NOT NULL AND jsonb_typeof(t."indicator_comments") = 'object' AND t."action" IN ('return', 'approve')
  AND c."value" IS NOT NULL AND btrim(c."value") <> '';--> statement-breakpoint
INSERT INTO "review_comments" ("region_code", "entity", "record_id", "stage", "author_id", "author_name", "reviewer",
  "body", "created_at", "updated_at")
SELECT t."region_code", 'goal_table', t."goal_table_id", 'return', t."actor_id", t."actor_name",
  CASE WHEN t."from_status" = 'submitted' THEN 'department' ELSE 'finance' END, t."comment", t."at", t."at"
FROM "goal_transitions" t
WHERE t."action" = 'return' AND coalesce(t."comment", '') <> '';
