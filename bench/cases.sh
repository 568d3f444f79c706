#!/usr/bin/env bash
# Casework under load (issue #4 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages),
# CASES stored cases (generated), RESIDENTS + STAFF concurrent Gatling users for SECONDS_ each run:
# residents submit applications and read "my cases", staff read their queue. In the same run, before the
# platform takes load, the bare JDBC insert loop of the same rows gives the ceiling.
#   CASES=1000000 RESIDENTS=180 STAFF=20 SECONDS_=60 bench/cases.sh
# Results in bench/target/results/cases-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
cases=${CASES:-1000000}
residents=${RESIDENTS:-180}
staff=${STAFF:-20}
seconds=${SECONDS_:-60}
mkdir -p bench/target/results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-cases.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
source bench/lib/app.sh
source bench/lib/cpu.sh
cleanup() {
  cp "$work/tongban.log" bench/target/results/cases-platform.log 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# pg_stat_statements: what PostgreSQL spends its share of the machine on, statement by statement.
start_postgres 55700 "-c shared_buffers=1GB -c synchronous_commit=on -c shared_preload_libraries=pg_stat_statements"
create_tongban_database
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "create extension pg_stat_statements"

userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
# Same data directory as the platform below: the keys that seal ID numbers and index phones must match.
(cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.CaseLoad prepare "$cases" "$residents" "$((staff * 2))" "$userpw" \
  "$work/users.csv" > "$work/prepare.log" 2>&1) || { tail -40 "$work/prepare.log"; exit 1; }
grep -E "RESULT" "$work/prepare.log" | tee bench/target/results/cases-prepare.txt

if (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then echo "port 18080 is in use: stop what runs there first" >&2; exit 1; fi
jfr=()
# PROFILE=1: a flight recording of the platform and samples of what PostgreSQL sessions wait on.
# The recording starts once the platform is ready (start-up work is not the load's); deep stacks, or Flowable's and the
# filter chain's frames are cut off at JFR's default 64.
if [[ ${PROFILE:-0} == 1 ]]; then jfr=(-XX:FlightRecorderOptions:stackdepth=512); fi
extract_platform
java "${jfr[@]}" -jar "$app" --server.port=18080 --tongban.data-dir="$work/tongban" "${platform_flags[@]}" \
  --spring.datasource.hikari.maximum-pool-size=40 --logging.level.root=WARN >"$work/tongban.log" 2>&1 &
pids+=($!)
until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done
if [[ ${PROFILE:-0} == 1 ]]; then
  jcmd "${pids[0]}" JFR.start name=cases settings=profile filename="$root/bench/target/results/cases.jfr" >/dev/null
fi

# The ceiling, same server, same moment: 40 connections as the platform's pool.
java -cp "$cp" org.tongban.bench.CaseLoad limit "$db" postgres "$pw" 40 30 | tee bench/target/results/cases-limit.txt

if [[ ${PROFILE:-0} == 1 ]]; then
  (for i in $(seq 1 $(( (seconds + 30) / 5 ))); do sleep 5
     PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "select w || ' ' || n from (select
       coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') w, count(*) n from pg_stat_activity
       where datname = 'tongban' and state = 'active' group by 1) x order by n desc" | tr '\n' ' '
     PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "select 'waiting on ' ||
       coalesce(l.relation::regclass::text, l.locktype) || ': ' || count(*) from pg_locks l where not l.granted
       group by l.relation, l.locktype" | tr '\n' ' '; echo; done) > bench/target/results/cases-pg-waits.txt 2>&1 &
  # PostgreSQL's CPU by kind of process (client backends, autovacuum workers, WAL writer, checkpointer…) and the
  # statements' counters, every few seconds (reading /proc takes some), so that what grows during the run can be told
  # from what does not.
  PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "create unlogged table
    public.bench_statements as select now() at, queryid, calls, total_exec_time from pg_stat_statements limit 0"
  (declare -A last; for i in $(seq 1 $(( (seconds + 40) / 5 ))); do sleep 5
     declare -A now=()
     for d in /proc/[0-9]*; do
       [[ $(cat "$d/comm" 2>/dev/null) == postgres ]] || continue
       # "postgres: walwriter", "postgres: autovacuum worker tongban", "postgres: postgres tongban 127.0.0.1(…) idle"
       kind=$(tr '\0' ' ' < "$d/cmdline" 2>/dev/null \
         | sed -E 's/^postgres: ([a-z ]*[a-z]).*/\1/; s/^postgres tongban.*/client backend/; s/^\/.*/postmaster/')
       t=$(awk '{print $14 + $15}' "$d/stat" 2>/dev/null) || continue
       now[$kind]=$(( ${now[$kind]:-0} + t ))
     done
     line="$(date +%T)"
     for k in "${!now[@]}"; do line+=" | $k $(( now[$k] - ${last[$k]:-${now[$k]}} ))"; last[$k]=${now[$k]}; done
     echo "$line"
     PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qtAc "insert into public.bench_statements
       select now(), queryid, calls, total_exec_time from pg_stat_statements
       where dbid = (select oid from pg_database where datname = 'tongban')" >/dev/null
   done) > bench/target/results/cases-pg-cpu.txt 2>&1 &
fi
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qtAc "select pg_stat_statements_reset()" >/dev/null
commits0=$(PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc \
  "select xact_commit from pg_stat_database where datname = 'tongban'")
cpu_split "${pids[0]}" bench/target/results/cases-cpu.txt
./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.CaseSimulation \
  -Dusers="$work/users.csv" -Dpassword="$userpw" -Dresidents="$residents" -Dstaff="$staff" -Dseconds="$seconds" \
  > bench/target/results/cases-gatling.txt 2>&1 || true
cpu_split_stop
tail -1 bench/target/results/cases-cpu.txt
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -c "select round(total_exec_time::numeric) ms,
  round((100 * total_exec_time / sum(total_exec_time) over ())::numeric, 1) pct, calls, round((total_exec_time / calls)::numeric, 3)
  ms_per_call, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) query from pg_stat_statements
  where dbid = (select oid from pg_database where datname = 'tongban') order by total_exec_time desc limit 25" \
  > bench/target/results/cases-pg-statements.txt || true
head -14 bench/target/results/cases-pg-statements.txt
# What each case filed costs PostgreSQL in round trips: statements and commits of the whole run (sign-ins, reads and
# the process starters included) over the cases it filed.
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "with filed as (select count(*) n from
    casework.case_file where not generated and filed_by <> 'bench-limit')
  select 'RESULT per case filed: ' || round((select sum(calls) from pg_stat_statements
      where dbid = (select oid from pg_database where datname = 'tongban')) / n::numeric, 1) || ' statements, '
    || round(((select xact_commit from pg_stat_database where datname = 'tongban') - $commits0) / n::numeric, 1)
    || ' commits (' || n || ' cases)' from filed" | tee -a bench/target/results/cases-limit.txt
if [[ ${PROFILE:-0} == 1 ]]; then
  # The statements whose cost moved most between the first and the second half of the load (snapshots above).
  PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -c "with b as (select min(at) + interval '15 s' t1,
      min(at) + (max(at) - min(at)) / 2 t2, max(at) t3 from public.bench_statements),
    s as (select queryid, at, calls, total_exec_time ms from public.bench_statements),
    d as (select s1.queryid, s2.calls - s1.calls c1, s2.ms - s1.ms m1, s3.calls - s2.calls c2, s3.ms - s2.ms m2
      from b, s s1, s s2, s s3 where s1.at = (select max(at) from s where at <= b.t1) and s2.at = (select max(at) from s
      where at <= b.t2) and s3.at = b.t3 and s2.queryid = s1.queryid and s3.queryid = s1.queryid)
    select round(m1::numeric) ms_first, round(m2::numeric) ms_second, c1 calls_first, c2 calls_second,
      round((m1 / nullif(c1, 0))::numeric, 3) per_call_first, round((m2 / nullif(c2, 0))::numeric, 3) per_call_second,
      left(regexp_replace(p.query, '\s+', ' ', 'g'), 110) query
    from d join pg_stat_statements p using (queryid)
    where p.dbid = (select oid from pg_database where datname = 'tongban') order by abs(m2 - m1) desc limit 15" \
    > bench/target/results/cases-pg-growth.txt 2>&1 || true
  cat bench/target/results/cases-pg-growth.txt
  jcmd "${pids[0]}" JFR.dump name=cases filename="$root/bench/target/results/cases.jfr" >/dev/null; fi
grep -A14 "Global Information" bench/target/results/cases-gatling.txt || tail -40 bench/target/results/cases-gatling.txt
for r in submit "my cases" "staff queue"; do
  grep -E "^> $r " bench/target/results/cases-gatling.txt | tail -1 || true
done
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc \
  "select 'RESULT cases stored after the run: ' || count(*) from casework.case_file" | tee -a bench/target/results/cases-limit.txt
# Submissions per second once every user loops: the cases the run filed between 15 s after its first and 5 s
# before its last (the database's own clock; sign-ins crowd the first seconds).
q() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }
q "with run as (select submitted_at from casework.case_file where not generated and filed_by <> 'bench-limit'),
     w as (select min(submitted_at) + interval '15 s' a, max(submitted_at) - interval '5 s' b from run)
   select 'RESULT steady submissions: ' || count(*) || ' in ' || round(extract(epoch from (w.b - w.a))::numeric, 1)
     || ' s = ' || round(count(*) / extract(epoch from (w.b - w.a))::numeric, 1) || '/s'
   from run, w where submitted_at between w.a and w.b group by w.a, w.b" | tee -a bench/target/results/cases-limit.txt
# Whether the rate held through the run: cases filed in each 10 s of it.
q "select 'RESULT cases filed per 10 s: ' || string_agg(n::text, ' ' order by b) from (select floor(extract(epoch
     from submitted_at) / 10) b, count(*) n from casework.case_file where not generated and filed_by <> 'bench-limit'
     group by 1) x" \
  | tee -a bench/target/results/cases-limit.txt
# The processes of the cases filed start from the outbox (issue #18.3): how many still waited when the load stopped,
# how long the starters took to empty it, and whether every case filed in the run has exactly one process.
queued=$(q "select count(*) from casework.process_start"); t0=$(date +%s%N)
for i in $(seq 1 1200); do [[ $(q "select count(*) from casework.process_start") == 0 ]] && break; sleep 0.5; done
echo "RESULT process starts queued when the load stopped: $queued; queue empty after $(( ($(date +%s%N) - t0) / 1000000 )) ms;\
 cases filed by the run without a process: $(q "select count(*) from casework.case_file where not generated and process_instance is null and status <> 'WITHDRAWN'");\
 started twice: $(q "select count(*) from (select business_key_ from public.act_ru_execution where parent_id_ is null and business_key_ is not null group by 1 having count(*) > 1) d")" \
  | tee -a bench/target/results/cases-limit.txt
