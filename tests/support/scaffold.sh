# The scaffolding every shell test shares. Source it first thing:
#   source "$(dirname "$0")/../../support/scaffold.sh"   (from tests/net/<room>/)
# It gives a private folder $work (removed at exit unless KEEP is set), stops every
# background job the test started, and offers:
#   fail TEXT / ok TEXT     count and print a check's outcome
#   finish                  prints "N passed, M failed" and exits non-zero on a failure
#   on_exit COMMAND         runs COMMAND at exit (e.g. stopping a database), before $work goes
#   free_port               a loopback port nothing listens on now
#   wait_for_port PORT [S]  until something accepts on PORT (at most S seconds, default 5)
#   start_smtp DIR [HANDLER [ARGS]]  Debian's aiosmtpd storing mail as a Maildir in DIR
#                           (HANDLER: a class of tests/net/jobs or aiosmtpd's Mailbox), on
#                           $smtp_port (chosen if unset); $smtp_pid; ARGS go after DIR
#   stop_smtp               stops it
#   mail_count DIR          how many messages DIR holds
#   serve_fresh TRACKER DIR the tracker on a free port over a fresh SQLite database in DIR,
#                           once it answers; sets $port
#   jobs_due_now            configuration lines (after start_smtp) that make the delay scan
#                           and the weekly digest fall due a minute ago, Hanoi time, checked
#                           every second, with mail to the test's SMTP server
set -uo pipefail
scaffold_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/tracker-shell-test.XXXXXX)
failures=0
passes=0
exit_hooks=()
smtp_pid=""

on_exit() { exit_hooks+=("$*"); }

scaffold_cleanup() {
  local hook
  [[ -n "$smtp_pid" ]] && kill "$smtp_pid" 2>/dev/null
  kill $(jobs -p) 2>/dev/null
  wait 2>/dev/null
  for hook in "${exit_hooks[@]}"; do eval "$hook"; done
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap scaffold_cleanup EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; passes=$((passes + 1)); }
finish() {
  echo "$passes passed, $failures failed"
  [[ $failures -eq 0 ]] || exit 1
  exit 0
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_for_port() {
  local port=$1 tries=$((${2:-5} * 10))
  for _ in $(seq "$tries"); do
    /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

start_smtp() {
  local dir=$1 handler=${2:-aiosmtpd.handlers.Mailbox}
  shift $(($# < 2 ? $# : 2))
  smtp_port=${smtp_port:-$(free_port)}
  PYTHONPATH="$scaffold_dir/../net/jobs" PYTHONUNBUFFERED=1 /usr/bin/python3 -m aiosmtpd -n \
    -l "127.0.0.1:$smtp_port" -c "$handler" "$dir" "$@" >"$work/smtp.log" 2>&1 &
  smtp_pid=$!
  wait_for_port "$smtp_port" || { echo "aiosmtpd did not start: $(cat "$work/smtp.log")"; exit 1; }
}

stop_smtp() {
  [[ -n "$smtp_pid" ]] || return 0
  kill "$smtp_pid"
  wait "$smtp_pid" 2>/dev/null
  smtp_pid=""
}

mail_count() { /usr/bin/python3 "$scaffold_dir/../net/jobs/maildir_tool.py" "$1" count 2>/dev/null || echo 0; }

jobs_due_now() {
  local day time
  # Just after midnight in Hanoi "a minute ago" is yesterday's slot, while the scan dates its
  # flags today, so that week's digest would have nothing in it (CI ran into this at 00:00):
  # wait those two minutes out.
  /usr/bin/python3 -c '
import datetime, time
now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7)))
since_midnight = now.hour * 3600 + now.minute * 60 + now.second
if since_midnight < 150:
    time.sleep(150 - since_midnight)'
  read -r day time <<<"$(/usr/bin/python3 -c '
import datetime
t = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))) - datetime.timedelta(minutes=1)
print(t.isoweekday(), t.strftime("%H:%M"))')"
  cat <<CONF
jobs.delayScan.time = $time
jobs.weeklyDigest.day = $day
jobs.weeklyDigest.time = $time
jobs.checkSeconds = 1
smtp.host = 127.0.0.1
smtp.port = $smtp_port
mail.allowInsecureBaseUrl = true
CONF
}

serve_fresh() {
  port=$(free_port)
  "$1" --port="$port" --database="sqlite:$2/t.db" >"$2/log" 2>&1 &
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "the tracker did not start: $(cat "$2/log")" >&2
  return 1
}
