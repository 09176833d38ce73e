-- The applicant's name folded once, when the row is written, instead of on every search: a stored
-- generated column (f_search_key is IMMUTABLE, migration 0007), so no write path can forget it, and
-- its trigram index replaces the expression index of 0009. A search's recheck of the candidate rows
-- then compares stored text instead of unaccenting every candidate name again.
-- Hand-written: the column is not declared in schema.ts (dossiers/schema.ts says why).
-- Adding it rewrites the table and its indexes: about 30 s for 1 million dossiers, with writes to
-- the dossiers blocked meanwhile. The rewrite clears the visibility map: run VACUUM ANALYZE dossier
-- afterwards (until autovacuum does) for the queues' index-only counts.
DROP INDEX "dossier_applicant_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "applicant_search_key" text GENERATED ALWAYS AS (f_search_key("applicant"->>'fullName')) STORED;--> statement-breakpoint
CREATE INDEX "dossier_applicant_search_key_trgm_idx" ON "dossier" USING gin ("applicant_search_key" gin_trgm_ops);--> statement-breakpoint
ANALYZE "dossier";
