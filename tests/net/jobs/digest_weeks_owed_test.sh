#!/usr/bin/env bash
# The mail server down across two weekly digest slots, then back (found by scripts/faults,
# fault b): the next week's run also sends what the week before still owes, once. Before
# the fix the scheduler moved on to the new slot and the earlier week's digests were never
# sent.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
smtp_port=$(free_port)
db="sqlite:$work/t.db"
run() { "$tracker" --database="$db" --smtp="127.0.0.1:$smtp_port" --config="$scaffold_dir/mail_test.properties" "$@" >>"$work/log" 2>&1; }
for i in 1 2 3; do run --subscribe="r$i@example.vn" --scope=all || fail "subscribe r$i"; done
run --run-job=delay-scan --now=2026-11-30T06:00:00+07:00
run --run-job=weekly-digest --now=2026-11-30T08:00:00+07:00 && fail "the digest ran without a mail server"
run --run-job=delay-scan --now=2026-12-07T06:00:00+07:00
run --run-job=weekly-digest --now=2026-12-07T08:00:00+07:00 && fail "the digest ran without a mail server"
start_smtp "$work/mail"
run --run-job=weekly-digest --now=2026-12-07T10:00:00+07:00 || fail "the digest after the server came back"
[[ $(mail_count "$work/mail") -eq 6 ]] && ok "both weeks' digests sent once the server is back" ||
  fail "$(mail_count "$work/mail") emails, not 6: $(tail -2 "$work/log")"
run --run-job=weekly-digest --now=2026-12-07T11:00:00+07:00
[[ $(mail_count "$work/mail") -eq 6 ]] && ok "run again: nothing more" || fail "$(mail_count "$work/mail") emails"
run --run-job=weekly-digest --now=2026-12-14T08:00:00+07:00 # the next week's own digest
ids=$(/usr/bin/python3 "$scaffold_dir/../net/jobs/maildir_tool.py" "$work/mail" summary | cut -d' ' -f1,2 | sort -u | wc -l)
[[ $(mail_count "$work/mail") -eq 9 && $ids -eq 9 ]] && ok "a week later, that week's only: none twice" ||
  fail "$(mail_count "$work/mail") emails, $ids (recipient, Message-ID) pairs"
finish
