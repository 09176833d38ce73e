-- The one-stop figures of closed months, kept so that a year over a million dossiers adds up twelve
-- months of small rows instead of re-reading every dossier (reporting/statistics/rollup.ts). They are
-- derived data: counted from the dossiers with the same set definitions as the live figures, and
-- marked stale by the triggers below whenever a change could alter a closed month's figures; a stale
-- or missing month is counted again before it is read. Hand-written: drizzle has no triggers.
-- Until when a dossier can count in a period (open: always), so that the live part of the statistics
-- (the current month) reads only the dossiers active in it, from one narrow index, not all of them.
ALTER TABLE "dossier" ADD COLUMN IF NOT EXISTS "active_until" timestamp with time zone
  GENERATED ALWAYS AS (CASE WHEN "received_at" IS NOT NULL AND "outcome_at" IS NULL THEN 'infinity'::timestamptz
    ELSE greatest("received_at", "outcome_at", "stopped_at", "returned_at", "finished_at", "rated_at") END) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dossier_stats_active_idx" ON "dossier" ("active_until")
  INCLUDE ("received_at", "outcome_at", "outcome", "channel", "status", "stopped_at", "returned_at",
    "return_method", "result", "finished_at", "digitized_at", "rated_at", "rating", "working_days_taken",
    "due_at", "competent_agency_id", "receiving_agency_id", "procedure_id", "procedure_version", "id");
--> statement-breakpoint
-- It replaces the index by receipt date of migration 0014, which every statistic had to read whole.
DROP INDEX IF EXISTS "dossier_stats_cover_idx";
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "reporting_rollup_month" (
  "month" date PRIMARY KEY,
  -- The month as instants, [starts_at, ends_at) between Vietnamese midnights.
  "starts_at" timestamp with time zone NOT NULL,
  "ends_at" timestamp with time zone NOT NULL,
  -- A digest of the set definitions the month was counted with: a changed definition recounts it.
  "definition" text NOT NULL,
  "stale" boolean NOT NULL DEFAULT false,
  "counted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "reporting_rollup" (
  "month" date NOT NULL REFERENCES "reporting_rollup_month" ("month") ON DELETE CASCADE,
  -- The grain every filter and breakdown of the statistics can be read from.
  "competent_agency_id" uuid,
  "receiving_agency_id" uuid,
  "procedure_id" uuid,
  "procedure_version" integer,
  "channel" text,
  -- The size of each set of TALLIED in rollup.ts (a change there needs a migration here), the
  -- ratings' sum, and the working days taken by the dossiers resolved in the month (count, sum).
  "received" integer NOT NULL,
  "received_direct" integer NOT NULL,
  "received_online" integer NOT NULL,
  "received_postal" integer NOT NULL,
  "carried_over" integer NOT NULL,
  "resolved" integer NOT NULL,
  "resolved_early" integer NOT NULL,
  "resolved_on_time" integer NOT NULL,
  "resolved_in_time" integer NOT NULL,
  "resolved_late" integer NOT NULL,
  "pending" integer NOT NULL,
  "pending_on_time" integer NOT NULL,
  "pending_overdue" integer NOT NULL,
  "refused_at_intake" integer NOT NULL,
  "withdrawn" integer NOT NULL,
  "suspended" integer NOT NULL,
  "returned" integer NOT NULL,
  "returned_electronic" integer NOT NULL,
  "digitizable" integer NOT NULL,
  "digitized" integer NOT NULL,
  "reused" integer NOT NULL,
  "approved" integer NOT NULL,
  "approved_with_e_result" integer NOT NULL,
  "online_counted" integer NOT NULL,
  "rated" integer NOT NULL,
  "rated_low" integer NOT NULL,
  "star_1" integer NOT NULL,
  "star_2" integer NOT NULL,
  "star_3" integer NOT NULL,
  "star_4" integer NOT NULL,
  "star_5" integer NOT NULL,
  "rating_sum" integer NOT NULL,
  "days_n" integer NOT NULL,
  "days_sum" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_rollup_month_idx" ON "reporting_rollup" ("month");
--> statement-breakpoint
-- "Supplement requested" counts a dossier once per period, however many months it was asked in, so
-- it cannot be summed: the months keep which dossiers were asked (with the grain), to count distinct.
CREATE TABLE IF NOT EXISTS "reporting_rollup_supplement" (
  "month" date NOT NULL REFERENCES "reporting_rollup_month" ("month") ON DELETE CASCADE,
  "dossier_id" uuid NOT NULL,
  "competent_agency_id" uuid,
  "receiving_agency_id" uuid,
  "procedure_id" uuid,
  "procedure_version" integer,
  "channel" text,
  "requests" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_rollup_supplement_month_idx" ON "reporting_rollup_supplement" ("month");
--> statement-breakpoint
-- The supplement requests of a month, for counting it (and the live month) without reading event rows.
CREATE INDEX IF NOT EXISTS "dossier_event_supplement_idx" ON "dossier_event" ("at") INCLUDE ("dossier_id")
  WHERE "type" = 'request_supplement';
--> statement-breakpoint
-- Marks stale every kept month that ends after `from_at` (a change to a dossier's state over time:
-- received, resolved, its events) or that contains one of `points` (a change to something counted in
-- the month an instant falls in: stopped, returned, finished, rated, or what was received).
CREATE OR REPLACE FUNCTION reporting_rollup_mark_stale(from_at timestamptz, points timestamptz[])
  RETURNS void LANGUAGE sql AS $$
  UPDATE reporting_rollup_month m SET stale = true
  WHERE NOT m.stale
    AND (m.ends_at > from_at
      OR EXISTS (SELECT 1 FROM unnest(points) p WHERE p >= m.starts_at AND p < m.ends_at))
$$;
--> statement-breakpoint
-- Work happens now, in the current month, which is never kept: an ordinary transition marks nothing.
-- Only what reaches back (a late return, digitization or reused file counted in the month of receipt;
-- a back-dated or corrected row; a transfer to another agency) marks closed months.
CREATE OR REPLACE FUNCTION reporting_rollup_dossier_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reporting_rollup_month WHERE NOT stale) THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_rollup_mark_stale(least(NEW.received_at, NEW.outcome_at, NEW.stopped_at,
      NEW.returned_at, NEW.finished_at, NEW.rated_at), '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark_stale(least(OLD.received_at, OLD.outcome_at, OLD.stopped_at,
      OLD.returned_at, OLD.finished_at, OLD.rated_at), '{}');
  ELSE
    PERFORM reporting_rollup_mark_stale(
      least(
        CASE WHEN OLD.received_at IS DISTINCT FROM NEW.received_at
          THEN least(OLD.received_at, NEW.received_at) END,
        CASE WHEN OLD.outcome_at IS DISTINCT FROM NEW.outcome_at
          THEN least(OLD.outcome_at, NEW.outcome_at) END,
        CASE WHEN (OLD.competent_agency_id, OLD.receiving_agency_id, OLD.procedure_id,
            OLD.procedure_version, OLD.channel)
          IS DISTINCT FROM (NEW.competent_agency_id, NEW.receiving_agency_id, NEW.procedure_id,
            NEW.procedure_version, NEW.channel)
          THEN least(OLD.received_at, OLD.outcome_at, OLD.stopped_at, OLD.returned_at,
            OLD.finished_at, OLD.rated_at, NEW.received_at, NEW.outcome_at, NEW.stopped_at,
            NEW.returned_at, NEW.finished_at, NEW.rated_at) END),
      ARRAY[
        CASE WHEN (OLD.stopped_at, OLD.status) IS DISTINCT FROM (NEW.stopped_at, NEW.status)
          THEN OLD.stopped_at END,
        CASE WHEN (OLD.stopped_at, OLD.status) IS DISTINCT FROM (NEW.stopped_at, NEW.status)
          THEN NEW.stopped_at END,
        CASE WHEN (OLD.outcome, OLD.working_days_taken) IS DISTINCT FROM (NEW.outcome, NEW.working_days_taken)
          THEN NEW.outcome_at END,
        CASE WHEN (OLD.returned_at, OLD.return_method) IS DISTINCT FROM (NEW.returned_at, NEW.return_method)
          THEN OLD.returned_at END,
        CASE WHEN (OLD.returned_at, OLD.return_method) IS DISTINCT FROM (NEW.returned_at, NEW.return_method)
          THEN NEW.returned_at END,
        CASE WHEN (OLD.return_method, OLD.digitized_at) IS DISTINCT FROM (NEW.return_method, NEW.digitized_at)
          THEN NEW.received_at END,
        CASE WHEN (OLD.finished_at, OLD.result) IS DISTINCT FROM (NEW.finished_at, NEW.result)
          THEN OLD.finished_at END,
        CASE WHEN (OLD.finished_at, OLD.result) IS DISTINCT FROM (NEW.finished_at, NEW.result)
          THEN NEW.finished_at END,
        CASE WHEN (OLD.rated_at, OLD.rating) IS DISTINCT FROM (NEW.rated_at, NEW.rating)
          THEN OLD.rated_at END,
        CASE WHEN (OLD.rated_at, OLD.rating) IS DISTINCT FROM (NEW.rated_at, NEW.rating)
          THEN NEW.rated_at END]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "reporting_rollup_dossier" ON "dossier";
--> statement-breakpoint
CREATE TRIGGER "reporting_rollup_dossier" AFTER INSERT OR UPDATE OR DELETE ON "dossier"
  FOR EACH ROW EXECUTE FUNCTION reporting_rollup_dossier_changed();
--> statement-breakpoint
-- A lifecycle event carries the due date in force after it: a month's open-and-overdue figure reads
-- it. A supplement request is kept in the month it was made.
CREATE OR REPLACE FUNCTION reporting_rollup_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reporting_rollup_month WHERE NOT stale) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM reporting_rollup_mark_stale(CASE WHEN OLD.due_at IS NOT NULL THEN OLD.at END,
      CASE WHEN OLD.type = 'request_supplement' THEN ARRAY[OLD.at] ELSE '{}' END);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM reporting_rollup_mark_stale(CASE WHEN NEW.due_at IS NOT NULL THEN NEW.at END,
      CASE WHEN NEW.type = 'request_supplement' THEN ARRAY[NEW.at] ELSE '{}' END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "reporting_rollup_event" ON "dossier_event";
--> statement-breakpoint
CREATE TRIGGER "reporting_rollup_event" AFTER INSERT OR UPDATE OR DELETE ON "dossier_event"
  FOR EACH ROW EXECUTE FUNCTION reporting_rollup_event_changed();
--> statement-breakpoint
-- A reused file counts in the month of receipt, an electronic result in the month it was finished.
CREATE OR REPLACE FUNCTION reporting_rollup_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_dossier uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reporting_rollup_month WHERE NOT stale) THEN RETURN NULL; END IF;
  PERFORM reporting_rollup_mark_stale(NULL, ARRAY[d.received_at, d.finished_at])
    FROM dossier d WHERE d.id = changed_dossier;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "reporting_rollup_file" ON "dossier_file";
--> statement-breakpoint
CREATE TRIGGER "reporting_rollup_file" AFTER INSERT OR UPDATE OR DELETE ON "dossier_file"
  FOR EACH ROW EXECUTE FUNCTION reporting_rollup_file_changed();
--> statement-breakpoint
-- Whether a procedure's result is on paper decides which online dossiers count (Decision 766).
CREATE OR REPLACE FUNCTION reporting_rollup_procedure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reporting_rollup_mark_stale('-infinity', '{}');
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "reporting_rollup_procedure" ON "catalog_procedure_version";
--> statement-breakpoint
CREATE TRIGGER "reporting_rollup_procedure" AFTER UPDATE OF "result_type" ON "catalog_procedure_version"
  FOR EACH ROW WHEN (OLD.result_type IS DISTINCT FROM NEW.result_type)
  EXECUTE FUNCTION reporting_rollup_procedure_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reporting_rollup_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reporting_rollup_month;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "reporting_rollup_truncate" ON "dossier";
--> statement-breakpoint
CREATE TRIGGER "reporting_rollup_truncate" AFTER TRUNCATE ON "dossier"
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_forget();
