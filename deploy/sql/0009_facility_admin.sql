-- KMN.Orleans: facility administration (issue 5 §6): the scanned consent forms, and finding the consents a
-- facility registered.

-- The signed consent (or withdrawal) form as the registering facility scanned it: a PDF or an image of at most
-- 10 MB. A consent version names it in form_reference ('consent-form:' || id). Stored before the version is
-- written; if the patient's record grain then refuses the consent, the row is deleted again, so a refused
-- registration leaves nothing behind. A stored form never changes.
CREATE TABLE kmn_consent_form (
    id                 uuid PRIMARY KEY,
    facility_code      text NOT NULL,
    network_patient_id text NOT NULL,
    file_name          text NOT NULL CHECK (length(btrim(file_name)) > 0),
    content_type       text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    content            bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 10485760),
    sha256             bytea NOT NULL,
    uploaded_at        timestamptz NOT NULL,
    uploaded_by        text
);
CREATE INDEX kmn_consent_form_by_patient ON kmn_consent_form (network_patient_id);
CREATE TRIGGER kmn_consent_form_no_update BEFORE UPDATE ON kmn_consent_form
    FOR EACH ROW EXECUTE FUNCTION kmn_refuse_change();

-- A facility's administrator lists the consents registered there: the patients whose versions name it.
CREATE INDEX kmn_consent_version_by_registrar ON kmn_consent_version (registered_by_facility, network_patient_id);
