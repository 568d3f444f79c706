#!/usr/bin/env bash
# The exchange end to end (issue #16 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages), the
# platform's exec jar on it, and
#   1. PostgreSQL outbox engine: RATE committed changes a second for SECONDS_ (plain JDBC transactions of 25 outbox
#      rows, as the modules write them), a department system pulling, verifying every signature, de-duplicating and
#      acknowledging; the platform killed with kill -9 at KILL_AT seconds and started again; then the check: committed,
#      received, lost, and duplicates dropped;
#   2. the same on Kafka (a single-node broker from scripts/kafka.sh; the platform with the Kafka engine), with the
#      same kill -9;
#   3. the anchor in the same run: a bare Kafka producer and consumer of payloads of the same size at the same rate.
#   RATE=2000 SECONDS_=60 KILL_AT=25 bench/exchange.sh
# Results in bench/target/results/exchange-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
rate=${RATE:-2000}
seconds=${SECONDS_:-60}
kill_at=${KILL_AT:-25}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-exchange.XXXXXX)
chmod 755 "$work"
pids=()
kafka_pid=
source bench/lib/postgres.sh
cleanup() {
  cp "$work"/platform-*.log $results/ 2>/dev/null || true
  stop_processes
  [ -n "$kafka_pid" ] && kill "$kafka_pid" 2>/dev/null || true
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 56200 "-c shared_buffers=1GB -c max_wal_size=4GB"
create_tongban_database
load() { java -Xmx1g -cp "$cp" org.tongban.bench.ExchangeLoad "$@"; }
port=18090
base=http://127.0.0.1:$port

start_platform() {
  java -Xmx2g -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=$port \
    --tongban.data-dir="$work/tongban" --tongban.exchange.initial-delay=PT1S "${platform_flags[@]}" "$@" \
    --logging.level.root=WARN >>"$work/platform-$engine.log" 2>&1 &
  platform_pid=$!
  pids+=($platform_pid)
  until curl -fs $base/actuator/health/readiness >/dev/null 2>&1; do sleep 0.5; done
}

run() {
  engine=$1
  shift
  local out=$results/exchange-$engine.txt
  start_platform "$@"
  load setup "$work/subscriber-$engine" | tee $out
  load subscribe $base "$work/subscriber-$engine" $((seconds + 180)) "$work/received-$engine" "$work/produced-$engine" \
    >"$work/subscribe-$engine" 2>&1 &
  local subscriber=$!
  load produce $rate $seconds >"$work/produce-$engine" 2>&1 &
  local producer=$!
  sleep $kill_at
  kill -9 $platform_pid
  echo "RESULT kill -9 of the platform at ${kill_at} s; restarted" | tee -a $out
  start_platform "$@"
  wait $producer
  touch "$work/produced-$engine"
  wait $subscriber
  grep -h RESULT "$work/produce-$engine" "$work/subscribe-$engine" | tee -a $out
  load check "$work/subscriber-$engine" "$work/received-$engine" | tee -a $out
  stop_processes
  pids=()
  # The next run starts from a clean exchange: the same database, earlier subscriptions ended.
  PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -qc \
    "update exchange.subscription set status = 'ENDED' where client_id like 'bench-system-%'" >/dev/null
}

run outbox

KAFKA_PORT=19392 KAFKA_DIR="$work/kafka" scripts/kafka.sh >"$work/kafka.log" 2>&1 &
kafka_pid=$!
until grep -q "Kafka Server started" "$work/kafka.log" 2>/dev/null; do sleep 1; done
load kafka 127.0.0.1:19392 $rate $seconds | tee $results/exchange-kafka-anchor.txt
run kafka --tongban.exchange.kafka.bootstrap-servers=127.0.0.1:19392
