#!/usr/bin/env bash
# --backup and --restore as an operator meets them: a backup taken while the server serves
# restores to a database identical table by table; a restore into a database with rows, a
# file that is no backup and a backup over an existing file are refused with a clear
# message and change nothing.
source "$(dirname "$0")/../../support/scaffold.sh"
tracker=$1

serve_fresh "$tracker" "$work" || exit 1
for _ in $(seq 200); do curl -s "http://127.0.0.1:$port/clusters" >/dev/null; done &
loader=$!

if "$tracker" --database="sqlite:$work/t.db" --backup="$work/backup.sqlite" >"$work/out" 2>"$work/err"; then
  grep -q "backed up [0-9]* rows in [0-9]* tables" "$work/out" && ok "backup while serving: $(cat "$work/out")" ||
    fail "backup said: $(cat "$work/out")"
else
  fail "backup: $(cat "$work/err")"
fi
wait "$loader"
[[ -f "$work/backup.sqlite.partial" ]] && fail "a .partial file was left behind" || ok "no .partial file left"

"$tracker" --database="sqlite:$work/copy.db" --restore="$work/backup.sqlite" >"$work/out" 2>"$work/err" &&
  ok "restore: $(cat "$work/out")" || fail "restore: $(cat "$work/err")"
tables=$(sqlite3 "$work/t.db" "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'")
[[ $(echo "$tables" | wc -l) -gt 15 ]] || fail "only these tables: $tables"
differing=""
for table in $tables; do
  a=$(sqlite3 "$work/t.db" "SELECT * FROM $table ORDER BY 1" | md5sum)
  b=$(sqlite3 "$work/copy.db" "SELECT * FROM $table ORDER BY 1" | md5sum)
  [[ "$a" == "$b" ]] || differing+=" $table"
done
[[ -z "$differing" ]] && ok "every table identical after the restore ($(echo $tables | wc -w) tables)" ||
  fail "tables differ:$differing"

refused() { # DESCRIPTION PATTERN ARGS...
  local what=$1 pattern=$2
  shift 2
  if "$tracker" "$@" >"$work/out" 2>"$work/err"; then
    fail "$what: exit code 0"
  elif grep -q -- "$pattern" "$work/err"; then
    ok "$what -> $(tail -1 "$work/err")"
  else
    fail "$what: stderr lacks '$pattern': $(cat "$work/err")"
  fi
}
before=$(sqlite3 "$work/copy.db" "SELECT COUNT(*) FROM progress_reports")
refused "a restore into a database with rows" "needs an empty database" \
  --database="sqlite:$work/copy.db" --restore="$work/backup.sqlite"
[[ $(sqlite3 "$work/copy.db" "SELECT COUNT(*) FROM progress_reports") == "$before" ]] &&
  ok "the refused restore changed nothing" || fail "the refused restore changed the reports"
echo "not a database" >"$work/junk.sqlite"
refused "a file that is no backup" "is not a tracker backup" \
  --database="sqlite:$work/empty.db" --restore="$work/junk.sqlite"
refused "a backup over an existing file" "already exists" \
  --database="sqlite:$work/t.db" --backup="$work/backup.sqlite"
refused "a backup into a missing folder" "cannot write the backup" \
  --database="sqlite:$work/t.db" --backup="$work/no/such/folder/b.sqlite"
refused "both at once" "cannot be given together" \
  --database="sqlite:$work/t.db" --backup="$work/b2.sqlite" --restore="$work/backup.sqlite"
finish
