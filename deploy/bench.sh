#!/usr/bin/env bash
# Runs the benchmarks (tests/KMN.Orleans.Benchmarks) on a throwaway PostgreSQL and prints numbers and ratios.
# Usage: deploy/bench.sh [--generator N] [--sample N] [--grow-to N] [--only foundation|fhir]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL server binaries are missing: apt-get install -y postgresql" >&2
  exit 1
fi
dotnet build tests/KMN.Orleans.Benchmarks -c Release -v quiet -nologo
exec dotnet tests/KMN.Orleans.Benchmarks/bin/Release/net10.0/KMN.Orleans.Benchmarks.dll "$@"
