#!/usr/bin/env bash
# /api/v1/oc4ids.json from a freshly seeded tracker validates against the OC4IDS schema.
set -euo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$tracker" --port="$port" --database="sqlite:$work/t.db" >"$work/log" 2>&1 &
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/api/v1/oc4ids.json" -o "$work/package.json"
clusters=$(grep -c . "$here/../../etc/seed/clusters.csv")
/usr/bin/python3 "$here/validate.py" "$work/package.json" "$here/project-schema-0.9.1.json" $((clusters - 1))
