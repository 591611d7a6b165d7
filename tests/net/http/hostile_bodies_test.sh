#!/usr/bin/env bash
# Requests that took the server's memory before anyone looked at who sent them. Each body
# is sent chunked (no Content-Length to look at) and must be answered within a second of
# its route's limit:
#   - 1 GB to /admin/import with no cookie (was read whole: 110 → 1,166 MB);
#   - 1 GB to /login (the sign-in form: ~1.25 GB before);
#   - 300 MB of JSON to the write API with a valid token (607 MB before);
#   - 8 parallel 60 MB uploads with no cookie (347 → 896 MB before);
#   - and 40 sign-ins at once, each an argon2id check of 64 MiB (523 → 2,571 MB before).
# The bodies must leave peak memory within 50 MB, the sign-ins within 200 MB.
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

bodies=$((($(peak_kb) - before) / 1024))
((bodies < 50)) && ok "the bodies grew peak memory by $bodies MB (< 50)" ||
  fail "the bodies grew peak memory by $bodies MB"

# 40 sign-ins at once, each an argon2id check of 64 MiB: at most two run at a time.
login=$(curl -s -c "$work/jar" "http://127.0.0.1:$port/login")
csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$login" | head -1)
for i in $(seq 40); do
  curl -s -o /dev/null -w '%{http_code}\n' -b "$work/jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "email=guess$i@example.vn" --data-urlencode "password=wrong password $i" \
    "http://127.0.0.1:$port/login" >"$work/login-$i" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null
refused=$(cat "$work"/login-* | grep -c '^401$')
[[ $refused -ge 20 ]] && ok "40 parallel sign-ins: $refused checked and refused, the rest 503 or 429" ||
  fail "40 parallel sign-ins: $(sort "$work"/login-* | uniq -c | tr '\n' ' ')"

after=$(peak_kb)
growth=$(((after - before) / 1024))
echo "peak RSS after: $((after / 1024)) MB (growth $growth MB)"
# Two argon2id checks at once are 128 MiB: with them, well under 200 MB (2.5 GB before).
((growth < 200)) && ok "peak memory grew by $growth MB (< 200, two password checks at once)" ||
  fail "peak memory grew by $growth MB"
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && ok "still serving" || fail "the server stopped answering"
finish
