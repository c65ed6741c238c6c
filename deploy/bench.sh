#!/usr/bin/env bash
# Runs the benchmarks (tests/KMN.Orleans.Benchmarks) on a throwaway PostgreSQL and prints numbers and ratios.
# Usage: deploy/bench.sh [--generator N] [--sample N] [--grow-to N] [--only foundation|fhir|access|chart] [--parallel N] [--passes N]
#                        [--pg-statements 1] [--cold N] [--warm N] [--chart-page N]
# --only chart opens the heaviest demo patient's chart in headless Chromium (/usr/bin/chromium, or KMN_CHROMIUM) on a
# network started like the browser tests' (demo PKI, silo, web with the portal on HTTPS): --cold/--warm opens (5/20).
# KMN_ARTIFACTS=<dir> builds into that artifacts folder instead of the projects' own bin/ folders (for several
# builds sharing one work tree). KMN_BENCH_CS_EXTRA=";Max Auto Prepare=32" tries extra Npgsql connection settings.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL server binaries are missing: apt-get install -y postgresql" >&2
  exit 1
fi
if [[ -n "${KMN_ARTIFACTS:-}" ]]; then
  dotnet build tests/KMN.Orleans.Benchmarks -c Release -v quiet -nologo --artifacts-path "$KMN_ARTIFACTS"
  exec dotnet "$KMN_ARTIFACTS/bin/KMN.Orleans.Benchmarks/release/KMN.Orleans.Benchmarks.dll" "$@"
fi
dotnet build tests/KMN.Orleans.Benchmarks -c Release -v quiet -nologo
exec dotnet tests/KMN.Orleans.Benchmarks/bin/Release/net10.0/KMN.Orleans.Benchmarks.dll "$@"
