-- KMN.Orleans: the security audit trail (issue 3). One row per sign-in attempt (success or refusal, with its
-- reason) and per card issuance, binding, revocation, password change and unlock. Shaped like a FHIR
-- AuditEvent: when, what action, outcome, who (account, facility, role), with what card, from where.
-- Append-only: rows are never updated or deleted, enforced by triggers, not only by convention.
CREATE TABLE kmn_security_event (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    action           text NOT NULL,           -- sign-in, card-issued, card-revoked, card-bound, ...
    outcome          text NOT NULL CHECK (outcome IN ('success', 'failure')),
    reason           text,                    -- SignInReason name for sign-ins (Ok, Revoked, WrongPassword, ...)
    account_id       text,
    actor_name       text,
    facility_code    text,
    role             text,                    -- Japanese role name (医師, 看護師, ...)
    card_thumbprint  text,                    -- SHA-256 of the certificate, lower-case hex
    card_serial      text,
    card_issuer      text,
    source_address   text,
    detail           jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX kmn_security_event_by_time ON kmn_security_event (occurred_at);
CREATE INDEX kmn_security_event_by_account ON kmn_security_event (account_id, occurred_at);

CREATE FUNCTION kmn_security_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kmn_security_event is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER kmn_security_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON kmn_security_event
    FOR EACH ROW EXECUTE FUNCTION kmn_security_event_refuse_change();
CREATE TRIGGER kmn_security_event_no_truncate
    BEFORE TRUNCATE ON kmn_security_event
    FOR EACH STATEMENT EXECUTE FUNCTION kmn_security_event_refuse_change();
