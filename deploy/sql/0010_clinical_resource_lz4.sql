-- KMN.Orleans: stored resource JSON compressed with lz4 instead of pglz (issue 4 ingest throughput).
-- Most Synthea-sized resources (claims, reports, encounters) are over the 2 kB TOAST threshold, so every upload
-- compresses them; pglz was about a tenth of the server's CPU during ingest, and lz4 compresses several times
-- faster (and decompresses faster for $everything) at a similar ratio. Only rows written from now on use it:
-- older rows stay pglz and are read as before. Needs a server built with lz4 (PostgreSQL 14+ from the PGDG and
-- Debian packages and the official container images are).
ALTER TABLE kmn_clinical_resource ALTER COLUMN resource SET COMPRESSION lz4;
