-- Migration 0019 dropped a person's cached sign-ins on any change to their row, and every sign-in
-- writes last_login_at: each login cost a NOTIFY to every process and a fresh read of that person's
-- sessions. Only the columns a signed-in request relies on (who they are, how they prove it, whether
-- they may sign in at all) now drop the cache. last_login_at, failed_logins, locked_until and
-- totp_last_step are bookkeeping of the sign-in itself, read fresh from the table where they matter
-- (the password and second-factor checks, the users' list), never from a cached sign-in.
-- Hand-written: drizzle has no triggers.
DROP TRIGGER IF EXISTS identity_person_cache ON "identity_person";
--> statement-breakpoint
CREATE TRIGGER identity_person_cache
  AFTER UPDATE OF "id", "full_name", "cccd", "date_of_birth", "email", "phone", "address_commune_code",
    "address_detail", "assurance_level", "password_hash", "totp_secret", "totp_enabled_at", "status",
    "email_verified_at", "phone_verified_at"
  OR DELETE ON "identity_person"
  FOR EACH ROW EXECUTE FUNCTION cqs_cache_notify('auth', 'id');
