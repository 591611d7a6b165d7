#!/usr/bin/env bash
# Statutory deadlines over real SMTP (aiosmtpd): 7 days and 1 day before Biểu 02 is due,
# each developer that has not submitted gets one reminder, in Vietnamese, listing its
# clusters with links; a second run (or a second day in the window) sends nothing more; a
# submitted form stops the reminders; after the deadline the delay scan flags the unfiled
# Biểu 02 and the weekly digest carries it.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
start_smtp "$work/mail"
db="sqlite:$work/t.db"
run() { "$tracker" --database="$db" --smtp="127.0.0.1:$smtp_port" --config="$scaffold_dir/mail_test.properties" "$@"; }
count() { mail_count "$work/mail"; }
bodies() { /usr/bin/python3 - "$work/mail" <<'PY'
import email, mailbox, sys
from email import policy
for key in mailbox.Maildir(sys.argv[1], factory=None, create=False).iterkeys():
    m = email.message_from_bytes(mailbox.Maildir(sys.argv[1], factory=None).get_bytes(key), policy=policy.default)
    print("TO", m["X-RcptTo"], "|", m["Subject"])
    print(m.get_body(("plain",)).get_content())
PY
}
run --run-job=delay-scan --now=2026-12-01T06:00:00+07:00 >/dev/null 2>&1 || fail "seed and scan"
for who in "cdt@example.vn --role=developer --clusters=cau-bau-gd-2,xa-cau" \
           "cdt2@example.vn --role=developer --clusters=huu-bang"; do
  set -- $who
  echo "a long enough password" | run --create-user=$1 $2 $3 >/dev/null 2>&1 || fail "create $1"
done

run --run-job=statutory-reminders --now=2026-12-12T08:00:00+07:00 >/dev/null 2>"$work/err" ||
  fail "reminders 8 days before: $(tail -1 "$work/err")"
[[ $(count) -eq 0 ]] && ok "8 days before the deadline: no reminder" || fail "$(count) emails on 12/12"

run --run-job=statutory-reminders --now=2026-12-13T08:00:00+07:00 >/dev/null 2>"$work/err" ||
  fail "reminders 7 days before: $(tail -1 "$work/err")"
[[ $(count) -eq 2 ]] && ok "7 days before: one reminder per developer" || fail "$(count) emails on 13/12"
bodies >"$work/bodies"
grep -q "Nhắc hạn Biểu số 02 kỳ 2026-Y: trước ngày 20/12/2026" "$work/bodies" &&
  ok "the subject names the form, period and deadline" || fail "subject: $(grep TO "$work/bodies")"
grep -q "/admin/statutory/02/cau-bau-gd-2/2026-Y" "$work/bodies" &&
  grep -q "/admin/statutory/02/xa-cau/2026-Y" "$work/bodies" &&
  ok "it links each of the developer's clusters" || fail "links: $(cat "$work/bodies")"
grep -q "còn 7 ngày" "$work/bodies" && ok "in Vietnamese, with the days left" || fail "no 'còn 7 ngày'"

run --run-job=statutory-reminders --now=2026-12-13T09:00:00+07:00 >/dev/null 2>&1
run --run-job=statutory-reminders --now=2026-12-15T08:00:00+07:00 >/dev/null 2>&1
[[ $(count) -eq 2 ]] && ok "run again, and two days later: still one each" || fail "$(count) emails"

# cdt2 files its Biểu 02; cdt does not.
token=$(run --create-token=cdt2@example.vn 2>/dev/null | tail -1)
port=$(free_port) # the API write goes through a server on the same database
"$tracker" --database="$db" --port="$port" >"$work/server.log" 2>&1 &
server=$!
on_exit "kill $server 2>/dev/null"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
status=$(curl -s -o "$work/b" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"action":"submit","version":0}' \
  "http://127.0.0.1:$port/api/v1/statutory-reports/02/huu-bang/2026-Y")
[[ $status == 200 ]] && ok "cdt2 submits its Biểu 02" || fail "submit: $status $(cat "$work/b")"

run --run-job=statutory-reminders --now=2026-12-19T08:00:00+07:00 >/dev/null 2>&1
[[ $(count) -eq 3 ]] && ok "1 day before: a reminder only to the one still to file" || fail "$(count) emails"
bodies >"$work/bodies"
grep -q "còn 1 ngày" "$work/bodies" && ok "it says 1 day left" || fail "no 1-day reminder"

# After the deadline: the scan flags the unfiled Biểu 02, not the filed one.
run --run-job=delay-scan --now=2026-12-20T06:00:00+07:00 >/dev/null 2>&1 || fail "scan 20/12"
flagged=$(sqlite3 "$work/t.db" "SELECT c.code FROM delay_flags f JOIN clusters c ON c.id = f.cluster_id WHERE f.rule = 'statutory_report_overdue' AND f.resolved_on IS NULL ORDER BY c.code" | tr '\n' ' ')
[[ $flagged == *"cau-bau-gd-2"* && $flagged != *"huu-bang"* ]] &&
  ok "overdue from 20/12: the unfiled flagged, the filed not" || fail "flagged: $flagged"
curl -s "http://127.0.0.1:$port/api/v1/delays" | grep -q "statutory_report_overdue" &&
  ok "the delay API shows it" || fail "not in /api/v1/delays"
run --subscribe=tin@example.vn --scope=all >/dev/null 2>&1 || fail "subscribe"
run --run-job=weekly-digest --now=2026-12-21T08:00:00+07:00 >/dev/null 2>&1
bodies >"$work/bodies"
grep -q "Chưa gửi báo cáo định kỳ (Biểu 02)" "$work/bodies" &&
  ok "the weekly digest carries the overdue Biểu 02" || fail "not in the digest"
finish
