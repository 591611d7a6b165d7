#!/usr/bin/env bash
# /api/v1/oc4ids.json from a freshly seeded tracker validates against the OC4IDS schema.
set -euo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/scaffold.sh"
serve_fresh "$tracker" "$work"
curl -sf "http://127.0.0.1:$port/api/v1/oc4ids.json" -o "$work/package.json"
clusters=$(grep -c . "$here/../../etc/seed/clusters.csv")
/usr/bin/python3 "$here/validate.py" "$work/package.json" "$here/project-schema-0.9.1.json" $((clusters - 1))
