#!/usr/bin/env bash
# One login side by side: Tongban and Keycloak 26.7.3 on loopback, each on the same PostgreSQL 15 server
# (the machine's packages), the same Argon2id cost for passwords (19 MiB, t=2, p=1), the same flows
# driven by Gatling (bench/src/test/java/org/tongban/bench/OneLoginSimulation.java), each server measured alone (the
# other frozen with SIGSTOP). Results in
# bench/target/results/onelogin-*.txt; figures recorded in BENCHMARKS.md.
#   USERS=16 SECONDS_=30 [PROFILE=1] bench/one-login.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/jdk.sh
root=$(pwd)
users=${USERS:-16}
seconds=${SECONDS_:-30}
kcver=26.7.3
mkdir -p bench/target/results bench/target/keycloak

./mvnw -B -q -DskipTests install
cp=$(./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout):$root/bench/target/classes
kc=$root/bench/target/keycloak/keycloak-$kcver
if [[ ! -x $kc/bin/kc.sh ]]; then
  # Through the build's repositories (settings.xml mirrors and proxies apply), like every other artifact.
  ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$kcver:zip \
    -DoutputDirectory="$root/bench/target/keycloak" -Dmdep.stripVersion=true
  (cd bench/target/keycloak && unzip -q keycloak-quarkus-dist.zip)
fi

work=$(mktemp -d /tmp/tongban-onelogin.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib/postgres.sh
cleanup() {
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  sleep 2
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL 15, one cluster, a database for each server.
start_postgres 55600 ""
PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -qc "create database keycloak" -c "create database tongban"
db=jdbc:postgresql://127.0.0.1:$pgport

# Keycloak, production mode, Argon2id with Tongban's parameters.
secret=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
userpw="Bench$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')9"
export KC_BOOTSTRAP_ADMIN_USERNAME=bench-admin
export KC_BOOTSTRAP_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
"$kc/bin/kc.sh" build --db=postgres >"$work/kc-build.log" 2>&1
"$kc/bin/kc.sh" start --optimized --db-url="$db/keycloak" --db-username=postgres --db-password="$pw" \
  --http-enabled=true --http-host=127.0.0.1 --http-port=18180 --hostname-strict=false \
  --spi-password-hashing--argon2--memory=19456 --spi-password-hashing--argon2--iterations=2 \
  --spi-password-hashing--argon2--parallelism=1 >"$work/keycloak.log" 2>&1 &
pids+=($!)
until curl -fs http://127.0.0.1:18180/realms/master >/dev/null 2>&1; do sleep 1; done
kcadm="$kc/bin/kcadm.sh"
"$kcadm" config credentials --config "$work/kcadm.config" --server http://127.0.0.1:18180 --realm master \
  --user bench-admin --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" >/dev/null
"$kcadm" create realms --config "$work/kcadm.config" -s realm=bench -s enabled=true \
  -s 'passwordPolicy=hashAlgorithm(argon2)' >/dev/null
# A P-256 key for ES256 tokens, as Tongban signs them (its JWK set has both).
"$kcadm" create components --config "$work/kcadm.config" -r bench -s name=ecdsa-generated -s providerId=ecdsa-generated \
  -s providerType=org.keycloak.keys.KeyProvider -s 'config.priority=["100"]' -s 'config.ecdsaEllipticCurveKey=["P-256"]' >/dev/null
"$kcadm" create clients --config "$work/kcadm.config" -r bench -s clientId=bench-web -s secret="$secret" \
  -s 'redirectUris=["http://127.0.0.1:19999/cb"]' -s serviceAccountsEnabled=true -s standardFlowEnabled=true \
  -s directAccessGrantsEnabled=false -s publicClient=false -s 'attributes={"pkce.code.challenge.method":"S256","access.token.signed.response.alg":"ES256","id.token.signed.response.alg":"ES256"}' >/dev/null
"$kcadm" create users --config "$work/kcadm.config" -r bench -s username=bench-user -s enabled=true \
  -s firstName=Bench -s lastName=User -s email=bench-user@example.org -s emailVerified=true >/dev/null
"$kcadm" set-password --config "$work/kcadm.config" -r bench --username bench-user --new-password "$userpw" >/dev/null

# Tongban on the same PostgreSQL server, its client registered as the admin page would.
SPRING_DATASOURCE_URL="$db/tongban" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD="$pw" \
  java -jar "$(ls platform/target/tongban-platform-*-exec.jar)" --server.port=18080 --tongban.data-dir="$work/tongban" "${platform_flags[@]}" \
  --spring.datasource.hikari.maximum-pool-size=20 >"$work/tongban.log" 2>&1 &
pids+=($!)
until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do
  kill -0 "${pids[-1]}" 2>/dev/null || { tail -30 "$work/tongban.log"; exit 1; }
  sleep 1
done
java -cp "$cp" org.tongban.bench.OneLoginClients "$db/tongban" postgres "$pw" bench-web "$secret" http://127.0.0.1:19999/cb
# A resident registers through the real pages (SMS code read from the embedded outbox).
phone=13900001234
idnumber=$(java -cp "$cp" org.tongban.bench.ValidIdNumber 21010219800101017)
jar="$work/cookies"
csrf() { curl -s -c "$jar" -b "$jar" http://127.0.0.1:18080/register | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null -d "_csrf=$(csrf)&step=send-code&phone=$phone" http://127.0.0.1:18080/register
code=$(PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -d tongban -tAc \
  "select substring(text from '[0-9]{6}') from identity.sms_outbox order by id desc limit 1")
curl -s -c "$jar" -b "$jar" -o /dev/null -w "resident registration: %{http_code} %{redirect_url}\n" \
  --data-urlencode "_csrf=$(csrf)" -d "step=register&phone=$phone&smsCode=$code&idNumber=$idnumber" \
  --data-urlencode "name=基准测试" --data-urlencode "password=$userpw" http://127.0.0.1:18080/register

run() { # target base username flow
  # PROFILE=1: a flight recording of Tongban for each of its flows (bench/target/results/onelogin-<flow>.jfr).
  if [[ -n ${PROFILE:-} && $1 == tongban ]]; then
    jcmd "$tb_pid" JFR.start name="$4" settings=profile filename="$root/bench/target/results/onelogin-$4.jfr" >/dev/null
  fi
  ./mvnw -B -q -pl bench gatling:test -Dgatling.simulation=org.tongban.bench.OneLoginSimulation \
    -Dtarget="$1" -Dbase="$2" -Dusername="$3" -Dflow="$4" -Dpassword="$userpw" -Dsecret="$secret" \
    -Dclient=bench-web -Dusers="$users" -Dseconds="$seconds" > "bench/target/results/onelogin-$1-$4.txt" 2>&1 || true
  echo "== $1 $4"
  grep -A12 "Global Information" "bench/target/results/onelogin-$1-$4.txt" \
    | grep -E "request count|mean throughput|50th percentile|99th percentile" || true
  # Completed operations: the last progress line of the step that ends each operation.
  grep -E "^> (token|refresh|client credentials) " "bench/target/results/onelogin-$1-$4.txt" | tail -1 || true
  if [[ -n ${PROFILE:-} && $1 == tongban ]]; then jcmd "$tb_pid" JFR.stop name="$4" >/dev/null; fi
}
# Each server alone: the other is frozen (SIGSTOP) while one is measured, so neither's background work (timers,
# caches, its database sessions) taxes the other's run. The frozen one's PostgreSQL database stays idle.
kc_pid=${pids[0]}
tb_pid=${pids[1]}
for flow in client refresh login; do
  kill -STOP "$tb_pid"; kill -CONT "$kc_pid"
  run keycloak http://127.0.0.1:18180 bench-user "$flow"
  kill -STOP "$kc_pid"; kill -CONT "$tb_pid"
  run tongban http://127.0.0.1:18080 "$phone" "$flow"
done
# The limit of a full login: the password hash alone on these cores, with both servers frozen.
kill -STOP "$kc_pid" "$tb_pid"
echo "== the password hash alone (Argon2id 19 MiB, t=2)"
java -cp "$cp" org.tongban.bench.PasswordHashAlone | tee bench/target/results/onelogin-hash-alone.txt
kill -CONT "$kc_pid" "$tb_pid"
