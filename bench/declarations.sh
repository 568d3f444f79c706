#!/usr/bin/env bash
# Monthly wage declarations at scale (issue #14 "Measure"): one PostgreSQL 15 server on loopback, EMPLOYEES generated
# residents enrolled in the employees' pension with units of PER_UNIT employees; each unit's representative signs in,
# acts for the unit and posts one month's declaration of all its staff over HTTP (THREADS at a time); beside it, a plain
# COPY of the same declaration and ledger rows; and where the time goes (EXPLAIN of the per-line look-ups).
#   EMPLOYEES=1000000 PER_UNIT=1000 THREADS=4 bench/declarations.sh
# Results in bench/target/results/declarations.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
employees=${EMPLOYEES:-1000000}
per_unit=${PER_UNIT:-1000}
threads=${THREADS:-4}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-declarations.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  cp "$work/tongban.log" $results/declarations-platform.log 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 56300 "-c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=16MB -c max_wal_size=8GB -c shared_preload_libraries=pg_stat_statements"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }
load() { (cd bench && java -Xmx6g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.DeclarationLoad "$@"); }

out=$results/declarations.txt
: > $out
userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
load prepare "$employees" "$per_unit" "$userpw" "$work" 2>&1 | grep RESULT | tee -a $out
sql "vacuum analyze" >/dev/null
sql "checkpoint" >/dev/null
sql "create extension if not exists pg_stat_statements" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $(sql 'show server_version')" | tee -a $out

# The client speaks plain HTTP on loopback: the session cookie is not marked Secure for this run.
if (exec 3<>/dev/tcp/127.0.0.1/18081) 2>/dev/null; then echo "port 18081 is in use" >&2; exit 1; fi
java -Xmx4g -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=18081 --tongban.data-dir="$work/tongban" \
  "${platform_flags[@]}" --server.servlet.session.cookie.secure=false \
  --spring.datasource.hikari.maximum-pool-size=40 --logging.level.root=WARN >"$work/tongban.log" 2>&1 &
pids+=($!)
until curl -fs http://127.0.0.1:18081/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done
month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
sql "select pg_stat_statements_reset()" >/dev/null
(cd bench && java -Xmx2g -cp "$cp" org.tongban.bench.DeclarationLoad post http://127.0.0.1:18081 "$userpw" "$work" "$month" "$threads") \
  2>&1 | grep -E "RESULT|FAILED" | tee -a $out
echo "RESULT rows: $(sql "select count(*) from insurance.declaration") declarations, $(sql "select count(*) from insurance.ledger") ledger rows" | tee -a $out
# Where the time goes in the database while posting: the statements by total time.
sql "select round(total_exec_time) || ' ms, ' || calls || ' calls, ' || round(mean_exec_time::numeric, 3) || ' ms each: '
  || left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_statements order by total_exec_time desc limit 12" \
  > $results/declarations-statements.txt
stop_processes; pids=()
# The anchor: the same rows (read back as the platform wrote them) written again by a plain COPY into copies of the
# two tables, with the same indexes.
sql "copy (select unit_id, person_id, month, wage_cents, base_cents, declared_by from insurance.declaration) to stdout" \
  > "$work/declarations.tsv"
sql "copy (select person_id, insurance, month, kind, base_cents, employer_cents, individual_cents, account_cents, unit_id,
  region_code, source, entered_by from insurance.ledger where kind = 'DUE') to stdout" > "$work/ledger.tsv"
sql "create table bench_declaration (like insurance.declaration including all);
     create table bench_ledger (like insurance.ledger including defaults including identity including constraints including indexes)" >/dev/null
t0=$(date +%s%N)
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "\copy bench_declaration (unit_id, person_id, month, wage_cents, base_cents, declared_by) from '$work/declarations.tsv'"
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "\copy bench_ledger (person_id, insurance, month, kind, base_cents, employer_cents, individual_cents, account_cents, unit_id, region_code, source, entered_by) from '$work/ledger.tsv'"
t1=$(date +%s%N)
echo "RESULT anchor: COPY of $(sql "select count(*) from bench_declaration") declaration rows and $(sql "select count(*) from bench_ledger") ledger rows in $(( (t1 - t0) / 1000000 )) ms" | tee -a $out
