#!/usr/bin/env bash
# What a mailbox provider checks of the digest (issue 11, item 13): a From with a display name,
# List-Id, Auto-Submitted, and a DKIM signature (libopendkim) that verifies against the
# key's public half (dkimpy, given the DNS record) and covers both List-Unsubscribe headers,
# as RFC 8058 asks. And no mail at all while the links would point at loopback or http.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
smtp_port=$(free_port)
db="sqlite:$work/t.db"
start_smtp "$work/mail"
openssl genrsa -out "$work/dkim.pem" 2048 2>/dev/null
openssl rsa -in "$work/dkim.pem" -pubout -outform DER 2>/dev/null | base64 -w0 >"$work/dkim.pub"
run() { "$tracker" --database="$db" --smtp="127.0.0.1:$smtp_port" --config="$work/mail.properties" "$@" >>"$work/log" 2>&1; }
printf '%s\n' "mail.from = tracker@hanoi.example" >"$work/mail.properties"
run --subscribe=reader@example.vn --scope=all || fail "subscribe"
run --run-job=delay-scan --now=2026-11-30T06:00:00+07:00 || fail "the delay scan"

# The default base URL, http://127.0.0.1:8080: refused, saying why, and nothing sent.
if run --run-job=weekly-digest --now=2026-11-30T08:00:00+07:00; then
  fail "the digest ran with links to loopback"
elif [[ $(mail_count "$work/mail") -ne 0 ]]; then
  fail "$(mail_count "$work/mail") emails sent with links to loopback"
elif grep -q "mail.publicBaseUrl is http://127.0.0.1:8080" "$work/log"; then
  ok "with links to http://127.0.0.1:8080, no email, and the run says why"
else
  fail "the refusal does not say why: $(tail -2 "$work/log")"
fi

printf '%s\n' "mail.from = tracker@hanoi.example" "mail.publicBaseUrl = https://ccn.hanoi.example" \
  "mail.dkim.domain = hanoi.example" "mail.dkim.selector = t2026" \
  "mail.dkim.keyFile = $work/dkim.pem" >"$work/mail.properties"
run --run-job=weekly-digest --now=2026-11-30T10:00:00+07:00 || fail "the digest with a public https base URL: $(tail -2 "$work/log")"
[[ $(mail_count "$work/mail") -eq 1 ]] && ok "sent once the base URL is public" ||
  fail "$(mail_count "$work/mail") emails, not 1"

/usr/bin/python3 - "$work/mail" "$work/dkim.pub" <<'PY' && ok "DKIM, From, List-Id, Auto-Submitted" || fail "the headers"
import email.header, mailbox, sys
import dkim
box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
raw = box.get_bytes(next(iter(box.keys())))
record = b"v=DKIM1; k=rsa; p=" + open(sys.argv[2], "rb").read().strip()
def dns(name, timeout=5):
    return record if name == b"t2026._domainkey.hanoi.example." else None
failed = []
if not dkim.verify(raw, dnsfunc=dns):
    failed.append("the DKIM signature does not verify")
message = email.message_from_bytes(raw)
signature = " ".join(message["DKIM-Signature"].split())
tags = dict(t.strip().split("=", 1) for t in signature.split(";") if "=" in t)
signed = {h.strip().lower() for h in tags["h"].split(":")}
for header in ("from", "subject", "list-unsubscribe", "list-unsubscribe-post", "list-id"):
    if header not in signed:
        failed.append(f"{header} is not signed (h={tags['h']})")
if tags.get("d") != "hanoi.example" or tags.get("s") != "t2026" or tags.get("a") != "rsa-sha256":
    failed.append(f"d={tags.get('d')} s={tags.get('s')} a={tags.get('a')}")
tampered = raw.replace(b"List-Unsubscribe: <https://ccn.hanoi.example/", b"List-Unsubscribe: <https://evil.example/")
if tampered == raw or dkim.verify(tampered, dnsfunc=dns):
    failed.append("a forged List-Unsubscribe still verifies")
sender = str(email.header.make_header(email.header.decode_header(message["From"])))
if sender != "Theo dõi cụm công nghiệp Hà Nội <tracker@hanoi.example>":
    failed.append(f"From: {sender}")
if not message["List-Id"] or "<delays.hanoi.example>" not in message["List-Id"]:
    failed.append(f"List-Id: {message['List-Id']}")
if message["Auto-Submitted"] != "auto-generated":
    failed.append(f"Auto-Submitted: {message['Auto-Submitted']}")
if "https://ccn.hanoi.example/clusters/" not in raw.decode("utf-8", "replace").replace("=\n", ""):
    failed.append("the links do not use the public base URL")
print("\n".join(failed))
sys.exit(1 if failed else 0)
PY

# A key that is not one is refused when the job starts, naming the setting.
echo "not a key" >"$work/bad.pem"
sed -i "s#mail.dkim.keyFile = .*#mail.dkim.keyFile = $work/bad.pem#" "$work/mail.properties"
run --run-job=weekly-digest --now=2026-12-07T08:00:00+07:00 && fail "a digest signed with a bad key" ||
  { grep -q "DKIM" "$work/log" && ok "a bad DKIM key stops the run with a message" || fail "no word of the bad key: $(tail -2 "$work/log")"; }
finish
