#!/usr/bin/env bash
# Faults survived, nothing lost (#18.2): two platform nodes on one PostgreSQL 15 server behind HAProxy (as
# bench/two-nodes.sh), USERS residents submitting applications and booking places through the proxy for SECONDS_
# (bench FaultLoad: each application with its own Idempotency-Key, sent again with the same key until it is
# acknowledged; each booking sent again until answered; fresh sign-ins in the stream), and meanwhile:
#   at 20 s  node A is killed with SIGKILL;
#   at 50 s  PostgreSQL is restarted (fast shutdown: every connection cut, a few seconds down) under node B alone;
#   at 60 s  node A is started again (on two cores under load it takes a minute or two to be ready);
# then the materials store's disk is filled (a 1 MiB tmpfs over it: the script runs as root) and a resident adds a
# file to her case, and again once the disk is freed;
# then the count: requests sent, applications and bookings acknowledged (201), found afterwards in the database,
# duplicates, places counted against bookings.
#   USERS=40 SECONDS_=240 bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
users=${USERS:-40}
seconds=${SECONDS_:-240}
results=bench/target/results
mkdir -p $results
source bench/lib/haproxy.sh
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-faults.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
watcher=
cleanup() {
  [[ -n $watcher ]] && kill "$watcher" 2>/dev/null || true
  mountpoint -q "$work/tongban/materials" 2>/dev/null && umount "$work/tongban/materials"
  [[ -f $work/haproxy.pid ]] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
  stop_processes
  stop_postgres
  for log in "$work"/node-*.log "$work"/stream.log; do [[ -f $log ]] && cp "$log" "$results/faults-$(basename "$log")"; done
  rm -rf "$work"
}
trap cleanup EXIT
start_postgres 56600 "-c shared_buffers=1GB"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }

userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
(cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.CaseLoad prepare 1000 \
  "$users" 2 "$userpw" "$work/users.csv" > "$work/prepare.log" 2>&1) || { tail -40 "$work/prepare.log"; exit 1; }
(cd bench && java -Xmx2g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.FaultLoad slots \
  "$work/slots.txt" >> "$work/prepare.log" 2>&1) || { tail -40 "$work/prepare.log"; exit 1; }

source bench/lib/app.sh
extract_platform
launch_node() {
  java -Xmx1g -jar "$app" --server.port="$1" --tongban.data-dir="$work/tongban" "${platform_flags[@]}" \
    --logging.level.root=WARN --server.forward-headers-strategy=native \
    --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' >>"$work/node-$1.log" 2>&1 &
  pids+=($!)
}
ready() { until curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; do sleep 1; done; }
start_node() { launch_node "$1"; ready "$1"; }
start_node 18081
start_node 18082
start_haproxy

out=$results/faults.txt
: > $out
echo "machine: $(nproc) cores; $users residents through HAProxy to two nodes for $seconds s" | tee -a $out
(cd bench && java -Xmx1g -cp "$cp" org.tongban.bench.FaultLoad run http://127.0.0.1:18080 "$work/users.csv" "$userpw" \
  "$users" "$seconds" "$work/stream" "$work/slots.txt") > "$work/stream.log" 2>&1 &
stream=$!
t0=$(date +%s)
at() { while (( $(date +%s) - t0 < $1 )); do sleep 0.2; done; }
say() { echo "$(( $(date +%s) - t0 )) s: $1" | tee -a $out; }
at 20; kill -9 "${pids[0]}"; say "node A killed (SIGKILL)"
at 50; say "PostgreSQL restarting (fast shutdown: every connection cut)"
# pg_ctl restart keeps the server's options (postmaster.opts).
su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $work/pg/data -m fast -w restart" >/dev/null
say "PostgreSQL up again"
at 60; launch_node 18081; say "node A starting again"
(ready 18081; say "node A ready again, back in HAProxy's rotation") &
watcher=$!
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
# Processes start from the casework outbox a moment after filing (issue #18.3): give the starters up to 30 s.
for i in $(seq 1 30); do [[ $(sql 'select count(*) from casework.process_start') == 0 ]] && break; sleep 1; done
echo "RESULT cases of the stream without their workflow process: $(sql "select count(*) from casework.case_file c join public.bench_sent s on s.key = c.idempotency_key where c.process_instance is null or (not exists (select 1 from public.act_ru_execution e where e.proc_inst_id_ = c.process_instance) and not exists (select 1 from public.act_hi_procinst h where h.id_ = c.process_instance))"),\
 still queued $(sql 'select count(*) from casework.process_start'),\
 started twice $(sql "select count(*) from (select e.business_key_ from public.act_ru_execution e join casework.case_file c on c.id::text = e.business_key_ join public.bench_sent s on s.key = c.idempotency_key where e.parent_id_ is null group by 1 having count(*) > 1) d")" | tee -a $out
sql "create table public.bench_booked (id text primary key)"
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc "\\copy public.bench_booked from '$work/stream-booked.csv'"
echo "RESULT bookings acknowledged $(sql 'select count(*) from public.bench_booked'), found afterwards\
 $(sql "select count(*) from public.bench_booked a join booking.booking b on b.id::text = a.id and b.status = 'CONFIRMED'"),\
 missing $(sql 'select count(*) from public.bench_booked a where not exists (select 1 from booking.booking b where b.id::text = a.id)');\
 one person twice in a slot $(sql "select count(*) from (select 1 from booking.booking where status = 'CONFIRMED' group by slot_id, person having count(*) > 1) d");\
 slots whose places taken differ from their bookings $(sql "select count(*) from booking.slot s join (select slot_id, sum(booked) booked from booking.slot_part group by 1) p on p.slot_id = s.id left join (select slot_id, count(*) n from booking.booking where status in ('CONFIRMED', 'CHECKED_IN') group by 1) b on b.slot_id = s.id where p.booked <> coalesce(b.n, 0)")" | tee -a $out
# The materials store's disk full: a 1 MiB tmpfs mounted over the nodes' materials directory and filled, then a
# resident adds a file to her newest case through the proxy; afterwards the disk is freed and she tries again.
mat="$work/tongban/materials"
mkdir -p "$mat"
mount -t tmpfs -o size=1m tmpfs "$mat"
dd if=/dev/zero of="$mat/filler" bs=64k status=none 2>/dev/null || true
echo iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg== | base64 -d > "$work/proof.png"
first=$(sed -n 2p "$work/users.csv" | cut -d, -f1)
upload() { (cd bench && java -cp "$cp" org.tongban.bench.FaultLoad upload http://127.0.0.1:18080 "$first" "$userpw" \
  "$work/proof.png") 2>>"$work/upload.log" | grep RESULT; }
full=$(upload)
case_id=$(echo "$full" | sed 's/.*case \([0-9a-f-]*\),.*/\1/')
echo "$full; materials on the case $(sql "select count(*) from casework.material where case_id = '$case_id'\
 and source = 'RESIDENT'"), files left in the store besides the filler $(find "$mat" -type f ! -name filler | wc -l)\
 (disk full)" | tee -a $out
umount "$mat"
echo "$(upload); materials on the case $(sql "select count(*) from casework.material where case_id = '$case_id'\
 and source = 'RESIDENT'") (disk freed)" | tee -a $out
echo "results in $out"
