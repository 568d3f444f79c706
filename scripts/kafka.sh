#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft: broker and controller in one process) on loopback, for the exchange's
# Kafka engine (README, "Data sharing and exchange"). It runs the Kafka server jars from Maven Central that the tests
# already use, so there is no distribution to download by hand. Data stays in KAFKA_DIR (default data/kafka).
#   scripts/kafka.sh                     # broker on 127.0.0.1:9092 (controller on 9093), in the foreground
#   KAFKA_PORT=19092 scripts/kafka.sh    # elsewhere
# Then start the platform with --tongban.exchange.kafka.bootstrap-servers=127.0.0.1:9092 on every node.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
port=${KAFKA_PORT:-9092}
dir=${KAFKA_DIR:-data/kafka}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ ! -s "$dir/classpath.txt" ]; then
  ./mvnw -q -B -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$dir/classpath.txt"
fi
cp=$(cat "$dir/classpath.txt")
cat > "$dir/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$((port + 1))
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$((port + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/logs
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
if [ ! -f "$dir/logs/meta.properties" ]; then
  java -cp "$cp" kafka.tools.StorageTool format --standalone \
    -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid | tail -1)" -c "$dir/server.properties"
fi
exec java -Xmx512m -cp "$cp" kafka.Kafka "$dir/server.properties"
