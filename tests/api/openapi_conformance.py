"""Every GET of the OpenAPI document, and each write's answers, asked of a running tracker: each answer's status must be
one the document declares for it, and each JSON answer must validate against the schema the
document gives for that status (JSON Schema 2020-12, which OpenAPI 3.1 uses).

usage: openapi_conformance.py PORT TOKEN
Prints one line per request and exits 1 on the first document/answer disagreement count > 0."""
import json
import sys
import urllib.error
import urllib.request

from jsonschema import Draft202012Validator
from jsonschema.validators import RefResolver

port, token = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}"


def fetch(method, path, auth=False, body=None):
    headers = {"Authorization": f"Bearer {token}"} if auth else {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.headers.get_content_type(), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


document = json.loads(fetch("GET", "/api/v1/openapi.json")[2])
resolver = RefResolver(base_uri="", referrer=document)
failures = 0
covered = set()


def resolve(node):
    while "$ref" in node:
        node = resolver.resolve(node["$ref"])[1]
    return node


def check(method, template, path, expect, auth=False, body=None):
    """Asks `path` (an instance of `template`) and checks the answer against the document."""
    global failures
    covered.add((method, template))
    status, content_type, raw = fetch(method, path, auth, body)
    problems = []
    if status != expect:
        problems.append(f"answered {status}, the test expected {expect}")
    declared = document["paths"][template][method.lower()]["responses"]
    spec = declared.get(str(status))
    if spec is None:
        problems.append(f"status {status} is not declared (declared: {', '.join(declared)})")
    else:
        spec = resolve(spec)
        content = spec.get("content", {})
        if content and content_type not in content:
            problems.append(f"content type {content_type} is not declared ({', '.join(content)})")
        schema = content.get(content_type, {}).get("schema")
        if content_type == "application/json":
            if schema is None:
                problems.append("a JSON answer with no schema in the document")
            else:
                validator = Draft202012Validator(schema, resolver=resolver)
                for error in sorted(validator.iter_errors(json.loads(raw)), key=str)[:5]:
                    where = "/".join(str(p) for p in error.absolute_path)
                    problems.append(f"at /{where}: {error.message[:200]}")
    verdict = "ok" if not problems else "FAIL"
    print(f"{verdict}: {method} {path} {status}" + "".join(f"\n    {p}" for p in problems))
    failures += bool(problems)
    return json.loads(raw) if content_type == "application/json" else None


# The lists, first and last page, filtered, empty, and every bad value each route refuses.
listing = check("GET", "/api/v1/clusters", "/api/v1/clusters?per_page=100", 200)
check("GET", "/api/v1/clusters", f"/api/v1/clusters?per_page=10&page={-(-listing['total'] // 10)}", 200)
check("GET", "/api/v1/clusters", "/api/v1/clusters?behind=1&sort=progress", 200)
check("GET", "/api/v1/clusters", "/api/v1/clusters?q=zzzzqqq", 200)
check("GET", "/api/v1/clusters", "/api/v1/clusters?status=bogus", 400)
check("GET", "/api/v1/clusters", "/api/v1/clusters?page=0", 400)
for cluster in listing["clusters"]:
    check("GET", "/api/v1/clusters/{code}", f"/api/v1/clusters/{cluster['code']}", 200)
check("GET", "/api/v1/clusters/{code}", "/api/v1/clusters/no-such-cluster", 404)
communes = check("GET", "/api/v1/communes", "/api/v1/communes", 200)
check("GET", "/api/v1/communes", "/api/v1/communes?x=%zz", 400)
districts = check("GET", "/api/v1/districts", "/api/v1/districts", 200)
for district in districts["districts"]:
    check("GET", "/api/v1/districts/{slug}", f"/api/v1/districts/{district['slug']}", 200)
check("GET", "/api/v1/districts/{slug}", "/api/v1/districts/no-such-district", 404)
check("GET", "/api/v1/portfolio", "/api/v1/portfolio", 200)
for state in ("open", "resolved", "all"):
    check("GET", "/api/v1/delays", f"/api/v1/delays?state={state}&per_page=200", 200)
check("GET", "/api/v1/delays", "/api/v1/delays?state=bogus", 400)
check("GET", "/api/v1/oc4ids.json", "/api/v1/oc4ids.json", 200)
check("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", 200)
check("GET", "/healthz", "/healthz", 200)
check("GET", "/api/v1/jobs/runs", "/api/v1/jobs/runs", 200)
for query in ("", "?min_ha=2", "?ready=now", "?ready=2030-01-01", "?sector=dệt may"):
    check("GET", "/api/v1/land", "/api/v1/land" + urllib.parse.quote(query, safe="?=&"), 200)
check("GET", "/api/v1/land", "/api/v1/land?min_ha=abc", 400)
for route in ("/exports/clusters.csv", "/exports/clusters.xlsx", "/exports/tenants.csv", "/exports/tenants.xlsx",
              "/exports/land.csv", "/exports/land.xlsx", "/delays.atom", "/land.atom"):
    check("GET", route, route + "?lang=en", 200)
    check("GET", route, route + "?lang=xx", 400)
check("GET", "/unsubscribe", "/unsubscribe?t=not-a-token", 404)

# The statutory forms: refused without a token, read with one, every form.
template = "/api/v1/statutory-reports/{form}/{unit}/{period}"
commune = next(c["code"] for c in communes["communes"] if c["cluster_count"] > 0)
cluster = listing["clusters"][0]["code"]
check("GET", template, f"/api/v1/statutory-reports/02/{cluster}/2026-H1", 401)
for form, unit in (("02", cluster), ("03", commune), ("04", "hanoi")):
    for period in ("2026-H1", "2026-Y"):
        check("GET", template, f"/api/v1/statutory-reports/{form}/{unit}/{period}", 200, auth=True)
check("GET", template, "/api/v1/statutory-reports/09/hanoi/2026-H1", 404, auth=True)

# An acknowledged flag has its own shape: acknowledge one through the API, then list again.
open_flags = check("GET", "/api/v1/delays", "/api/v1/delays?state=open&per_page=1", 200)
if open_flags["delays"]:
    flag = open_flags["delays"][0]
    acknowledge = "/api/v1/delays/{id}/acknowledge"
    answer = {"comment": "Đã làm việc với chủ đầu tư", "version": flag["version"]}
    check("POST", acknowledge, f"/api/v1/delays/{flag['id']}/acknowledge", 200, auth=True, body=answer)
    check("POST", acknowledge, f"/api/v1/delays/{flag['id']}/acknowledge", 409, auth=True,
          body={**answer, "comment": "Một ý kiến khác"})
    check("GET", "/api/v1/delays", "/api/v1/delays?state=all&per_page=200", 200)
else:
    print("FAIL: the delay scan raised no flag to acknowledge")
    failures += 1

# The writes' answers: stored, replayed, refused field by field, and in conflict.
detail = check("GET", "/api/v1/clusters/{code}", f"/api/v1/clusters/{cluster}", 200)
edit = {"version": detail["version"], "developer": "Công ty CP Hạ tầng Thử nghiệm"}
check("PATCH", "/api/v1/clusters/{code}", f"/api/v1/clusters/{cluster}", 200, auth=True, body=edit)
check("PATCH", "/api/v1/clusters/{code}", f"/api/v1/clusters/{cluster}", 409, auth=True,
      body={**edit, "developer": "Công ty khác"})
report = {"date": "2026-11-30", "disbursed_vnd": 1000000000, "confirm": "1", "confirm_reason": "số liệu thử",
          "items": [{"work_item": detail["work_items"][0]["id"], "percent": 50}]}
reports = "/api/v1/clusters/{code}/reports"
check("POST", reports, f"/api/v1/clusters/{cluster}/reports", 201, auth=True, body=report)
check("POST", reports, f"/api/v1/clusters/{cluster}/reports", 422, auth=True, body={"date": "30/11/2026"})
tenant = {"company_name": "Công ty TNHH Kiểm thử", "tax_code": "0100109106", "leased_area_m2": 1000,
          "registered_capital_vnd": 5000000000, "status": "operating"}
stored = check("POST", "/api/v1/clusters/{code}/tenants", f"/api/v1/clusters/{cluster}/tenants", 201,
               auth=True, body=tenant)
check("POST", "/api/v1/clusters/{code}/tenants", f"/api/v1/clusters/{cluster}/tenants", 422, auth=True,
      body={**tenant, "tax_code": "0100109107"})
check("PATCH", "/api/v1/tenants/{id}", f"/api/v1/tenants/{stored['tenant']['id']}", 200, auth=True,
      body={"version": stored["tenant"]["version"], "jobs": 40})
check("POST", "/api/v1/clusters/{code}/baselines", f"/api/v1/clusters/{cluster}/baselines", 422, auth=True,
      body={"name": "Điều chỉnh"})

# The caller's tokens: listed, one made (its secret in that answer only), revoked.
check("GET", "/api/v1/tokens", "/api/v1/tokens", 200, auth=True)
check("GET", "/api/v1/tokens", "/api/v1/tokens", 401)
made = check("POST", "/api/v1/tokens", "/api/v1/tokens", 201, auth=True, body={"name": "Kiểm thử OpenAPI", "days": 1})
check("POST", "/api/v1/tokens", "/api/v1/tokens", 422, auth=True, body={"name": ""})
check("DELETE", "/api/v1/tokens/{id}", f"/api/v1/tokens/{made['token']['id']}", 200, auth=True)
check("DELETE", "/api/v1/tokens/{id}", f"/api/v1/tokens/{made['token']['id']}", 422, auth=True)
check("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/999999", 404, auth=True)

gets = {("GET", path) for path, ops in document["paths"].items() if "get" in ops}
missing = sorted(gets - covered)
if missing:
    print("FAIL: GETs of the document this test never asks: " + ", ".join(p for _, p in missing))
    failures += 1
print(f"{len(covered)} operations, {failures} disagreement(s)")
sys.exit(1 if failures else 0)
