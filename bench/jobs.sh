#!/usr/bin/env bash
# The job board under load (issue #13 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages),
# VACANCIES open generated vacancies and SEEKERS generated job seekers over every village of both provinces, then
#   1. public search (Gatling, USERS anonymous users typing everyday words, alone / in a city / in a county / with a
#      pay floor, for SECONDS_, each reading a page 2–8 s before the next: PAUSE=5 is the mean), and side by side the
#      same searches as plain SQL (pgbench, 40 connections like the platform's pool, at the same rate: the same two
#      steps the board runs); then both again without pauses, to show the ceiling of this machine;
#   2. recommendations for a signed-in seeker (Gatling, USERS seekers), and the plain SQL of their candidate list;
#   3. EXPLAIN (ANALYZE, BUFFERS) of three searches, to say where the time goes.
#   VACANCIES=1000000 SEEKERS=3000000 USERS=200 SECONDS_=60 bench/jobs.sh
# Results in bench/target/results/jobs-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
vacancies=${VACANCIES:-1000000}
seekers=${SEEKERS:-3000000}
users=${USERS:-200}
seconds=${SECONDS_:-60}
pause=${PAUSE:-5}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-jobs.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  cp "$work/tongban.log" $results/jobs-platform.log 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 55900 "-c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=16MB -c max_wal_size=8GB"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }

userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
(cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.JobLoad prepare \
  "$vacancies" "$seekers" "$users" "$userpw" "$work" > "$work/prepare.log" 2>&1) || { tail -40 "$work/prepare.log"; exit 1; }
grep -E "RESULT" "$work/prepare.log" | tee $results/jobs-prepare.txt
# Settle the load first: vacuum and statistics of both tables, and a checkpoint, so that neither runs under the load.
sql "vacuum analyze employment.vacancy" >/dev/null
sql "vacuum analyze employment.seeker" >/dev/null
sql "checkpoint" >/dev/null
sql "select 'RESULT table sizes: vacancy ' || pg_size_pretty(pg_total_relation_size('employment.vacancy'))
     || ', seeker ' || pg_size_pretty(pg_total_relation_size('employment.seeker'))" | tee -a $results/jobs-prepare.txt

if (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then echo "port 18080 is in use: stop what runs there first" >&2; exit 1; fi
java -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=18080 --tongban.data-dir="$work/tongban" "${platform_flags[@]}" \
  --spring.datasource.hikari.maximum-pool-size=40 --logging.level.root=WARN >"$work/tongban.log" 2>&1 &
pids+=($!)
until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done

# pgbench's per-transaction log: latency in microseconds is the third column. Prints count, rate, p50, p95, p99.
anchor() {
  local name=$1; shift
  rm -f "$work"/pgbench_log.*
  # Serial plans, as the platform's are (a parallel bitmap scan of the same search took 78 ms instead of 8).
  # As many connections as the platform's pool (40): a DBA's pool in front of the same queries.
  (cd "$work" && PGPASSWORD=$pw PGOPTIONS="-c max_parallel_workers_per_gather=0" $pgbin/pgbench -n ${rate:+-R $rate} -h 127.0.0.1 -p $pgport -U postgres -c 40 -j 2 -T "$seconds" -l \
    "$@" tongban > "$work/pgbench-$name.txt" 2>&1) || { cat "$work/pgbench-$name.txt"; exit 1; }
  cat "$work"/pgbench_log.* | awk -v name="$name" -v secs="$seconds" '{print $3}' | sort -n | awk -v name="$name" -v secs="$seconds" \
    '{a[NR]=$1} END {printf "%s (plain SQL, pgbench): %d transactions, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
      name, NR, NR/secs, a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000}'
}

# 1. Search: through the platform, then the same searches as plain SQL.
# Warm-up: 30 s of the same searches (the JIT compiles the hot paths; PostgreSQL reads the indexes), not measured.
./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.JobSimulation -Dphase=search -Dpause=$pause \
  -Dqueries="$work/queries.csv" -Dusers="$users" -Dseconds=30 > $results/jobs-gatling-warmup.txt 2>&1 || true
scripts=(); for f in "$work"/anchor-search-*.sql; do scripts+=(-f "$f"); done
: > $results/jobs-search.txt
for p in $pause 0; do
  ./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.JobSimulation -Dphase=search -Dpause=$p \
    -Dqueries="$work/queries.csv" -Dusers="$users" -Dseconds="$seconds" > $results/jobs-gatling-search-$p.txt 2>&1 || true
  rate=$([ "$p" -gt 0 ] && echo $((users / p)) || true)
  {
    echo "== search: $users users for $seconds s over $(($(wc -l < "$work/queries.csv") - 1)) searches, pause mean $p s${rate:+ (plain SQL at $rate/s)}"
    python3 bench/lib/gatling-requests.py "$(ls -td bench/target/gatling/jobsimulation-*/ | head -1)" search
    anchor "search" "${scripts[@]}"
  } | tee -a $results/jobs-search.txt
done

# 2. Recommendations for signed-in seekers, then their candidate list as plain SQL.
rate=$((users / pause))
./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.JobSimulation -Dphase=recommend -Dpause=$pause \
  -Daccounts="$work/users.csv" -Dpassword="$userpw" -Dusers="$users" -Dseconds="$seconds" \
  > $results/jobs-gatling-recommend.txt 2>&1 || true
{
  echo "== recommendations: $users signed-in seekers for $seconds s, pause mean $pause s (plain SQL at $rate/s)"
  python3 bench/lib/gatling-requests.py "$(ls -td bench/target/gatling/jobsimulation-*/ | head -1)" recommendations
  anchor "recommendations" -f "$work/anchor-recommend.sql"
} | tee $results/jobs-recommend.txt

# 3. Where the time goes: plans of a common word, a word in a county, and a search that matches nothing — the walk of
#    the newest and, where the board needs it, the index's bitmap.
{
  for n in 0 6 52; do
    echo "== $(sed -n "$((n + 2))p" "$work/queries.csv")"
    PGPASSWORD=$pw PGOPTIONS="-c max_parallel_workers_per_gather=0" psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qAt \
      -c "set enable_bitmapscan = off" \
      -c "explain (analyze, buffers, costs off) $(sed -n 2p "$work/anchor-search-$n.sql" | sed 's/ \\gset$//')" \
      -c "set enable_bitmapscan = on" -c "set enable_indexscan = off" -c "set enable_seqscan = off" \
      -c "explain (analyze, buffers, costs off) $(sed -n 7p "$work/anchor-search-$n.sql" | sed 's/;$//')"
  done
} > $results/jobs-plans.txt 2>&1 || true
echo "plans in $results/jobs-plans.txt"
