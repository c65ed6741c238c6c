#!/usr/bin/env bash
# Uploads FHIR R4 bundles to the network's FHIR API over mutual TLS, with a progress bar, retries of transient
# failures and a summary (bundles, resources, errors, resources/s).
#   deploy/import.sh <folder> --url https://127.0.0.1:5443/fhir --cert facility.pem --key facility.key \
#                    --ca root-ca.pem [--ca-extra issuing-ca.pem] [--parallel 4] [--retries 3] [--enroll]
#   deploy/import.sh demo [--pki .kmn/pki] [--url https://127.0.0.1:5443/fhir] [--seed 4300] [--patients 200]
#                    [--until yyyy-mm-dd] [--only 0,1,2] [--parallel 4] [--out folder] [--dry-run]
# --enroll adds the facility's chart number and a consent to sample bundles (e.g. ../shared/data/synthea-r4).
# demo generates the demo network's clinical history and uploads each facility's part with that facility's
# certificate (deploy/up.sh does it once, on the first start); --pki and --url default to the running network.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PROJECT="$REPO/tests/KMN.Orleans.Import/KMN.Orleans.Import.csproj"
# Built beside the published apps (deploy/up.sh uses the same artifacts folder), so the grains are not rebuilt.
BUILD="$REPO/.kmn/build"
DLL="$BUILD/bin/KMN.Orleans.Import/release/KMN.Orleans.Import.dll"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [[ $# -eq 0 || $1 == --help || $1 == -h ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

args=("$@")
if [[ $1 == demo ]]; then
    [[ " $* " == *" --pki "* ]] || args+=(--pki "$REPO/.kmn/pki")
    port=$(sed -n 's/^FHIR_PORT=//p' "$REPO/.kmn/state/ports" 2>/dev/null || true)
    if [[ " $* " != *" --url "* && " $* " != *" --api "* && " $* " != *" --dry-run "* && -n $port ]]; then
        args+=(--url "https://127.0.0.1:$port/fhir")
    fi
fi

mkdir -p "$BUILD"
if ! build_output=$(dotnet build "$PROJECT" -c Release -nologo -v quiet -clp:ErrorsOnly --artifacts-path "$BUILD" 2>&1); then
    printf '%s\n' "$build_output" | sort -u | head -n 20 >&2
    echo "error: building the import tool failed" >&2
    exit 1
fi
exec dotnet "$DLL" "${args[@]}"
