-- KMN.Orleans: the (network_patient_id, effective) index on kmn_clinical_resource had no reader. The chart and
-- $everything find a patient's rows through kmn_resource_head (one row per resource), lab series use the partial
-- lab-series index, and single resources the (resource_type, resource_id, version_id) key. Every upload still paid
-- one btree insert per row for it (issue 4's ingest cost). A query that needs rows by patient and date gets its
-- index back in the migration that adds the query.
DROP INDEX IF EXISTS kmn_clinical_resource_timeline;
