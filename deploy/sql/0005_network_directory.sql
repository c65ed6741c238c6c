-- KMN.Orleans: the network directory, a read projection that facility and patient grains keep up to date
-- so lists, counts and (later) searches never activate thousands of grains. The grains stay the truth.
CREATE TABLE kmn_facility_directory (
    code          text PRIMARY KEY CHECK (code ~ '^[0-9]{10}$'),
    name          text NOT NULL,
    kind          smallint NOT NULL,
    municipality  text NOT NULL,
    provides_data boolean NOT NULL,
    status        smallint NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kmn_patient_directory (
    network_patient_id text PRIMARY KEY,
    family_name        text NOT NULL,
    given_name         text NOT NULL,
    family_name_kana   text NOT NULL,
    given_name_kana    text NOT NULL,
    birth_date         date NOT NULL,
    sex                smallint NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- (facility, chart number) -> network patient. One chart number names one patient at a facility.
CREATE TABLE kmn_patient_chart_number (
    facility_code      text NOT NULL,
    chart_number       text NOT NULL,
    network_patient_id text NOT NULL REFERENCES kmn_patient_directory (network_patient_id),
    PRIMARY KEY (facility_code, chart_number)
);
CREATE INDEX kmn_patient_chart_number_by_patient ON kmn_patient_chart_number (network_patient_id);
