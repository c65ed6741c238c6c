#!/usr/bin/env bash
# Runs the whole KMN.Orleans network on this machine: a private PostgreSQL, N Orleans silos and the web
# portal, all on 127.0.0.1, everything under <repo>/.kmn. See --help. Stop it with deploy/down.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"
# shellcheck source=lib/app.sh
source "$here/lib/app.sh"

usage() {
    cat <<EOF
Usage: deploy/up.sh [options]

Starts PostgreSQL (private, in .kmn/pgdata), applies the schema, starts the silos and the web portal,
waits until each answers /health/ready, then prints the URLs and how to sign in. Demo data (21
facilities, 200 patients) and the demo PKI (.kmn/pki: CAs, staff cards, facility certificates) are made once.
The portal is https://127.0.0.1:8443/: sign in with a demo card (PKCS#12, imported into the browser) and
its password. http://127.0.0.1:5080 answers /health only and sends browsers on to the portal.
The web also serves the FHIR API on https://127.0.0.1:5443/fhir (mutual TLS: a facility certificate
from .kmn/pki/facilities is required). A taken port is replaced by the next free one.

Options:
  --silos N     number of silos, 1-10 (default 1). Silo i uses ports 11111+i (silo), 30000+i
                (gateway) and 8081+i (health); a taken port is replaced by the next free one.
  --detach, -d  start everything and return; it keeps running until deploy/down.sh.
                Without it up.sh stays in the foreground following the logs, and Ctrl-C stops
                everything this run started (web, then silos gracefully, then PostgreSQL).
  --no-web      start PostgreSQL and the silos only.
  --rebuild     publish the apps even when the sources did not change.
  --timeout S   seconds to wait for each process to become ready (default 120).
  -h, --help    this text.

Re-running is safe. If the network already runs with the same options and unchanged sources, up.sh
just prints the URLs. If --silos (or --no-web) differs, or the sources changed, it restarts the
silos and the web (PostgreSQL and its data stay). Stale PID files from a crash are cleaned up and a
PostgreSQL left running by an earlier run is reused.

Files: .kmn/app (published apps), .kmn/pgdata (database), .kmn/logs, .kmn/run (PID files),
       .kmn/state (ports, generated database password, connection string).
EOF
}

SILO_COUNT=1 DETACH=0 NO_WEB=0 REBUILD=0 TIMEOUT=120
while (($# > 0)); do
    case $1 in
        --silos) SILO_COUNT=${2:-}; shift ;;
        --silos=*) SILO_COUNT=${1#*=} ;;
        --detach | -d) DETACH=1 ;;
        --no-web) NO_WEB=1 ;;
        --rebuild) REBUILD=1 ;;
        --timeout) TIMEOUT=${2:-}; shift ;;
        --timeout=*) TIMEOUT=${1#*=} ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done
if ! [[ $SILO_COUNT =~ ^[0-9]+$ ]] || ((SILO_COUNT < 1 || SILO_COUNT > 10)); then
    die "--silos takes a number from 1 to 10"
fi
[[ $TIMEOUT =~ ^[0-9]+$ ]] || die "--timeout takes a number of seconds"

dotnet_ensure
mkdir -p "$KMN_APP" "$KMN_RUN" "$KMN_LOGS" "$KMN_STATE"

RUN_WEB=1
if ((NO_WEB)); then
    RUN_WEB=0
elif ! web_project_exists; then
    warn "web/KMN.Orleans.Web.csproj not found; starting PostgreSQL and silos only"
    RUN_WEB=0
fi

# Connections: every process may open a few pools (Orleans providers, grains, health probe), so the
# per-pool cap is sized to keep all of them under PostgreSQL's max_connections with room for psql.
POOL_SIZE=$(((KMN_PG_MAX_CONNECTIONS - 20) / ((SILO_COUNT + 1) * 2)))
((POOL_SIZE > 20)) && POOL_SIZE=20
((POOL_SIZE < 5)) && POOL_SIZE=5

silo_items() {
    local f
    for f in "$KMN_RUN"/silo-*.pid; do
        [[ -e $f ]] && printf '%s:%s\n' "$(basename "$f" .pid)" "$KMN_SILO_DLL"
    done
    return 0
}

stop_app_processes() {
    stop_all 30 "web:$KMN_WEB_DLL"
    local -a silos
    mapfile -t silos < <(silo_items)
    ((${#silos[@]} == 0)) || stop_all 60 "${silos[@]}"
}

app_running() {
    local i
    ((SILOS > 0)) || return 1
    for ((i = 0; i < SILOS; i++)); do pid_of "silo-$i" "$KMN_SILO_DLL" >/dev/null || return 1; done
    ((WITH_WEB == 0)) || pid_of web "$KMN_WEB_DLL" >/dev/null
}

print_urls() {
    local i ports portal="https://127.0.0.1:${PORTAL_PORT:-}"
    echo
    if ((WITH_WEB)); then
        say "KMN.Orleans is running"
        note "Portal      $portal/              (ポータル: demo card + password, see below)"
        note "Operations  $portal/ops           (運用: ネットワーク運用者 only)"
        note "Dashboard   $portal/ops/dashboard (Orleans Dashboard: ネットワーク運用者 only)"
        note "Web health  http://127.0.0.1:$WEB_PORT/health/ready"
        [[ -n $FHIR_PORT ]] && print_fhir
    else
        say "KMN.Orleans silos are running (no web portal)"
    fi
    for ((i = 0; i < SILOS; i++)); do
        ports="SILO_PORTS_$i"
        read -r sp gp hp <<<"${!ports}"
        note "silo-$i  health http://127.0.0.1:$hp/health/ready  (silo port $sp, gateway $gp)"
    done
    note "PostgreSQL  127.0.0.1:$PG_PORT, database $KMN_DB, user $KMN_DB_ROLE (password: .kmn/state/pg-password)"
    note "Demo cards  $KMN_PKI/cards/*.p12, facility certificates $KMN_PKI/facilities/"
    note "            passwords (card file + sign-in): $KMN_PKI/demo/passwords.tsv"
    note "Logs        $KMN_LOGS/"
    note "Stop        deploy/down.sh   (data stays; deploy/down.sh --purge --yes deletes it)"
    ((WITH_WEB)) && print_sign_in "$portal"
    return 0
}

# How to sign in: demo cards for four roles, and importing a card and the network root into Chromium.
print_sign_in() {
    local portal=$1 role kind line name facility p12 p12_password password
    echo
    say "Signing in (demo only: these passwords are in $(repo_path "$KMN_PKI/demo/passwords.tsv"))"
    note "Open $portal/ and pick the card when the browser asks for a certificate, then type its sign-in password."
    for role in 医師:hpki-card 薬剤師:hpki-card 介護職員:user-card ネットワーク運用者:user-card; do
        kind=${role#*:} role=${role%%:*}
        line=$(demo_card "$role" "$kind")
        [[ -n $line ]] || continue
        IFS=$'\t' read -r _ name facility p12 p12_password password <<<"$line"
        note "$role $name ($facility)"
        note "    card $(repo_path "$p12")  file password $p12_password  sign-in password $password"
    done
    note "Chromium: open chrome://certificate-manager (older versions: chrome://settings/certificates)"
    note "    trust the network root: Local certificates > Installed by you (older: Authorities) > Import"
    note "        $(repo_path "$KMN_PKI_ROOT"), trusted for websites"
    note "    your card: Your certificates > Import the card's .p12 with its file password"
    note "  or from a shell (Debian: apt-get install libnss3-tools; restart Chromium afterwards):"
    note "    certutil -d sql:\$HOME/.pki/nssdb -A -t C,, -n 'KMN Network Root CA' -i $(repo_path "$KMN_PKI_ROOT")"
    note "    pk12util -d sql:\$HOME/.pki/nssdb -i <card>.p12 -W <file password>"
}

# The FHIR API and ready-to-paste examples with a demo hospital's certificate (paths from the repo root).
print_fhir() {
    local base="https://127.0.0.1:$FHIR_PORT/fhir" hospital code name cert key ca
    note "FHIR API    $base   (FHIR R4, mutual TLS: facility certificate required)"
    hospital=$(demo_facility facility-provider 病院)
    [[ -n $hospital ]] || return 0
    IFS=$'\t' read -r code name <<<"$hospital"
    cert=$(repo_path "$KMN_PKI/facilities/$code.crt.pem") key=$(repo_path "$KMN_PKI/facilities/$code.key.pem")
    ca=$(repo_path "$KMN_PKI_BUNDLE")
    note "            examples as $name ($code), run from $KMN_REPO:"
    note "  curl --cert $cert --key $key --cacert $ca $base/metadata"
    note "  deploy/import.sh ../shared/data/synthea-r4 --url $base --cert $cert --key $key \\"
    note "      --ca $(repo_path "$KMN_PKI_ROOT") --ca-extra $(repo_path "$KMN_PKI_ISSUING") --enroll"
}

# Demo clinical history (issue 4): on the first start only — the marker lives in .kmn/state, which goes with
# the database — every demo facility uploads its part through the FHIR API with its own certificate
# (deploy/import.sh demo). Not fatal: a failed or skipped load is retried by the next deploy/up.sh.
ensure_demo_history() {
    local marker="$KMN_STATE/demo-history" log="$KMN_LOGS/demo-history.log" started=$SECONDS
    if [[ -f $marker ]]; then
        note "demo clinical history loaded earlier: $(tail -n 1 "$marker")"
        return 0
    fi
    if ! grep -q 'Demo network ready' "$KMN_LOGS"/silo-*.log 2>/dev/null; then
        warn "the demo network is still loading; its clinical history follows on the next deploy/up.sh"
        return 0
    fi
    say "Uploading the demo clinical history through the FHIR API (first start only, a minute or two; log .kmn/logs/demo-history.log)"
    if "$here/import.sh" demo --pki "$KMN_PKI" --url "https://127.0.0.1:$FHIR_PORT/fhir" --until "$(date +%F)" >"$log" 2>&1; then
        grep -E '^(bundles [0-9]+|heaviest patient:)' "$log" | tee "$marker" | sed 's/^/    /' || true
        note "demo clinical history uploaded in $((SECONDS - started)) s"
    else
        log_tail "$log"
        warn "uploading the demo clinical history failed (see $log); the next deploy/up.sh tries again"
    fi
}

# --- already running? ---------------------------------------------------------------------------
load_ports
if app_running; then
    # A web started by an older up.sh has no FHIR or HTTPS portal port: restart it so they come up.
    if ((SILOS == SILO_COUNT && WITH_WEB == RUN_WEB && REBUILD == 0)) && ! sources_changed_since_publish "$RUN_WEB" \
        && { ((RUN_WEB == 0)) || [[ -n $FHIR_PORT && -n ${PORTAL_PORT:-} ]]; }; then
        say "Already running (started earlier; nothing to do)"
        print_urls
        exit 0
    fi
    say "Already running with other options or older sources: restarting silos and web"
fi

# From here on, a failure or Ctrl-C stops what this run started.
KEEP_RUNNING=0 PG_STARTED_HERE=0 TAIL_PID=""
cleanup() {
    local rc=$?
    trap - EXIT
    trap '' INT TERM
    ((KEEP_RUNNING)) && exit "$rc"
    [[ -n $TAIL_PID ]] && kill "$TAIL_PID" 2>/dev/null
    echo
    say "Stopping what this run started"
    stop_app_processes
    if ((PG_STARTED_HERE)); then
        pg_stop
    elif [[ -n ${PG_DATA:-} ]] && pg_running; then
        note "PostgreSQL was already running before this run; left running (deploy/down.sh stops it)"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if compgen -G "$KMN_RUN/*.pid" >/dev/null; then
    say "Stopping what is left of an earlier run"
    stop_app_processes
    rm -f "$KMN_RUN"/*.pid
fi

publish_apps "$RUN_WEB" "$REBUILD"

pg_ensure_installed
pg_ensure_os_user
pg_resolve_paths
pg_prepare_dirs
pg_initdb_if_empty
pg_start
pg_ensure_database
run_migrations
ensure_demo_pki

# --- ports ---------------------------------------------------------------------------------------
taken=("$PG_PORT")
{
    echo "# Written by deploy/up.sh $(date -Is)"
    echo "PG_PORT=$PG_PORT"
    echo "SILOS=$SILO_COUNT"
    echo "WITH_WEB=$RUN_WEB"
} >"$KMN_PORTS_FILE.new"
for ((i = 0; i < SILO_COUNT; i++)); do
    sp=$(pick_port $((11111 + i)) "${taken[@]}") || die "no free silo port"
    taken+=("$sp")
    gp=$(pick_port $((30000 + i)) "${taken[@]}") || die "no free gateway port"
    taken+=("$gp")
    hp=$(pick_port $((8081 + i)) "${taken[@]}") || die "no free health port"
    taken+=("$hp")
    echo "SILO_PORTS_$i=\"$sp $gp $hp\"" >>"$KMN_PORTS_FILE.new"
done
if ((RUN_WEB)); then
    WEB_PORT=$(pick_port 5080 "${taken[@]}") || die "no free web port"
    taken+=("$WEB_PORT")
    FHIR_PORT=$(pick_port 5443 "${taken[@]}") || die "no free FHIR API port"
    taken+=("$FHIR_PORT")
    PORTAL_PORT=$(pick_port 8443 "${taken[@]}") || die "no free portal port"
    {
        echo "WEB_PORT=$WEB_PORT"
        echo "FHIR_PORT=$FHIR_PORT"
        echo "PORTAL_PORT=$PORTAL_PORT"
    } >>"$KMN_PORTS_FILE.new"
fi
mv -f "$KMN_PORTS_FILE.new" "$KMN_PORTS_FILE"
load_ports

# --- silos, then web -------------------------------------------------------------------------------
say "Starting $SILO_COUNT silo(s) (cluster $KMN_CLUSTER_ID, service $KMN_SERVICE_ID, pool $POOL_SIZE per connection string)"
launched=$SECONDS
for ((i = 0; i < SILO_COUNT; i++)); do
    ports="SILO_PORTS_$i"
    read -r sp gp hp <<<"${!ports}"
    start_silo "$i" "$sp" "$gp" "$hp"
    note "silo-$i: silo port $sp, gateway $gp, health $hp, log .kmn/logs/silo-$i.log"
done
for ((i = 0; i < SILO_COUNT; i++)); do
    ports="SILO_PORTS_$i"
    read -r sp gp hp <<<"${!ports}"
    wait_ready "silo-$i" "$KMN_SILO_DLL" "http://127.0.0.1:$hp/health/ready" "$TIMEOUT" "$launched"
done

if ((RUN_WEB)); then
    say "Starting the web: portal https://127.0.0.1:$PORTAL_PORT, FHIR API 127.0.0.1:$FHIR_PORT, health 127.0.0.1:$WEB_PORT"
    start_web "$WEB_PORT" "$PORTAL_PORT" "$FHIR_PORT"
    wait_ready web "$KMN_WEB_DLL" "http://127.0.0.1:$WEB_PORT/health/ready" "$TIMEOUT"
    wait_portal "$PORTAL_PORT" 30
    wait_fhir "$FHIR_PORT" 30
fi
wait_demo_report 90
if ((RUN_WEB)); then ensure_demo_history; fi
print_urls

if ((DETACH)); then
    KEEP_RUNNING=1
    exit 0
fi

# --- foreground: follow the logs until Ctrl-C --------------------------------------------------------
echo
say "Running in the foreground; Ctrl-C stops everything this run started. Logs follow."
logs=()
for ((i = 0; i < SILO_COUNT; i++)); do logs+=("$KMN_LOGS/silo-$i.log"); done
((RUN_WEB)) && logs+=("$KMN_LOGS/web.log")
tail -n 0 -F "${logs[@]}" &
TAIL_PID=$!
declare -A reported=()
while :; do
    sleep 2 &
    wait $! || true
    alive_count=0
    names=(web)
    for ((i = 0; i < SILO_COUNT; i++)); do names+=("silo-$i"); done
    for name in "${names[@]}"; do
        match=$KMN_SILO_DLL
        if [[ $name == web ]]; then
            ((RUN_WEB)) || continue
            match=$KMN_WEB_DLL
        fi
        if pid_of "$name" "$match" >/dev/null; then
            alive_count=$((alive_count + 1))
        elif [[ -z ${reported[$name]:-} ]]; then
            warn "$name exited (see $KMN_LOGS/$name.log)"
            reported[$name]=1
        fi
    done
    ((alive_count > 0)) || die "every process exited"
done
