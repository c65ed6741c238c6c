#!/usr/bin/env bash
# Uploads a folder of FHIR R4 bundles to the network's FHIR API over mutual TLS, with a progress bar,
# retries of transient failures and a summary (bundles, resources, errors, resources/s).
#   deploy/import.sh <folder> --url https://127.0.0.1:5443/fhir --cert facility.pem --key facility.key \
#                    --ca root-ca.pem [--ca-extra issuing-ca.pem] [--parallel 4] [--retries 3] [--enroll]
# --enroll adds the facility's chart number and a consent to sample bundles (e.g. ../shared/data/synthea-r4).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PROJECT="$REPO/tests/KMN.Orleans.Import/KMN.Orleans.Import.csproj"
OUT="$REPO/.kmn/import"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [[ $# -eq 0 || $1 == --help || $1 == -h ]]; then
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
dotnet build "$PROJECT" -c Release -nologo -v quiet -clp:ErrorsOnly -o "$OUT" >/dev/null
exec dotnet "$OUT/KMN.Orleans.Import.dll" "$@"
