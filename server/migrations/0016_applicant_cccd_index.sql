CREATE INDEX "dossier_applicant_cccd_idx" ON "dossier" USING btree (("applicant"->>'cccd'));--> statement-breakpoint
-- Statistics for the new expression now, not at the next autovacuum: without them the planner
-- guesses 500 dossiers per CCCD and walks the due-date order instead of using this index.
ANALYZE "dossier";