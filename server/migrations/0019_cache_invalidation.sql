-- Each process caches what hot paths read on every request (platform/cache.ts): a web session with
-- its person and roles, procedures' versions and the public catalogue's searches, the working-day
-- calendar. These triggers tell every process, through NOTIFY cqs_cache on commit, when the rows
-- behind a cache change, whoever changes them (the API, the command line, SQL by an administrator).
-- The payload is the topic, or "topic:key" (auth is keyed by the person). PostgreSQL sends a
-- transaction's identical notifications once: a catalogue import of 2,000 procedures is one message.
-- Hand-written: drizzle has no triggers.
CREATE OR REPLACE FUNCTION cqs_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  topic text := TG_ARGV[0];
  key_column text := TG_ARGV[1];
  changed jsonb := to_jsonb(coalesce(NEW, OLD));
BEGIN
  IF key_column IS NULL THEN
    PERFORM pg_notify('cqs_cache', topic);
  ELSE
    PERFORM pg_notify('cqs_cache', topic || ':' || (changed ->> key_column));
    IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> key_column) IS DISTINCT FROM (changed ->> key_column) THEN
      PERFORM pg_notify('cqs_cache', topic || ':' || (to_jsonb(OLD) ->> key_column));
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person's status, name, contact or assurance level (the applicant's snapshot of a submission).
CREATE TRIGGER identity_person_cache AFTER UPDATE OR DELETE ON "identity_person"
  FOR EACH ROW EXECUTE FUNCTION cqs_cache_notify('auth', 'id');
--> statement-breakpoint
CREATE TRIGGER identity_role_assignment_cache AFTER INSERT OR UPDATE OR DELETE ON "identity_role_assignment"
  FOR EACH ROW EXECUTE FUNCTION cqs_cache_notify('auth', 'person_id');
--> statement-breakpoint
-- A session revoked or cut short; last_seen_at, refreshed once a minute, is not a reason.
CREATE TRIGGER identity_web_session_cache AFTER UPDATE OF "revoked_at", "expires_at" OR DELETE ON "identity_web_session"
  FOR EACH ROW EXECUTE FUNCTION cqs_cache_notify('auth', 'person_id');
--> statement-breakpoint
-- The agency tree decides every officer's scope and where an online dossier goes.
CREATE TRIGGER identity_agency_cache AFTER INSERT OR UPDATE OR DELETE ON "identity_agency"
  FOR EACH STATEMENT EXECUTE FUNCTION cqs_cache_notify('auth');
--> statement-breakpoint
CREATE TRIGGER identity_agency_routing_cache AFTER INSERT OR UPDATE OR DELETE ON "identity_agency"
  FOR EACH STATEMENT EXECUTE FUNCTION cqs_cache_notify('catalog');
--> statement-breakpoint
CREATE TRIGGER catalog_procedure_cache AFTER INSERT OR UPDATE OR DELETE ON "catalog_procedure"
  FOR EACH STATEMENT EXECUTE FUNCTION cqs_cache_notify('catalog');
--> statement-breakpoint
CREATE TRIGGER catalog_procedure_version_cache AFTER INSERT OR UPDATE OR DELETE ON "catalog_procedure_version"
  FOR EACH STATEMENT EXECUTE FUNCTION cqs_cache_notify('catalog');
--> statement-breakpoint
CREATE TRIGGER calendar_schedule_cache AFTER INSERT OR UPDATE OR DELETE ON "platform_calendar_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION cqs_cache_notify('calendar');
