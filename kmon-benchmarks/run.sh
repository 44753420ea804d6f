#!/usr/bin/env bash
# Runs kmon's JMH suite and writes the report.
#
#   kmon-benchmarks/run.sh           full run (about 20 minutes): waits for a quiet machine, then
#                                    writes docs/BENCHMARKS.md
#   kmon-benchmarks/run.sh --smoke   one fork, one short iteration of each benchmark (what CI runs):
#                                    proves the suite still builds and runs, judges no speed, and
#                                    writes kmon-benchmarks/target/BENCHMARKS-smoke.md
#
# Other arguments go to io.kmon.benchmarks.Suite: --include REGEX, --threads 1,2, --out FILE.
# Environment: KMON_BENCH_MAX_LOAD (default 0.7) and KMON_BENCH_WAIT_MINUTES (default 40) set how
# long a full run waits for the 1-minute load average to drop; it runs anyway after that, and the
# report records the load it started and ended with.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
for arg in "$@"; do
  if [ "$arg" = "--smoke" ]; then smoke=true; fi
done

# Builds the module and its reactor dependencies; runs only this module's own tests. The module is
# built from scratch: javac's incremental check misses runtime API changes seen only by its tests.
rm -rf kmon-benchmarks/target
mvn -B -q -Pbenchmarks -pl kmon-benchmarks -am package \
  -Dtest='io/kmon/benchmarks/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false

if [ "$smoke" = false ]; then
  max_load="${KMON_BENCH_MAX_LOAD:-0.7}"
  deadline=$(( $(date +%s) + ${KMON_BENCH_WAIT_MINUTES:-40} * 60 ))
  while true; do
    load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
    if awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l < m) }'; then
      break
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "run.sh: load still $load after ${KMON_BENCH_WAIT_MINUTES:-40} min; running anyway" >&2
      break
    fi
    echo "run.sh: 1-minute load $load >= $max_load; waiting for a quiet machine" >&2
    sleep 60
  done
fi

exec java -jar kmon-benchmarks/target/benchmarks.jar \
  --command "kmon-benchmarks/run.sh${*:+ $*}" "$@"
