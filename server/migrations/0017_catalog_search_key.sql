DROP INDEX "catalog_version_search_key_trgm_idx";--> statement-breakpoint
ALTER TABLE "catalog_procedure_version" ADD COLUMN "search_key" text GENERATED ALWAYS AS (f_search_key(name->>'vi')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_version_search_key_trgm_idx" ON "catalog_procedure_version" USING gin ("search_key" gin_trgm_ops) WHERE "catalog_procedure_version"."is_current";--> statement-breakpoint
ANALYZE "catalog_procedure_version";