#!/usr/bin/env bash
#
# The fault-injection suite (tests/Partnerskab.FaultTests), through tests/run.sh.
#
#   tests/faults.sh                                  the short form CI runs (every scenario once,
#                                                    one round of random faults)
#   tests/faults.sh --long [--rounds N] [--seed S]   only the random-fault rounds: N rounds
#                                                    (default 20), each with one fault of a random
#                                                    kind at a random moment, from seed S (default:
#                                                    a new one, recorded in the summary); writes
#                                                    tests/fault-results/summary.md
#
# The last line is tests/run.sh's "N passed, N failed".
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
long=0 rounds=20 seed=
while [[ $# -gt 0 ]]; do
    case $1 in
        --long) long=1 ;;
        --rounds) rounds=$2; shift ;;
        --seed) seed=$2; shift ;;
        *) echo "usage: tests/faults.sh [--long [--rounds N] [--seed S]]" >&2; exit 2 ;;
    esac
    shift
done
[[ $rounds =~ ^[0-9]+$ && $rounds -gt 0 ]] || { echo "--rounds must be a positive number" >&2; exit 2; }

if [[ $long -eq 0 ]]; then
    exec "$REPO_ROOT/tests/run.sh" --filter "FullyQualifiedName~Partnerskab.FaultTests"
fi

mkdir -p "$REPO_ROOT/tests/fault-results"
export PARTNERSKAB_FAULT_ROUNDS=$rounds
export PARTNERSKAB_FAULT_SEED=${seed:-$((RANDOM * 32768 + RANDOM))}
export PARTNERSKAB_FAULT_SUMMARY=$REPO_ROOT/tests/fault-results/summary.md
echo "fault rounds: $PARTNERSKAB_FAULT_ROUNDS, seed: $PARTNERSKAB_FAULT_SEED" >&2
exec "$REPO_ROOT/tests/run.sh" --filter "FullyQualifiedName~Partnerskab.FaultTests.RandomFaultRoundsTests"
