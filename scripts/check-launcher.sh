#!/usr/bin/env bash
# Checks what ./course promises a newcomer, beyond the doctor (scripts/check-doctor.sh):
#   1. --help works for the tool and every command, without a JDK or a build, and prints the course's
#      own usage (never the internal `java -cp ... CourseMain` one); bad arguments to run and to
#      bench --core get a usage line, not a stack trace;
#   2. a half-created .venv (python without pip) is recreated by ./course lab, and a folder that is not a
#      virtual environment is left alone;
#   3. ./course run, started from another folder, writes under the repository's target/ (or the --out
#      given, relative to where it was typed), prints that real path, and gives notebooks with the same
#      name from different folders different copies;
#   4. a rebuild prints no ESC colour codes, and the engine start-up it reports excludes the build;
#   5. Maven on Java 17 stops in validate with a message naming Java 21, ./course doctor and JAVA_HOME;
#   6. .gitattributes keeps LF in the scripts a Windows checkout would otherwise break.
# Usage: bash scripts/check-launcher.sh   (needs a JDK 21+ in the usual places; builds the jar once)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TMP=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"' EXIT
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); }
fail() { # fail NAME "what was expected": shows the output of NAME
  FAILED=$((FAILED + 1))
  echo "FAIL [$1] $2"
  [ -f "$TMP/$1.out" ] && sed 's/^/    /' "$TMP/$1.out" | head -n 60
  return 0
}
run() { # run NAME [env assignments...] -- COMMAND...: keeps output and status
  local name=$1
  shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  set +e
  env "${envs[@]}" "$@" >"$TMP/$name.out" 2>&1
  echo $? >"$TMP/$name.rc"
  set -e
}
status_is() { if [ "$(cat "$TMP/$1.rc")" = "$2" ]; then pass; else fail "$1" "exit status $(cat "$TMP/$1.rc"), expected $2"; fi; }
says() { if grep -qF -- "$2" "$TMP/$1.out"; then pass; else fail "$1" "output lacks: $2"; fi; }
never_says() { if grep -qF -- "$2" "$TMP/$1.out"; then fail "$1" "output must not contain: $2"; else pass; fi; }
starts_with() { case "$(head -n 1 "$TMP/$1.out")" in "$2"*) pass ;; *) fail "$1" "the first line doesn't start with: $2" ;; esac; }

# ---------------------------------------------------------------- 1. --help everywhere

# An empty PATH apart from the basics: --help must answer before looking for Java or building anything.
BARE_PATH=/usr/bin:/bin
for cmd in run lab test build doctor bench; do
  run "help-$cmd" PATH=$BARE_PATH -- "$ROOT/course" "$cmd" --help
  status_is "help-$cmd" 0
  starts_with "help-$cmd" "Usage: ./course $cmd"
  never_says "help-$cmd" "CourseMain"
  never_says "help-$cmd" "java -cp"
done
# -h anywhere among the arguments of run and bench, since their arguments go to our own runners.
run help-run-late PATH=$BARE_PATH -- "$ROOT/course" run notebooks/01-x.ipynb -h
status_is help-run-late 0
says help-run-late "Usage: ./course run"
for flag in --help -h help; do
  run "help-tool$flag" PATH=$BARE_PATH -- "$ROOT/course" "$flag"
  status_is "help-tool$flag" 0
  says "help-tool$flag" "Usage: ./course COMMAND"
  says "help-tool$flag" "test [MAVEN ARGS]"
done
# A wrong option reaches the runner, whose complaint must still speak of ./course run.
run bad-option -- "$ROOT/course" run --frobnicate
status_is bad-option 2
says bad-option "unknown option --frobnicate"
says bad-option "usage: ./course run [--out DIR]"
never_says bad-option "java -cp"
# The core benchmark takes sizes only; a typo must say so and how to call it, not throw.
says help-bench "./course bench --core [N [ROUNDS]]"
run bad-core -- "$ROOT/course" bench --core lots
status_is bad-core 2
says bad-core "N expects a number, got 'lots'"
says bad-core "usage: ./course bench --core [N [ROUNDS]]"
never_says bad-core "Exception"
run unknown PATH=$BARE_PATH -- "$ROOT/course" frobnicate
status_is unknown 1
says unknown "unknown command 'frobnicate'"

# ---------------------------------------------------------------- 2. a half-created .venv

# ./course calls `python3`; give it Debian's, whatever else is first on this machine's PATH.
mkdir -p "$TMP/pybin"
ln -s /usr/bin/python3 "$TMP/pybin/python3"
if /usr/bin/python3 -c 'import ensurepip' 2>/dev/null; then
  HALF="$TMP/half-venv"
  /usr/bin/python3 -m venv --without-pip "$HALF"   # what python3 -m venv leaves without python3-venv
  # PIP_NO_INDEX: pip must fail at once here (no PyPI in CI); what matters is what happens before.
  run half-venv ARRIVALS_VENV="$HALF" PIP_NO_INDEX=1 PIP_RETRIES=0 PIP_TIMEOUT=3 PATH="$TMP/pybin:$PATH" \
    -- "$ROOT/course" lab --no-browser
  says half-venv "is half-created (it has no pip"
  says half-venv "recreating it"
  if "$HALF/bin/python" -c 'import pip' 2>/dev/null; then pass; else fail half-venv "the recreated .venv has no pip"; fi
  says half-venv "pip could not install requirements.txt"
  never_says half-venv "No module named pip"
  status_is half-venv 1
else
  echo "check-launcher: /usr/bin/python3 has no ensurepip (apt-get install python3-venv); skipping the .venv repair check" >&2
  FAILED=$((FAILED + 1))
fi
NOT_VENV="$TMP/not-a-venv"
mkdir -p "$NOT_VENV"
echo "precious" >"$NOT_VENV/notes.txt"
run not-venv ARRIVALS_VENV="$NOT_VENV" PATH="$TMP/pybin:$PATH" -- "$ROOT/course" lab --no-browser
status_is not-venv 1
says not-venv "is not a Python virtual environment"
if [ -f "$NOT_VENV/notes.txt" ]; then pass; else fail not-venv "a folder that is not a venv was deleted"; fi

# ---------------------------------------------------------------- 3. output paths

ELSEWHERE="$TMP/elsewhere"
OUTSIDE="$TMP/outside"
mkdir -p "$ELSEWHERE" "$OUTSIDE"
cp "$ROOT/scripts/fixtures/launcher/a/same.ipynb" "$OUTSIDE/same.ipynb"
sed -i 's/from folder a/from outside the repository/' "$OUTSIDE/same.ipynb"
FIX=scripts/fixtures/launcher
EXECUTED="$ROOT/target/executed"
rm -rf "$EXECUTED/_repo/$FIX" "$EXECUTED/_abs$OUTSIDE"
run paths -- bash -c "cd '$ELSEWHERE' && '$ROOT/course' run '$ROOT/$FIX/a/same.ipynb' '$ROOT/$FIX/b/same.ipynb' '$OUTSIDE/same.ipynb'"
status_is paths 0
says paths "writing to $EXECUTED"
says paths "Executed copies: $EXECUTED"
if [ ! -e "$ELSEWHERE/target" ]; then pass; else fail paths "wrote into the folder it was started from"; fi
for copy in "_repo/$FIX/a/same.ipynb:from folder a" "_repo/$FIX/b/same.ipynb:from folder b" \
            "_abs$OUTSIDE/same.ipynb:from outside the repository"; do
  file="$EXECUTED/${copy%%:*}"
  if grep -qF "${copy#*:}" "$file" 2>/dev/null; then pass; else fail paths "no copy with '${copy#*:}' at $file"; fi
done
run paths-out -- bash -c "cd '$ELSEWHERE' && '$ROOT/course' run --out rel-out '$ROOT/$FIX/a/same.ipynb'"
status_is paths-out 0
says paths-out "writing to $ELSEWHERE/rel-out"
if [ -f "$ELSEWHERE/rel-out/_repo/$FIX/a/same.ipynb" ]; then pass; else fail paths-out "no copy under --out rel-out"; fi

# ---------------------------------------------------------------- 4. rebuild: no ESC codes, honest start-up

# An old jar makes ./course run rebuild it first. Each line gets the time it arrived, so the build's
# duration can be set against the start-up the engine reports.
touch -d '2001-01-01' "$ROOT/target/arrivals.jar"
set +e
(cd "$ELSEWHERE" && "$ROOT/course" run "$ROOT/$FIX/a/same.ipynb") 2>&1 \
  | while IFS= read -r line; do printf '%s %s\n' "$(date +%s%3N)" "$line"; done >"$TMP/rebuild.out"
set -e
says rebuild "course: built $ROOT/target/arrivals.jar"
if grep -q $'\e' "$TMP/rebuild.out"; then fail rebuild "ESC codes in the output"; else pass; fi
built_at=$(grep -F "course: built" "$TMP/rebuild.out" | cut -d' ' -f1)
engine_at=$(grep -F "Engine start-up" "$TMP/rebuild.out" | cut -d' ' -f1)
reported=$(grep -F "Engine start-up" "$TMP/rebuild.out" | sed -n 's/.*, \([0-9]*\) ms after the JVM started.*/\1/p')
build_started=$(head -n 1 "$TMP/rebuild.out" | cut -d' ' -f1)
if [ -n "$built_at" ] && [ -n "$engine_at" ] && [ -n "$reported" ]; then
  # The JVM starts after the build, so its start-up can't exceed the time between the two lines
  # (plus a second for output buffering); counting from bash would add the whole build.
  if [ "$reported" -le $((engine_at - built_at + 1000)) ]; then pass; else
    fail rebuild "start-up $reported ms after the JVM started, but only $((engine_at - built_at)) ms passed since the build ended (the build took $((built_at - build_started)) ms)"
  fi
else
  fail rebuild "could not read the build and start-up times"
fi

# ---------------------------------------------------------------- 5. Maven on Java 17

OLD_JDK=""
for home in /usr/lib/jvm/*; do
  if [ -x "$home/bin/javac" ] && [ ! -L "$home" ] && grep -q '^JAVA_VERSION="17' "$home/release" 2>/dev/null; then OLD_JDK=$home; break; fi
done
if [ -n "$OLD_JDK" ]; then
  run mvn17 JAVA_HOME="$OLD_JDK" PATH="$OLD_JDK/bin:$PATH" MAVEN_OPTS=-Djansi.noreset=true \
    -- mvn -B -ntp -f "$ROOT/pom.xml" validate
  status_is mvn17 1
  says mvn17 "maven-enforcer-plugin"
  says mvn17 "Arrivals needs Java 21 or newer"
  says mvn17 "./course doctor"
  says mvn17 "JAVA_HOME"
  says mvn17 "./course test"
else
  echo "check-launcher: no Java 17 JDK in /usr/lib/jvm; skipping the enforcer check"
fi

# ---------------------------------------------------------------- 6. LF pins

if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  for file in course scripts/check-launcher.sh scripts/find-jdk.sh binder/postBuild .ci/run scripts/run-real-kernel.py; do
    eol=$(git -C "$ROOT" check-attr eol -- "$file" | sed 's/.*: eol: //')
    if [ "$eol" = lf ]; then pass; else echo "FAIL [gitattributes] $file has eol '$eol', expected lf"; FAILED=$((FAILED + 1)); fi
  done
fi

echo "check-launcher: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
