# Sourced by the benchmark scripts: a throwaway PostgreSQL 15 cluster (the machine's Debian packages) under
# $work/pg, on the first free loopback port from $1, with extra server settings in $2. Sets pgbin, pw and
# pgport; stop it with stop_postgres.
pgbin=/usr/lib/postgresql/15/bin

start_postgres() {
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  echo "$pw" > "$work/pg/pw" && chown postgres "$work/pg/pw"
  su postgres -s /bin/sh -c "$pgbin/initdb -D $work/pg/data -U postgres --pwfile=$work/pg/pw -A scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  resume_postgres "$@"
}

# Starts the cluster that start_postgres left in $work/pg (a script that keeps its prepared data between runs).
resume_postgres() {
  pw=$(cat "$work/pg/pw")
  pgport=$1
  while (exec 3<>/dev/tcp/127.0.0.1/$pgport) 2>/dev/null; do pgport=$((pgport + 1)); done
  su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $work/pg/data -l $work/pg/log -w -o '-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300 $2' start" >/dev/null
}

stop_postgres() {
  su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $work/pg/data -m fast stop" >/dev/null 2>&1 || true
}

# The platform's database on that server: creates it and points the platform (SPRING_DATASOURCE_*) at it; sets db.
create_tongban_database() {
  PGPASSWORD=$pw psql -h 127.0.0.1 -p $pgport -U postgres -qc "create database tongban"
  use_tongban_database
}

# Points the platform at the database create_tongban_database made on this server earlier.
use_tongban_database() {
  db=jdbc:postgresql://127.0.0.1:$pgport/tongban
  export SPRING_DATASOURCE_URL=$db SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=$pw
}

# Flags for the platform under load. Every virtual user comes from 127.0.0.1, so the per-address sign-in limits are
# lifted, and sign-ins wait for a hashing slot instead of being answered 429 (Gatling measures throughput, not the
# refusals a real crowd would get); the SMS codes of registrations are read from the outbox on this external server.
platform_flags=(--tongban.identity.throttle.per-address=10000000 --tongban.identity.throttle.per-account=10000000
  --tongban.identity.throttle.codes-per-address=10000000 --tongban.identity.throttle.wait-for-password-check=PT300S
  --tongban.identity.sms-outbox=true)

# Stops the processes in pids (the platform under load): politely, then after 5 s for good.
stop_processes() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 5
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
