# Sourced by the benchmark scripts: a throwaway PostgreSQL 15 cluster (the machine's Debian packages) under
# $work/pg, on the first free loopback port from $1, with extra server settings in $2. Sets pgbin, pw and
# pgport; stop it with stop_postgres.
pgbin=/usr/lib/postgresql/15/bin

start_postgres() {
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  echo "$pw" > "$work/pg/pw" && chown postgres "$work/pg/pw"
  pgport=$1
  while (exec 3<>/dev/tcp/127.0.0.1/$pgport) 2>/dev/null; do pgport=$((pgport + 1)); done
  su postgres -s /bin/sh -c "$pgbin/initdb -D $work/pg/data -U postgres --pwfile=$work/pg/pw -A scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $work/pg/data -l $work/pg/log -w -o '-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300 $2' start" >/dev/null
}

stop_postgres() {
  su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $work/pg/data -m fast stop" >/dev/null 2>&1 || true
}
