-- KMN.Orleans: versioned consent, break-the-glass and ONE tamper-evident audit trail (issue 5).

-- Append-only tables refuse updates and deletes by trigger, not only by convention.
CREATE FUNCTION kmn_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;

-- Every version of every patient's consent. The patient's record grain is the only writer, so versions of one
-- patient never race; the primary key is the safety net if two activations ever did. kmn_consent (0006) stays
-- as the inbox of consents that arrive inside FHIR uploads: the grain turns each of its rows into a version
-- here and remembers the row it came from (source_consent_seq).
CREATE TABLE kmn_consent_version (
    network_patient_id     text NOT NULL,
    version                integer NOT NULL CHECK (version > 0),
    change                 text NOT NULL CHECK (change IN ('register', 'add', 'remove', 'revoke', 'upload')),
    changed_at             timestamptz NOT NULL,
    changed_by_facility    text NOT NULL,
    changed_by_account     text,
    consent_date           date NOT NULL,
    signer                 text NOT NULL CHECK (signer IN ('本人', '代理人')),
    signer_name            text,
    signer_relationship    text,
    all_facilities         boolean NOT NULL,
    permitted_facilities   text[] NOT NULL DEFAULT '{}',
    revoked                boolean NOT NULL,
    registered_by_facility text NOT NULL,
    registered_by_account  text,
    form_reference         text,
    fhir_resource_id       text,
    source_consent_seq     bigint,
    note                   text,
    PRIMARY KEY (network_patient_id, version)
);
CREATE INDEX kmn_consent_version_by_source ON kmn_consent_version (network_patient_id, source_consent_seq)
    WHERE source_consent_seq IS NOT NULL;
CREATE TRIGGER kmn_consent_version_no_update_or_delete BEFORE UPDATE OR DELETE ON kmn_consent_version
    FOR EACH ROW EXECUTE FUNCTION kmn_refuse_change();

-- Break-the-glass openings: the grant (who, until when, why) and the operator's review that closes it.
CREATE TABLE kmn_break_glass (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_patient_id text NOT NULL,
    account_id         text NOT NULL,
    actor_name         text NOT NULL,
    facility_code      text NOT NULL,
    role               text NOT NULL,
    reason_code        text NOT NULL,
    reason_text        text NOT NULL CHECK (length(btrim(reason_text)) > 0),
    granted_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    notified_facility  text,
    reviewed_at        timestamptz,
    reviewed_by        text,
    review_note        text
);
CREATE INDEX kmn_break_glass_active ON kmn_break_glass (network_patient_id, expires_at);
CREATE INDEX kmn_break_glass_open ON kmn_break_glass (id) WHERE reviewed_at IS NULL;

-- The one audit trail, shaped like a FHIR AuditEvent: when, type and action, outcome, who (account, facility,
-- role), which patient, purpose, what (categories, resource count, query). Replaces kmn_audit_event of 0006
-- and kmn_security_event of 0007; their rows are moved over below.
--
-- Tamper evidence: rows form hash chains, one per chain_key ('patient:<id>', 'account:<id>',
-- 'facility:<code>', 'security'). chain_seq numbers a chain without gaps; prev_hash is the row_hash of the
-- chain's previous row (32 zero bytes for the first); row_hash = sha256(prev_hash || the row's content). The
-- insert trigger computes both under a per-chain transaction lock, so concurrent writers of one chain (two
-- silos reading one patient) queue for a moment instead of forking it. Editing a row breaks its row_hash;
-- deleting one breaks the next row's prev_hash. `KMN.Orleans.Silo audit-verify` reports every break.
CREATE TEMP TABLE kmn_audit_event_0006 ON COMMIT DROP AS SELECT * FROM kmn_audit_event;
DROP TABLE kmn_audit_event;

CREATE TABLE kmn_audit_event (
    seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_key          text NOT NULL,
    chain_seq          bigint NOT NULL,
    occurred_at        timestamptz NOT NULL,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    event_type         text NOT NULL,   -- record-access, record-upload, consent, facility-policy, break-glass, security
    action             text NOT NULL,   -- read, search, upload, consent-register, break-glass, sign-in, ...
    outcome            text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied', 'not-found')),
    reason             text,
    account_id         text,
    actor_name         text,
    facility_code      text,
    role               text,            -- Japanese role name (医師, 看護師, ...); NULL for a facility's system
    network_patient_id text,
    purpose            text,            -- v3 PurposeOfUse: TREAT, ETREAT, HOPERAT, ...
    categories         text[] NOT NULL DEFAULT '{}',
    resource_count     integer NOT NULL DEFAULT 0,
    query              text,
    source_address     text,
    detail             jsonb NOT NULL DEFAULT '{}'::jsonb,
    prev_hash          bytea NOT NULL,
    row_hash           bytea NOT NULL,
    UNIQUE (chain_key, chain_seq)
);
CREATE INDEX kmn_audit_event_by_patient ON kmn_audit_event (network_patient_id, seq) WHERE network_patient_id IS NOT NULL;
CREATE INDEX kmn_audit_event_by_account ON kmn_audit_event (account_id, seq) WHERE account_id IS NOT NULL;
CREATE INDEX kmn_audit_event_by_facility ON kmn_audit_event (facility_code, seq);
CREATE INDEX kmn_audit_event_by_time ON kmn_audit_event (occurred_at);

-- The content a row's hash covers: every column but row_hash, in a fixed text form that does not depend on the
-- session (timestamps in UTC, jsonb in its canonical text).
CREATE FUNCTION kmn_audit_row_hash(e kmn_audit_event) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT sha256(e.prev_hash || convert_to(concat_ws(E'\x1f',
        e.seq::text, quote_nullable(e.chain_key), e.chain_seq::text,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        quote_nullable(e.event_type), quote_nullable(e.action), quote_nullable(e.outcome), quote_nullable(e.reason),
        quote_nullable(e.account_id), quote_nullable(e.actor_name), quote_nullable(e.facility_code),
        quote_nullable(e.role), quote_nullable(e.network_patient_id), quote_nullable(e.purpose),
        quote_nullable(array_to_string(e.categories, E'\x1e')), e.resource_count::text, quote_nullable(e.query),
        quote_nullable(e.source_address), e.detail::text), 'UTF8'))
$$;

CREATE FUNCTION kmn_audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous record;
BEGIN
    -- Held to the end of the inserting transaction: the next writer of this chain sees this row committed.
    PERFORM pg_advisory_xact_lock(hashtextextended('kmn-audit:' || NEW.chain_key, 0));
    SELECT chain_seq, row_hash INTO previous FROM kmn_audit_event
    WHERE chain_key = NEW.chain_key ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(previous.chain_seq, 0) + 1;
    NEW.prev_hash := coalesce(previous.row_hash, decode(repeat('00', 32), 'hex'));
    NEW.recorded_at := clock_timestamp();
    NEW.row_hash := kmn_audit_row_hash(NEW);
    RETURN NEW;
END;
$$;
CREATE TRIGGER kmn_audit_event_chain BEFORE INSERT ON kmn_audit_event
    FOR EACH ROW EXECUTE FUNCTION kmn_audit_event_chain();

CREATE TRIGGER kmn_audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON kmn_audit_event
    FOR EACH ROW EXECUTE FUNCTION kmn_refuse_change();
CREATE TRIGGER kmn_audit_event_no_truncate BEFORE TRUNCATE ON kmn_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION kmn_refuse_change();

-- Move the old trails over, oldest first, so every moved row joins its chain in its original order.
INSERT INTO kmn_audit_event (chain_key, chain_seq, occurred_at, event_type, action, outcome, facility_code,
    network_patient_id, resource_count, query, prev_hash, row_hash)
SELECT CASE WHEN network_patient_id IS NULL THEN 'facility:' || facility_code ELSE 'patient:' || network_patient_id END,
       0, recorded_at, CASE WHEN action = 'upload' THEN 'record-upload' ELSE 'record-access' END, action,
       CASE WHEN outcome IN ('success', 'failure', 'denied', 'not-found') THEN outcome ELSE 'failure' END,
       facility_code, network_patient_id, resource_count, query, '', ''
FROM kmn_audit_event_0006 ORDER BY seq;

INSERT INTO kmn_audit_event (chain_key, chain_seq, occurred_at, event_type, action, outcome, reason, account_id,
    actor_name, facility_code, role, source_address, detail, prev_hash, row_hash)
SELECT coalesce('account:' || account_id, 'security'), 0, occurred_at, 'security', action, outcome, reason, account_id,
       actor_name, facility_code, role, source_address,
       detail || jsonb_strip_nulls(jsonb_build_object('cardThumbprint', card_thumbprint, 'cardSerial', card_serial,
           'cardIssuer', card_issuer)),
       '', ''
FROM kmn_security_event ORDER BY id;

DROP TABLE kmn_security_event;
DROP FUNCTION kmn_security_event_refuse_change();

-- The security events as 0007 named them, for reports written against it. Updates through the view reach the
-- trail's triggers and are refused like any other.
CREATE VIEW kmn_security_event AS
SELECT seq AS id, occurred_at, recorded_at, action, outcome, reason, account_id, actor_name, facility_code, role,
       detail ->> 'cardThumbprint' AS card_thumbprint, detail ->> 'cardSerial' AS card_serial,
       detail ->> 'cardIssuer' AS card_issuer, source_address, detail
FROM kmn_audit_event WHERE event_type = 'security';
