#!/usr/bin/env bash
# Time to a usable demo (issue #12 "Ready means ready"): the README's run command on a fresh data directory, timed
# from the command to (1) the first page answered, (2) readiness UP — the log says "通办已就绪" at the same moment and
# pages stop showing the "still loading" notice — and the counts a newcomer then finds (facilities, bookable slots).
# The build is done first and not timed.
#   bench/time-to-demo.sh            (PORT=18080 by default)
# Result in bench/target/results/time-to-demo.txt; recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
port=${PORT:-18080}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
work=$(mktemp -d /tmp/tongban-demo.XXXXXX)
cleanup() {
  [ -n "${pid:-}" ] && kill -- -"$pid" 2>/dev/null || true
  sleep 3
  rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s.%N)
setsid ./mvnw -B -q -pl platform spring-boot:run \
  -Dspring-boot.run.arguments="--server.port=$port --tongban.data-dir=$work/data" > "$work/run.log" 2>&1 &
pid=$!
first=""
ready=""
while [ -z "$ready" ]; do
  now=$(date +%s.%N)
  if [ -z "$first" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/services" || true)" = 200 ]; then
    first=$now
    curl -s "http://127.0.0.1:$port/services" | grep -q 'loading-notice' && echo "first page says: still loading"
  fi
  if curl -s "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"'; then ready=$now; fi
  if (( $(echo "$now - $start > 1200" | bc) )); then echo "not ready after 20 minutes"; tail -50 "$work/run.log"; exit 1; fi
  sleep 1
done
facilities=$(curl -s "http://127.0.0.1:$port/api/facilities?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
loading=$(curl -s "http://127.0.0.1:$port/services" | grep -c 'loading-notice' || true)
{
  echo "RESULT first page answered after $(echo "$first - $start" | bc | xargs printf '%.0f') s"
  echo "RESULT ready (readiness UP, log says ready) after $(echo "$ready - $start" | bc | xargs printf '%.0f') s"
  echo "RESULT facilities found then: $facilities; pages still showing the loading notice: $loading"
  grep -E "通办已就绪|Opened .* generated bookable|Generated .* demo|Started TongbanApplication" "$work/run.log" | sed 's/^/LOG /' || true
} | tee $results/time-to-demo.txt
