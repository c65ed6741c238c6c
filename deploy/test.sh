#!/usr/bin/env bash
# The project's test command (also what CI runs through .ci/run):
#   installs what the tests need, builds the solution once (Debug), runs every test project in
#   KMN.Orleans.sln one after another with a TRX report each, and ends with "N passed, N failed, N skipped".
# Exits non-zero when a test failed, when no test ran, when a test project produced no report, or (CI=true)
# when anything was skipped.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SOLUTION="$REPO/KMN.Orleans.sln"
CONFIGURATION=Debug # the browser tests start silo/bin/Debug and web/bin/Debug builds
RESULTS="$REPO/TestResults"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- what the tests need from the machine ------------------------------------------------------------
missing_packages() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || echo postgresql
    command -v chromium >/dev/null 2>&1 || echo chromium
    dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || echo fonts-noto-cjk
}

ensure_machine() {
    command -v dotnet >/dev/null 2>&1 || die "dotnet not found: install the .NET 10 SDK."
    local -a missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} > 0)); then
        ((EUID == 0)) || die "missing ${missing[*]}. Install with:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
        say "installing ${missing[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
    # initdb refuses to run as root, so root's test servers run as this user (PostgresServer does the same).
    if ((EUID == 0)) && ! id -u kmnpg >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin kmnpg
    fi
}

# --- which projects are test projects ----------------------------------------------------------------
# A project in the solution that uses the test SDK and does not opt out (a benchmark sets IsTestProject=false).
test_projects() {
    local project
    dotnet sln "$SOLUTION" list | grep -E '\.csproj$' | while read -r project; do
        project="$REPO/${project//\\//}"
        grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
        grep -Eq '<IsTestProject>\s*false\s*</IsTestProject>' "$project" && continue
        echo "$project"
    done
}

# --- counting ----------------------------------------------------------------------------------------
# Prints "passed failed skipped" over every TRX file: one UnitTestResult element per test (one a line).
count_outcomes() {
    cat "$RESULTS"/*.trx | grep -o '<UnitTestResult [^>]*' | grep -o ' outcome="[A-Za-z]*"' | awk '
        /"Passed"/ { p++; next }
        /"NotExecuted"/ { s++; next }
        { f++ }   # Failed, Error, Timeout, Aborted, ...: anything else is a failure
        END { printf "%d %d %d\n", p, f, s }'
}

main() {
    cd "$REPO"
    local started=$SECONDS
    ensure_machine

    say "building $(basename "$SOLUTION") ($CONFIGURATION)"
    dotnet build "$SOLUTION" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly
    say "built in $((SECONDS - started)) s"

    rm -rf "$RESULTS"
    mkdir -p "$RESULTS"
    local -a projects
    mapfile -t projects < <(test_projects)
    ((${#projects[@]} > 0)) || die "no test project found in $SOLUTION"

    local project name run_failed=0 t
    for project in "${projects[@]}"; do
        name="$(basename "$project" .csproj)"
        say "testing $name"
        t=$SECONDS
        # Sequential on purpose: the suites start clusters and browsers and time reminders; 2 cores suffice.
        if ! dotnet test "$project" -c "$CONFIGURATION" --no-build -nologo \
            --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
            --blame-hang-timeout 15m --blame-hang-dump-type none; then
            run_failed=1
        fi
        [[ -f "$RESULTS/$name.trx" ]] || { echo "error: $name produced no test report" >&2; run_failed=1; }
        say "$name took $((SECONDS - t)) s"
    done

    local passed=0 failed=0 skipped=0
    if compgen -G "$RESULTS/*.trx" >/dev/null; then
        read -r passed failed skipped < <(count_outcomes) || true
    fi
    say "total $((SECONDS - started)) s; reports in ${RESULTS#"$REPO"/}/"

    local status=0
    ((failed == 0)) || status=1
    ((passed + failed > 0)) || { echo "error: no test ran" >&2; status=1; }
    ((run_failed == 0)) || { echo "error: a test run did not finish cleanly (see above)" >&2; status=1; }
    if [[ ${CI:-} == true ]] && ((skipped > 0)); then
        echo "error: $skipped test(s) skipped; nothing may skip in CI" >&2
        status=1
    fi
    echo "$passed passed, $failed failed, $skipped skipped"
    return "$status"
}

main "$@"
