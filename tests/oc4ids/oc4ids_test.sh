#!/usr/bin/env bash
# /api/v1/oc4ids.json from a freshly seeded tracker validates against the official OC4IDS
# 0.9.5 package and project schemas, closed codelists included (tests/oc4ids/0.9.5).
set -euo pipefail
tracker=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/scaffold.sh"
serve_fresh "$tracker" "$work"
curl -sf "http://127.0.0.1:$port/api/v1/oc4ids.json" -o "$work/package.json"
clusters=$(grep -c . "$here/../../etc/seed/clusters.csv")
/usr/bin/python3 "$here/validate.py" "$work/package.json" "$here/0.9.5" $((clusters - 1))
# The package's own addresses are absolute, and its publication policy is a page that exists.
policy=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["uri"], d["publicationPolicy"])' "$work/package.json")
read -r uri policy_url <<<"$policy"
[[ $uri == http://127.0.0.1:8080/api/v1/oc4ids.json && $policy_url == http://127.0.0.1:8080/publication-policy ]] ||
  { echo "FAIL: uri $uri, publicationPolicy $policy_url"; exit 1; }
for lang in vi en; do
  curl -sf "http://127.0.0.1:$port/publication-policy?lang=$lang" -o "$work/policy-$lang.html"
  grep -q "CC BY 4.0" "$work/policy-$lang.html" || { echo "FAIL: the $lang policy page names no licence"; exit 1; }
done
grep -q "Chính sách công bố dữ liệu" "$work/policy-vi.html" && grep -q "Data publication policy" "$work/policy-en.html" ||
  { echo "FAIL: the policy page's titles"; exit 1; }
echo "ok: absolute package addresses; the publication policy page in vi and en"
