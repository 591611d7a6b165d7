#!/usr/bin/env bash
# A recipient the mail server refuses for good (550 on RCPT TO) is not retried every run
# for ever: its outbox row is marked rejected, the run counts it and still succeeds, and
# everyone else gets their email once.
set -uo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PYTHONPATH="$here" PYTHONUNBUFFERED=1 /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" \
  -c rejecting_handler.RejectingMailbox "$work/mail" >"$work/smtp.log" 2>&1 &
for _ in $(seq 50); do
  /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break
  sleep 0.1
done
count() { /usr/bin/python3 "$here/maildir_tool.py" "$work/mail" count 2>/dev/null || echo 0; }
db="sqlite:$work/t.db"
run() { "$tracker" --database="$db" --smtp="127.0.0.1:$port" "$@"; }
run --run-job=delay-scan --now=2026-11-23T06:00:00+07:00 2>/dev/null
run --run-job=delay-scan --now=2026-11-30T06:00:00+07:00 2>/dev/null
for who in an@example.vn nobody@example.vn binh@example.vn; do
  run --subscribe="$who" --scope=all >/dev/null 2>&1 || fail "subscribe $who"
done

run --run-job=weekly-digest --now=2026-11-30T08:00:00+07:00 >/dev/null 2>"$work/err" &&
  ok "the run succeeds with one address refused for good" || fail "the run failed: $(tail -2 "$work/err")"
grep -q "1 refused for good" "$work/err" && ok "and counts it" || fail "no count: $(tail -1 "$work/err")"
[[ $(count) -eq 2 ]] && ok "the two others got their email" || fail "$(count) emails"
state=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT o.state FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id WHERE s.email = 'nobody@example.vn'\").fetchone()[0])" "$work/t.db")
[[ $state == rejected ]] && ok "its outbox row is rejected" || fail "state $state"
run --run-job=weekly-digest --now=2026-11-30T10:00:00+07:00 >/dev/null 2>"$work/err"
grep -q "0 sent, .* 3 already done" "$work/err" &&
  ok "a later run retries nobody: all three are done" || fail "a later run: $(tail -1 "$work/err")"
[[ $(count) -eq 2 ]] && ok "still two emails" || fail "$(count) emails"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo "all rejection checks passed"
