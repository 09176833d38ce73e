-- Vietnamese search key: no case, no diacritics (đ → d), and the i/y spelling variants folded
-- ("đăng kí" = "đăng ký", "lí lịch" = "lý lịch"): a consonant followed by a word-final y reads as i.
-- Schema-qualified: PostgreSQL 17+ builds indexes with a search_path of pg_catalog only.
CREATE OR REPLACE FUNCTION f_search_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(public.f_unaccent(lower($1)), '([bcdghklmnpqrstvx])y\M', '\1i', 'g') $$;
