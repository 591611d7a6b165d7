#!/usr/bin/env bash
# The OpenAPI document passes `redocly lint` with no error (pinned in tests/e2e's
# package-lock), and every GET it describes, asked of a seeded tracker, answers as it says.
set -uo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/scaffold.sh"
redocly=$here/../e2e/node_modules/.bin/redocly
[[ -x $redocly ]] || { echo "FAIL: $redocly is missing: run npm ci in tests/e2e"; exit 1; }

# redocly's recommended rules; a warning is printed, an error fails the test.
if lint=$("$redocly" lint --format=summary "$here/../../etc/static/openapi.json" 2>&1); then
  ok "redocly lint: no error; warnings: $(grep "^warning" <<<"$lint" | tr -s " " | tr "\n" ";" )"
else
  fail "redocly lint reports errors: $(grep -E '^(error|warning)' <<<"$lint" | tr '\n' ' ')"
fi

port=$(free_port)
printf 'jobs.scheduler = off\n' >"$work/t.properties"
db="sqlite:$work/t.db"
"$tracker" --port="$port" --database="$db" --config="$work/t.properties" >"$work/log" 2>&1 &
# Seeded and serving, not only listening: the commands below write to the same database.
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { fail "the tracker did not start: $(tail -3 "$work/log")"; finish; }
echo "a long enough password" | "$tracker" --database="$db" --create-user=api@example.vn --role=admin >/dev/null 2>&1
token=$("$tracker" --database="$db" --create-token=api@example.vn 2>/dev/null | tail -1)
"$tracker" --database="$db" --config="$work/t.properties" --run-job=delay-scan >/dev/null 2>&1 ||
  fail "the delay scan did not run"
if /usr/bin/python3 "$here/openapi_conformance.py" "$port" "$token" >"$work/conformance.txt" 2>&1; then
  ok "every GET answers as the document says: $(tail -1 "$work/conformance.txt")"
else
  grep -A5 '^FAIL' "$work/conformance.txt" | head -60
  fail "answers disagree with the document: $(tail -1 "$work/conformance.txt")"
fi
finish
