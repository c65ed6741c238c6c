-- KMN.Orleans: the table the Orleans ADO.NET providers read their SQL from.
-- The providers run "SELECT QueryKey, QueryText FROM OrleansQuery" unquoted, so every identifier here is
-- lower case and unqualified (public schema). Query texts are upserted by later migrations, which lets a
-- new migration correct a query without touching history.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- Raises from inside a single SQL statement, so a multi-part write can undo itself when its parts disagree
-- (plpgsql ASSERT is skipped when plpgsql.check_asserts is off, so it is not used for this).
CREATE FUNCTION kmn_abort(message text) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $fn$
BEGIN
    RAISE EXCEPTION '%', message USING ERRCODE = 'serialization_failure';
END
$fn$;
