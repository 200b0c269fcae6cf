CREATE TABLE "review_conflicts" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"firm_id" integer NOT NULL,
	"user_id" integer,
	"org_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "review_conflicts_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "selfeval_draws" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"algorithm" text NOT NULL,
	"record" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "selfeval_draws_pkey" PRIMARY KEY("id","region_code")
);
--> statement-breakpoint
CREATE TABLE "selfeval_review_items" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"review_id" integer NOT NULL,
	"uid" text NOT NULL,
	"points" numeric(7, 2),
	"not_applicable" boolean DEFAULT false NOT NULL,
	"comment" text,
	CONSTRAINT "selfeval_review_items_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "selfeval_review_items_points_ck" CHECK ("selfeval_review_items"."points" is null or "selfeval_review_items"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "selfeval_reviews" (
	"id" serial NOT NULL,
	"region_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"form_id" integer NOT NULL,
	"basis" text NOT NULL,
	"firm_id" integer,
	"reviewer_id" integer,
	"status" text DEFAULT 'unassigned' NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"review_note" text,
	"assigned_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT app_now() NOT NULL,
	CONSTRAINT "selfeval_reviews_pkey" PRIMARY KEY("id","region_code"),
	CONSTRAINT "selfeval_reviews_basis_ck" CHECK ("selfeval_reviews"."basis" in ('deptWide','forced','sampled','added')),
	CONSTRAINT "selfeval_reviews_status_ck" CHECK ("selfeval_reviews"."status" in ('unassigned','assigned','submitted','returned','confirmed')),
	CONSTRAINT "selfeval_reviews_assigned_ck" CHECK (("selfeval_reviews"."status" = 'unassigned') = ("selfeval_reviews"."reviewer_id" is null))
);
--> statement-breakpoint
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_firm_fk" FOREIGN KEY ("firm_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_org_fk" FOREIGN KEY ("org_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_review_items" ADD CONSTRAINT "selfeval_review_items_review_fk" FOREIGN KEY ("review_id","region_code") REFERENCES "public"."selfeval_reviews"("id","region_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_reviews" ADD CONSTRAINT "selfeval_reviews_form_fk" FOREIGN KEY ("form_id","region_code") REFERENCES "public"."selfeval_forms"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_reviews" ADD CONSTRAINT "selfeval_reviews_firm_fk" FOREIGN KEY ("firm_id","region_code") REFERENCES "public"."orgs"("id","region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_reviews" ADD CONSTRAINT "selfeval_reviews_reviewer_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_conflicts_firm_idx" ON "review_conflicts" USING btree ("region_code","firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_draws_year_uq" ON "selfeval_draws" USING btree ("region_code","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_review_items_uq" ON "selfeval_review_items" USING btree ("review_id","uid","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_reviews_form_uq" ON "selfeval_reviews" USING btree ("form_id","region_code");--> statement-breakpoint
CREATE INDEX "selfeval_reviews_year_idx" ON "selfeval_reviews" USING btree ("region_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "selfeval_reviews_reviewer_idx" ON "selfeval_reviews" USING btree ("reviewer_id");