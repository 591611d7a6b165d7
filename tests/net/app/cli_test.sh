#!/usr/bin/env bash
# The program as an operator meets it: help, bad options and configuration (one clear
# line on stderr, non-zero exit, no secrets), and a graceful stop on SIGTERM.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1

# expect_one_line DESCRIPTION PATTERN -- ARGS...: exit non-zero, exactly one stderr line
# matching PATTERN, nothing that looks like a crash.
expect_one_line() {
  local what=$1 pattern=$2
  shift 3
  timeout 20 "$tracker" "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  local lines
  lines=$(wc -l <"$work/err")
  [[ $rc -ne 0 ]] || fail "$what: exit code 0"
  [[ $rc -ne 124 ]] || fail "$what: hung"
  [[ $lines -eq 1 ]] || fail "$what: $lines lines on stderr: $(cat "$work/err")"
  grep -q -- "$pattern" "$work/err" || fail "$what: stderr lacks '$pattern': $(cat "$work/err")"
  grep -qiE "terminate called|exception|what\(\)" "$work/err" && fail "$what: looks like a crash"
  ok "$what -> $(cat "$work/err")"
}

"$tracker" --help >"$work/help" 2>&1 || fail "--help exits non-zero"
grep -q -- "--database=URL" "$work/help" || fail "--help does not document --database"

expect_one_line "unknown option" "Unknown option" -- --frobnicate
expect_one_line "unknown job" "--run-job must be delay-scan, weekly-digest, statutory-reminders, land-alerts or mail-queue" -- \
  --database="sqlite:$work/jobs.db" --run-job=backup
expect_one_line "a clock without an offset" "--now must be a time with its offset" -- \
  --database="sqlite:$work/jobs.db" --run-job=delay-scan --now=2026-11-30
expect_one_line "a scope that is not one" "--scope must be all, commune:CODE, district:NAME or cluster:CODE" -- \
  --database="sqlite:$work/jobs.db" --subscribe=a@example.vn --scope=country:VN
expect_one_line "a bad email" "--subscribe needs an email address" -- \
  --database="sqlite:$work/jobs.db" --subscribe=nobody
expect_one_line "a name with CR/LF" "--name must be a name without control characters" -- \
  --database="sqlite:$work/jobs.db" --subscribe=a@example.vn --name=$'An\r\nBcc: evil@example.org'
expect_one_line "an email with a TAB" "--subscribe needs an email address" -- \
  --database="sqlite:$work/jobs.db" --subscribe=$'a\t@example.vn'
"$tracker" --database="sqlite:$work/jobs.db" --run-job=delay-scan --now=2026-11-27T06:00:00+07:00 \
  >/dev/null 2>&1 || fail "delay-scan on a fresh database"
expect_one_line "acknowledging a flag that does not exist" "no open delay flag has the id 424242" -- \
  --database="sqlite:$work/jobs.db" --acknowledge=424242 --by=x --comment=y
"$tracker" --database="sqlite:$work/jobs.db" --acknowledge=1 --by="Trần Thị B" \
  --comment="Đã họp với chủ đầu tư" >"$work/ack" 2>&1 || fail "acknowledging flag 1: $(cat "$work/ack")"
expect_one_line "bad seed mode" "must be 'demo' or 'none'" -- --seed=maybe --port=0
expect_one_line "unknown backend" "unknown database URL" -- --database=postgres://db/x --port=0
expect_one_line "missing config file" "no such file" -- --config="$work/none.properties"
printf 'http.port = eighty\n' >"$work/bad.properties"
expect_one_line "non-numeric port in config" "http.port\|eighty\|Syntax" -- --config="$work/bad.properties"
printf 'jobs.delayScan.time = 25:00\n' >"$work/bad-time.properties"
expect_one_line "a scan time that is not a time" "jobs.delayScan.time must be a time like 06:00" -- \
  --config="$work/bad-time.properties"
printf 'jobs.weeklyDigest.day = someday\n' >"$work/bad-day.properties"
expect_one_line "a digest day that is not a weekday" "jobs.weeklyDigest.day must be a weekday" -- \
  --config="$work/bad-day.properties"
printf 'smtp.startTls = true\nsmtp.caFile = %s/missing.pem\n' "$work" >"$work/bad-ca.properties"
expect_one_line "an unreadable smtp.caFile" "smtp.caFile: cannot read" -- \
  --config="$work/bad-ca.properties"
printf 'smtp.authMethod = cram\n' >"$work/bad-auth.properties"
expect_one_line "an unknown smtp.authMethod" "smtp.authMethod must be plain or login" -- \
  --config="$work/bad-auth.properties"
printf 'auth.sessionHours = 0\n' >"$work/bad-session.properties"
expect_one_line "a session of no hours" "auth.sessionHours must be between 1 and 720" -- \
  --config="$work/bad-session.properties"
printf 'http.readSlots = -1\n' >"$work/bad-slots.properties"
expect_one_line "a negative number of read slots" "http.readSlots must be between 0 (no limit) and 10000" -- \
  --config="$work/bad-slots.properties"
printf 'http.readPatienceMs = 0\n' >"$work/bad-patience.properties"
expect_one_line "a read that may not wait at all" "http.readPatienceMs must be between 1 and 60000" -- \
  --config="$work/bad-patience.properties"

# A broken template stops the start and names the file, before anyone visits the page.
templates=$(dirname "$0")/../../../etc/templates
mkdir -p "$work/templates"
cp "$templates"/*.html "$work/templates/"
printf '<h1>{{#rows}}unclosed\n' >"$work/templates/clusters.html"
printf 'pages.templates = %s\n' "$work/templates" >"$work/broken-template.properties"
expect_one_line "broken template" "clusters.html" -- \
  --config="$work/broken-template.properties" --port=0 --seed=none --database="sqlite:$work/t.db"

# A broken mail template stops the start too: the digest's templates are read at start-up,
# not discovered broken at the first Monday's run.
mail=$(dirname "$0")/../../../etc/mail
mkdir -p "$work/mail"
cp "$mail"/digest.* "$work/mail/"
printf '<p>{{#new}}unclosed\n' >"$work/mail/digest.html"
printf 'mail.templates = %s\n' "$work/mail" >"$work/broken-mail.properties"
expect_one_line "broken mail template" "digest.html" -- \
  --config="$work/broken-mail.properties" --port=0 --seed=none --database="sqlite:$work/m.db"

expect_one_line "a 50 KB database URL" "longer than 2048" -- \
  --port=0 --database="mysql://u:p@$(printf 'h%.0s' $(seq 50000)):3306/ccn"
expect_one_line "a raw @ in the password" "write an '@' in the password as %40" -- \
  --port=0 --database="mysql://u:Secret@Tail99@127.0.0.1:3306/ccn"
grep -q "Tail99\|Secret" "$work/err" && fail "a piece of the password was printed"

printf 'logging.format = xml\n' >"$work/bad-log.properties"
expect_one_line "an unknown log format" "logging.format must be json or text" -- \
  --config="$work/bad-log.properties" --port=0 --seed=none --database="sqlite:$work/l.db"
printf 'auth.trustedProxies = nginx.local\n' >"$work/bad-proxy.properties"
expect_one_line "a proxy that is not an address" "auth.trustedProxies must list IP addresses" -- \
  --config="$work/bad-proxy.properties" --port=0 --seed=none --database="sqlite:$work/p.db"

dead=$(free_port)
expect_one_line "unreachable MariaDB" "cannot open the database" -- \
  --port=0 --database="mysql://tracker:hunter2@127.0.0.1:$dead/ccn"
grep -q hunter2 "$work/err" && fail "the password was printed"

busy=$(free_port)
/usr/bin/python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$busy)); s.listen(); time.sleep(30)" &
sleep 0.5
expect_one_line "port in use" "cannot listen on 127.0.0.1:$busy" -- \
  --port="$busy" --database="sqlite:$work/busy.db"

# Graceful stop: SIGTERM ends the server with exit code 0 within a few seconds.
"$tracker" --port=0 --seed=none --database="sqlite:$work/graceful.db" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/serve.out")
[[ -n "$port" ]] || fail "the server did not say where it listens: $(cat "$work/serve.err")"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
[[ "$code" == 200 ]] || fail "healthz answered $code"
kill -TERM "$pid"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  fail "still running 5 s after SIGTERM"
else
  wait "$pid"
  rc=$?
  [[ $rc -eq 0 ]] && ok "SIGTERM stops the server (exit 0)" || fail "exit code $rc after SIGTERM"
fi

finish
