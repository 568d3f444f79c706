#!/usr/bin/env bash
# The health record and early warning (issue #17 "Measure"): one PostgreSQL 15 server on loopback (the machine's
# packages), RESIDENTS generated residents, a clinic's system of 和平区 with its client-credentials token, then
#   1. FHIR writes: OBSERVATIONS blood-pressure Observations posted through /fhir by WRITERS concurrent clients
#      (Gatling; each validated against the base R4 profiles, encrypted, indexed, logged), beside the same JSON
#      inserted with plain JDBC over as many connections (the anchor; the HAPI FHIR JPA server is not run here);
#   2. FHIR reads of one patient's record (Observation?patient=…) by READERS concurrent clients for SECONDS_, beside
#      the same read as plain SQL over the anchor's table (pgbench, READERS connections); each side measured alone;
#   3. the detectors: 3 years and 3 weeks of daily case reports over every township of both provinces × the 35
#      diseases the statistical detectors apply to (about RATE cases a township-disease-day; clusters of 4 on the last
#      day in one pair in 200), the platform's detection of that day beside one SQL window-function query computing
#      the same baselines, and the alerts each finds.
# The Observations go to PATIENTS patients of 和平区 (OBSERVATIONS / PATIENTS a record).
#   OBSERVATIONS=1000000 PATIENTS=10000 WRITERS=16 READERS=100 SECONDS_=60 RESIDENTS=200000 RATE=0.05 bench/health.sh
# PROFILE=1 records the platform with Java Flight Recorder (bench/target/results/health.jfr); DETECTORS=0 skips step 3.
# Results in bench/target/results/health*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
observations=${OBSERVATIONS:-1000000}
writers=${WRITERS:-16}
readers=${READERS:-100}
seconds=${SECONDS_:-60}
residents=${RESIDENTS:-200000}
patients=${PATIENTS:-10000}
rate=${RATE:-0.05}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-health.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  cp "$work/tongban.log" $results/health-platform.log 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 56300 "-c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=32MB -c max_wal_size=8GB"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }
# A step of the load driver: its output in $work/<step>.log, its RESULT lines shown; the log's end when it fails.
load() {
  (cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.HealthLoad "$@") \
    > "$work/$1.log" 2>&1 || { tail -40 "$work/$1.log"; exit 1; }
  grep RESULT "$work/$1.log"
}

out=$results/health.txt
: > $out
load prepare "$residents" "$patients" "$work" | tee -a $out
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $(sql 'show server_version')" | tee -a $out

# 1. and 2. through the platform, alone on the machine.
if (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then echo "port 18080 is in use: stop what runs there first" >&2; exit 1; fi
jfr=()
if [[ ${PROFILE:-0} == 1 ]]; then jfr=(-XX:StartFlightRecording=filename=$root/$results/health.jfr,settings=profile); fi
java "${jfr[@]}" -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=18080 --tongban.data-dir="$work/tongban" \
  "${platform_flags[@]}" --spring.datasource.hikari.maximum-pool-size=40 --logging.level.root=WARN >"$work/tongban.log" 2>&1 &
platform=$!
pids+=($platform)
until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done
gatling() {
  ./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.FhirSimulation -Ddir="$work" "$@" \
    > "$work/gatling.txt" 2>&1 || { tail -30 "$work/gatling.txt"; }
  python3 bench/lib/gatling-requests.py "$(ls -td bench/target/gatling/fhirsimulation-*/ | head -1)"
}
# Warm-up (the JIT, the validator's profiles): 2,000 writes and 20 s of reads, not counted.
gatling -Dphase=write -Dusers="$writers" -Dcount=2000 >/dev/null
sql "checkpoint" >/dev/null
{
  echo "== FHIR writes: $observations Observations, $writers concurrent clients"
  gatling -Dphase=write -Dusers="$writers" -Dcount="$observations"
  echo "stored: $(sql "select count(*) from health.resource where type = 'Observation'") Observations,"\
    "$(sql "select pg_size_pretty(pg_total_relation_size('health.resource'))") with indexes;"\
    "access log $(sql "select count(*) from health.access") rows"
} | tee -a $out
sql "vacuum analyze health.resource" >/dev/null
sql "checkpoint" >/dev/null
gatling -Dphase=read -Dusers="$readers" -Dseconds=20 >/dev/null
{
  echo "== FHIR reads of one patient's record: $readers concurrent clients for $seconds s"
  gatling -Dphase=read -Dusers="$readers" -Dseconds="$seconds"
  echo "Observations a patient: $(sql "select round(avg(n), 1) || ' on average, ' || max(n) || ' at most' from (select count(*) n from health.resource where type = 'Observation' group by patient) c")"
} | tee -a $out
if [[ ${PROFILE:-0} == 1 ]]; then jcmd $platform JFR.dump filename="$root/$results/health.jfr" >/dev/null; fi
kill $platform; wait $platform 2>/dev/null || true
pids=()

# The anchors, alone: the same JSON with plain JDBC, then the same read as plain SQL.
sql "checkpoint" >/dev/null
load anchor-write "$observations" "$writers" "$work" | tee -a $out
npatients=$(sql "select count(*) from bench.patient")
cat > "$work/anchor-read.sql" <<SQL
\set n random(1, $npatients)
select o.content from bench.observation o join bench.patient p on p.id = o.patient where p.n = :n order by o.day desc limit 200;
SQL
rm -f "$work"/pgbench_log.*
(cd "$work" && PGPASSWORD=$pw $pgbin/pgbench -n -h 127.0.0.1 -p $pgport -U postgres -c "$readers" -j 2 -T "$seconds" -l \
  -f anchor-read.sql tongban > "$work/pgbench.txt" 2>&1) || { cat "$work/pgbench.txt"; exit 1; }
cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n | awk -v secs="$seconds" -v c="$readers" \
  '{a[NR]=$1} END {printf "RESULT plain SQL read of one patient (pgbench, %d connections): %d reads, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    c, NR, NR/secs, a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000}' | tee -a $out

# 3. The detectors.
if [[ ${DETECTORS:-1} == 1 ]]; then load detectors "$rate" | tee -a $out; fi
echo "results in $out"
