-- The statistics read these columns of every dossier in a period (reporting/statistics/dossier-sets.ts):
-- in one narrow index a year over a million dossiers is an index-only scan (≈200 MB), not a pass over
-- the full rows with their JSON state (≈1 GB). Not in schema.ts: drizzle's index builder has no INCLUDE.
CREATE INDEX IF NOT EXISTS "dossier_stats_cover_idx" ON "dossier" ("received_at")
  INCLUDE ("outcome_at", "outcome", "channel", "status", "stopped_at", "returned_at", "return_method", "result",
    "finished_at", "digitized_at", "rated_at", "rating", "working_days_taken", "due_at", "competent_agency_id",
    "receiving_agency_id", "procedure_id", "procedure_version", "id");
