#!/usr/bin/env bash
# Logs are JSON lines; with the access log on, each request has a line whose request_id is
# the X-Request-Id it was answered with, its route pattern, status, duration and account —
# and no token or password ever appears.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
db="sqlite:$work/t.db"
echo "a long test password" | "$tracker" --database="$db" --create-user=dev@example.vn \
  --role=developer --clusters=huu-bang >/dev/null 2>&1 || fail "create-user"
token=$("$tracker" --database="$db" --create-token=dev@example.vn 2>/dev/null | tail -1)
printf '%s\n' "jobs.scheduler = off" "logging.loggers.access.level = information" >"$work/tracker.properties"
port=$(free_port)
"$tracker" --config="$work/tracker.properties" --port="$port" --database="$db" >"$work/out" 2>"$work/log" &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
id=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/clusters/huu-bang" | tr -d '\r' |
  sed -n 's/^X-Request-Id: //p')
[[ -n "$id" ]] && ok "answers carry X-Request-Id ($id)" || fail "no X-Request-Id"
curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"date":"2026-11-20","confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1}' "http://127.0.0.1:$port/api/v1/clusters/huu-bang/reports"
curl -s -o /dev/null -H 'X-Request-Id: from-the-proxy-42' "http://127.0.0.1:$port/healthz"
sleep 0.3
/usr/bin/python3 - "$work/log" "$id" <<'PY' && ok "every line is JSON; the access lines name request, route, status, time, account" || fail "log lines: $(tail -5 "$work/log")"
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
assert lines, "no log lines"
for line in lines:
    assert {"time", "level", "logger", "message"} <= line.keys(), line
access = [l for l in lines if l["logger"] == "tracker.access"]
page = [l for l in access if l["request_id"] == sys.argv[2]]
assert page and page[0]["route"] == "GET /clusters/{code}" and page[0]["status"] == 200, page
assert page[0]["duration_ms"] >= 0, page
write = [l for l in access if l["route"] == "POST /api/v1/clusters/{code}/reports"]
assert write and write[0]["status"] == 201 and write[0].get("account_id", 0) > 0, write
assert any(l["request_id"] == "from-the-proxy-42" for l in access), "the proxy's id was not kept"
PY
grep -q "$token" "$work/log" && fail "the token appears in the log"
grep -q "a long test password" "$work/log" && fail "the password appears in the log"
finish
