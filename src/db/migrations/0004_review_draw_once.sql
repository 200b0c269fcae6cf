DROP INDEX "review_draws_year_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "review_draws_year_uq" ON "review_draws" USING btree ("region_code","fiscal_year");