#!/usr/bin/env bash
# `gradus check --format sarif` must produce SARIF 2.1.0 that the OASIS
# schema accepts: on fixtures with errors and warnings, under --strict, with
# an unreadable path, and on the protocol library.
#
#   sarif_schema_test.sh GRADUS SCHEMA
set -uo pipefail
gradus=$(realpath "$1")
export SARIF_SCHEMA=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0

run() {  # NAME EXPECTED_STATUS ARGS...
  local name=$1 expected=$2
  shift 2
  NO_COLOR=1 "$gradus" check --format sarif "$@" >"$out/$name.sarif" 2>"$out/$name.err"
  local status=$?
  if [[ $status != "$expected" ]]; then
    echo "FAIL $name: exit $status, expected $expected"; cat "$out/$name.err"; fail=1
  fi
  tools/validate-sarif "$out/$name.sarif" || fail=1
}

run mixed 1 tests/cli/fixtures/check
run strict 1 --strict tests/cli/fixtures/check/warn-only.gradus
run unreadable 2 tests/cli/fixtures/check/mixed.gradus tests/cli/fixtures/check/no-such-file.gradus
run library 0 protocols

# The fixtures hold both kinds of finding; make sure both reached the log.
for level in error warning; do
  grep -q "\"level\": \"$level\"" "$out/mixed.sarif" || { echo "FAIL mixed: no result of level $level"; fail=1; }
done
grep -q '"executionSuccessful": false' "$out/unreadable.sarif" || { echo "FAIL unreadable: invocation not marked unsuccessful"; fail=1; }
exit $fail
