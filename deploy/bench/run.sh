#!/usr/bin/env bash
# The benchmark: starts the local stack if it is not running, measures this machine's limits, then the product
# against them, prints every figure and writes deploy/bench/REPORT.md.
#   deploy/bench/run.sh             the full run (about 40 minutes on 2 cores, most of it the 50,000-email catch-up)
#   deploy/bench/run.sh --quick     short steps, closed loop + wrk 15 s each, hot event and catch-up scaled down (≤ 8 min)
#   deploy/bench/run.sh --catchup=N the catch-up with N registrations
#   deploy/bench/run.sh --hot-only  limit B and the hot event alone, printed (REPORT.md is left as it is)
#   deploy/bench/run.sh --keep-data keep the running stack and its data (by default the stack is reset first, so no
#                                   backlog left by an earlier run, e.g. emails still being sent, skews the figures)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$jdk/bin/java" ]] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$jdk"; break
    fi
  done
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -f deploy/bench/target/madang-bench.jar || -n "$(find deploy/bench/src -newer deploy/bench/target/madang-bench.jar -type f)" ]]; then
  echo "Building the bench..."
  ./mvnw -q -B -o -pl deploy/local,deploy/bench -am install -DskipTests >/dev/null
fi
bench_args=()
keep_data=false
for arg in "$@"; do
  if [[ "$arg" == "--keep-data" ]]; then keep_data=true; else bench_args+=("$arg"); fi
done
if $keep_data; then ./madang up -d; else ./madang reset -d; fi
exec "$java" -Xmx512m -XX:+UseParallelGC -Dmadang.root="$root" \
  -cp "deploy/bench/target/madang-bench.jar:deploy/bench/target/lib/*" kr.madang.bench.Bench "${bench_args[@]}"
