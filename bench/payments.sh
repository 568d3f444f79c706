#!/usr/bin/env bash
# The monthly payment run at scale (issue #14 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages),
# PENSIONERS generated basic pensions over every village of both provinces, then
#   1. the platform's run of one month, beside one INSERT ... SELECT writing the same payment rows (the anchor);
#   2. the run of the next month killed with kill -9 at about half its payments, then resumed in a new process;
#   3. the check: payments found, doubled and missing for both months;
#   4. EXPLAIN (ANALYZE, BUFFERS) of one batch, to say where the time goes.
#   PENSIONERS=1000000 bench/payments.sh
# Results in bench/target/results/payments-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
pensioners=${PENSIONERS:-1000000}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-payments.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 56100 "-c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=16MB -c max_wal_size=8GB"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }
load() { (cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.PaymentLoad "$@"); }

out=$results/payments.txt
: > $out
load prepare "$pensioners" 2>&1 | grep RESULT | tee -a $out
sql "vacuum analyze insurance.award" >/dev/null
sql "checkpoint" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $(sql 'show server_version')" | tee -a $out

# 1. The run and its anchor, in the same server, one after the other.
load run 2026-01 2>&1 | grep RESULT | tee -a $out
sql "checkpoint" >/dev/null
load anchor 2026-01 2>&1 | grep RESULT | tee -a $out

# 2. The next month's run, killed with kill -9 at about half, then resumed.
sql "checkpoint" >/dev/null
(cd bench && exec java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.PaymentLoad run 2026-02 \
  > "$work/killed.log" 2>&1) &
victim=$!
pids+=($victim)
half=$((pensioners / 2))
until [ "$(sql "select count(*) from insurance.payment where month = date '2026-02-01'")" -ge "$half" ]; do
  if ! kill -0 $victim 2>/dev/null; then echo "the run ended before half: raise PENSIONERS" >&2; exit 1; fi
  sleep 0.2
done
# The JVM is the victim: find the java child of the subshell and kill it without warning.
java_pid=$(pgrep -P $victim java || echo $victim)
kill -9 "$java_pid" 2>/dev/null || true
wait $victim 2>/dev/null || true
at_kill=$(sql "select count(*) from insurance.payment where month = date '2026-02-01'")
echo "RESULT killed 2026-02 with kill -9 at $at_kill of $pensioners payments" | tee -a $out
load run 2026-02 2>&1 | grep RESULT | sed 's/RESULT run/RESULT resumed run/' | tee -a $out

# 3. Nobody paid twice, nobody skipped.
load check 2026-01 "$pensioners" 2>&1 | grep RESULT | tee -a $out
load check 2026-02 "$pensioners" 2>&1 | grep RESULT | tee -a $out

# 4. Where the time goes: one batch of the run's statement, explained (rolled back).
sql "begin; insert into insurance.payment_run (id, month, started_by) values
  ('00000000-0000-0000-0000-000000000001', date '2026-03-01', 'explain');
explain (analyze, buffers, costs off)
with due as (select a.id, a.seq, a.person_id, a.benefit, a.monthly_cents, a.region_code, a.generated from insurance.award a
  where a.seq > 0 and a.region_code like any('{%}') and a.start_month <= date '2026-03-01'
    and (a.months is null or a.start_month + (a.months - 1) * interval '1 month' >= date '2026-03-01')
    and (a.status = 'ACTIVE' or a.stopped_month >= date '2026-03-01') order by a.seq limit 10000),
made as (insert into insurance.payment (award_id, person_id, benefit, month, amount_cents, region_code, run_id, generated)
  select id, person_id, benefit, date '2026-03-01', monthly_cents, region_code, '00000000-0000-0000-0000-000000000001'::uuid, generated from due
  on conflict (person_id, benefit, month) do nothing returning region_code)
select count(*) from made; rollback;" > $results/payments-explain.txt 2>&1 || true
echo "RESULT table sizes: award $(sql "select pg_size_pretty(pg_total_relation_size('insurance.award'))"), payment $(sql "select pg_size_pretty(pg_total_relation_size('insurance.payment'))")" | tee -a $out
