#!/usr/bin/env bash
# Two platform nodes on one PostgreSQL behind HAProxy (#18.1; the README's "Several nodes"), as a province would run
# them: one PostgreSQL 15 server on loopback (the machine's packages), nodes A (18081) and B (18082) from the same jar
# and keys, HAProxy 2.6 (Debian's package, installed when missing) on 18080 balancing them round-robin with no
# stickiness. Then, with curl as the browser:
#   1. a session begun on A changes things on B (its CSRF token is in the session, kept in PostgreSQL);
#   2. REQUESTS changes through the proxy, half to each node, all accepted;
#   3. node A is killed with SIGKILL, and REQUESTS more through the proxy are all accepted by B, in the same session.
# Prints what was sent and accepted; exits non-zero when a step fails.
#   REQUESTS=200 bench/two-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
requests=${REQUESTS:-200}
source bench/lib/haproxy.sh
./mvnw -B -q -DskipTests install

work=$(mktemp -d /tmp/tongban-nodes.XXXXXX)
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
for port in 18080 18081 18082; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is in use: stop what runs there first" >&2; exit 1; fi
done

start_postgres 56500 ""
create_tongban_database
source bench/lib/app.sh
extract_platform
# Both nodes read one data directory's keys here; on separate machines give them the same keys through the
# environment (README, External PostgreSQL). The client address comes from HAProxy's X-Forwarded-For.
start_node() {
  java -Xmx1g -jar "$app" --server.port="$1" --tongban.data-dir="$work/tongban" --logging.level.root=WARN \
    --server.forward-headers-strategy=native --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' \
    >"$work/node-$1.log" 2>&1 &
  pids+=($!)
  until curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -30 "$work/node-$1.log"; exit 1; }
    sleep 1
  done
}
start_node 18081 # the first node migrates the database and loads the data; the second finds them there
node_a=${pids[-1]}
start_node 18082

start_haproxy

# A browser: its session begins on node A with a CSRF token (GET /api/csrf).
curl -fs -D "$work/csrf.headers" -o "$work/csrf.json" http://127.0.0.1:18081/api/csrf
cookie=$(grep -i '^set-cookie: TONGBAN_SESSION=' "$work/csrf.headers" | sed 's/^[^=]*=\([^;]*\);.*/\1/' | tr -d '\r')
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$work/csrf.json")
change() { # a change in the browser's session: 302 when accepted, 403 when the node does not know the session
  curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: TONGBAN_SESSION=$cookie" -H "X-CSRF-TOKEN: $token" \
    -d lang=zh-CN -d back=/ "$1/prefs/lang"
}
fail=0
code=$(change http://127.0.0.1:18082)
echo "1. session begun on node A, change sent to node B: HTTP $code (302 accepted)"
[[ $code == 302 ]] || fail=1
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-CSRF-TOKEN: $token" -d lang=zh-CN -d back=/ \
  http://127.0.0.1:18082/prefs/lang)
echo "   the same token without the session: HTTP $code (403 refused)"
[[ $code == 403 ]] || fail=1

burst() { for _ in $(seq "$requests"); do change http://127.0.0.1:18080; done | sort | uniq -c | awk '{printf "%s", (NR > 1 ? ", " : "") $1 " × HTTP " $2}'; }
answers=$(burst)
echo "2. $requests changes through HAProxy, both nodes up: $answers"
[[ $answers == "$requests × HTTP 302" ]] || fail=1
kill -9 "$node_a"
wait "$node_a" 2>/dev/null || true # gone: its port refuses, and HAProxy sends everything to B
answers=$(burst)
echo "3. node A killed (SIGKILL); $requests changes through HAProxy: $answers"
[[ $answers == "$requests × HTTP 302" ]] || fail=1
echo "   sessions in PostgreSQL: $(PGPASSWORD=$pw psql -h 127.0.0.1 -p "$pgport" -U postgres -d tongban -tAc \
  'select count(*) from identity.http_session')"
if [[ $fail == 1 ]]; then echo "FAILED"; exit 1; fi
