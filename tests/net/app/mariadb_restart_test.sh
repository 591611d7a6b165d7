#!/usr/bin/env bash
# Kill MariaDB under a running tracker: /healthz must answer 503 while it is down, an
# answer already rendered keeps being served from the cache (nothing can have changed),
# an answer that needs the database is a 503, and the API must answer again within 5 s of
# the database's return, with no restart of the tracker.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
source "$2"
on_exit 'mariadb_stop "$work/db"'

status_of() { curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$port$1"; }
now_ms() { date +%s%3N; }

db_port=$(free_port)
mariadb_start "$work/db" "$db_port" || exit 1
url="mysql://tracker:tracker@127.0.0.1:$db_port/tracker_test"

# No scheduled jobs here: a scan finishing mid-test would empty the cache this test reads.
printf 'jobs.scheduler = off\n' >"$work/tracker.properties"
"$tracker" --port=0 --database="$url" --config="$work/tracker.properties" >"$work/out" 2>"$work/err" &
tracker_pid=$!
for _ in $(seq 1 150); do grep -q "listening on" "$work/out" && break; sleep 0.1; done
port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/out")
[[ -n "$port" ]] || { echo "FAIL: tracker did not start: $(cat "$work/err")"; exit 1; }

before=$(status_of /api/v1/clusters)
echo "API with MariaDB up: $before"
[[ "$before" == 200 ]] || { echo "FAIL: API answered $before before the crash"; exit 1; }

mariadb_kill "$work/db"
down=$(status_of /healthz)
down_cached=$(status_of /api/v1/clusters)
down_api=$(status_of /api/v1/clusters/huu-bang)
# A browser gets a page saying so in its language; the API keeps its JSON body.
down_page=$(curl -s -m 3 -D "$work/page.head" -H 'Accept: text/html' "http://127.0.0.1:$port/clusters/huu-bang?lang=en")
down_api_body=$(curl -s -m 3 -H 'Accept: text/html' "http://127.0.0.1:$port/api/v1/clusters/huu-bang")
echo "while MariaDB is down: /healthz $down, cached list $down_cached, uncached cluster $down_api"

mariadb_start "$work/db" "$db_port" || exit 1
back=$(now_ms)
recovered=""
while (($(now_ms) - back < 5000)); do
  if [[ $(status_of /api/v1/clusters/huu-bang) == 200 ]]; then recovered=$(($(now_ms) - back)); break; fi
  sleep 0.1
done
echo "API answered 200 again ${recovered:-never} ms after MariaDB was back"

failures=0
[[ "$down" == 503 ]] || { echo "FAIL: /healthz answered $down while MariaDB was down"; failures=1; }
[[ "$down_cached" == 200 ]] || { echo "FAIL: the cached list answered $down_cached"; failures=1; }
[[ "$down_api" == 503 ]] || { echo "FAIL: API answered $down_api while MariaDB was down"; failures=1; }
[[ -n "$recovered" ]] || { echo "FAIL: API did not recover within 5 s"; failures=1; }
grep -q '^HTTP/1.1 503' "$work/page.head" || { echo "FAIL: the page did not answer 503"; failures=1; }
grep -qi '^Content-Type: text/html' "$work/page.head" || { echo "FAIL: a browser got no HTML 503"; failures=1; }
grep -qi '^Retry-After: 5' "$work/page.head" || { echo "FAIL: the 503 page has no Retry-After"; failures=1; }
[[ "$down_page" == *"Temporarily unavailable"* ]] || { echo "FAIL: the 503 page is not in English: $down_page"; failures=1; }
[[ "$down_api_body" == *'"database_unavailable"'* ]] || { echo "FAIL: the API's 503 is not JSON: $down_api_body"; failures=1; }
kill -0 "$tracker_pid" 2>/dev/null || { echo "FAIL: the tracker died"; failures=1; }
echo "$((failures == 0 ? 1 : 0)) passed, $failures failed"
exit $failures
