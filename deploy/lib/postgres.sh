# shellcheck shell=bash disable=SC2034
# The private PostgreSQL of a local run: data in .kmn/pgdata, listening on 127.0.0.1 only, socket in a
# private folder, superuser reachable only through that socket (peer auth), app role "kmn" with a
# generated password over TCP (scram). PostgreSQL refuses to run as root, so root runs it as "kmnpg".

KMN_PG_USER_ROOT="kmnpg"
KMN_PG_PREFERRED_PORT=54320
KMN_PG_MAX_CONNECTIONS=200
KMN_DB="kmn"
KMN_DB_ROLE="kmn"

pg_os_user() { if ((EUID == 0)); then echo "$KMN_PG_USER_ROOT"; else id -un; fi; }

# Runs from / so PostgreSQL tools never trip over a working directory that user cannot enter.
as_pg() {
    if ((EUID == 0)); then (cd / && runuser -u "$KMN_PG_USER_ROOT" -- "$@"); else (cd / && "$@"); fi
}

# The server binaries: pg_config's bindir when it has initdb, else the newest /usr/lib/postgresql/*/bin.
pg_find_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/psql ]] && { echo "$dir"; return 0; }
    fi
    dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/psql ]] && { echo "$dir"; return 0; }
    return 1
}

pg_ensure_installed() {
    if PG_BIN=$(pg_find_bindir); then return 0; fi
    if ((EUID != 0)); then
        printf 'error: PostgreSQL server binaries not found. Install them, then run this again:\n' >&2
        printf '    sudo apt-get update && sudo apt-get install -y postgresql postgresql-client\n' >&2
        exit 1
    fi
    say "Installing PostgreSQL from the distribution (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-client
    PG_BIN=$(pg_find_bindir) || die "PostgreSQL was installed but initdb/pg_ctl were not found"
}

pg_ensure_os_user() {
    ((EUID == 0)) || return 0
    id "$KMN_PG_USER_ROOT" >/dev/null 2>&1 && return 0
    say "Creating system user $KMN_PG_USER_ROOT to run PostgreSQL"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$KMN_PG_USER_ROOT"
}

# Sets PG_DATA, PG_SOCK, PG_LOG. Normally under .kmn; when the PostgreSQL user cannot reach the clone
# (e.g. root cloned into /root, mode 700) they move to /var/lib/kmn-orleans/<hash> and .kmn/pgdata
# becomes a symlink to the real data folder, so the choice is remembered and still easy to find.
pg_resolve_paths() {
    local hash
    hash=$(printf '%s' "$KMN_REPO" | sha256sum | cut -c1-12)
    if [[ -L $KMN_HOME/pgdata ]] || ! as_pg test -x "$KMN_HOME" 2>/dev/null; then
        local area="/var/lib/kmn-orleans/$hash"
        if [[ ! -L $KMN_HOME/pgdata ]]; then
            note "user $(pg_os_user) cannot reach $KMN_HOME; PostgreSQL data goes to $area"
            mkdir -p "$area/pgdata" "$area/sock"
            chown -R "$(pg_os_user):" "$area"
            chmod 700 "$area/pgdata" "$area/sock"
            ln -s "$area/pgdata" "$KMN_HOME/pgdata"
        fi
        PG_DATA=$(readlink -f "$KMN_HOME/pgdata")
        area=$(dirname "$PG_DATA")
        PG_SOCK="$area/sock" PG_LOG="$area/postgres.log"
        ln -sfn "$PG_LOG" "$KMN_LOGS/postgres.log"
    else
        PG_DATA="$KMN_HOME/pgdata" PG_SOCK="$KMN_RUN/pg" PG_LOG="$KMN_LOGS/postgres.log"
    fi
    # A unix socket path must stay under ~107 bytes; long clone paths use a short private folder instead.
    if ((${#PG_SOCK} + 17 > 100)); then
        PG_SOCK="/tmp/kmn-pg-$(id -u "$(pg_os_user)")-$hash"
    fi
}

pg_prepare_dirs() {
    local dir
    for dir in "$PG_DATA" "$PG_SOCK"; do
        [[ -d $dir ]] || mkdir -p "$dir"
        if ((EUID == 0)); then chown "$KMN_PG_USER_ROOT:" "$dir"; fi
        chmod 700 "$dir"
    done
    touch "$PG_LOG"
    if ((EUID == 0)); then chown "$KMN_PG_USER_ROOT:" "$PG_LOG"; fi
}

pg_ctl_() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"; }

# Running = pg_ctl says so and the PID in postmaster.pid really is a postgres process.
pg_running() {
    [[ -f $PG_DATA/postmaster.pid ]] || return 1
    pg_ctl_ status >/dev/null 2>&1 || return 1
    local pid
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/comm && $(<"/proc/$pid/comm") == postgres* ]]
}

# After a crash or power loss postmaster.pid may name a PID that is gone or now someone else's.
pg_remove_stale_pidfile() {
    local file="$PG_DATA/postmaster.pid"
    [[ -f $file ]] || return 0
    pg_running && return 0
    warn "removing stale $file (PID $(head -n 1 "$file") is not a running PostgreSQL)"
    rm -f "$file"
}

pg_initdb_if_empty() {
    [[ -s $PG_DATA/PG_VERSION ]] && return 0
    if [[ -n $(ls -A "$PG_DATA") ]]; then
        die "$PG_DATA is not empty but holds no PostgreSQL cluster; move it away or run deploy/down.sh --purge --yes"
    fi
    say "Creating the PostgreSQL cluster in $PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" --encoding=UTF8 --locale=C \
        --auth-local=peer --auth-host=scram-sha-256 >"$KMN_LOGS/initdb.log" 2>&1 \
        || { log_tail "$KMN_LOGS/initdb.log"; die "initdb failed"; }
    # Our settings live in one small file rewritten at every start; postgresql.conf stays stock.
    printf "\ninclude_if_exists = 'kmn.conf'\n" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
}

pg_write_settings() {
    as_pg tee "$PG_DATA/kmn.conf" >/dev/null <<EOF
# Written by deploy/up.sh at every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = $KMN_PG_MAX_CONNECTIONS
EOF
}

# Starts the server unless it already runs (then its port and socket are taken from postmaster.pid).
# Sets PG_PORT and PG_STARTED_HERE (1 when this call started it).
pg_start() {
    PG_STARTED_HERE=0
    if pg_running; then
        PG_PORT=$(sed -n 4p "$PG_DATA/postmaster.pid")
        PG_SOCK=$(sed -n 5p "$PG_DATA/postmaster.pid")
        say "PostgreSQL already running on 127.0.0.1:$PG_PORT (reusing it)"
        return 0
    fi
    pg_remove_stale_pidfile
    local preferred=${PG_PORT:-$KMN_PG_PREFERRED_PORT}
    PG_PORT=$(pick_port "$preferred") || die "no free port for PostgreSQL near $preferred"
    [[ $PG_PORT == "$preferred" ]] || note "port $preferred is taken; PostgreSQL uses $PG_PORT"
    pg_write_settings
    say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    if ! pg_ctl_ -l "$PG_LOG" -w -t 60 start >/dev/null; then
        log_tail "$PG_LOG"
        die "PostgreSQL did not start"
    fi
    PG_STARTED_HERE=1
}

pg_stop() {
    pg_running || return 0
    note "stopping PostgreSQL (pg_ctl stop -m fast)"
    pg_ctl_ stop -m fast -w -t 60 >/dev/null
}

psql_super() {
    as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -d postgres "$@"
}

# The app role's password is generated once and kept in .kmn/state (mode 600); re-applied on every
# start, so a restored data folder or a lost password file heals itself.
pg_ensure_database() {
    local pwfile="$KMN_STATE/pg-password"
    if [[ ! -s $pwfile ]]; then
        (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$pwfile")
    fi
    PG_PASSWORD=$(<"$pwfile")
    if [[ -z $(psql_super -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$KMN_DB_ROLE'") ]]; then
        psql_super -c "CREATE ROLE $KMN_DB_ROLE LOGIN"
    fi
    printf "ALTER ROLE %s WITH LOGIN PASSWORD '%s';\n" "$KMN_DB_ROLE" "$PG_PASSWORD" | psql_super
    if [[ -z $(psql_super -tAc "SELECT 1 FROM pg_database WHERE datname = '$KMN_DB'") ]]; then
        say "Creating database $KMN_DB"
        psql_super -c "CREATE DATABASE $KMN_DB OWNER $KMN_DB_ROLE"
    fi
    KMN_CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Database=$KMN_DB;Username=$KMN_DB_ROLE;Password=$PG_PASSWORD"
    (umask 077; printf '%s\n' "$KMN_CONNECTION_STRING" >"$KMN_STATE/connection-string")
}
