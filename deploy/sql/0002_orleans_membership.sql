-- KMN.Orleans: cluster membership for Orleans.Clustering.AdoNet (10.4.x contract).
-- One version row per cluster (DeploymentId); every membership change bumps it by exactly one, atomically
-- with the row change. Times are timestamptz: Npgsql sends UTC instants and we must never shift them.
CREATE TABLE orleans_cluster_version (
    deployment_id text PRIMARY KEY,
    version       integer NOT NULL DEFAULT 0 CHECK (version >= 0),
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_silo (
    deployment_id   text NOT NULL REFERENCES orleans_cluster_version (deployment_id) ON DELETE CASCADE,
    address         text NOT NULL,
    port            integer NOT NULL,
    generation      integer NOT NULL,
    silo_name       text NOT NULL,
    host_name       text NOT NULL,
    status          integer NOT NULL,
    proxy_port      integer NOT NULL DEFAULT 0,
    suspect_times   text NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);
CREATE INDEX orleans_silo_by_status ON orleans_silo (deployment_id, status);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_cluster_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM created
$q$),
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_cluster_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND NOT EXISTS (SELECT 1 FROM orleans_silo
                        WHERE deployment_id = @DeploymentId AND address = @Address
                          AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
inserted AS (
    INSERT INTO orleans_silo (deployment_id, address, port, generation, silo_name, host_name, status,
                              proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, NULL, @StartTime, @IAmAliveTime
      FROM bumped
    RETURNING 1)
SELECT (SELECT count(*) FROM inserted)::integer
$q$),
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_cluster_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND EXISTS (SELECT 1 FROM orleans_silo
                    WHERE deployment_id = @DeploymentId AND address = @Address
                      AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
changed AS (
    UPDATE orleans_silo s
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM bumped b
     WHERE s.deployment_id = b.deployment_id AND s.address = @Address
       AND s.port = @Port AND s.generation = @Generation
    RETURNING 1)
SELECT CASE WHEN (SELECT count(*) FROM bumped) = (SELECT count(*) FROM changed)
            THEN (SELECT count(*) FROM changed)::integer
            ELSE kmn_abort('membership row vanished during update') END
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_silo
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('MembershipReadAllKey', $q$
SELECT s.address AS Address, s.port AS Port, s.generation AS Generation,
       COALESCE(s.silo_name, '') AS SiloName, s.host_name AS HostName, s.status AS Status,
       s.proxy_port AS ProxyPort, s.suspect_times AS SuspectTimes, s.start_time AS StartTime,
       s.i_am_alive_time AS IAmAliveTime, v.version AS Version
  FROM orleans_cluster_version v
  LEFT JOIN orleans_silo s ON s.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadRowKey', $q$
SELECT s.address AS Address, s.port AS Port, s.generation AS Generation,
       COALESCE(s.silo_name, '') AS SiloName, s.host_name AS HostName, s.status AS Status,
       s.proxy_port AS ProxyPort, s.suspect_times AS SuspectTimes, s.start_time AS StartTime,
       s.i_am_alive_time AS IAmAliveTime, v.version AS Version
  FROM orleans_cluster_version v
  LEFT JOIN orleans_silo s ON s.deployment_id = v.deployment_id
        AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
  FROM orleans_silo
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_cluster_version WHERE deployment_id = @DeploymentId
$q$),
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_silo
 WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$q$),
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_silo
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
