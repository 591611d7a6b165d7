#!/usr/bin/env bash
# Idempotency-Key on the API's creates: a retried report or tenant is written once and the
# retry answered 200 with the first id; the key with another body is refused; a bad key is
# refused; another account's identical key is its own.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
db="$work/t.db"

serve_fresh "$tracker" "$work" || exit 1
for who in admin@example.vn city@example.vn; do
  echo "correct horse battery" | "$tracker" --database="sqlite:$db" --create-user=$who --role=admin >/dev/null 2>&1 ||
    echo "correct horse battery" | "$tracker" --database="sqlite:$db" --create-admin=$who >/dev/null 2>&1
done
token=$("$tracker" --database="sqlite:$db" --create-token=admin@example.vn 2>/dev/null | tail -1)
other=$("$tracker" --database="sqlite:$db" --create-token=city@example.vn 2>/dev/null | tail -1)
item=$(curl -s "http://127.0.0.1:$port/api/v1/clusters/huu-bang" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["work_items"][0]["id"])')
reports="http://127.0.0.1:$port/api/v1/clusters/huu-bang/reports"
body='{"date":"2026-11-02","items":[{"work_item":'$item',"percent":61}],"confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1000000000}'
count() { sqlite3 "$db" "SELECT COUNT(*) FROM $1"; }

post() { # TOKEN KEY BODY URL -> status in $status, headers in $work/h, body in $work/b
  local key="Idempotency-Key: $2"
  [[ -z $2 ]] && key="Idempotency-Key;" # curl's way of sending the header with no value
  status=$(curl -s -D "$work/h" -o "$work/b" -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
    -H "$key" -H 'Content-Type: application/json' -d "$3" "$4")
}
id_of() { python3 -c "import json; print(json.load(open('$work/b'))['$1']['id'])"; }

before=$(count progress_reports)
post "$token" "3f1c-report-1" "$body" "$reports"
[[ $status == 201 ]] && ok "first POST with a key: 201" || fail "first POST: $status $(cat "$work/b")"
first=$(id_of report)
post "$token" "3f1c-report-1" "$body" "$reports"
[[ $status == 200 ]] && grep -qi '^Idempotent-Replayed: true' "$work/h" &&
  ok "the retry: 200, Idempotent-Replayed" || fail "retry: $status $(cat "$work/h")"
[[ $(id_of report) == "$first" ]] && ok "the retry names the first report ($first)" || fail "retry id $(id_of report) vs $first"
[[ $(count progress_reports) == $((before + 1)) ]] && ok "one report stored for two POSTs" ||
  fail "reports: $before -> $(count progress_reports)"
[[ $(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log WHERE entity='progress_report'") == 1 ]] &&
  ok "one audit entry" || fail "audit entries: $(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log WHERE entity='progress_report'")"

post "$token" "3f1c-report-1" "${body/61/62}" "$reports"
[[ $status == 422 ]] && grep -q '"Idempotency-Key"' "$work/b" &&
  ok "the key with another body: 422 naming the key" || fail "reused key: $status $(cat "$work/b")"
[[ $(count progress_reports) == $((before + 1)) ]] && ok "and nothing was written" || fail "written anyway"

post "$token" 'bad key with spaces' "$body" "$reports"
[[ $status == 400 ]] && ok "a malformed key: 400" || fail "malformed key: $status"
post "$token" "$(printf 'k%.0s' $(seq 101))" "$body" "$reports"
[[ $status == 400 ]] && ok "a 101-character key: 400" || fail "long key: $status"

post "$other" "3f1c-report-1" "$body" "$reports"
[[ $status == 201 ]] && ok "another account's same key is its own: 201" || fail "other account: $status"

tenants="http://127.0.0.1:$port/api/v1/clusters/huu-bang/tenants"
tbefore=$(count tenants)
for _ in 1 2 3; do post "$token" "tenant-7" '{"company_name":"Công ty TNHH Thử Lại","tax_code":"0100109106","leased_area_m2":5000,"registered_capital_vnd":1000000000}' "$tenants"; done
[[ $status == 200 ]] && [[ $(count tenants) == $((tbefore + 1)) ]] &&
  ok "a tenant POSTed three times with one key: one tenant" || fail "tenants $tbefore -> $(count tenants), last $status"
post "$token" "" '{"company_name":"Công ty TNHH Không Khóa"}' "$tenants"
[[ $status == 400 ]] && ok "an empty key: 400" || fail "empty key: $status"
finish
