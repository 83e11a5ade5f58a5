#!/usr/bin/env bash
# The local Madang stack on one machine with only a JDK >= 21: Kafka (KRaft), PostgreSQL, mail and SMS sinks, a dev
# token issuer and the three services, each in its own process. State lives in .madang/ at the repository root.
#
#   ./madang up [-d|--detach] [--reset] [--no-demo]   build what is missing, start everything, load demo data
#   ./madang stop                                      stop every process the stack started (by pid), and a
#                                                      foreground ./madang up running in another terminal
#   ./madang status                                    what runs, with pids and readiness
#   ./madang reset [-d]                                delete all local data and start clean
#   ./madang smoke                                     deploy/local/smoke.sh against the running stack
#   ./madang logs [process]                            follow a log (kafka, postgres, dev-tools, token-issuer,
#                                                      *-service)
#   ./madang build                                     rebuild the services and the launcher
#   ./madang demo                                      load the demo data now (once per .madang/)
#   ./madang urls                                      print every URL
#
# Ports and JVM options are overridable by environment variables: see deploy/README.md. The mail and SMS sinks hold
# the newest MADANG_MAIL_KEEP / MADANG_SMS_KEEP messages in memory (default 2000 each; all stay on disk).
set -euo pipefail

started_ms=$(date +%s%3N 2>/dev/null || echo $(( $(date +%s) * 1000 )))
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
MADANG_HOME="${MADANG_HOME:-$ROOT/.madang}"
export MADANG_HOME

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] && [ "$(java_major "$home/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(find_jdk)"; then
  echo "madang: needs a JDK 21 or newer (set JAVA_HOME); none found" >&2
  exit 1
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

SERVICES=(registration-service agreement-service notification-service)
LAUNCHER_JAR="deploy/local/target/madang-local.jar"

# newer_than FILE DIR...: true if any file under DIR (or DIR itself, a file) is newer than FILE
newer_than() {
  local reference="$1"; shift
  [ -n "$(find "$@" -newer "$reference" -type f -print -quit 2>/dev/null)" ]
}

service_jar() {
  ls "$1"/target/"$1"-*-exec.jar 2>/dev/null | head -n 1
}

needs_build() {
  local shared=(pom.xml schemas/pom.xml schemas/events/pom.xml schemas/events/src/main
                schemas/platform/pom.xml schemas/platform/src/main)
  for service in "${SERVICES[@]}"; do
    local jar
    jar="$(service_jar "$service")"
    if [ -z "$jar" ] || newer_than "$jar" "$service/src/main" "$service/pom.xml" "${shared[@]}"; then
      return 0
    fi
  done
  [ ! -f "$LAUNCHER_JAR" ] || [ ! -d deploy/local/target/lib ] || newer_than "$LAUNCHER_JAR" deploy/local/src/main deploy/local/pom.xml
}

mvn_quiet() {
  # offline first (nothing to download on a warm machine), online when something is missing
  ./mvnw -q -B -o "$@" 2>"$MADANG_HOME/logs/build.err" || ./mvnw -q -B "$@"
}

build() {
  mkdir -p "$MADANG_HOME/logs"
  local start=$SECONDS
  echo "Building the services and the launcher (./mvnw -DskipTests install; the first time downloads dependencies)..."
  local modules
  modules="$(IFS=,; echo "${SERVICES[*]}")"
  mvn_quiet -DskipTests -pl "$modules" -am install
  mvn_quiet -DskipTests -f deploy/local/pom.xml install
  echo "Built in $(( SECONDS - start )) s."
}

launcher() {
  exec "$JAVA" -Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 \
    -Dmadang.root="$ROOT" -Dmadang.startedAt="$started_ms" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$LAUNCHER_JAR:deploy/local/target/lib/*" kr.madang.local.MadangLocal "$@"
}

command="${1:-up}"
[ $# -gt 0 ] && shift
case "$command" in
  up|start|reset)
    if needs_build; then build; fi
    launcher "$command" "$@"
    ;;
  stop|down|status|urls|demo)
    if [ ! -f "$LAUNCHER_JAR" ]; then
      [ "$command" = status ] && { echo "Madang stack: not built, not running"; exit 3; }
      echo "Madang stack was not running."; exit 0
    fi
    launcher "$command" "$@"
    ;;
  build)
    build
    ;;
  smoke)
    exec "$ROOT/deploy/local/smoke.sh" "$@"
    ;;
  logs)
    name="${1:-}"
    if [ -z "$name" ]; then ls -1 "$MADANG_HOME/logs"; exit 0; fi
    exec tail -n 200 -F "$MADANG_HOME/logs/$name.log"
    ;;
  -h|--help|help)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    echo "madang: unknown command '$command' (up, stop, status, reset, smoke, logs, build, urls)" >&2
    exit 2
    ;;
esac
