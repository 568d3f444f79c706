#!/usr/bin/env bash
# Faults survived, nothing lost (#18.2): two platform nodes on one PostgreSQL 15 server behind HAProxy (as
# bench/two-nodes.sh), USERS residents submitting applications through the proxy for SECONDS_ (bench FaultLoad: each
# application with its own Idempotency-Key, sent again with the same key until it is acknowledged; fresh sign-ins in the
# stream), and meanwhile:
#   at 20 s  node A is killed with SIGKILL; at 40 s it is started again;
#   at 70 s  PostgreSQL is restarted (fast shutdown: every connection cut, a few seconds down);
# then the count: requests sent, applications acknowledged (201), found afterwards in the database, duplicates.
#   USERS=40 SECONDS_=120 bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
users=${USERS:-40}
seconds=${SECONDS_:-120}
results=bench/target/results
mkdir -p $results
command -v haproxy >/dev/null || { apt-get update -qq && apt-get install -y -qq haproxy >/dev/null; }
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-faults.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  [[ -f $work/haproxy.pid ]] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
start_postgres 56600 "-c shared_buffers=1GB"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }

userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
(cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.CaseLoad prepare 1000 \
  "$users" 2 "$userpw" "$work/users.csv" > "$work/prepare.log" 2>&1) || { tail -40 "$work/prepare.log"; exit 1; }

jar=$(ls platform/target/tongban-platform-*-exec.jar)
start_node() {
  java -Xmx1g -jar "$jar" --server.port="$1" --tongban.data-dir="$work/tongban" "${platform_flags[@]}" \
    --logging.level.root=WARN --server.forward-headers-strategy=native \
    --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' >>"$work/node-$1.log" 2>&1 &
  pids+=($!)
  until curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; do sleep 1; done
}
start_node 18081
start_node 18082
cat > "$work/haproxy.cfg" <<CFG
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch 1
  retry-on conn-failure
frontend tongban
  bind 127.0.0.1:18080
  option forwardfor
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  server a 127.0.0.1:18081 check inter 1s fall 2 rise 2
  server b 127.0.0.1:18082 check inter 1s fall 2 rise 2
CFG
haproxy -D -f "$work/haproxy.cfg" -p "$work/haproxy.pid"
until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done

out=$results/faults.txt
: > $out
echo "machine: $(nproc) cores; $users residents through HAProxy to two nodes for $seconds s" | tee -a $out
(cd bench && java -Xmx1g -cp "$cp" org.tongban.bench.FaultLoad run http://127.0.0.1:18080 "$work/users.csv" "$userpw" \
  "$users" "$seconds" "$work/stream") > "$work/stream.log" 2>&1 &
stream=$!
t0=$(date +%s)
at() { while (( $(date +%s) - t0 < $1 )); do sleep 0.2; done; }
at 20; kill -9 "${pids[0]}"; echo "$(( $(date +%s) - t0 )) s: node A killed (SIGKILL)" | tee -a $out
at 40; start_node 18081; echo "$(( $(date +%s) - t0 )) s: node A started again and ready" | tee -a $out
at 70
# pg_ctl restart keeps the server's options (postmaster.opts).
su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $work/pg/data -m fast -w restart" >/dev/null
echo "$(( $(date +%s) - t0 )) s: PostgreSQL restarted (fast: every connection cut)" | tee -a $out
wait $stream || { tail -30 "$work/stream.log"; exit 1; }
grep RESULT "$work/stream.log" | tee -a $out

# What the database holds of what was sent and acknowledged.
sql "create table public.bench_sent (key text primary key); create table public.bench_acknowledged (key text primary key)"
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "\\copy public.bench_sent from '$work/stream-sent.csv'"
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "\\copy public.bench_acknowledged from '$work/stream-acknowledged.csv'"
echo "RESULT acknowledged $(sql 'select count(*) from public.bench_acknowledged'), of them found once afterwards\
 $(sql 'select count(*) from public.bench_acknowledged a where (select count(*) from casework.case_file c where c.idempotency_key = a.key) = 1'),\
 missing $(sql 'select count(*) from public.bench_acknowledged a where not exists (select 1 from casework.case_file c where c.idempotency_key = a.key)');\
 keys sent $(sql 'select count(*) from public.bench_sent'), stored $(sql 'select count(*) from casework.case_file c join public.bench_sent s on s.key = c.idempotency_key'),\
 duplicates $(sql 'select count(*) from (select idempotency_key from casework.case_file where idempotency_key in (select key from public.bench_sent) group by 1 having count(*) > 1) d')" | tee -a $out
echo "RESULT cases of the stream without their workflow process: $(sql "select count(*) from casework.case_file c join public.bench_sent s on s.key = c.idempotency_key where c.process_instance is null or not exists (select 1 from public.act_ru_execution e where e.proc_inst_id_ = c.process_instance) and not exists (select 1 from public.act_hi_procinst h where h.id_ = c.process_instance)")" | tee -a $out
echo "results in $out"
