#!/usr/bin/env bash
# Starts the tracker on a fresh SQLite database and runs the browser test against it.
set -euo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "tests/e2e/node_modules is missing: scripts/test installs it (npm ci)" >&2
  exit 1
fi
source "$here/../support/scaffold.sh"
serve_fresh "$tracker" "$work"
# A district official for the back-office part (the command line, as an operator would).
export TRACKER_E2E_EMAIL=quan@example.vn TRACKER_E2E_PASSWORD="browser test password"
echo "$TRACKER_E2E_PASSWORD" | "$tracker" --database="sqlite:$work/t.db" \
  --create-user="$TRACKER_E2E_EMAIL" --role=district_official --districts="Thạch Thất" >/dev/null
node "$here/browser_test.mjs" "http://127.0.0.1:$port"
