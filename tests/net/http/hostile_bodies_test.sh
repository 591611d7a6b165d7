#!/usr/bin/env bash
# Bodies that would take the server's memory before anyone looked at who sent them: each is
# sent chunked (no Content-Length to look at), and each must be answered within a second of
# its route's limit and leave the server's peak memory within 50 MB of where it was.
#   - 1 GB to /admin/import with no cookie (was read whole: 110 → 1,166 MB);
#   - 1 GB to /login (the sign-in form: ~1.25 GB before);
#   - 300 MB of JSON to the write API with a valid token (607 MB before);
#   - 8 parallel 60 MB uploads with no cookie (347 → 896 MB before).
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
db="sqlite:$work/t.db"
echo "a long test password" | "$tracker" --database="$db" --create-user=dev@example.vn \
  --role=developer --clusters=huu-bang >/dev/null 2>&1 || { echo "cannot create the account"; exit 1; }
token=$("$tracker" --database="$db" --create-token=dev@example.vn 2>/dev/null | tail -1)
printf 'jobs.scheduler = off\nlogging.loggers.root.level = warning\n' >"$work/tracker.properties"
port=$(free_port)
"$tracker" --config="$work/tracker.properties" --port="$port" --database="$db" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$pid/status"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
curl -sf "http://127.0.0.1:$port/clusters" >/dev/null # warm up: the first page renders
before=$(peak_kb)
echo "peak RSS before: $((before / 1024)) MB (now $(($(rss_kb) / 1024)) MB)"

# send NAME EXPECTED_STATUS METHOD PATH BYTES HEADERS...
send() {
  local name=$1 want=$2
  shift 2
  local result status after
  result=$(/usr/bin/python3 "$here/hostile_body.py" "$port" "$@")
  status=$(sed -n 's/.*"status": \([0-9]*\).*/\1/p' <<<"$result")
  after=$(sed -n 's/.*"answer_after_s": \([0-9.]*\).*/\1/p' <<<"$result")
  if [[ "$status" == "$want" ]] && awk -v a="$after" 'BEGIN { exit !(a < 1.0) }'; then
    ok "$name: $result"
  else
    fail "$name: wanted $want within 1 s, got $result"
  fi
}

part='--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
BODY_PREFIX=$part send "1 GB upload, no cookie" 413 POST /admin/import $((1024 * 1024 * 1024)) \
  "Content-Type: multipart/form-data; boundary=x"
BODY_PREFIX='email=' send "1 GB sign-in form" 413 POST /login $((1024 * 1024 * 1024)) \
  "Content-Type: application/x-www-form-urlencoded"
send "300 MB JSON with a token" 413 POST /api/v1/clusters/huu-bang/reports $((300 * 1024 * 1024)) \
  "Content-Type: application/json" "Authorization: Bearer $token"
for i in $(seq 8); do
  BODY_PREFIX=$part /usr/bin/python3 "$here/hostile_body.py" "$port" POST /admin/import $((60 * 1024 * 1024)) \
    "Content-Type: multipart/form-data; boundary=x" >"$work/parallel-$i" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null
answered=$(grep -l '"status": 413' "$work"/parallel-* | wc -l)
[[ $answered -eq 8 ]] && ok "8 parallel 60 MB uploads all answered 413" ||
  fail "parallel uploads: $(cat "$work"/parallel-*)"

after=$(peak_kb)
growth=$(((after - before) / 1024))
echo "peak RSS after: $((after / 1024)) MB (growth $growth MB)"
((growth < 50)) && ok "peak memory grew by $growth MB (< 50)" || fail "peak memory grew by $growth MB"
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && ok "still serving" || fail "the server stopped answering"
finish
