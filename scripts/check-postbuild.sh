#!/usr/bin/env bash
# Runs binder/postBuild the way Binder does, as far as this machine allows, and checks its result:
# - in a temporary copy of the repository (postBuild must not depend on a previous build);
# - with a fresh, empty home, so Maven really downloads every artifact from Maven Central, as in
#   a Binder build, and a missing repository or dependency shows up here;
# - with a JDK 21+ first on PATH, as apt.txt's JDK is on Binder.
# This machine has no Jupyter, so it sets ARRIVALS_POSTBUILD_SKIP_KERNEL_CHECK=1, which skips only
# postBuild's "kernel 'java' is registered" check; Binder always runs that check.
# Usage: bash scripts/check-postbuild.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# shellcheck source=scripts/find-jdk.sh
. "$ROOT/scripts/find-jdk.sh"
if [ -z "${ARRIVALS_JDK:-}" ]; then
  echo "check-postbuild: no JDK 21+ found; Binder gets one from binder/apt.txt, this machine needs one" >&2
  exit 1
fi

# The copy holds what a clone would: no build output, no virtualenv, no git metadata.
mkdir -p "$TMP/repo" "$TMP/home"
tar -C "$ROOT" --exclude=./target --exclude=./.venv --exclude=./.git --exclude=./.jqwik-database -cf - . \
  | tar -C "$TMP/repo" -xf -

started=$(date +%s)
set +e
# Java takes user.home from the password database, not from $HOME, so Maven needs -Duser.home to use
# the fresh home (on Binder both are the notebook user's home).
(cd "$TMP/repo" && env HOME="$TMP/home" MAVEN_OPTS="-Duser.home=$TMP/home" \
   ARRIVALS_POSTBUILD_SKIP_KERNEL_CHECK=1 ./binder/postBuild) >"$TMP/postBuild.log" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - started ))
sed 's/^/    /' "$TMP/postBuild.log"

passed=0 failures=0
check() { # check "description" command...: one expectation about the postBuild run
  if "${@:2}"; then
    echo "check-postbuild: ok: $1"
    passed=$((passed + 1))
  else
    echo "check-postbuild: FAILED: $1"
    failures=$((failures + 1))
  fi
}
downloaded() { [ -n "$(find "$TMP/home/.m2/repository" -name '*.jar' -print -quit 2>/dev/null)" ]; }
jar_has_manifest() { # a listing in a variable: `jar tf | grep -q` can fail on SIGPIPE under pipefail
  local listing
  listing=$("$ARRIVALS_JDK/bin/jar" tf "$TMP/repo/target/arrivals.jar" 2>/dev/null) || return 1
  grep -qx 'META-INF/MANIFEST.MF' <<<"$listing"
}

check "postBuild exits 0" [ "$status" -eq 0 ]
check "target/arrivals.jar was built" [ -s "$TMP/repo/target/arrivals.jar" ]
check "the jar is a readable jar" jar_has_manifest
check "Maven downloaded into the fresh home (~/.m2/repository)" downloaded
check "postBuild checked the kernel's java" grep -q 'postBuild: kernel java: Java' "$TMP/postBuild.log"
check "postBuild checked that the JVM can draw text" grep -q 'postBuild: headless text drawing works' "$TMP/postBuild.log"
check "only the kernel check was skipped" grep -q 'skipping the Jupyter kernel check' "$TMP/postBuild.log"

echo "check-postbuild: postBuild took ${elapsed}s with an empty Maven cache"
echo "check-postbuild: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
