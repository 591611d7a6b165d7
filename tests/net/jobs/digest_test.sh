#!/usr/bin/env bash
# The weekly digest against a real SMTP server (Debian's aiosmtpd, Maildir):
#   1. each scope gets exactly its clusters, in its language, as multipart/alternative with
#      RFC 8058 headers; a scope with nothing to report gets no email;
#   2. SMTP down for two runs, then up: each recipient gets the week's email exactly once;
#   3. a one-click unsubscribe (RFC 8058 POST) stops the next week's email;
#   4. the tracker killed with SIGKILL in the middle of a digest and run again: every
#      recipient gets the week's email exactly once, under one Message-ID.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
smtp_port=$(free_port)
smtp_up() { start_smtp "$1"; }
smtp_down() { stop_smtp; }
count() { mail_count "$1"; }
db="sqlite:$work/t.db"
run() { "$tracker" --database="$db" --smtp="127.0.0.1:$smtp_port" --config="$scaffold_dir/mail_test.properties" "$@" 2>>"$work/tracker.log"; }

# --- 1 and 2: scopes, SMTP down twice, then up -------------------------------------
run --run-job=delay-scan --now=2026-11-23T06:00:00+07:00 || fail "first scan"
run --run-job=delay-scan --now=2026-11-30T06:00:00+07:00 || fail "second scan"
run --subscribe=an@example.vn --name="Nguyễn Văn An" --scope=all >/dev/null || fail "subscribe all"
run --subscribe=bob@example.com --lang=en --name="Bob" --scope="district:Thạch Thất" >/dev/null ||
  fail "subscribe district"
run --subscribe=khue@example.vn --scope="district:Ứng Hòa" >/dev/null || fail "subscribe Ứng Hòa"
run --subscribe=quiet@example.vn --scope=cluster:huu-bang >/dev/null || fail "subscribe cluster"
run --subscribe=x@example.vn --scope="district:Nowhere" >/dev/null 2>&1 &&
  fail "a district with no cluster was accepted"

# Who should hear something this week: computed from the flags the scans stored.
expected=$(/usr/bin/python3 - "$work/t.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
week, start = "2026-11-30", "2026-11-23"
rows = db.execute("""SELECT c.code, c.district, f.raised_on, f.resolved_on FROM delay_flags f
                     JOIN clusters c ON c.id = f.cluster_id""").fetchall()
def reports(kind, value):
    for code, district, raised, resolved in rows:
        if kind == "district" and district != value: continue
        if kind == "cluster" and code != value: continue
        if raised > week: continue
        if resolved is None or start < resolved <= week: return True
    return False
n = 0
for kind, value in db.execute("SELECT scope_kind, scope_value FROM subscriptions"):
    n += reports(kind, value)
print(n)
PY
)
ok "expecting $expected digests for week 2026-11-30 (of 4 subscriptions)"

# An official's acknowledgement travels with the flag into the digest.
flag=$(/usr/bin/python3 - "$work/t.db" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute("""SELECT f.id FROM delay_flags f
    JOIN clusters c ON c.id = f.cluster_id
    WHERE c.district = 'Thạch Thất' AND f.resolved_on IS NULL ORDER BY f.id LIMIT 1""").fetchone()
print(row[0] if row else "")
PY
)
[[ -n "$flag" ]] || fail "no open flag in Thạch Thất to acknowledge"
run --acknowledge="$flag" --by="Trần Thị B" --comment="Đã họp với chủ đầu tư <ngày 28/11>" \
  --now=2026-11-28T10:00:00+07:00 >/dev/null || fail "acknowledge flag $flag"

mail1="$work/mail1"
run --run-job=weekly-digest --now=2026-11-30T08:00:00+07:00 && fail "a digest with SMTP down said it succeeded"
run --run-job=weekly-digest --now=2026-11-30T08:02:30+07:00 && fail "second run with SMTP down succeeded"
smtp_up "$mail1"
[[ $(count "$mail1") == 0 ]] || fail "mail arrived while SMTP was down"
run --run-job=weekly-digest --now=2026-11-30T08:20:00+07:00 || fail "the digest failed with SMTP up"
run --run-job=weekly-digest --now=2026-11-30T09:00:00+07:00 || fail "a repeated digest failed"
got=$(count "$mail1")
[[ "$got" == "$expected" ]] && ok "each recipient got the week's email once ($got)" ||
  fail "$got emails, expected $expected"
/usr/bin/python3 "$here/maildir_tool.py" "$mail1" summary | grep -q "quiet@example.vn" &&
  fail "huu-bang (no delay) got an email"
/usr/bin/python3 "$here/maildir_tool.py" "$mail1" check "bob@example.com=district:Thạch Thất" \
  "khue@example.vn=district:Ứng Hòa" "quiet@example.vn=cluster:huu-bang" &&
  ok "structure, RFC 8058 headers, subjects and scopes of every email" || fail "email check"

/usr/bin/python3 - "$mail1" <<'PY' && ok "the digest shows the official's acknowledgement, escaped in HTML" ||
import email, mailbox, sys
from email import policy
box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
for key in box.iterkeys():
    m = email.message_from_bytes(box.get_bytes(key), policy=policy.default)
    if m["X-RcptTo"] != "bob@example.com":
        continue
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    sys.exit(0 if "Acknowledged (Trần Thị B): Đã họp với chủ đầu tư <ngày 28/11>" in text
             and "Đã họp với chủ đầu tư &lt;ngày 28/11&gt;" in html else 1)
sys.exit(1)
PY
  fail "the acknowledgement is missing from bob's digest"

# A long digest lists 30 flags a section and points to the delay page for the rest; each
# cluster once, its flags under it, the clusters with the most severe flag first, and
# every sentence opening with a capital.
/usr/bin/python3 - "$mail1" <<'PY' && ok "the long digest is cut at 30 flags a section, grouped by cluster, most severe first" || fail "long digest not cut"
import email, mailbox, re, sys
from email import policy
box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
for key in box.iterkeys():
    m = email.message_from_bytes(box.get_bytes(key), policy=policy.default)
    if m["X-RcptTo"] != "an@example.vn":
        continue
    text = m.get_body(("plain",)).get_content()
    still = text.split("== Vẫn đang chậm ==")[1].split("==")[0]
    items = [line for line in still.splitlines() if line.startswith("  - ")]
    clusters = [line for line in still.splitlines() if line.startswith("* ")]
    rank = {"Cao": 2, "Trung bình": 1, "Thấp": 0}
    severities = [rank[line.rsplit(": ", 1)[1]] for line in clusters]
    lower = [line for line in items if re.search(r"\. [a-zđ]", line)]
    more = re.search(r"… và (\d+) cảnh báo khác", still)
    print(len(items), len(clusters), len(set(clusters)), severities[:5], lower[:2], bool(more))
    sys.exit(0 if len(items) == 30 and more and len(set(clusters)) == len(clusters) < 30
             and severities == sorted(severities, reverse=True) and not lower else 1)
sys.exit(1)
PY

# --- 3: one-click unsubscribe ------------------------------------------------------
port=$(free_port)
printf 'jobs.scheduler = off\nmail.allowInsecureBaseUrl = true\n' >"$work/server.properties"
"$tracker" --database="$db" --port="$port" --config="$work/server.properties" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
link=$(/usr/bin/python3 - "$mail1" <<'PY'
import email, mailbox, sys
from email import policy
for key in mailbox.Maildir(sys.argv[1], factory=None, create=False).iterkeys():
    m = email.message_from_bytes(mailbox.Maildir(sys.argv[1], factory=None, create=False).get_bytes(key), policy=policy.default)
    if m["X-RcptTo"] == "bob@example.com":
        print(m["List-Unsubscribe"].strip("<>"))
PY
)
path=${link#http://*/}
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/$path")
[[ "$status" == 200 ]] || fail "the unsubscribe page answered $status"
status=$(curl -s -o "$work/one-click" -w '%{http_code}' -d 'List-Unsubscribe=One-Click' "http://127.0.0.1:$port/$path")
[[ "$status" == 200 ]] && ok "one-click unsubscribe answered 200" || fail "one-click answered $status"
status=$(curl -s -o /dev/null -w '%{http_code}' -d 'List-Unsubscribe=One-Click' "http://127.0.0.1:$port/unsubscribe?t=1-deadbeef")
[[ "$status" == 404 ]] || fail "a forged token answered $status"
kill "$server"
run --run-job=delay-scan --now=2026-12-07T06:00:00+07:00 || fail "third scan"
run --run-job=weekly-digest --now=2026-12-07T08:00:00+07:00 || fail "next week's digest"
/usr/bin/python3 "$here/maildir_tool.py" "$mail1" summary | grep -c "bob@example.com" | grep -qx 1 &&
  ok "no email after unsubscribing" || fail "bob got mail after unsubscribing"

# --- 4: SIGKILL in the middle of a digest ------------------------------------------
db="sqlite:$work/kill.db"
run --run-job=delay-scan --now=2026-11-30T06:00:00+07:00 || fail "scan for the kill test"
recipients=200
/usr/bin/python3 - "$work/kill.db" "$recipients" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for i in range(int(sys.argv[2])):
    db.execute("""INSERT INTO subscriptions (email, name, language, scope_kind, scope_value, token,
                  created_on, confirmed_on) VALUES (?, ?, ?, 'all', '', ?, '2026-11-01', '2026-11-01')""",
               (f"r{i}@example.vn", f"Người nhận {i}", "vi" if i % 2 else "en", f"t{i}"))
db.commit()
PY
smtp_down
mail2="$work/mail2"
smtp_up "$mail2"
# Killed three times, each after more emails went out; each restart comes after the dead
# run's claims have lapsed (15 min).
minute=0
for threshold in 25 60 95; do
  "$tracker" --database="$db" --smtp="127.0.0.1:$smtp_port" --config="$scaffold_dir/mail_test.properties" --run-job=weekly-digest \
    --now="2026-11-30T0$((8 + minute / 60)):$(printf %02d $((minute % 60))):00+07:00" \
    2>>"$work/tracker.log" &
  digest=$!
  for _ in $(seq 400); do (($(count "$mail2") >= threshold)) && break; sleep 0.02; done
  kill -9 "$digest" 2>/dev/null
  wait "$digest" 2>/dev/null
  minute=$((minute + 20))
done
before=$(count "$mail2")
run --run-job=weekly-digest --now=2026-11-30T09:30:00+07:00 || fail "the digest after the kills failed"
/usr/bin/python3 "$here/maildir_tool.py" "$mail2" summary >"$work/summary"
total=$(wc -l <"$work/summary")
people=$(cut -d' ' -f1 "$work/summary" | sort -u | wc -l)
ids=$(cut -d' ' -f1,2 "$work/summary" | sort -u | wc -l)
echo "killed three times, the last after $before emails; afterwards $total emails to $people recipients, $ids (recipient, Message-ID) pairs"
[[ "$people" == "$recipients" ]] && ok "no recipient lost" || fail "$people of $recipients recipients got the email"
[[ "$ids" == "$recipients" ]] && ok "one Message-ID per recipient" || fail "$ids Message-IDs for $recipients recipients"
[[ "$total" == "$recipients" ]] && ok "no duplicate delivery" ||
  fail "$((total - recipients)) message(s) delivered twice"

finish
