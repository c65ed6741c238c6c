#!/usr/bin/env bash
# The network PKI tool: CAs, demo cards, user/HPKI cards, facility certificates, revocation.
#   deploy/pki.sh demo                          # what deploy/up.sh runs on first start
#   deploy/pki.sh revoke <serial|thumbprint>    # the card stops working at the next check
#   deploy/pki.sh server-cert                   # the FHIR API's TLS certificate (deploy/up.sh: every start, made if missing)
#   deploy/pki.sh list | issue-card ... | issue-facility ... | refresh-crl | help
# Works on <repo>/.kmn/pki unless --folder is given. Runs the published silo (deploy/up.sh publishes it)
# or, before the first publish, the silo project through `dotnet run`. When deploy/up.sh's database
# exists, issuance and revocation are audited in its kmn_security_event table.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/app.sh
source "$here/lib/app.sh"

dotnet_ensure
args=("$@")
[[ " $* " == *" --folder "* || " $* " == *" --folder="* ]] || args+=(--folder "$KMN_HOME/pki")
if [[ -z ${Database__ConnectionString:-} && -r $KMN_STATE/connection-string ]]; then
    Database__ConnectionString=$(<"$KMN_STATE/connection-string")
    export Database__ConnectionString
fi
if [[ -f $KMN_SILO_DLL ]]; then
    exec dotnet "$KMN_SILO_DLL" pki "${args[@]}"
fi
exec dotnet run --project "$KMN_SILO_PROJECT" --artifacts-path "$KMN_BUILD" -- pki "${args[@]}"
