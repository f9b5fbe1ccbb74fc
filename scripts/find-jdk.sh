# shellcheck shell=bash
# Sourced by ./course and .ci/run: points JAVA_HOME and PATH at a JDK >= 21 with jshell.
# The machine's default java may be older (17 here), so we look beyond PATH:
# JAVA_HOME first, then the java on PATH, then the usual JVM folders (higher version numbers in the
# folder name first). It also defines the helpers ./course doctor and binder/postBuild use.

arrivals_java_major() { # prints the feature version of "$1/bin/java", or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

arrivals_is_jdk21() { # true when "$1" is a JDK (has jshell and javac) of version >= 21
  [ -x "$1/bin/java" ] && [ -x "$1/bin/jshell" ] && [ -x "$1/bin/javac" ] || return 1
  local major; major=$(arrivals_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

arrivals_path_java_home() { # prints the home of the first java on PATH (symlinks resolved), or fails
  local java
  java=$(command -v java 2>/dev/null) || return 1
  dirname "$(dirname "$(readlink -f "$java")")"
}

arrivals_jdk_globs() { # prints the places JDKs usually live, as globs
  # ARRIVALS_JDK_GLOBS replaces the list (empty: look nowhere else), so the doctor's own checks can
  # simulate a machine without a suitable JDK.
  if [ -n "${ARRIVALS_JDK_GLOBS+set}" ]; then echo "$ARRIVALS_JDK_GLOBS"; return; fi
  echo "/usr/lib/jvm/* /opt/java/* /opt/jdk* $HOME/.sdkman/candidates/java/*" \
       "/Library/Java/JavaVirtualMachines/*/Contents/Home"
}

arrivals_find_jdk() { # prints the home of the first JDK >= 21 found, or fails
  local candidates=() home globs
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if home=$(arrivals_path_java_home); then candidates+=("$home"); fi
  globs=$(arrivals_jdk_globs)
  if [ -n "$globs" ]; then
    # shellcheck disable=SC2086,SC2012 # the globs are meant to expand; JDK paths have no odd characters
    for home in $(ls -d $globs 2>/dev/null | sort -rV); do
      candidates+=("$home")
    done
  fi
  for home in "${candidates[@]}"; do
    if arrivals_is_jdk21 "$home"; then echo "$home"; return 0; fi
  done
  return 1
}

if ARRIVALS_JDK=$(arrivals_find_jdk); then
  export JAVA_HOME="$ARRIVALS_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  unset ARRIVALS_JDK
fi
