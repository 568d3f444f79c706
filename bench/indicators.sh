#!/usr/bin/env bash
# Plan indicators (issue #6 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages) with SCALE ×
# the demo facilities (5.5 ≈ 200,000; about 1,000,000 facility facts) and ELDERS people on the visit register with
# VISITS visits each (500,000 × 20 = 10,000,000 visit records), all generated; then, in one process:
#   1. the full recompute of every fact for every region and month, twice;
#   2. the same facts by one GROUP BY ROLLUP query per source table, twice (the limit);
#   3. the latency from a committed change to the visible value under RATE changes a second for SECONDS_.
#   SCALE=5.5 ELDERS=500000 VISITS=20 RATE=100 SECONDS_=60 bench/indicators.sh
# Results in bench/target/results/indicators-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes
work=$(mktemp -d /tmp/tongban-indicators.XXXXXX)
chmod 755 "$work"
source bench/lib/postgres.sh
trap 'cp "$work"/*.log $results/ 2>/dev/null; stop_postgres; rm -rf "$work"' EXIT
start_postgres 55900 "-c shared_buffers=2GB -c work_mem=256MB -c maintenance_work_mem=1GB -c synchronous_commit=on"
create_tongban_database
run() {
  jfr=()
  if [[ ${PROFILE:-0} == 1 && $1 == measure ]]; then jfr=(-XX:StartFlightRecording=filename=$root/$results/indicators.jfr,settings=profile,dumponexit=true); fi
  (cd bench && java "${jfr[@]}" -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.IndicatorLoad "$@" \
    > "$work/$1.log" 2>&1) || { tail -40 "$work/$1.log"; exit 1; }
  grep -E "RESULT" "$work/$1.log"
}
run prepare "${SCALE:-5.5}" "${ELDERS:-500000}" "${VISITS:-20}" | tee $results/indicators-prepare.txt
run measure "${SECONDS_:-60}" "${RATE:-100}" | tee $results/indicators-measure.txt
