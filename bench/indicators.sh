#!/usr/bin/env bash
# Plan indicators (issue #6 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages) with SCALE ×
# the demo facilities (5.5 ≈ 200,000; about 1,000,000 facility facts) and ELDERS people on the visit register with
# VISITS visits each (500,000 × 20 = 10,000,000 visit records), all generated; then, in one process:
#   1. the full recompute of every fact for every region and month, twice;
#   2. the same facts by one GROUP BY ROLLUP query per source table, twice (the limit);
#   3. the latency from a committed change to the visible value under RATE changes a second for SECONDS_.
#   SCALE=5.5 ELDERS=500000 VISITS=20 RATE=100 SECONDS_=60 bench/indicators.sh
# RUNS=n sets how many turns of 1 and 2 (default 2; RUNS=0 measures only the latency, on kept data).
# KEEP=dir keeps the prepared server in dir; run again with the same KEEP to measure the same data again.
# MORE=scale:seed adds generated facilities to the data first (KEEP=… MORE=11:2022 … bench/indicators.sh).
# Results in bench/target/results/indicators-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes
source bench/lib/postgres.sh
settings="-c shared_buffers=2GB -c work_mem=256MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c synchronous_commit=on -c shared_preload_libraries=pg_stat_statements"
if [[ -n ${KEEP:-} ]]; then
  # KEEP=dir: the prepared data stays in dir; a later run with the same KEEP measures it again without preparing.
  work=$KEEP
  mkdir -p "$work" && chmod 755 "$work"
  trap 'cp "$work"/*.log $results/ 2>/dev/null; stop_postgres' EXIT
else
  work=$(mktemp -d /tmp/tongban-indicators.XXXXXX)
  chmod 755 "$work"
  trap 'cp "$work"/*.log $results/ 2>/dev/null; stop_postgres; rm -rf "$work"' EXIT
fi
run() {
  jfr=()
  if [[ ${PROFILE:-0} == 1 && $1 == measure ]]; then jfr=(-XX:StartFlightRecording=filename=$root/$results/indicators.jfr,settings=profile,dumponexit=true); fi
  (cd bench && java "${jfr[@]}" -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.IndicatorLoad "$@" \
    > "$work/$1.log" 2>&1) || { tail -40 "$work/$1.log"; exit 1; }
  grep -E "RESULT" "$work/$1.log"
}
if [[ -d $work/pg/data ]]; then
  resume_postgres 55900 "$settings"
  use_tongban_database
  echo "measuring the data prepared earlier in $work (KEEP)"
else
  start_postgres 55900 "$settings"
  create_tongban_database
  run prepare "${SCALE:-5.5}" "${ELDERS:-500000}" "${VISITS:-20}" | tee $results/indicators-prepare.txt
fi
# MORE=scale:seed adds generated facilities (another seed) to the data before measuring.
if [[ -n ${MORE:-} ]]; then run more-facilities "${MORE%%:*}" "${MORE##*:}" | tee $results/indicators-more.txt; fi
# pg_stat_statements: where PostgreSQL's time goes in the measured run, statement by statement.
psql_tb() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban "$@"; }
psql_tb -qc "create extension if not exists pg_stat_statements" -qtAc "select pg_stat_statements_reset()" >/dev/null
run measure "${SECONDS_:-60}" "${RATE:-100}" "${RUNS:-2}" | tee $results/indicators-measure.txt
psql_tb -c "select calls, round(total_exec_time) total_ms, round((total_exec_time / calls)::numeric, 2) ms_per_call,
  rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) query from pg_stat_statements
  where dbid = (select oid from pg_database where datname = 'tongban') order by total_exec_time desc limit 25" \
  > $results/indicators-pg-statements.txt || true
