#!/usr/bin/env bash
#
# Runs the whole test suite against throwaway infrastructure:
#   1. installs what is missing (PostgreSQL, RabbitMQ, Node/npm, chromium, poppler-utils, kubectl via
#      apt; the buf and Redocly CLIs and the Kubernetes API schemas via npm), and checks the
#      Kubernetes manifests (deploy/kubernetes: every overlay rendered and validated),
#   2. starts a private PostgreSQL and a private RabbitMQ node on free ports,
#   3. builds Partnerskab.sln (Release) and runs `dotnet test` with a TRX logger,
#   4. always stops both again (EXIT trap: success, failure or Ctrl-C),
#   5. prints as its very last line: "N passed, N failed[, N skipped]".
#
# Extra arguments go to `dotnet test`, e.g.  tests/run.sh --filter "FullyQualifiedName~Cohort"
#
# Environment exported to the tests:
#   PARTNERSKAB_REPO_ROOT           absolute path of the repository
#   PARTNERSKAB_BUF                 absolute path of the pinned buf CLI
#   PARTNERSKAB_REDOCLY             absolute path of the pinned Redocly CLI (OpenAPI lint)
#   PARTNERSKAB_TEST_POSTGRES       Npgsql connection string of the throwaway server (superuser)
#   PARTNERSKAB_TEST_RABBITMQ_PORT  AMQP port of the throwaway node (guest/guest, vhost /)
#   PARTNERSKAB_TEST_RABBITMQ_DIR   the node's directory (rabbitmq_throwaway_ctl in deploy/lib/infra.sh)
#
# Exit status: non-zero if the build failed, any test failed, `dotnet test` failed
# otherwise (e.g. a crashed test host), or no test ran at all.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
# shellcheck source-path=SCRIPTDIR source=../deploy/lib/infra.sh
source "$REPO_ROOT/deploy/lib/infra.sh"

# buf and the Redocly CLI (OpenAPI lint) are pinned; bump deliberately (npm view <package> version).
BUF_VERSION=1.75.0
REDOCLY_VERSION=2.77.0
# The Kubernetes API schemas (as ajv validators) and a YAML parser for the manifests' check.
KUBERNETES_MODELS_VERSION=5.1.0
JS_YAML_VERSION=5.5.0
TOOLS_DIR=$REPO_ROOT/tests/.tools

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ensure_npm_package PACKAGE VERSION: install PACKAGE@VERSION into tests/.tools unless it is
# already there. A lock keeps two concurrent runs from running npm into the same directory.
ensure_npm_package() {
    local package=$1 version=$2 installed= lock_fd
    mkdir -p "$TOOLS_DIR"
    exec {lock_fd}>"$TOOLS_DIR/.lock"
    flock "$lock_fd"
    if [[ -f $TOOLS_DIR/node_modules/$package/package.json ]]; then
        installed=$(node -p "require('$TOOLS_DIR/node_modules/$package/package.json').version")
    fi
    if [[ $installed != "$version" ]]; then
        infra_log "installing $package@$version into tests/.tools"
        npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "$package@$version" >&2
    fi
    flock --unlock "$lock_fd"
    exec {lock_fd}>&-
}

# ensure_npm_tool PACKAGE VERSION BIN: ensure_npm_package, then print the path of its launcher BIN.
ensure_npm_tool() {
    local package=$1 version=$2 bin=$3
    ensure_npm_package "$package" "$version"
    # node_modules/.bin/* are npm's launchers; buf's picks the native binary for this platform.
    "$TOOLS_DIR/node_modules/.bin/$bin" --version >/dev/null || infra_die "$bin does not run: $TOOLS_DIR/node_modules/.bin/$bin"
    printf '%s\n' "$TOOLS_DIR/node_modules/.bin/$bin"
}

# summarize DIR: count per-test outcomes over every .trx file below DIR and print
# "passed failed skipped" (three numbers). Only top-level results are counted, so data
# rows nested in <InnerResults> are not counted twice. Outcomes other than Passed and
# NotExecuted (Failed, Error, Timeout, Aborted, ...) count as failed.
summarize() {
    python3 - "$1" <<'PY'
import pathlib, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    root = ET.parse(trx).getroot()
    for results in root.iter():
        if results.tag.rsplit("}", 1)[-1] != "Results":
            continue
        for result in results:
            if result.tag.rsplit("}", 1)[-1] != "UnitTestResult":
                continue
            outcome = result.get("outcome", "")
            if outcome == "Passed":
                passed += 1
            elif outcome == "NotExecuted":
                skipped += 1
            else:
                failed += 1
print(passed, failed, skipped)
PY
}

command -v dotnet >/dev/null || infra_die "dotnet (SDK 10) is not installed; see https://dot.net"
ensure_packages
PARTNERSKAB_BUF=$(ensure_npm_tool @bufbuild/buf "$BUF_VERSION" buf)
PARTNERSKAB_REDOCLY=$(ensure_npm_tool @redocly/cli "$REDOCLY_VERSION" redocly)
export PARTNERSKAB_BUF PARTNERSKAB_REDOCLY
ensure_npm_package kubernetes-models "$KUBERNETES_MODELS_VERSION"
ensure_npm_package js-yaml "$JS_YAML_VERSION"

# The Kubernetes manifests: every overlay rendered (kubectl kustomize) and checked against the
# Kubernetes API schemas and the processes' real ports and health paths. Cheap, so every run does it.
infra_log "checking deploy/kubernetes (tests/kubernetes/validate.mjs)"
if ! node tests/kubernetes/validate.mjs "$REPO_ROOT" "$TOOLS_DIR/node_modules"; then
    infra_log "KUBERNETES MANIFESTS FAILED THE CHECK"
    echo "0 passed, 1 failed"
    exit 1
fi

# One private directory per run, deleted on exit (the TRX files are copied out first
# when something failed).
WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/partnerskab-test.XXXXXX")
RESULTS_DIR=$WORK_DIR/results

# shellcheck disable=SC2317 # invoked by the trap below
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    test_infrastructure_stop "$WORK_DIR"
    exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so that the EXIT trap runs once, with a telling status.
trap 'exit 130' INT
trap 'exit 143' TERM

test_infrastructure_start "$WORK_DIR"
export PARTNERSKAB_REPO_ROOT=$REPO_ROOT
infra_log "PARTNERSKAB_BUF=$PARTNERSKAB_BUF PARTNERSKAB_REDOCLY=$PARTNERSKAB_REDOCLY"

infra_log "dotnet build Partnerskab.sln -c Release"
if ! dotnet build Partnerskab.sln -c Release; then
    infra_log "BUILD FAILED"
    echo "0 passed, 0 failed"
    exit 1
fi

infra_log "dotnet test Partnerskab.sln -c Release --no-build $*"
test_rc=0
# The console logger stays on (failures and per-project totals are printed as they
# happen); the TRX logger is what the summary below counts.
# One test project at a time (-maxcpucount:1): the end-to-end tests run three services on
# the machine's two cores, and unit tests racing beside them only make their deadlines flaky.
dotnet test Partnerskab.sln -c Release --no-build -maxcpucount:1 \
    --logger trx --results-directory "$RESULTS_DIR" "$@" || test_rc=$?

counts=$(summarize "$RESULTS_DIR") || infra_die "could not read the TRX files in $RESULTS_DIR"
read -r passed failed skipped <<<"$counts"

status=0
if [[ $failed -gt 0 ]]; then
    status=1
elif [[ $test_rc -ne 0 ]]; then
    infra_log "dotnet test exited with $test_rc although no test result failed (crashed test host or bad arguments?)"
    status=$test_rc
elif [[ $((passed + failed + skipped)) -eq 0 ]]; then
    infra_log "no tests ran"
    status=1
fi
if [[ $status -ne 0 && -d $RESULTS_DIR ]]; then
    kept=$(mktemp -d "${TMPDIR:-/tmp}/partnerskab-test-results.XXXXXX")
    cp -r "$RESULTS_DIR"/. "$kept"/
    infra_log "TRX files kept in $kept"
fi

summary="$passed passed, $failed failed"
[[ $skipped -eq 0 ]] || summary+=", $skipped skipped"
echo "$summary"
exit "$status"
