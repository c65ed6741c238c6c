#!/usr/bin/env bash
# Stops what deploy/up.sh started, in order: web, then the silos (graceful, they leave the cluster),
# then PostgreSQL. Data stays unless --purge --yes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"

usage() {
    cat <<EOF
Usage: deploy/down.sh [--purge [--yes]]

Stops the web app, then the silos (SIGTERM, waiting up to 60 s for a graceful shutdown), then the
private PostgreSQL (pg_ctl stop -m fast). Only processes recorded in .kmn/run are touched.

  --purge     also delete .kmn (database, logs, published apps, generated password).
              Asks for confirmation on a terminal; pass --yes to skip the question.
  -h, --help  this text.
EOF
}

PURGE=0 YES=0
while (($# > 0)); do
    case $1 in
        --purge) PURGE=1 ;;
        --yes | -y) YES=1 ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done

if [[ ! -d $KMN_HOME ]]; then
    say "Nothing to stop ($KMN_HOME does not exist)"
    exit 0
fi

if ((PURGE && !YES)); then
    [[ -t 0 ]] || die "--purge deletes $KMN_HOME including the database; add --yes to confirm"
    read -r -p "Delete $KMN_HOME including the database? Type yes: " answer
    [[ $answer == yes ]] || die "not confirmed; nothing deleted"
fi

say "Stopping KMN.Orleans"
stop_all 30 "web:$KMN_WEB_DLL"
silos=()
for f in "$KMN_RUN"/silo-*.pid; do
    [[ -e $f ]] && silos+=("$(basename "$f" .pid):$KMN_SILO_DLL")
done
((${#silos[@]} == 0)) || stop_all 60 "${silos[@]}"

if [[ -e $KMN_HOME/pgdata ]] && PG_BIN=$(pg_find_bindir); then
    pg_resolve_paths
    if pg_running; then
        pg_stop
    else
        pg_remove_stale_pidfile
    fi
fi
rm -f "$KMN_RUN"/*.pid

if ((PURGE)); then
    say "Deleting $KMN_HOME"
    if [[ ${PG_SOCK:-} == /tmp/kmn-pg-* ]]; then rm -rf "$PG_SOCK"; fi
    if [[ -L $KMN_HOME/pgdata ]]; then
        rm -rf "$(dirname "$(readlink -f "$KMN_HOME/pgdata")")"
    fi
    rm -rf "${KMN_HOME:?}"
fi
say "Stopped"
