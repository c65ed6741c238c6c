-- KMN.Orleans: clinical records (issue 4). Append-only: a new version of a resource is a new row, never an
-- UPDATE, so appending to a patient with ten years of history costs the same as appending to a new one.

-- Every version of every FHIR resource a facility uploaded, raw JSON kept for fidelity plus the fields the
-- timeline and lab series query. network_patient_id is NULL for resources outside a patient compartment
-- (Organization, Practitioner, ...); those are tied to patients through kmn_patient_linked_resource.
CREATE TABLE kmn_clinical_resource (
    seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_type      text NOT NULL,
    resource_id        text NOT NULL,
    version_id         integer NOT NULL CHECK (version_id > 0),
    network_patient_id text,
    source_facility    text NOT NULL,
    source_id          text NOT NULL,
    effective          timestamptz,
    category           text,
    code_system        text,
    code               text,
    code_display       text,
    value_numeric      numeric,
    value_unit         text,
    content_hash       bytea NOT NULL,
    upload_id          uuid NOT NULL,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    resource           jsonb NOT NULL,
    UNIQUE (resource_type, resource_id, version_id)
);
CREATE INDEX kmn_clinical_resource_timeline ON kmn_clinical_resource (network_patient_id, effective);
CREATE INDEX kmn_clinical_resource_lab_series
    ON kmn_clinical_resource (network_patient_id, code_system, code, effective)
    WHERE resource_type = 'Observation';

-- The newest version of each resource: an index beside the append-only table, not the record. It is upserted in
-- the same transaction as the rows, so version checks and $everything read one row per resource however long
-- the history is; it can always be rebuilt from kmn_clinical_resource.
CREATE TABLE kmn_resource_head (
    resource_type      text NOT NULL,
    resource_id        text NOT NULL,
    version_id         integer NOT NULL,
    network_patient_id text,
    source_facility    text NOT NULL,
    content_hash       bytea NOT NULL,
    recorded_at        timestamptz NOT NULL,
    PRIMARY KEY (resource_type, resource_id)
);
CREATE INDEX kmn_resource_head_by_patient ON kmn_resource_head (network_patient_id, resource_type, resource_id)
    WHERE network_patient_id IS NOT NULL;

-- Resources outside the patient compartment that a patient's upload carried (for $everything).
CREATE TABLE kmn_patient_linked_resource (
    network_patient_id text NOT NULL,
    resource_type      text NOT NULL,
    resource_id        text NOT NULL,
    PRIMARY KEY (network_patient_id, resource_type, resource_id)
);

-- Business identifiers of Patient and Organization resources, for conditional references and ifNoneExist.
CREATE TABLE kmn_resource_identifier (
    resource_type   text NOT NULL,
    system          text NOT NULL,
    value           text NOT NULL,
    source_facility text NOT NULL,
    resource_id     text NOT NULL,
    PRIMARY KEY (resource_type, system, value, source_facility)
);

-- (facility, chart-number system, chart number) -> network patient. The first upload creates the network
-- patient (linked_by NULL); an explicit link of another facility's chart number names who, when and why.
-- Unlinking sets unlinked_at instead of deleting, so the history stays.
CREATE TABLE kmn_patient_identity (
    facility_code      text NOT NULL CHECK (facility_code ~ '^[0-9]{10}$'),
    chart_system       text NOT NULL,
    chart_number       text NOT NULL,
    network_patient_id text NOT NULL,
    linked_at          timestamptz NOT NULL DEFAULT now(),
    linked_by          text,
    link_reason        text,
    unlinked_at        timestamptz,
    unlinked_by        text,
    PRIMARY KEY (facility_code, chart_system, chart_number)
);
-- New network patient ids: '43' + 10 digits, numbered far above the demo network's 43000000xxxx.
CREATE SEQUENCE kmn_network_patient_seq START 5000000000 MAXVALUE 9999999999;
CREATE INDEX kmn_patient_identity_by_patient ON kmn_patient_identity (network_patient_id);

-- Every change of the cross-reference, kept forever: created by a first upload, linked or unlinked explicitly.
CREATE TABLE kmn_patient_identity_event (
    seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    facility_code      text NOT NULL,
    chart_system       text NOT NULL,
    chart_number       text NOT NULL,
    network_patient_id text NOT NULL,
    action             text NOT NULL CHECK (action IN ('create', 'link', 'unlink')),
    performed_by       text,
    reason             text
);
CREATE INDEX kmn_patient_identity_event_by_patient ON kmn_patient_identity_event (network_patient_id, recorded_at);

-- The basic consent (issue 5 versions it): who signed, when, and which facilities may read.
CREATE TABLE kmn_consent (
    seq                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_patient_id     text NOT NULL,
    consent_date           date NOT NULL,
    signer                 text NOT NULL CHECK (signer IN ('本人', '代理人')),
    all_facilities         boolean NOT NULL,
    permitted_facilities   text[] NOT NULL DEFAULT '{}',
    registered_by_facility text NOT NULL,
    resource_id            text,
    recorded_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kmn_consent_by_patient ON kmn_consent (network_patient_id);

-- Every read and upload through the FHIR API, written before any data is returned (issue 5 deepens it).
CREATE TABLE kmn_audit_event (
    seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    facility_code      text NOT NULL,
    action             text NOT NULL,
    network_patient_id text,
    query              text NOT NULL,
    resource_count     integer NOT NULL,
    outcome            text NOT NULL
);
CREATE INDEX kmn_audit_event_by_patient ON kmn_audit_event (network_patient_id, recorded_at);
