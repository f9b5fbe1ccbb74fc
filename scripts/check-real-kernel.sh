#!/usr/bin/env bash
# Checks that scripts/run-real-kernel.py fails when it should, so that "15 passed" from it means something:
#   1. an untagged error fails the notebook, names the cell and the error, and stops before the next cell;
#   2. a cell tagged raises-exception may fail and a cell tagged skip-execution is not sent at all;
#   3. a cell running past --timeout fails the notebook;
#   4. an old java first on PATH stops the run before any kernel starts (status 2, naming Java 21).
# Uses the notebooks in scripts/fixtures/real-kernel/ and the real kernel from ../shared/jjava/.
# usage: bash scripts/check-real-kernel.sh   (a JDK 21+ is looked up with scripts/find-jdk.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. scripts/find-jdk.sh
[ -n "${ARRIVALS_JDK:-}" ] || { echo "check-real-kernel: no JDK 21+ found" >&2; exit 1; }
KERNELSPEC=${ARRIVALS_JJAVA_KERNELSPEC:-$ROOT/../shared/jjava/jjava-1.0-a7-kernelspec.zip}
FIXTURES=scripts/fixtures/real-kernel
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0
FAILED=0

run() { # run NAME ARGS...: runs the runner, keeps its output and status
  local name=$1
  shift
  set +e
  /usr/bin/python3 scripts/run-real-kernel.py --kernelspec "$KERNELSPEC" --out "$TMP/$name-out" "$@" \
    >"$TMP/$name.out" 2>&1
  echo $? >"$TMP/$name.rc"
  set -e
}

check() { # check NAME "what" COMMAND...: counts a pass or prints the output on failure
  local name=$1 what=$2
  shift 2
  if "$@"; then
    PASSED=$((PASSED + 1))
  else
    FAILED=$((FAILED + 1))
    echo "FAIL [$name] $what"
    sed 's/^/    /' "$TMP/$name.out"
  fi
}

status_is() { [ "$(cat "$TMP/$1.rc")" = "$2" ]; }
says() { grep -qF -- "$2" "$TMP/$1.out"; }

# 1. untagged error
N=untagged
run $N "$FIXTURES/untagged-error.ipynb"
check $N "exit status 1" status_is $N 1
check $N "a FAIL line for the notebook" says $N "real kernel: FAIL $FIXTURES/untagged-error.ipynb"
check $N "names code cell 2 and the exception" says $N "untagged-error.ipynb, cell 2 (code cell; cell 3 counting markdown)"
check $N "names the exception" says $N "ArithmeticException"
check $N "closing count" says $N "real kernel: 0 passed, 1 failed"
# The executed copy shows whether the cell after the failure was sent to the kernel.
check $N "the cell after the failure did not run" /usr/bin/python3 - "$TMP/$N-out/$FIXTURES/untagged-error.ipynb" <<'PY'
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
last = nb.cells[3]
sys.exit(0 if last.execution_count is None and not last.outputs else 1)
PY

# 2. tags honoured
N=tagged
run $N "$FIXTURES/tagged.ipynb"
check $N "exit status 0" status_is $N 0
check $N "closing count" says $N "real kernel: 1 passed, 0 failed"
check $N "the skipped cell was not run, the others were" says $N "2 cells run"

# 3. a cell past the timeout
N=timeout
run $N --timeout 5 "$FIXTURES/slow-cell.ipynb"
check $N "exit status 1" status_is $N 1
check $N "says it timed out" says $N "timed out: the cell ran longer than 5 s"

# 4. Java 17 first on PATH: the kernel would start it, so the runner must refuse.
OLD=""
for home in /usr/lib/jvm/*; do
  if [ -x "$home/bin/java" ] && [ ! -L "$home" ] && [ "$(arrivals_java_major "$home")" -lt 21 ] 2>/dev/null; then OLD=$home; break; fi
done
if [ -z "$OLD" ]; then
  OLD="$TMP/fake-17"
  mkdir -p "$OLD/bin"
  printf '#!/bin/sh\necho "    java.specification.version = 17" >&2\n' >"$OLD/bin/java"
  chmod +x "$OLD/bin/java"
fi
N=old-java
PATH="$OLD/bin:$PATH" run $N "$FIXTURES/tagged.ipynb"
check $N "exit status 2" status_is $N 2
check $N "names JDK 21" says $N "is not a JDK 21+"

echo "check-real-kernel: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
