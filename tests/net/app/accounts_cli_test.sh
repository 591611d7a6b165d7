#!/usr/bin/env bash
# The account and import commands as an operator meets them: the password comes from
# stdin and is never defaulted, scopes must exist, a token works against the API at once,
# and --import checks every row, shows progress on stderr and writes all or nothing.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1
db="sqlite:$work/t.db"


# refused DESCRIPTION PATTERN STDIN ARGS...: non-zero exit and PATTERN on stderr.
refused() {
  local what=$1 pattern=$2 input=$3
  shift 3
  if printf '%s' "$input" | "$tracker" --database="$db" "$@" >"$work/out" 2>"$work/err"; then
    fail "$what: exit code 0"
  elif grep -q -- "$pattern" "$work/err"; then
    ok "$what -> $(tail -1 "$work/err")"
  else
    fail "$what: stderr lacks '$pattern': $(cat "$work/err")"
  fi
}

echo "correct horse battery" | "$tracker" --database="$db" --create-admin=admin@example.vn \
  >"$work/out" 2>"$work/err" || fail "create-admin: $(cat "$work/err")"
grep -q "created admin admin@example.vn" "$work/out" && ok "create-admin" || fail "create-admin said: $(cat "$work/out")"

refused "the same email twice" "already exists" $'another long password\n' --create-admin=admin@example.vn
refused "a short password" "12 characters" $'short\n' --create-admin=second@example.vn
refused "no password at all" "12 characters" "" --create-admin=third@example.vn
refused "not an email" "needs an email address" $'long enough password\n' --create-admin=nobody
refused "an unknown role" "--role must be" $'long enough password\n' --create-user=x@example.vn --role=superuser
refused "a district without diacritics" "no cluster is in the district 'Thach That'" \
  $'long enough password\n' --create-user=x@example.vn --role=district_official --districts="Thach That"
refused "a developer without clusters" "needs --clusters" \
  $'long enough password\n' --create-user=x@example.vn --role=developer
refused "a token for nobody" "no account" "" --create-token=ghost@example.vn
refused "a commune code that is none" "no commune or ward has the code '99999'" \
  $'long enough password\n' --create-user=x@example.vn --role=commune_official --communes=99999
refused "a commune official without units" "needs --communes" \
  $'long enough password\n' --create-user=x@example.vn --role=commune_official
echo "commune password 12" | "$tracker" --database="$db" --create-user=xa@example.vn \
  --role=commune_official --communes=10369 >"$work/out" 2>"$work/err" &&
  ok "create-user commune_official --communes=10369" || fail "create-user: $(cat "$work/err")"

echo "district password 1" | "$tracker" --database="$db" --create-user=quan@example.vn \
  --role=district_official --districts="Thạch Thất" >"$work/out" 2>"$work/err" &&
  ok "create-user district_official" || fail "create-user: $(cat "$work/err")"
"$tracker" --database="$db" --create-token=quan@example.vn >"$work/token" 2>"$work/err" ||
  fail "create-token: $(cat "$work/err")"
# Since 1/7/2025 there are no districts: the next start moves the account to the units that
# replaced Thạch Thất, says so once, and never again.
grep -q 'district official quan@example.vn (Thạch Thất) is now a commune official of.*10003 xã Tây Phương' "$work/err" &&
  ok "the district official is upgraded and the mapping printed" || fail "no upgrade line: $(cat "$work/err")"
"$tracker" --database="$db" --create-token=xa@example.vn >/dev/null 2>"$work/err2" || fail "create-token xa"
grep -q "is now a commune official" "$work/err2" && fail "the upgrade was printed twice" ||
  ok "the upgrade is printed once"
token=$(tail -1 "$work/token")
[[ $token =~ ^[0-9a-f]{64}$ ]] && ok "the token is the last line" || fail "last line is '$token'"

# Import: 2,500 tenants, a dry run first.
csv="$work/tenants.csv"
printf '\xEF\xBB\xBFcluster_code,company_name,tax_code,leased_area_m2,registered_capital_vnd,status,confirm,confirm_reason\n' >"$csv"
for i in $(seq 2500); do echo "huu-bang,\"Công ty số $i, Thạch Thất\",0100109106,100,1000000,registered,1,một công ty nhiều chi nhánh"; done >>"$csv"
"$tracker" --database="$db" --import=tenants "$csv" --dry-run >"$work/out" 2>"$work/err" ||
  fail "dry run: $(cat "$work/out" "$work/err")"
grep -q "2500 rows, 2500 records, 0 errors; dry run, nothing written" "$work/out" && ok "dry run" ||
  fail "dry run said: $(cat "$work/out")"
grep -q "checked 2000/2500" "$work/err" && ok "progress on stderr" || fail "no progress: $(cat "$work/err")"

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$tracker" --port="$port" --database="$db" >"$work/log2" 2>&1 &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
tenants() { curl -s "http://127.0.0.1:$port/api/v1/clusters/huu-bang" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["tenant_count"])'; }
before=$(tenants)

bad="$work/bad.csv"
cp "$csv" "$bad"
echo "huu-bang,Công ty cuối,0100109107,100,1000000,registered,1,x" >>"$bad"
"$tracker" --database="$db" --import=tenants "$bad" >"$work/out" 2>"$work/err"
rc=$?
[[ $rc -eq 65 ]] && ok "a bad last row exits 65" || fail "bad last row exit $rc"
grep -q "row 2502, column tax_code" "$work/out" && ok "the row and column are named" ||
  fail "said: $(head -3 "$work/out")"
[[ $(tenants) -eq $before ]] && ok "nothing written" || fail "tenants $before -> $(tenants)"

"$tracker" --database="$db" --import=tenants "$csv" >"$work/out" 2>"$work/err" ||
  fail "import: $(cat "$work/out" "$work/err")"
# The server learns of a write made elsewhere within pages.changeCheckSeconds (2 s).
for _ in $(seq 50); do [[ $(tenants) -eq $((before + 2500)) ]] && break; sleep 0.1; done
[[ $(tenants) -eq $((before + 2500)) ]] && ok "2,500 tenants written; the running server shows them" ||
  fail "tenants $before -> $(tenants)"

# The token from the command line works against the API of the running server.
status=$(curl -s -o "$work/body" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"date":"2026-11-01","confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1}' \
  "http://127.0.0.1:$port/api/v1/clusters/huu-bang/reports")
[[ $status == 201 ]] && ok "the token submits a report" || fail "token POST: $status $(cat "$work/body")"
grep -q "$token" "$work/log2" && fail "the token appears in the server's log"

# Tokens expire, and --revoke-tokens ends them at once.
grep -q "valid for 90 days" "$work/token" && ok "a token lasts 90 days by default" ||
  fail "token said: $(head -1 "$work/token")"
refused "a token for no days" "--token-days must be a number of days" "" \
  --create-token=quan@example.vn --token-days=0
"$tracker" --database="$db" --revoke-tokens=quan@example.vn >"$work/out" 2>"$work/err" &&
  grep -q "revoked 1 API token" "$work/out" && ok "--revoke-tokens" ||
  fail "revoke: $(cat "$work/out" "$work/err")"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"date":"2026-11-02","confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1}' \
  "http://127.0.0.1:$port/api/v1/clusters/huu-bang/reports")
[[ $status == 401 ]] && ok "a revoked token is refused" || fail "revoked token: $status"

finish
