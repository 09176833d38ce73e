-- The audit trail is append-only: no role the app uses may change or remove a row.
-- (Restore of a full backup disables user triggers inside its own transaction, as the table's owner.)
CREATE OR REPLACE FUNCTION platform_audit_log_refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION platform_audit_log_refuse_change();--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_truncate
  BEFORE TRUNCATE ON platform_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_refuse_change();
