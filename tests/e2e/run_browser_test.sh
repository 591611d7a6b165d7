#!/usr/bin/env bash
# Starts the tracker on a fresh SQLite database and runs the browser test against it.
set -euo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "tests/e2e/node_modules is missing: scripts/test installs it (npm ci)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
source "$here/../support/serve_fresh.sh"
serve_fresh "$tracker" "$work"
node "$here/browser_test.mjs" "http://127.0.0.1:$port"
