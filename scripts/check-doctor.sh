#!/usr/bin/env bash
# Checks that `./course doctor` tells the truth and names the fix, in the situations students hit:
#   1. an old java (17) first on PATH while a JDK 21+ sits in /usr/lib/jvm, and no JupyterLab/JJava;
#   2. a JRE (a java without jshell) first on PATH, and JAVA_HOME pointing at it;
#   3. no JDK 21+ anywhere: a required check fails, so the doctor must exit non-zero;
#   4. no fonts: a required check fails too;
#   5. a Jupyter that lists the kernel "java": the kernel check must pass;
#   6. a half-created .venv (no pip in it): the doctor must say so and that ./course lab repairs it.
# Scenario 3 also checks the JDK install advice against a stand-in apt-cache: Debian 12 (no openjdk-21)
# gets Adoptium's repository and SDKMAN, an Ubuntu with openjdk-21 gets the distribution's package.
# Fakes (scripts standing in for java, jshell, fc-list, jupyter) live in a temporary folder; nothing
# is installed or changed on the machine. Run from anywhere: bash scripts/check-doctor.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASSED=0
FAILED=0

# ---------------------------------------------------------------- expectations

pass() { PASSED=$((PASSED + 1)); }

fail() { # fail SCENARIO "what was expected"
  FAILED=$((FAILED + 1))
  echo "FAIL [$1] $2"
  echo "---- doctor output ($1):"
  sed 's/^/    /' "$TMP/$1.out"
  echo "----"
}

run_doctor() { # run_doctor SCENARIO ENV-ASSIGNMENTS...: runs the doctor under env, keeps output and status
  local scenario=$1
  shift
  set +e
  env "$@" ARRIVALS_VENV="${VENV_OVERRIDE:-$TMP/no-venv}" "$ROOT/course" doctor >"$TMP/$scenario.out" 2>&1
  echo $? >"$TMP/$scenario.rc"
  set -e
}

expect_line() { # expect_line SCENARIO TEXT...: one output line contains every TEXT (fixed strings)
  local scenario=$1
  shift
  if awk -v n=$# 'BEGIN { for (i = 1; i <= n; i++) want[i] = ARGV[i]; ARGC = 1 }
       { ok = 1; for (i = 1; i <= n; i++) if (!index($0, want[i])) ok = 0; if (ok) found = 1 }
       END { exit !found }' "$@" <"$TMP/$scenario.out"; then
    pass
  else
    fail "$scenario" "no line contains all of: $*"
  fi
}

expect_fix() { # expect_fix SCENARIO CHECK TEXT: the ✗ CHECK entry (with its fix lines) contains TEXT
  local scenario=$1 check=$2 text=$3
  if awk -v check="  ✗ $check" -v text="$text" '
       /^  (✓|✗) / { in_entry = (index($0, check) == 1) }
       /^$/ { in_entry = 0 }
       in_entry && index($0, text) { found = 1 }
       END { exit !found }' <"$TMP/$scenario.out"; then
    pass
  else
    fail "$scenario" "the '✗ $check' entry doesn't say: $text"
  fi
}

expect_exact() { # expect_exact SCENARIO LINE: the output has exactly this line
  if grep -qxF -- "$2" "$TMP/$1.out"; then pass; else fail "$1" "no line is exactly: $2"; fi
}

expect_status() { # expect_status SCENARIO zero|nonzero, and the summary must agree with it
  local scenario=$1 want=$2 rc
  rc=$(cat "$TMP/$scenario.rc")
  if { [ "$want" = zero ] && [ "$rc" = 0 ]; } || { [ "$want" = nonzero ] && [ "$rc" != 0 ]; }; then
    pass
  else
    fail "$scenario" "exit status $rc, expected $want"
  fi
  if [ "$rc" = 0 ]; then expect_line "$scenario" "Required: all passed"; else expect_line "$scenario" "Required:" "failed"; fi
}

# ---------------------------------------------------------------- what this machine has

release_major() { # the feature version in a JDK's release file (not how the doctor reads it)
  sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" 2>/dev/null | head -n 1 || true
}

# The newest JDK 21+ with jshell in the usual place, found without the project's own scripts.
NEW_JDK="" NEW_MAJOR=0
for home in /usr/lib/jvm/*; do
  major=$(release_major "$home")
  if [ -n "$major" ] && [ -x "$home/bin/jshell" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$NEW_MAJOR" ]; then
    NEW_JDK=$home NEW_MAJOR=$major
  fi
done
if [ -z "$NEW_JDK" ]; then
  echo "check-doctor: this check needs a JDK 21+ in /usr/lib/jvm (CI machines have one)" >&2
  exit 1
fi

# An old JDK: the machine's Java 17 when there is one, else a stand-in that reports itself as 17.
OLD_JDK=""
for home in /usr/lib/jvm/*; do
  major=$(release_major "$home")
  if [ -n "$major" ] && [ "$major" -lt 21 ] && [ -x "$home/bin/java" ] && [ ! -L "$home" ]; then
    OLD_JDK=$home OLD_MAJOR=$major
    break
  fi
done
FAKE_OLD="$TMP/fake-old-jdk"
mkdir -p "$FAKE_OLD/bin"
cat >"$FAKE_OLD/bin/java" <<'EOF'
#!/bin/sh
# Stand-in for Java 17: what `java -XshowSettings:properties -version` prints, trimmed.
cat >&2 <<'OUT'
Property settings:
    java.specification.version = 17
    java.version = 17.0.99
openjdk version "17.0.99" 2099-01-01
OUT
EOF
printf '#!/bin/sh\nexit 0\n' >"$FAKE_OLD/bin/jshell"
cp "$FAKE_OLD/bin/jshell" "$FAKE_OLD/bin/javac"
chmod +x "$FAKE_OLD/bin/"*
if [ -z "$OLD_JDK" ]; then OLD_JDK=$FAKE_OLD OLD_MAJOR=17; fi

echo "check-doctor: JDK $NEW_MAJOR at $NEW_JDK; old java: Java $OLD_MAJOR at $OLD_JDK"

# ---------------------------------------------------------------- 1. old java first on PATH, no Jupyter

S=old-java-first
run_doctor $S -u JAVA_HOME PATH="$OLD_JDK/bin:$PATH"
expect_line $S "✓ JDK 21+ for ./course: Java $NEW_MAJOR at $NEW_JDK"
expect_line $S "✗ java on PATH is 21+: $OLD_JDK/bin/java is Java $OLD_MAJOR"
expect_line $S "✗ wrong java first on PATH: $OLD_JDK/bin/java (Java $OLD_MAJOR)" "JDK $NEW_MAJOR is at $NEW_JDK"
expect_fix $S "wrong java first on PATH" "export JAVA_HOME=$NEW_JDK"
# shellcheck disable=SC2016 # the doctor prints this text literally
expect_fix $S "wrong java first on PATH" 'export PATH="$JAVA_HOME/bin:$PATH"'
expect_line $S "✗ JupyterLab + JJava: not installed"
expect_fix $S "JupyterLab + JJava" "./course lab"
expect_fix $S "JupyterLab + JJava" "./course run"
expect_fix $S "JupyterLab + JJava" "Binder"
expect_line $S "✗ kernel 'java': not registered"
expect_fix $S "kernel 'java'" "./course lab"
expect_fix $S "kernel 'java'" "./course run"
expect_line $S "Optional:" "failed" "kernel 'java'"
# Missing Jupyter and the wrong java on PATH are optional: the status follows the required checks only
# (a JDK 21+, found above; Maven; fonts), judged here without the doctor's help.
if command -v mvn >/dev/null && [ -n "$(fc-list 2>/dev/null || true)" ]; then
  expect_status $S zero
else
  expect_status $S nonzero
fi

# ---------------------------------------------------------------- 2. a JRE first on PATH

S=jre-first
FAKE_JRE="$TMP/fake-jre"
mkdir -p "$FAKE_JRE/bin"
# A real java (so the version reads 21+) with no jshell next to it: what a JRE looks like.
printf '#!/bin/sh\nexec "%s/bin/java" "$@"\n' "$NEW_JDK" >"$FAKE_JRE/bin/java"
chmod +x "$FAKE_JRE/bin/java"
run_doctor $S JAVA_HOME="$FAKE_JRE" PATH="$FAKE_JRE/bin:$PATH"
expect_line $S "✗ java on PATH is a JDK: $FAKE_JRE/bin/java is a JRE, not a JDK" "no jshell"
expect_line $S "✓ java on PATH is 21+: Java $NEW_MAJOR"
expect_line $S "✓ JDK 21+ for ./course: Java $NEW_MAJOR at $NEW_JDK"
expect_fix $S "wrong java first on PATH" "export JAVA_HOME=$NEW_JDK"
expect_line $S "✗ JAVA_HOME: JAVA_HOME=$FAKE_JRE is not a JDK 21+"
expect_exact $S "      fix: export JAVA_HOME=$NEW_JDK"

# ---------------------------------------------------------------- 3. no JDK 21+ anywhere

S=no-jdk
# Only the stand-in old JDK is visible: first on PATH, no JAVA_HOME, no folders searched. A stand-in
# apt-cache plays a Debian 12 whose apt has no openjdk-21 (the advice must then be Adoptium or SDKMAN).
FAKE_APT_NONE="$TMP/apt-none"
mkdir -p "$FAKE_APT_NONE"
printf '#!/bin/sh\n# apt-cache policy on Debian 12: no such package, so nothing is printed\nexit 0\n' >"$FAKE_APT_NONE/apt-cache"
chmod +x "$FAKE_APT_NONE/apt-cache"
run_doctor $S -u JAVA_HOME ARRIVALS_JDK_GLOBS= PATH="$FAKE_OLD/bin:$FAKE_APT_NONE:$PATH"
expect_line $S "✗ JDK 21+: no JDK 21 or newer found"
if command -v apt-get >/dev/null 2>&1; then
  expect_fix $S "JDK 21+" "apt has no openjdk-21-jdk-headless here"
  expect_fix $S "JDK 21+" "https://packages.adoptium.net/artifactory/deb"
  expect_fix $S "JDK 21+" "sudo apt-get update && sudo apt-get install temurin-21-jdk"
fi
expect_fix $S "JDK 21+" "sdk install java"
expect_fix $S "JDK 21+" "Binder"
expect_line $S "✗ java on PATH is 21+: $FAKE_OLD/bin/java is Java 17"
expect_line $S "Required:" "failed" "JDK 21+"
expect_status $S nonzero

# ... and an Ubuntu whose apt has openjdk-21: the distribution's package is the simplest advice.
if command -v apt-get >/dev/null 2>&1; then
  S=no-jdk-ubuntu
  FAKE_APT_UBUNTU="$TMP/apt-ubuntu"
  mkdir -p "$FAKE_APT_UBUNTU"
  printf '#!/bin/sh\necho "openjdk-21-jdk-headless:"\necho "  Installed: (none)"\necho "  Candidate: 21.0.9+10-1~24.04"\n' \
    >"$FAKE_APT_UBUNTU/apt-cache"
  chmod +x "$FAKE_APT_UBUNTU/apt-cache"
  run_doctor $S -u JAVA_HOME ARRIVALS_JDK_GLOBS= PATH="$FAKE_OLD/bin:$FAKE_APT_UBUNTU:$PATH"
  expect_fix $S "JDK 21+" "install JDK 21: sudo apt-get install openjdk-21-jdk-headless"
  if grep -qF "adoptium.net/artifactory" "$TMP/$S.out"; then fail $S "Adoptium advised although apt has openjdk-21"; else pass; fi
fi

# ---------------------------------------------------------------- 4. no fonts

S=no-fonts
FAKE_FONTS="$TMP/fake-fontconfig"
mkdir -p "$FAKE_FONTS"
printf '#!/bin/sh\nexit 0\n' >"$FAKE_FONTS/fc-list"  # fontconfig without a single font
chmod +x "$FAKE_FONTS/fc-list"
run_doctor $S PATH="$FAKE_FONTS:$PATH"
expect_line $S "✗ fonts: fc-list shows no font"
expect_fix $S "fonts" "apt-get install fontconfig fonts-dejavu-core"
expect_line $S "Required:" "failed" "fonts"
expect_status $S nonzero

# ---------------------------------------------------------------- 5. a Jupyter with the java kernel

S=kernel-registered
FAKE_VENV="$TMP/fake-venv"
mkdir -p "$FAKE_VENV/bin"
cat >"$FAKE_VENV/bin/jupyter" <<EOF
#!/bin/sh
# Stand-in for \`jupyter kernelspec list\` after JJava installed its kernel.
printf 'Available kernels:\n  java       $FAKE_VENV/share/jupyter/kernels/java\n  python3    $FAKE_VENV/share/jupyter/kernels/python3\n'
EOF
chmod +x "$FAKE_VENV/bin/jupyter"
VENV_OVERRIDE=$FAKE_VENV run_doctor $S PATH="$PATH"
expect_line $S "✓ kernel 'java' registered: $FAKE_VENV/share/jupyter/kernels/java"

# ---------------------------------------------------------------- 6. a half-created .venv

S=half-venv
HALF_VENV="$TMP/half-venv"
# What `python3 -m venv` leaves when Debian's python3-venv is missing: bin/python, pyvenv.cfg, no pip.
/usr/bin/python3 -m venv --without-pip "$HALF_VENV"
VENV_OVERRIDE=$HALF_VENV run_doctor $S PATH="$PATH"
expect_line $S "✗ JupyterLab + JJava: $HALF_VENV is half-created: its python has no pip"
expect_fix $S "JupyterLab + JJava" "python3-venv"
expect_fix $S "JupyterLab + JJava" "./course lab: it deletes the half-created $HALF_VENV and creates it again"

echo "check-doctor: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
