ALTER TABLE "goal_indicators" ADD COLUMN "uid" text DEFAULT gen_random_uuid()::text NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD COLUMN "previous_id" integer;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD COLUMN "carried_from_id" integer;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "retired" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "uses" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "last_year" smallint;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_previous_id_goal_tables_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."goal_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_carried_from_id_goal_tables_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."goal_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_indicators_uid_uq" ON "goal_indicators" USING btree ("goal_table_id","uid");