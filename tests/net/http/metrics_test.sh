#!/usr/bin/env bash
# /metrics: what it counts is in Prometheus's text format as promtool (Debian's prometheus)
# checks it; it is open to loopback by default and to nobody else, or to a token.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
db="sqlite:$work/t.db"
"$tracker" --database="$db" --run-job=delay-scan --now=2026-11-30T06:00:00+07:00 2>/dev/null ||
  fail "the delay scan"
serve() { # serve CONFIG-LINES...: the tracker with these keys; sets $port
  printf '%s\n' "jobs.scheduler = off" "$@" >"$work/tracker.properties"
  port=$(free_port)
  "$tracker" --config="$work/tracker.properties" --port="$port" --database="$db" \
    >"$work/log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
  fail "the tracker did not start: $(cat "$work/log")"
}

serve
for path in / /clusters /clusters/huu-bang /clusters/khong-co /api/v1/clusters /clusters; do
  curl -s -o /dev/null "http://127.0.0.1:$port$path"
done
curl -s -D "$work/head" "http://127.0.0.1:$port/metrics" -o "$work/metrics"
grep -q '^HTTP/1.1 200' "$work/head" && ok "loopback reads /metrics" || fail "$(head -1 "$work/head")"
if promtool check metrics <"$work/metrics" >"$work/promtool" 2>&1; then
  ok "promtool check metrics: clean"
else
  fail "promtool check metrics: $(cat "$work/promtool")"
fi
for series in 'tracker_http_requests_total{route="GET /clusters",status="200"} 2' \
  'tracker_http_requests_total{route="GET /clusters/{code}",status="404"} 1' \
  'tracker_http_request_duration_seconds_count' 'tracker_cache_hits_total 1' \
  'tracker_cache_renders_total' 'tracker_db_sessions_in_use' 'tracker_db_reconnects_total 0' \
  'tracker_job_runs_total{job="delay-scan",outcome="ok"} 1' \
  'tracker_last_delay_scan_timestamp_seconds' 'tracker_job_last_duration_seconds{job="delay-scan"}'; do
  grep -qF "$series" "$work/metrics" && ok "has $series" || fail "lacks $series"
done
kill "$pid"; wait "$pid" 2>/dev/null

# Only the configured addresses, or the token: here loopback is not among them.
serve "metrics.allow = 192.0.2.1" "metrics.token = a-long-metrics-token"
[[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics") == 403 ]] &&
  ok "an address not allowed gets 403" || fail "an address not allowed read /metrics"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer a-long-metrics-token' \
  "http://127.0.0.1:$port/metrics") == 200 ]] && ok "the token reads it" || fail "the token was refused"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' \
  "http://127.0.0.1:$port/metrics") == 403 ]] && ok "a wrong token gets 403" || fail "a wrong token read it"
grep -q "a-long-metrics-token" "$work/log" && fail "the token appears in the log"
finish
