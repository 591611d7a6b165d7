#!/usr/bin/env bash
# The digest over STARTTLS, against Debian's aiosmtpd requiring TLS with a certificate
# made here for "localhost": delivered when the certificate verifies for smtp.host;
# nothing sent (and retried later) when the name does not match, when the CA is not
# trusted, or when the tracker does not ask for TLS. Then AUTH LOGIN after STARTTLS:
# nothing with a wrong password, delivered with the right one, the password never shown.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
port=$(free_port)

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null ||
  { echo "openssl cannot make a certificate"; exit 1; }
PYTHONUNBUFFERED=1 /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" \
  -c aiosmtpd.handlers.Mailbox "$work/mail" --tlscert "$work/cert.pem" --tlskey "$work/key.pem" \
  >"$work/smtp.log" 2>&1 &
for _ in $(seq 50); do
  /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break
  sleep 0.1
done
count() { mail_count "$work/mail"; }

db="sqlite:$work/t.db"
"$tracker" --database="$db" --run-job=delay-scan --now=2026-11-23T06:00:00+07:00 2>/dev/null
"$tracker" --database="$db" --run-job=delay-scan --now=2026-11-30T06:00:00+07:00 2>/dev/null
"$tracker" --database="$db" --subscribe=an@example.vn --scope=all >/dev/null 2>&1 || fail "subscribe"

hour=7
digest() { # digest CONFIG-LINES...: a digest run of the week of 30 Nov with these smtp.* keys,
  # an hour after the last (a failed run holds its slot until its lease lapses, and the
  # outbox waits at most an hour before it retries)
  hour=$((hour + 1))
  printf '%s\n' "jobs.scheduler = off" "smtp.port = $port" "mail.allowInsecureBaseUrl = true" "$@" >"$work/run.properties"
  "$tracker" --config="$work/run.properties" --database="$db" --run-job=weekly-digest \
    --now="2026-11-30T$(printf %02d $hour):00:00+07:00" >"$work/out" 2>"$work/err"
}

digest "smtp.host = 127.0.0.1" "smtp.startTls = false"
[[ $(count) -eq 0 ]] && ok "without STARTTLS the server refuses the mail" || fail "sent in the clear"
digest "smtp.host = 127.0.0.1" "smtp.startTls = true" "smtp.caFile = $work/cert.pem"
[[ $(count) -eq 0 ]] && ok "a certificate for another name is refused" || fail "name not checked"
grep -q "not for 127.0.0.1" "$work/err" "$work/out" && ok "and the run says why" ||
  fail "no reason given: $(tail -3 "$work/err")"
digest "smtp.host = localhost" "smtp.startTls = true"
[[ $(count) -eq 0 ]] && ok "an untrusted CA is refused" || fail "CA not checked"
digest "smtp.host = localhost" "smtp.startTls = true" "smtp.caFile = $work/cert.pem"
[[ $(count) -eq 1 ]] && ok "over STARTTLS with a verified certificate: delivered once" ||
  fail "$(count) emails after the TLS run: $(tail -5 "$work/err")"
digest "smtp.host = localhost" "smtp.startTls = true" "smtp.caFile = $work/cert.pem"
[[ $(count) -eq 1 ]] && ok "a second run sends nothing more" || fail "$(count) emails"

# AUTH LOGIN after STARTTLS, against a server that wants both before any mail.
auth_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
/usr/bin/python3 "$here/auth_server.py" "$auth_port" "$work/authmail" "$work/cert.pem" \
  "$work/key.pem" tracker "s3cret-pass" >"$work/auth.log" 2>&1 &
for _ in $(seq 50); do grep -q ready "$work/auth.log" && break; sleep 0.1; done
"$tracker" --database="$db" --subscribe=binh@example.vn --scope=all >/dev/null 2>&1
authcount() { mail_count "$work/authmail"; }
auth_digest() { # PASSWORD
  hour=$((hour + 1))
  printf '%s\n' "jobs.scheduler = off" "smtp.host = localhost" "smtp.port = $auth_port" \
    "smtp.startTls = true" "smtp.caFile = $work/cert.pem" "smtp.user = tracker" \
    "smtp.password = $1" "mail.allowInsecureBaseUrl = true" >"$work/run.properties"
  "$tracker" --config="$work/run.properties" --database="$db" --run-job=weekly-digest \
    --now="2026-11-30T$(printf %02d $hour):00:00+07:00" >"$work/out" 2>"$work/err"
}
auth_digest "wrong-pass"
[[ $(authcount) -eq 0 ]] && ok "a wrong SMTP password sends nothing" || fail "sent without auth"
grep -q "wrong-pass" "$work/err" "$work/out" && fail "the SMTP password appears in the output"
auth_digest "s3cret-pass"
[[ $(authcount) -eq 1 ]] && ok "AUTH PLAIN over STARTTLS: the pending email goes out" ||
  fail "$(authcount) emails with the right password: $(tail -3 "$work/err")"
grep -q "s3cret-pass" "$work/err" "$work/out" && fail "the SMTP password appears in the output"

finish
echo "all STARTTLS and AUTH checks passed"
