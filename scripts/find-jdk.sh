# Sourced by ./course and .ci/run: points JAVA_HOME and PATH at a JDK >= 21 with jshell.
# The machine's default java may be older (17 here), so we look beyond PATH:
# JAVA_HOME first, then the java on PATH, then the usual JVM folders, newest first.

arrivals_java_major() { # prints the feature version of "$1/bin/java", or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

arrivals_is_jdk21() { # true when "$1" is a JDK (has jshell and javac) of version >= 21
  [ -x "$1/bin/java" ] && [ -x "$1/bin/jshell" ] && [ -x "$1/bin/javac" ] || return 1
  local major; major=$(arrivals_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

arrivals_find_jdk() { # prints the home of the first JDK >= 21 found, or fails
  local candidates=() home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    candidates+=("$home")
  done
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
