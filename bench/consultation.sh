#!/usr/bin/env bash
# 12333 answers under load (issue #15 "Measure"): one PostgreSQL 15 server on loopback (the machine's packages), the
# platform on it with the knowledge base of ../shared/data/policy_texts (1,378 articles) and the catalogue's guides;
#   1. index build: from start to the BM25 index and to the embeddings of every passage (first start: all computed),
#      with the index's size; then a restart, which reads the embeddings back from PostgreSQL;
#   2. answer latency (Gatling, USERS anonymous users asking the evaluation set's questions for SECONDS_, reading each
#      answer PAUSE s on average (2–8 s), then back to back: the ceiling of this machine; embedding of each question
#      included), after a 20 s warm-up that is not measured;
#   3. hit rates of BM25, the embeddings and the hybrid on the question set, side by side (RetrievalEvaluationTests).
#   USERS=50 PAUSE=5 SECONDS_=60 bench/consultation.sh
# Results in bench/target/results/consultation-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
users=${USERS:-50}
pause=${PAUSE:-5}
seconds=${SECONDS_:-60}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install

work=$(mktemp -d /tmp/tongban-consultation.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  cp "$work/tongban.log" $results/consultation-platform.log 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 55910 "-c shared_buffers=1GB"
create_tongban_database
if (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then echo "port 18080 is in use: stop what runs there first" >&2; exit 1; fi

start_platform() {
  java --enable-native-access=ALL-UNNAMED -Xmx2g -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=18080 \
    --tongban.data-dir="$work/tongban" --tongban.consultation.laws-dir="$(cd .. && pwd)/shared/data/policy_texts/laws" \
    "${platform_flags[@]}" --logging.level.root=WARN --logging.level.org.tongban.consultation=INFO >>"$work/tongban.log" 2>&1 &
  pids+=($!)
}
# Seconds from now until the answers come from the hybrid (the embeddings are in).
until_hybrid() {
  local start=$1
  until curl -fs "http://127.0.0.1:18080/api/consultation/answers?q=%E5%A4%B1%E4%B8%9A%E9%87%91" 2>/dev/null | grep -q '"method":"hybrid"'; do
    sleep 0.5
  done
  echo $(( $(date +%s%N) / 1000000 - start ))
}

{
  echo "== index build ($(nproc) cores)"
  t0=$(( $(date +%s%N) / 1000000 ))
  start_platform
  until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 0.5; done
  echo "first start: ready after $(( $(date +%s%N) / 1000000 - t0 )) ms; answers from the hybrid after $(until_hybrid $t0) ms"
  grep -h "Knowledge" "$work/tongban.log" | sed 's/^.*INFO [0-9]* --- \[[^]]*\] \[[^]]*\] [^ ]* *: /  /' || true
  jcmd "${pids[0]}" GC.run >/dev/null 2>&1 || true
  echo "heap after a full GC, the whole platform: $(jcmd "${pids[0]}" GC.heap_info 2>/dev/null | grep -m1 -o 'used [0-9]*K' || echo unknown)"
  stop_processes; pids=()
  t0=$(( $(date +%s%N) / 1000000 ))
  start_platform
  until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 0.5; done
  echo "restart: answers from the hybrid after $(until_hybrid $t0) ms (embeddings read back from PostgreSQL)"
} > $results/consultation-build.txt  # not through a pipe: the platform's pid must reach the cleanup
cat $results/consultation-build.txt

# The evaluation set's questions as a Gatling feeder.
python3 - "$work/questions.csv" <<'PY'
import csv, sys
rows = [l.split("\t")[0] for l in open("platform/src/test/resources/consultation/questions.tsv", encoding="utf-8")
        if l.strip() and not l.startswith("#")]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["question"]); [w.writerow([r]) for r in rows]
PY
./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.ConsultationSimulation \
  -Dquestions="$work/questions.csv" -Dusers="$users" -Dseconds=20 > $results/consultation-gatling-warmup.txt 2>&1 || true
: > $results/consultation-latency.txt
for p in $pause 0; do
  ./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.ConsultationSimulation \
    -Dquestions="$work/questions.csv" -Dusers="$users" -Dseconds="$seconds" -Dpause=$p > $results/consultation-gatling-$p.txt 2>&1 || true
  {
    echo "== answers: $users users for $seconds s over $(($(wc -l < "$work/questions.csv") - 1)) questions, reading each answer $p s on average"
    python3 bench/lib/gatling-requests.py "$(ls -td bench/target/gatling/consultationsimulation-*/ | head -1)" answer
  } | tee -a $results/consultation-latency.txt
done
stop_processes; pids=()

./mvnw -B -q -pl platform test -Dtest=RetrievalEvaluationTests -Djacoco.skip=true > "$work/evaluation.log" 2>&1 \
  || { tail -40 "$work/evaluation.log"; exit 1; }
head -6 platform/target/consultation-evaluation.txt | tee $results/consultation-hit-rates.txt
