#!/usr/bin/env bash
# Facilities and bookings under load (issue #5 "Measure"): one PostgreSQL 15 server on loopback (the machine's
# packages), SCALE × the demo set of generated facilities (4 ≈ 197,000; 5.5 ≈ 271,000 is over the import cap
# of 250,000 rows per file, so step 3 refuses it), then
#   1. bookings per second on one hot slot, and spread over 10,000 slots (Gatling, USERS residents booking and
#      cancelling in a loop for SECONDS_), with overbooking counted in the database after each run;
#   2. facility search p99 (Gatling, 50 anonymous users: type in a county, nearest of a type);
#   3. Excel export of every facility, and its import again (200,000+ rows, streamed): time and peak heap.
#   SCALE=4 USERS=200 SECONDS_=60 bench/facilities.sh
# Results in bench/target/results/facilities-*.txt; figures recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
scale=${SCALE:-4}
users=${USERS:-200}
seconds=${SECONDS_:-60}
results=bench/target/results
mkdir -p $results
./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes

work=$(mktemp -d /tmp/tongban-facilities.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  cp "$work/tongban.log" $results/facilities-platform.log 2>/dev/null || true
  stop_processes
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres 55800 "-c shared_buffers=1GB -c synchronous_commit=on"
create_tongban_database
sql() { PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc "$1"; }

userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
(cd bench && java -Xmx4g -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.FacilityLoad prepare \
  "$scale" "$users" "$userpw" "$work" > "$work/prepare.log" 2>&1) || { tail -40 "$work/prepare.log"; exit 1; }
grep -E "RESULT" "$work/prepare.log" | tee $results/facilities-prepare.txt

if (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null; then echo "port 18080 is in use: stop what runs there first" >&2; exit 1; fi
java -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=18080 --tongban.data-dir="$work/tongban" "${platform_flags[@]}" \
  --spring.datasource.hikari.maximum-pool-size=40 --logging.level.root=WARN >"$work/tongban.log" 2>&1 &
pids+=($!)
until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done

overbooked() {
  sql "select 'RESULT $1: slots overbooked ' || count(*) filter (where p.booked > s.capacity)
       || ', slots whose count differs from their bookings ' || count(*) filter (where p.booked <> coalesce(b.n, 0))
       || ', bookings made ' || (select count(*) from booking.booking)
       from booking.slot s join (select slot_id, sum(booked) booked from booking.slot_part group by 1) p on p.slot_id = s.id
       left join (select slot_id, count(*) n from booking.booking
         where status in ('CONFIRMED', 'CHECKED_IN') group by 1) b on b.slot_id = s.id" | tee -a $results/facilities-bookings.txt
}
: > $results/facilities-bookings.txt
for run in hot spread; do
  if [ $run = hot ]; then target=(-Dslot="$(cat "$work/hot-slot.txt")"); else target=(-Dslots="$work/slots.csv"); fi
  ./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.BookingSimulation \
    -Daccounts="$work/users.csv" -Dpassword="$userpw" -Dusers="$users" -Dseconds="$seconds" "${target[@]}" \
    > $results/facilities-gatling-$run.txt 2>&1 || true
  echo "== bookings, $run ($users users, ${seconds} s of booking and cancelling after sign-in)" | tee -a $results/facilities-bookings.txt
  report=$(ls -td bench/target/gatling/bookingsimulation-*/ | head -1)
  python3 bench/lib/gatling-requests.py "$report" book cancel | tee -a $results/facilities-bookings.txt
  booked=$(grep -E "^> book " $results/facilities-gatling-$run.txt | tail -1 | awk -F'|' '{gsub(/[ ,]/, "", $3); print $3}')
  echo "RESULT $run: ${booked:-0} bookings in ${seconds} s = $(( ${booked:-0} / seconds )) bookings/s" | tee -a $results/facilities-bookings.txt
  overbooked "$run"
done

./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.FacilitySearchSimulation \
  -Dqueries="$work/search.csv" -Dusers=50 -Dseconds="$seconds" > $results/facilities-gatling-search.txt 2>&1 || true
python3 bench/lib/gatling-requests.py "$(ls -td bench/target/gatling/facilitysearchsimulation-*/ | head -1)" \
  | tee $results/facilities-search.txt

# The platform stops first so that the import has the machine to itself.
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
(cd bench && java -Xmx320m -Dtongban.bench.data-dir="$work/tongban" -cp "$cp" org.tongban.bench.FacilityLoad import \
  "$work/facilities.xlsx" > "$work/import.log" 2>&1) || { tail -40 "$work/import.log"; exit 1; }
grep -E "RESULT" "$work/import.log" | tee $results/facilities-import.txt
