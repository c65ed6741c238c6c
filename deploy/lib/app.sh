# shellcheck shell=bash
# Publishing and running the .NET processes: N silos and the web app.

KMN_SILO_PROJECT="$KMN_REPO/silo/KMN.Orleans.Silo.csproj"
KMN_WEB_PROJECT="$KMN_REPO/web/KMN.Orleans.Web.csproj"
KMN_PKI="$KMN_HOME/pki"                      # network PKI: CAs, CRLs, demo cards (deploy/pki.sh)
KMN_DEMO_STAFF="$KMN_PKI/demo/demo-staff.json"
# The FHIR API's mutual-TLS endpoint: its server certificate (pki server-cert) and the network CA files.
KMN_FHIR_CERT="$KMN_PKI/servers/fhir-api.crt.pem"
KMN_FHIR_KEY="$KMN_PKI/servers/fhir-api.key.pem"
# The portal's HTTPS endpoint, where browsers present staff cards (TLS client certificates).
KMN_PORTAL_CERT="$KMN_PKI/servers/portal.crt.pem"
KMN_PORTAL_KEY="$KMN_PKI/servers/portal.key.pem"
KMN_PKI_ROOT="$KMN_PKI/network-root-ca.crt.pem"
KMN_PKI_ISSUING="$KMN_PKI/network-issuing-ca.crt.pem"
KMN_PKI_BUNDLE="$KMN_PKI/network-ca-bundle.pem"    # root + issuing CA, for curl --cacert

dotnet_ensure() {
    command -v dotnet >/dev/null 2>&1 \
        || die "dotnet not found. Install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
    dotnet --list-sdks 2>/dev/null | grep -q '^10\.' \
        || die "the .NET 10 SDK is required (found: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' '))"
}

web_project_exists() { [[ -f $KMN_WEB_PROJECT ]]; }

# source_fingerprint WITH_WEB: a content hash of everything that goes into the published apps;
# publishing is skipped when it matches the last publish.
source_fingerprint() {
    (
        cd "$KMN_REPO" || exit 1
        local -a roots=() candidates=(Directory.Build.props Directory.Packages.props global.json nuget.config
            NuGet.Config grains grains.abstractions silo deploy/sql)
        local root
        [[ $1 == 1 ]] && candidates+=(web)
        for root in "${candidates[@]}"; do
            [[ -e $root ]] && roots+=("$root")
        done
        find "${roots[@]}" \( -name bin -o -name obj \) -prune -o -type f -print0 \
            | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64
    )
}

publish_one() {
    local name=$1 project=$2 log="$KMN_LOGS/publish-$1.log"
    local started=$SECONDS
    note "dotnet publish $name (Release) -> .kmn/app/$name"
    rm -rf "${KMN_APP:?}/$name"
    if ! dotnet publish "$project" -c Release -o "$KMN_APP/$name" --artifacts-path "$KMN_BUILD" -nologo \
        >"$log" 2>&1; then
        # MSBuild repeats each error several times; show each once.
        grep -E ': (error|warning) ' "$log" | sort -u | head -n 20 >&2 || log_tail "$log" 30
        die "publishing $name failed (full output: $log)"
    fi
    note "$name published in $((SECONDS - started)) s"
}

# publish_apps WITH_WEB FORCE: publishes silo (and web) unless its inputs match its last publish.
# Each app has its own stamp, so switching --no-web on and off does not republish the silo.
publish_apps() {
    local with_web=$1 force=$2 announced=0 name project dll fingerprint stamp
    local -a apps=("silo:$KMN_SILO_PROJECT:$KMN_SILO_DLL:0")
    [[ $with_web == 1 ]] && apps+=("web:$KMN_WEB_PROJECT:$KMN_WEB_DLL:1")
    local app
    for app in "${apps[@]}"; do
        IFS=: read -r name project dll fingerprint <<<"$app"
        fingerprint=$(source_fingerprint "$fingerprint")
        stamp="$KMN_STATE/published-$name"
        if [[ $force == 0 && -f $dll && -f $stamp && $(<"$stamp") == "$fingerprint" ]]; then
            note "$name: published app is up to date (sources unchanged)"
            continue
        fi
        if ((!announced)); then
            say "Publishing (the first time restores packages and takes a minute or two)"
            announced=1
        fi
        rm -f "$stamp"
        publish_one "$name" "$project"
        echo "$fingerprint" >"$stamp"
    done
}

# sources_changed_since_publish WITH_WEB: true when a running app is older than the sources.
sources_changed_since_publish() {
    [[ $(cat "$KMN_STATE/published-silo" 2>/dev/null) != "$(source_fingerprint 0)" ]] && return 0
    [[ $1 == 1 && $(cat "$KMN_STATE/published-web" 2>/dev/null) != "$(source_fingerprint 1)" ]]
}

# Every process gets the same cluster ids, database and plain single-line, timestamped logs.
common_env() {
    COMMON_ENV=(
        # The pool cap rides in the connection string too: the web's Orleans client reads only that.
        "Database__ConnectionString=$KMN_CONNECTION_STRING;Maximum Pool Size=$POOL_SIZE"
        "Database__MaxPoolSize=$POOL_SIZE"
        "Cluster__ClusterId=$KMN_CLUSTER_ID"
        "Cluster__ServiceId=$KMN_SERVICE_ID"
        "Logging__Console__FormatterName=simple"
        "Logging__Console__FormatterOptions__SingleLine=true"
        "Logging__Console__FormatterOptions__TimestampFormat=yyyy-MM-dd HH:mm:ss "
        "Logging__Console__FormatterOptions__ColorBehavior=Disabled"
        # Orleans' placement retries log every call through Polly at Information; that drowns the log.
        "Logging__LogLevel__Polly=Warning"
    )
}

run_migrations() {
    say "Applying database migrations"
    common_env
    if ! (run_with_env "${COMMON_ENV[@]}" -- dotnet "$KMN_SILO_DLL" migrate) 2>&1 | tee "$KMN_LOGS/migrate.log" \
        | sed 's/^/    /'; then
        die "migration failed (see $KMN_LOGS/migrate.log)"
    fi
}

# The demo PKI (CAs, a card per demo staff member, facility certificates, the FHIR API's and the portal's
# server certificates) is made on the first start only; later starts re-sign the revocation lists so they
# never go out of date, and add a server certificate when it is missing (PKI folders made before the FHIR API
# or the HTTPS portal) or no longer fit. Issuance is audited in the database.
ensure_demo_pki() {
    common_env
    if [[ -f $KMN_DEMO_STAFF ]]; then
        pki_run refresh-crl
        pki_server_cert fhir-api "FHIR API"
    else
        say "Creating the demo PKI and demo cards in .kmn/pki (first start only, about half a minute)"
        pki_run demo
    fi
    pki_server_cert portal portal
}

# pki_server_cert NAME LABEL: makes servers/NAME.crt.pem unless a good one is there, and says when it did.
pki_server_cert() {
    pki_run server-cert --name "$1"
    if [[ $(tail -n 1 "$KMN_LOGS/pki.log") == *$'\t'issued ]]; then
        note "issued the $2's TLS server certificate: ${KMN_PKI#"$KMN_REPO"/}/servers/$1.crt.pem"
    fi
}

pki_run() {
    if ! (run_with_env "${COMMON_ENV[@]}" -- dotnet "$KMN_SILO_DLL" pki "$@" --folder "$KMN_PKI") \
        >>"$KMN_LOGS/pki.log" 2>&1; then
        log_tail "$KMN_LOGS/pki.log"
        die "pki $1 failed (see $KMN_LOGS/pki.log)"
    fi
}

# demo_facility KIND NAME-PART: "code<TAB>name" of the first demo facility of that kind in passwords.tsv
# (facility-provider may upload, facility-view-only may not) whose name contains NAME-PART.
demo_facility() {
    awk -F'\t' -v kind="$1" -v part="$2" '$1 == kind && index($3, part) { print $2 "\t" $3; exit }' \
        "$KMN_PKI/demo/passwords.tsv" 2>/dev/null || true
}

# demo_card ROLE [KIND]: "account<TAB>name<TAB>facility<TAB>p12 file<TAB>p12 password<TAB>sign-in password"
# of the first demo card in passwords.tsv for that role (Japanese, e.g. 医師), of KIND hpki-card or user-card.
demo_card() {
    awk -F'\t' -v role="$1" -v kind="${2:-}" '($1 == "hpki-card" || $1 == "user-card") && $4 == role && (kind == "" || $1 == kind) {
        print $2 "\t" $5 "\t" $3 "\t" $6 "\t" $7 "\t" $8; exit }' "$KMN_PKI/demo/passwords.tsv" 2>/dev/null || true
}

# repo_path PATH: PATH relative to the repository when inside it, for commands people paste from the repo root.
repo_path() { echo "${1#"$KMN_REPO"/}"; }

# start_silo I SILO_PORT GATEWAY_PORT HEALTH_PORT
start_silo() {
    common_env
    spawn "silo-$1" "$KMN_APP/silo" "${COMMON_ENV[@]}" \
        "Urls=http://127.0.0.1:$4" \
        "Silo__AdvertisedIP=127.0.0.1" \
        "Silo__SiloPort=$2" \
        "Silo__GatewayPort=$3" \
        "Demo__Enabled=true" \
        "Demo__StaffManifest=$KMN_DEMO_STAFF" \
        -- dotnet "$KMN_SILO_DLL"
}

# start_web HEALTH_PORT PORTAL_PORT [FHIR_PORT]: plain HTTP on HEALTH_PORT answers /health only (and sends
# browsers on to the portal); the portal is HTTPS on PORTAL_PORT and asks for a card (TLS client certificate);
# with FHIR_PORT the web also serves the FHIR API over mutual TLS. Cards and facility certificates are checked
# against the network root, the HPKI test CA and their CRLs in the PKI folder.
start_web() {
    common_env
    local -a tls=("Portal__Url=https://127.0.0.1:$2" "Portal__CertificatePath=$KMN_PORTAL_CERT" "Portal__KeyPath=$KMN_PORTAL_KEY"
        "Pki__RootCertificatePath=$KMN_PKI_ROOT" "Pki__IntermediateCertificatesPath=$KMN_PKI_ISSUING")
    if [[ -n ${3:-} ]]; then
        tls+=("FhirApi__Url=https://127.0.0.1:$3" "FhirApi__CertificatePath=$KMN_FHIR_CERT" "FhirApi__KeyPath=$KMN_FHIR_KEY")
    fi
    spawn web "$KMN_APP/web" "${COMMON_ENV[@]}" "Urls=http://127.0.0.1:$1" "${tls[@]}" -- dotnet "$KMN_WEB_DLL"
}

# wait_portal PORT TIMEOUT: the HTTPS portal answers its sign-in page, its certificate checked against the
# network CA bundle. Needs curl; without it the check is skipped.
wait_portal() {
    local port=$1 timeout=$2 started=$SECONDS status
    command -v curl >/dev/null 2>&1 || { note "curl not found; HTTPS portal not checked"; return 0; }
    while :; do
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$KMN_PKI_BUNDLE" \
            "https://127.0.0.1:$port/signin" 2>/dev/null || true)
        if [[ $status == 200 ]]; then
            note "portal ready (https://127.0.0.1:$port/signin)"
            return 0
        fi
        if ((SECONDS - started >= timeout)); then
            log_tail "$KMN_LOGS/web.log"
            die "portal not ready after ${timeout} s (last HTTP status $status)"
        fi
        sleep 1
    done
}

# wait_fhir PORT TIMEOUT: the FHIR API answers /fhir/metadata to a demo hospital's certificate. Needs curl;
# without it the check is skipped (the portal's readiness already says the web is up).
wait_fhir() {
    local port=$1 timeout=$2 started=$SECONDS code status
    command -v curl >/dev/null 2>&1 || { note "curl not found; FHIR API not checked"; return 0; }
    code=$(demo_facility facility-provider 病院 | cut -f1)
    [[ -n $code ]] || { note "no demo hospital certificate; FHIR API not checked"; return 0; }
    while :; do
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$KMN_PKI_BUNDLE" \
            --cert "$KMN_PKI/facilities/$code.crt.pem" --key "$KMN_PKI/facilities/$code.key.pem" \
            "https://127.0.0.1:$port/fhir/metadata" 2>/dev/null || true)
        if [[ $status == 200 ]]; then
            note "FHIR API ready (https://127.0.0.1:$port/fhir/metadata, mutual TLS)"
            return 0
        fi
        if ((SECONDS - started >= timeout)); then
            log_tail "$KMN_LOGS/web.log"
            die "FHIR API not ready after ${timeout} s (last HTTP status $status)"
        fi
        sleep 1
    done
}

# wait_ready NAME MATCH URL TIMEOUT [LAUNCHED]: polls URL until 200; fails early if the process exits.
# LAUNCHED (a $SECONDS value) lets processes started together report time since their launch.
wait_ready() {
    local name=$1 match=$2 url=$3 timeout=$4 started=${5:-$SECONDS} status="" last_note=$SECONDS
    while :; do
        if ! pid_of "$name" "$match" >/dev/null; then
            printf '\n' >&2
            log_tail "$KMN_LOGS/$name.log"
            die "$name exited before it became ready"
        fi
        status=$(http_status "$url")
        if [[ $status == 200 ]]; then
            note "$name ready $((SECONDS - started)) s after launch ($url)"
            return 0
        fi
        if ((SECONDS - started >= timeout)); then
            log_tail "$KMN_LOGS/$name.log"
            die "$name not ready after ${timeout} s (last HTTP status $status from $url)"
        fi
        if ((SECONDS - last_note >= 10)); then
            note "waiting for $name ... $((SECONDS - started)) s (HTTP $status)"
            last_note=$SECONDS
        fi
        sleep 1
    done
}

# The demo grain loads once per database; every silo logs its report. Not fatal: the network is up anyway.
wait_demo_report() {
    local timeout=$1 started=$SECONDS line
    while ((SECONDS - started < timeout)); do
        line=$(grep -ho 'Demo network ready.*' "$KMN_LOGS"/silo-*.log 2>/dev/null | head -n 1 || true)
        if [[ -n $line ]]; then
            note "$line"
            return 0
        fi
        sleep 1
    done
    note "demo network still loading (it continues in the background; see the silo logs)"
}
