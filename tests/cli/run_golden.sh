#!/usr/bin/env bash
# One golden CLI case: run gradus with the arguments in CASE/cmd and compare
# its stdout, stderr and exit status with CASE/stdout, CASE/stderr and
# CASE/status. With --update, write those files instead (tools/update-goldens).
#
#   run_golden.sh GRADUS CASE_DIR [--update]
#
# A case is a folder holding `cmd` (one line of shell words, after `gradus`)
# and optionally:
#   env      KEY=VALUE lines added to the (otherwise empty) environment
#   stdin    fed to gradus on standard input (default: nothing)
#   work/    copied to a scratch folder that becomes the working directory
#            (for commands that write files); the tree afterwards is compared
#            with work-after/ (written by --update)
# Without work/, gradus runs in the repository root, so paths in cmd and in
# the output are relative to it. $ROOT in cmd is the repository root; in the
# output it is replaced by <root> (and the scratch folder by <work>).
set -uo pipefail

if (($# < 2)); then
  echo "usage: $0 GRADUS CASE_DIR [--update]" >&2
  exit 2
fi
gradus=$(realpath "$1")
case_dir=$(realpath "$2")
update=${3:-}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT

if [[ ! -f $case_dir/cmd ]]; then
  echo "golden: $case_dir has no cmd file" >&2
  exit 2
fi
if [[ ! -x $gradus ]]; then
  echo "golden: $gradus is not an executable (build it first)" >&2
  exit 2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/out"
workdir=$ROOT
if [[ -d $case_dir/work ]]; then
  workdir=$scratch/work
  cp -R "$case_dir/work" "$workdir"
fi

# The case's words, split and unquoted like a shell would (committed files only).
eval "args=($(<"$case_dir/cmd"))"
env_vars=(PATH="$PATH" HOME="$scratch" NO_COLOR=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC)
# A sanitizer build keeps the settings the test run asked for.
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  [[ -n ${!v:-} ]] && env_vars+=("$v=${!v}")
done
if [[ -f $case_dir/env ]]; then
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z $line || $line == \#* ]] || env_vars+=("$line")
  done <"$case_dir/env"
fi
stdin=/dev/null
[[ -f $case_dir/stdin ]] && stdin=$case_dir/stdin

(cd "$workdir" && exec env -i "${env_vars[@]}" "$gradus" "${args[@]}") \
  <"$stdin" >"$scratch/out/stdout" 2>"$scratch/out/stderr"
echo $? >"$scratch/out/status"

# Absolute paths differ between machines; name them.
normalise() {
  local f=$1
  if [[ $workdir != "$ROOT" ]]; then
    sed -i "s|$workdir|<work>|g" "$f"
  fi
  sed -i "s|$ROOT|<root>|g" "$f"
}
for f in stdout stderr; do normalise "$scratch/out/$f"; done

if [[ $update == --update ]]; then
  for f in stdout stderr status; do cp "$scratch/out/$f" "$case_dir/$f"; done
  if [[ -d $case_dir/work ]]; then
    rm -rf "$case_dir/work-after"
    cp -R "$workdir" "$case_dir/work-after"
  fi
  echo "updated ${case_dir#"$ROOT"/}"
  exit 0
fi

status=0
for f in stdout stderr status; do
  if [[ ! -f $case_dir/$f ]]; then
    echo "golden: ${case_dir#"$ROOT"/}/$f is missing; run tools/update-goldens and review the result" >&2
    status=1
    continue
  fi
  if ! diff -u --label "expected $f" --label "actual $f" "$case_dir/$f" "$scratch/out/$f"; then
    status=1
  fi
done
if [[ -d $case_dir/work-after ]]; then
  if ! diff -ru "$case_dir/work-after" "$workdir"; then
    status=1
  fi
fi
if ((status != 0)); then
  echo "golden: ${case_dir#"$ROOT"/} differs (cmd: gradus $(<"$case_dir/cmd"))" >&2
  echo "golden: if the new output is right, run tools/update-goldens ${case_dir#"$ROOT"/} and commit it" >&2
fi
exit $status
