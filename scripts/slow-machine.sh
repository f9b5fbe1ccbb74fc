#!/usr/bin/env bash
# Runs notebooks the way a Binder student gets them: one CPU, and that CPU shared with a busy loop.
# The JVM is pinned to CPU 0 (taskset) and told it has one processor (-XX:ActiveProcessorCount=1), so the
# JDK sizes its carrier threads, GC and JIT threads for one CPU too; the busy loop takes half of that CPU.
#
#   scripts/slow-machine.sh [--runs N] [--real-kernel] [notebook.ipynb ...]   (default: 1 run of every notebook)
#
# Each run is a full `./course run` (one line per notebook with its time), or with --real-kernel the real
# JJava kernel through nbclient (scripts/run-real-kernel.py, kernelspec from ../shared/jjava/ or
# ARRIVALS_JJAVA_KERNELSPEC), which is what a student's JupyterLab runs. The script stops at the first
# failing run and exits non-zero, so it can gate CI or a release.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1
real_kernel=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --real-kernel) real_kernel=true; shift ;;
    *) break ;;
  esac
done
kernelspec=${ARRIVALS_JJAVA_KERNELSPEC:-$PWD/../shared/jjava/jjava-1.0-a7-kernelspec.zip}
if $real_kernel && [ $# -eq 0 ]; then set -- notebooks/*.ipynb notebooks/solutions/*.ipynb; fi
command -v taskset >/dev/null || { echo "slow-machine: taskset is missing (Debian: apt-get install util-linux)" >&2; exit 2; }

. scripts/find-jdk.sh
[ -n "${ARRIVALS_JDK:-}" ] || { echo "slow-machine: no JDK 21 or newer found; run ./course doctor" >&2; exit 2; }
./course build >/dev/null   # built at full speed: the build is not what we measure
taskset -c 0 sh -c 'while :; do :; done' &
hog=$!
trap 'kill "$hog" 2>/dev/null || true' EXIT

for i in $(seq 1 "$runs"); do
  echo "slow-machine: run $i of $runs, pinned to CPU 0 with a busy loop (pid $hog) on it"
  if $real_kernel; then
    # The kernel inherits the runner's CPU affinity and JAVA_TOOL_OPTIONS, both of its JVMs included.
    JAVA_TOOL_OPTIONS="-XX:ActiveProcessorCount=1 ${JAVA_TOOL_OPTIONS:-}" taskset -c 0 /usr/bin/python3 \
      scripts/run-real-kernel.py --kernelspec "$kernelspec" --timeout 300 --out "target/slow-machine/real-$i" "$@"
  else
    JAVA_TOOL_OPTIONS="-XX:ActiveProcessorCount=1 ${JAVA_TOOL_OPTIONS:-}" taskset -c 0 ./course run --out "target/slow-machine/run-$i" "$@"
  fi
done
echo "slow-machine: $runs of $runs runs passed"
