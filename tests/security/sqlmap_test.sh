#!/usr/bin/env bash
# sqlmap (Debian's) against a local tracker: the sign-in form, the search of the pages and
# of the API, the JSON API's report submission and a delay flag's acknowledgement with real
# tokens. Any injection point sqlmap reports fails the test.
# Usage: sqlmap_test.sh TRACKER [sqlite|mariadb URL]
source "$(dirname "$0")/../support/scaffold.sh"
tracker=$1
database=${2:-}
[[ -n $database ]] || database="sqlite:$work/t.db"
port=$(free_port)
base="http://127.0.0.1:$port"

# sqlmap signs in thousands of times: lift the throttle for this run only.
cat >"$work/tracker.properties" <<CONF
auth.maxFailuresPerAccount = 1000000
auth.maxFailuresPerAddress = 1000000
jobs.scheduler = off
logging.loggers.root.level = warning
CONF
echo "a long test password" | "$tracker" --config="$work/tracker.properties" --database="$database" \
  --create-user=dev@example.vn --role=developer --clusters=huu-bang >/dev/null 2>&1 || { echo "cannot create the account"; exit 1; }
token=$("$tracker" --config="$work/tracker.properties" --database="$database" --create-token=dev@example.vn 2>/dev/null | tail -1)
# A city official's token and an open delay flag, for the acknowledgement API.
echo "a long test password" | "$tracker" --config="$work/tracker.properties" --database="$database" \
  --create-user=city@example.vn --role=city_official >/dev/null 2>&1 || { echo "cannot create the official"; exit 1; }
official=$("$tracker" --config="$work/tracker.properties" --database="$database" --create-token=city@example.vn 2>/dev/null | tail -1)
"$tracker" --config="$work/tracker.properties" --database="$database" --run-job=delay-scan >/dev/null 2>&1 ||
  { echo "cannot run the delay scan"; exit 1; }
"$tracker" --config="$work/tracker.properties" --database="$database" --port="$port" >"$work/log" 2>&1 &
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

common=(--batch --disable-coloring --output-dir="$work/out" --level=2 --risk=1
        --technique=BEUST --time-sec=2 --flush-session)
findings=0
scan() { # scan NAME SQLMAP-ARGS...
  local name=$1
  shift
  local started=$SECONDS
  sqlmap "${common[@]}" "$@" >"$work/$name.txt" 2>&1
  if grep -qiE "identified the following injection point|is vulnerable|parameter '.*' is '.*' injectable" "$work/$name.txt"; then
    echo "FINDING in $name:"
    grep -iE "injection point|injectable|Payload" "$work/$name.txt" | head -20
    findings=$((findings + 1))
  elif ! grep -qE "all tested parameters do not appear to be injectable|do not appear to be injectable" "$work/$name.txt"; then
    echo "sqlmap did not finish $name:"
    tail -15 "$work/$name.txt"
    findings=$((findings + 1))
  else
    echo "ok: $name — no injection ($((SECONDS - started)) s, $(grep -c "testing '" "$work/$name.txt") tests)"
  fi
}

scan login -u "$base/login" --data="csrf=x&email=dev%40example.vn&password=guess&next=%2Fadmin" \
  --csrf-token=csrf --csrf-url="$base/login" -p "email,password,next" --ignore-code=401,403 \
  --level=1 --technique=BEUS
scan page-search -u "$base/clusters?q=huu&district=Th%E1%BA%A1ch%20Th%E1%BA%A5t&status=implementation&sort=name&page=1" \
  -p "q,district,status,sort,page" --threads=4
scan api-search -u "$base/api/v1/clusters?q=huu&district=x&status=implementation&sort=name&page=1&per_page=10" \
  -p "q,district,status,sort,page,per_page" --threads=4
scan api-report -u "$base/api/v1/clusters/huu-bang/reports" \
  -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  --data='{"date":"2026-11-01","items":[{"work_item":1,"percent":50}],"confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":100,"note":"x"}' --threads=4
scan api-cluster -u "$base/api/v1/clusters/huu-bang*" --threads=4
flag=$(curl -sf "$base/api/v1/delays?per_page=1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["delays"][0]["id"])') ||
  { echo "no open delay flag to acknowledge"; exit 1; }
scan api-acknowledge -u "$base/api/v1/delays/$flag*/acknowledge" \
  -H "Authorization: Bearer $official" -H "Content-Type: application/json" \
  --data='{"comment":"Đã làm việc với chủ đầu tư"}' --threads=4

for secret in "$token" "$official"; do
  grep -q "$secret" "$work/log" && { echo "FAIL: a token appears in the server log"; findings=$((findings + 1)); }
done
[[ $findings -eq 0 ]] || { echo "$findings scan(s) with findings or errors"; exit 1; }
echo "sqlmap found nothing"
