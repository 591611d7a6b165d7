#!/usr/bin/env bash
# The XLSX downloads of a freshly seeded tracker, read with openpyxl (tests/api/xlsx_check.py).
set -uo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/scaffold.sh"
serve_fresh "$tracker" "$work" || exit 1
if /usr/bin/python3 "$here/xlsx_check.py" "$port" >"$work/xlsx.txt" 2>&1; then
  ok "the XLSX downloads: $(grep -c '^ok' "$work/xlsx.txt") checks"
else
  grep -v '^ok' "$work/xlsx.txt" | head -30
  fail "the XLSX downloads"
fi
finish
