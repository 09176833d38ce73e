-- The raw-SQL limit of the submission benchmark (pgbench -M prepared): one transaction with the
-- three rows a submission writes (dossier, its event, a mail in the outbox), the same columns and
-- JSON shapes as the platform's, taken from a dossier the platform made in the same run:
--   pgbench -n -M prepared -c 16 -j 2 -T 15 -f bench/sql/submit.sql \
--     -D procedure=<uuid> -D version=<n> -D applicant_id=<uuid> -D desk=<uuid> -D competent=<uuid> \
--     -D applicant='<json>' -D form='<json>' -D state='<json>' <database>
-- The id is random (md5 of two random numbers) where the platform's is a UUIDv7.
\set a random(1, 1000000000000000000)
\set b random(1, 1000000000000000000)
BEGIN;
INSERT INTO dossier (id, procedure_id, procedure_version, channel, status, applicant_id, applicant,
    receiving_agency_id, competent_agency_id, form_data, state, idempotency_key, created_at, updated_at)
  VALUES (md5(:a::text || '-' || :b::text)::uuid, :procedure, :version, 'online', 'submitted', :applicant_id,
    :applicant, :desk, :competent, :form, :state, 'pgbench-' || :a::text || '-' || :b::text, now(), now());
INSERT INTO dossier_event (id, dossier_id, seq, type, from_status, to_status, actor_id, at, note, due_at, data)
  VALUES (gen_random_uuid(), md5(:a::text || '-' || :b::text)::uuid, 1, 'submit', 'draft', 'submitted',
    :applicant_id, now(), NULL, NULL, jsonb_build_object('channel', 'online', 'code', NULL));
INSERT INTO notification_outbox (id, notification_id, channel, recipient, subject, text, status, attempts,
    next_attempt_at, created_at)
  VALUES (gen_random_uuid(), NULL, 'email', 'citizen@bench.invalid', 'Hồ sơ đã được tiếp nhận',
    'Hồ sơ ' || :a::text || ' đã được tiếp nhận.', 'pending', 0, now(), now());
END;
