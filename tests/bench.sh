#!/usr/bin/env bash
#
# Runs the benchmark harness (tests/Partnerskab.Benchmarks) against a throwaway PostgreSQL
# and RabbitMQ, the same way tests/run.sh runs the tests, and prints the results table; the
# table and its JSON are written to benchmark-results/. `tests/bench.sh --quick` uses small
# sizes (the form CI runs through the end-to-end tests).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
# shellcheck source-path=SCRIPTDIR source=../deploy/lib/infra.sh
source "$REPO_ROOT/deploy/lib/infra.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v dotnet >/dev/null || infra_die "dotnet (SDK 10) is not installed; see https://dot.net"
ensure_packages

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/partnerskab-bench.XXXXXX")
trap 'test_infrastructure_stop "$WORK_DIR"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
test_infrastructure_start "$WORK_DIR"

dotnet build tests/Partnerskab.Benchmarks -c Release
# The services run as their images run them: published ReadyToRun (deploy/Dockerfile), so a
# restart's first calls are not the JIT's. Kept between runs under bin/, so a rerun publishes
# only what changed.
PUBLISHED=$REPO_ROOT/tests/Partnerskab.Benchmarks/bin/published-services
for project in services/cohort/Partnerskab.Cohort services/outcome/Partnerskab.Outcome services/payment/Partnerskab.Payment \
    services/gateway/Partnerskab.Gateway services/portal/Partnerskab.Portal; do
    dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
        -o "$PUBLISHED/${project##*/}" --nologo -v quiet
done
export PARTNERSKAB_PUBLISHED_SERVICES=$PUBLISHED
dotnet tests/Partnerskab.Benchmarks/bin/Release/net10.0/Partnerskab.Benchmarks.dll --out "$REPO_ROOT/benchmark-results" "$@"
