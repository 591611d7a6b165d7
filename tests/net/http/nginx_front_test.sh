#!/usr/bin/env bash
# The shipped etc/nginx/tracker.conf in front of two tracker instances on one database:
# answers carry request ids and are compressed; the tracker sees the client's real address
# and never a forged X-Forwarded-For; one address is rate-limited; a slowloris attack on
# nginx leaves other visitors' answers within 100 ms; killing one instance under load fails
# no GET, and creates retried with an Idempotency-Key are stored exactly once; nginx serves
# the static files itself. The same attack straight at an instance is held off as well.
source "$(dirname "$0")/../../support/scaffold.sh"
source "$(dirname "$0")/../../../scripts/lib/nginx.sh"
tracker=$1
repo=$(cd "$(dirname "$0")/../../.." && pwd)
db="$work/t.db"
on_exit nginx_stop "$work/nginx"
chmod 711 "$work" # nginx's workers run as another user and must reach $work/nginx/static

cat >"$work/tracker.properties" <<CONF
auth.trustedProxies = 127.0.0.1
CONF
start_instance() { # PORT
  "$tracker" --config="$work/tracker.properties" --port="$1" --database="sqlite:$db" \
    >>"$work/instance-$1.log" 2>&1 &
  echo $! >"$work/instance-$1.pid"
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "instance on $1 did not start: $(cat "$work/instance-$1.log")" >&2
  exit 1
}
a=$(free_port)
start_instance "$a" # seeds the database first
b=$(free_port)
start_instance "$b"
port=$(free_port)
nginx_front "$work/nginx" "$port" "$repo/etc/static" "$a" "$b" || exit 1
front="http://127.0.0.1:$port"

headers=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$front/clusters")
grep -q '^HTTP/1.1 200' <<<"$headers" && ok "a page through nginx" || fail "page: $headers"
grep -qi '^X-Request-Id: [0-9a-f]\{32\}' <<<"$headers" && ok "nginx's request id reaches the tracker and comes back" ||
  fail "request id: $headers"
grep -qi '^Content-Encoding: gzip' <<<"$headers" && ok "compressed for a client that accepts gzip" ||
  fail "no gzip: $headers"

# The client's address, not a forged one, reaches the audit log.
echo "correct horse battery" | "$tracker" --database="sqlite:$db" --create-admin=admin@example.vn >/dev/null 2>&1
token=$("$tracker" --database="sqlite:$db" --create-token=admin@example.vn 2>/dev/null | tail -1)
item=$(curl -s "$front/api/v1/clusters/huu-bang" | python3 -c 'import json,sys; print(json.load(sys.stdin)["work_items"][0]["id"])')
report() { # KEY [CURL ARGS...] -> HTTP status
  local key=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H "Idempotency-Key: $key" -H 'Content-Type: application/json' "$@" \
    -d '{"date":"2026-11-02","items":[{"work_item":'$item',"percent":60}],"confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1000000000}' \
    "$front/api/v1/clusters/huu-bang/reports"
}
status=$(report forged-1 --interface 127.0.0.2 -H 'X-Forwarded-For: 203.0.113.9')
address=$(sqlite3 "$db" "SELECT address FROM audit_log ORDER BY id DESC LIMIT 1")
[[ $status == 201 && $address == 127.0.0.2 ]] && ok "the audit log has the client's address (127.0.0.2), not the forged one" ||
  fail "status $status, audited address '$address'"

# One address past 30 requests/s (bursts of 200) gets 429s.
limited=$(python3 - "$port" <<'PY'
import http.client, sys
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), source_address=("127.0.0.4", 0))
codes = []
for _ in range(400):
    conn.request("GET", "/healthz")
    r = conn.getresponse(); r.read(); codes.append(r.status)
print(codes[:150].count(200), codes.count(429))
PY
)
read -r first_ok too_many <<<"$limited"
[[ $first_ok == 150 && $too_many -gt 0 ]] && ok "rate limit: a burst is served, then 429 ($too_many of 400)" ||
  fail "rate limit: first 150 → $first_ok ok, $too_many × 429"

# A slowloris attack on nginx.
result=$(python3 "$repo/tests/net/http/slowloris.py" "$port" --connections 400 --seconds 8)
echo "slowloris through nginx: $result"
python3 -c "
import json, sys
r = json.loads(sys.argv[1])
sys.exit(0 if r['statuses'] == {'200': r['visits']} and r['visits'] >= 30 and r['worst_ms'] < 100 and r['attack_connections_open'] >= 300 else 1)
" "$result" && ok "400 slow connections: every visitor answered within 100 ms" || fail "slowloris: $result"

# The same attack on one instance directly: its per-address cap and header deadline hold.
result=$(python3 "$repo/tests/net/http/slowloris.py" "$b" --connections 300 --seconds 8)
echo "slowloris on an instance directly: $result"
python3 -c "
import json, sys
r = json.loads(sys.argv[1])
sys.exit(0 if r['statuses'] == {'200': r['visits']} and r['visits'] >= 30 and r['worst_ms'] < 100 and r['attack_connections_open'] >= 100 else 1)
" "$result" && ok "300 slow connections on the tracker itself: every visitor within 100 ms" || fail "direct slowloris: $result"

# Kill one instance under load: GETs keep answering, retried creates are stored once.
python3 - "$port" >"$work/gets" <<'PY' &
import http.client, sys, time
codes, until = {}, time.monotonic() + 4
while time.monotonic() < until:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=5,
                                          source_address=("127.0.0.5", 0))
        conn.request("GET", "/clusters"); r = conn.getresponse(); r.read(); code = str(r.status)
    except OSError as error:
        code = type(error).__name__
    codes[code] = codes.get(code, 0) + 1
    time.sleep(0.02)  # within the 30 requests/s one address may make
print(" ".join(f"{k}:{v}" for k, v in sorted(codes.items())))
PY
loader=$!
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM progress_reports")
acknowledged=0
for i in $(seq 1 40); do
  [[ $i == 10 ]] && kill -9 "$(cat "$work/instance-$a.pid")"
  for _ in 1 2 3; do # a client that retries with the same key
    status=$(report "load-$i")
    [[ $status == 201 || $status == 200 ]] && { acknowledged=$((acknowledged + 1)); break; }
    sleep 0.2
  done
done
wait "$loader"
gets=$(cat "$work/gets")
[[ $gets =~ ^200:[0-9]+$ ]] && ok "one instance killed under load: every GET answered 200 ($gets)" ||
  fail "GETs while an instance died: $gets"
stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM progress_reports")
[[ $acknowledged == 40 && $((stored - before)) == 40 ]] &&
  ok "40 creates acknowledged, 40 stored: none lost, none twice" ||
  fail "acknowledged $acknowledged, stored $((stored - before))"

kill -9 "$(cat "$work/instance-$b.pid")"
sleep 0.2
css=$(curl -s -o /dev/null -w '%{http_code}' "$front/static/site.css")
[[ $css == 200 ]] && ok "with every instance down nginx still serves /static/" || fail "static: $css"
finish
