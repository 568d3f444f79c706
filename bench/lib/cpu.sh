# Sourced by the load scripts: where the machine's CPU goes while a run lasts. cpu_split PID OUT samples every 5 s
# the share of the whole machine (all cores) taken by the platform (PID), by PostgreSQL (every postgres process), by
# the load generator (every other java process: Gatling and the Maven that starts it) and in all; cpu_split_stop
# ends it and appends the whole run's split (the sum of the 5 s steps: a process that ended keeps what it used).
cpu_ticks() { # platform postgres load-generator busy total
  # cat, not awk on the files: a process that ends between the listing and the read must not stop the count.
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v p="$1" '$2 == "(postgres)" { pg += $14 + $15 }
    $2 == "(java)" { if ($1 == p) pl += $14 + $15; else lg += $14 + $15 }
    END { printf "%d %d %d ", pl, pg, lg }'
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat
}

cpu_share() { # ticks used in a span: platform postgres load-generator busy total
  local t=$(( $5 + 1 ))
  echo "platform $(( $1 * 100 / t ))%, PostgreSQL $(( $2 * 100 / t ))%, load generator $(( $3 * 100 / t ))%,\
 machine busy $(( $4 * 100 / t ))%"
}

cpu_split() {
  local platform=$1 out=$2
  (set +u; read -r -a last <<< "$(cpu_ticks "$platform")"; sum=(0 0 0 0 0); s0=$(date +%s)
   step() {
     read -r -a now <<< "$(cpu_ticks "$platform")"
     for i in 0 1 2 3 4; do d[i]=$(( now[i] - last[i] )); (( d[i] < 0 )) && d[i]=0; sum[i]=$(( sum[i] + d[i] )); done
     last=("${now[@]}")
   }
   trap 'step; echo "whole run ($(( $(date +%s) - s0 )) s, shares of all $(nproc) cores): $(cpu_share "${sum[@]}")"; exit' TERM
   while sleep 5; do step; echo "$(date +%T) $(cpu_share "${d[@]}")"; done) > "$out" 2>&1 &
  cpu_split_pid=$!
}

cpu_split_stop() {
  kill -TERM "$cpu_split_pid" 2>/dev/null; wait "$cpu_split_pid" 2>/dev/null || true
}
