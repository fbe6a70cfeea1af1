-- Hash-chained audit log: each row carries SHA-256 over the previous row's hash and its own
-- content, so that altering or removing a row breaks the chain at that row. Appends are
-- serialised per schema with an advisory lock, and the id is assigned under that lock, so
-- id order is chain order even with concurrent writers. The digest uses the epoch in microseconds, not the text of the
-- timestamp, so it does not depend on the session's time zone.
CREATE FUNCTION audit_log_digest(prev bytea, id bigint, at timestamptz, actor text, action text,
    subject text, request_id text, details jsonb, ip text) RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(chr(31), id::text,
    (extract(epoch from at) * 1000000)::bigint::text, actor, action, coalesce(subject, ''),
    coalesce(request_id, ''), coalesce(details::text, ''), coalesce(ip, '')), 'UTF8'));
--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_id bigint;
  last_hash bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(current_schema() || '.audit_log', 0));
  SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a ORDER BY a.id DESC LIMIT 1;
  NEW.id := coalesce(last_id, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_log_digest(last_hash, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject,
    NEW.request_id, NEW.details, NEW.ip);
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Rows written before the chain existed are chained in id order.
DO $$
DECLARE
  r record;
  last_hash bytea;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log SET prev_hash = last_hash,
      hash = audit_log_digest(last_hash, r.id, r.at, r.actor, r.action, r.subject, r.request_id, r.details, r.ip)
    WHERE id = r.id RETURNING hash INTO last_hash;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
