#!/usr/bin/env bash
# Two tracker instances on one MariaDB, both with the scheduler on and the same slots due:
# each job runs once per slot (the lease row decides), and each subscriber gets one email.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
source "$2"
on_exit 'mariadb_stop "$work/db"'

db_port=$(free_port)
mariadb_start "$work/db" "$db_port" || exit 1
url="mysql://tracker:tracker@127.0.0.1:$db_port/tracker_test"
start_smtp "$work/mail"

# Both slots fell due a minute ago, in Hanoi time.
{
  echo "database.url = $url"
  jobs_due_now
} >"$work/tracker.properties"
for who in a b c; do
  "$tracker" --config="$work/tracker.properties" --subscribe="$who@example.vn" --scope=all \
    >/dev/null 2>>"$work/cli.log" || fail "subscribe $who: $(cat "$work/cli.log")"
done

start() {
  "$tracker" --config="$work/tracker.properties" --port=0 >"$work/out-$1" 2>"$work/err-$1" &
}
start one
start two
port=""
for _ in $(seq 150); do
  port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/out-one")
  [[ -n "$port" ]] && grep -q "listening" "$work/out-two" && break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "FAIL: the instances did not start: $(cat "$work/err-one" "$work/err-two")"; exit 1; }

# Which instance ran a job is shown to operators only: read the runs as an admin.
echo "a long test password" | "$tracker" --config="$work/tracker.properties" \
  --create-admin=ops@example.vn >/dev/null 2>>"$work/cli.log" || fail "create-admin"
token=$("$tracker" --config="$work/tracker.properties" --create-token=ops@example.vn 2>/dev/null | tail -1)
runs() { curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/jobs/runs"; }
[[ $(curl -s "http://127.0.0.1:$port/api/v1/jobs/runs") != *'"instance"'* ]] &&
  ok "the public list of runs names no host or process" || fail "the public sees instances"
for _ in $(seq 60); do
  runs | grep -q '"job":"weekly-digest".*"outcome":"ok"\|"outcome":"ok".*"job":"weekly-digest"' && break
  sleep 0.5
done
sleep 3 # both instances look at the clock a few more times
runs >"$work/runs.json"
/usr/bin/python3 - "$work/runs.json" <<'PY' || failures=$((failures + 1))
import collections, json, sys
runs = json.load(open(sys.argv[1]))["runs"]
per_slot = collections.Counter((r["job"], r["slot"]) for r in runs)
instances = {r["instance"] for r in runs}
print("runs:", [(r["job"], r["slot"], r["instance"], r["outcome"]) for r in runs])
bad = [k for k, n in per_slot.items() if n != 1]
jobs = {r["job"] for r in runs if r["outcome"] == "ok"}
if bad or jobs != {"delay-scan", "weekly-digest", "statutory-reminders", "land-alerts", "mail-queue"}:
    print("FAIL: expected one ok run per job and slot, got", dict(per_slot))
    sys.exit(1)
print(f"ok: one run per job and slot, by {len(instances)} instance(s)")
PY
emails=$(mail_count "$work/mail")
[[ "$emails" == 3 ]] && ok "3 subscribers, 3 emails" || fail "$emails emails for 3 subscribers"
finish
