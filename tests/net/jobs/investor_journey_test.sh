#!/usr/bin/env bash
# An investor at work, over real SMTP (aiosmtpd) and a running tracker: finds land, compares,
# sends an enquiry the developer receives and answers in the back office, and subscribes to a
# saved-search alert with double opt-in (investor_journey.py holds the steps and checks).
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
start_smtp "$work/mail"
db="$work/t.db"
run() { "$tracker" --database="sqlite:$db" "$@"; }
for who in "city@example.vn --role=city_official" \
           "cdt@example.vn --role=developer --clusters=cau-bau-gd-2" \
           "cdt2@example.vn --role=developer --clusters=huu-bang"; do
  set -- $who
  echo "a long enough password" | run --create-user="$@" >/dev/null 2>&1 || fail "create $1"
done
# The script runs each job itself; its mail goes to links on loopback.
printf 'jobs.scheduler = off\nmail.allowInsecureBaseUrl = true\n' >"$work/tracker.properties"
port=$(free_port)
# Started directly, not through run(): `$!` must be the tracker itself, so that the kill
# on exit stops it (through a function it was a subshell's, and the tracker outlived the test).
"$tracker" --database="sqlite:$db" --port="$port" --config="$work/tracker.properties" \
  >"$work/server.log" 2>&1 &
server=$!
on_exit "kill $server 2>/dev/null"
wait_for_port "$port" 20 || fail "the tracker did not start: $(tail -3 "$work/server.log")"
if /usr/bin/python3 "$(dirname "$0")/investor_journey.py" "$tracker" "$db" "$port" "$smtp_port" \
  "$work/mail" >"$work/journey.out" 2>&1; then
  ok "the investor's journey: $(grep -c '^ok:' "$work/journey.out") checks"
else
  cat "$work/journey.out"
  fail "the investor's journey"
fi
finish
