# Sourced by the scripts that put two nodes behind a proxy (bench/two-nodes.sh, bench/faults.sh): HAProxy from the
# distribution's package (installed when missing) on 127.0.0.1:18080, round-robin over 18081 and 18082 with no
# stickiness, as the README's "Several nodes" configures it. start_haproxy writes $work/haproxy.cfg, checks it,
# starts the proxy (pid in $work/haproxy.pid) and waits until it reaches a ready node.
command -v haproxy >/dev/null || { apt-get update -qq && apt-get install -y -qq haproxy >/dev/null; }

start_haproxy() {
  cat > "$work/haproxy.cfg" <<CFG
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
frontend tongban
  bind 127.0.0.1:18080
  option forwardfor
  default_backend nodes
backend nodes
  balance roundrobin
  retries 3
  option redispatch 1
  # A request the dying node accepted but never answered is sent to the other node only when repeating it is safe:
  # a read, or a change carrying an Idempotency-Key (the platform answers a repeat with the first answer).
  retry-on conn-failure empty-response
  http-request disable-l7-retry if !METH_GET !{ req.hdr(idempotency-key) -m found }
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  server a 127.0.0.1:18081 check inter 1s fall 2 rise 2
  server b 127.0.0.1:18082 check inter 1s fall 2 rise 2
CFG
  haproxy -c -q -f "$work/haproxy.cfg" || { haproxy -c -f "$work/haproxy.cfg"; return 1; }
  haproxy -D -f "$work/haproxy.cfg" -p "$work/haproxy.pid"
  until curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1; do sleep 1; done
}
