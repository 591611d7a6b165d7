#!/usr/bin/env bash
# A recipient the mail server refuses for good (550 on RCPT TO) is not retried every run
# for ever: its outbox row is marked rejected, the run counts it and still succeeds, and
# everyone else gets their email once.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
start_smtp "$work/mail" rejecting_handler.RejectingMailbox
port=$smtp_port
count() { mail_count "$work/mail"; }
db="sqlite:$work/t.db"
run() { "$tracker" --database="$db" --smtp="127.0.0.1:$port" --config="$scaffold_dir/mail_test.properties" "$@"; }
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

finish
echo "all rejection checks passed"
