"""A steady writer for scripts/bench-writes: RATE writes a second through the API, for
SECONDS, alternating progress reports and tenant edits (a create, then a PATCH of it) on
clusters picked at random. Prints one JSON line: writes done, failures by status, and the
writes' p50/p99 in ms.

    bench_writer.py PORT TOKEN RATE SECONDS
"""
import http.client
import json
import random
import sys
import time

port, token, rate, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
random.seed(7)
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def call(method, path, body=None):
    global conn
    started = time.monotonic()
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers=headers if body is not None else {})
        response = conn.getresponse()
        data = response.read()
        status = response.status
    except OSError as error:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        data, status = b"", type(error).__name__
    return status, data, (time.monotonic() - started) * 1000


def new_tax_code():
    """A valid MST of its own for each new company (Hanoi's 01, a random sequence, the check
    digit of tracker/tax_code.cpp), as real tenants have: one code shared by every company
    the writer made grew, run after run, into thousands of rows that each tenant write's
    duplicate-code question read."""
    while True:
        nine = "01" + f"{random.randrange(1, 10**7):07d}"
        digit = 10 - sum(w * int(d) for w, d in zip([31, 29, 23, 19, 17, 13, 7, 5, 3], nine)) % 11
        if digit < 10:
            return nine + str(digit)


_, listing, _ = call("GET", "/api/v1/clusters?per_page=100")
codes = [c["code"] for c in json.loads(listing)["clusters"]]
items = {}
latencies, failures, done = [], {}, 0
until, next_at, i = time.monotonic() + seconds, time.monotonic(), 0
while time.monotonic() < until:
    code = random.choice(codes)
    if i % 2 == 0:
        if code not in items:
            _, detail, _ = call("GET", f"/api/v1/clusters/{code}")
            items[code] = [w["id"] for w in json.loads(detail)["work_items"]]
        body = {"date": "2026-11-20", "items": [{"work_item": random.choice(items[code]),
                                                  "percent": random.randint(1, 99)}],
                "disbursed_vnd": random.randint(1, 10**9),
                # Random figures go down as often as up: each write confirms what
                # tracker/plausibility.h would otherwise question, as a person would.
                "confirm": "1", "confirm_reason": "đo tải (benchmark)"}
        status, _, ms = call("POST", f"/api/v1/clusters/{code}/reports", body)
    else:
        status, data, ms = call("POST", f"/api/v1/clusters/{code}/tenants",
                                {"company_name": f"Công ty TNHH Đo Tải {i}", "tax_code": new_tax_code(),
                                 "leased_area_m2": 1000, "registered_capital_vnd": 1000000000,
                                 "confirm": "1", "confirm_reason": "đo tải (benchmark)"})
        if status == 201:
            tenant = json.loads(data)["tenant"]
            latencies.append(ms)
            done += 1
            status, _, ms = call("PATCH", f"/api/v1/tenants/{tenant['id']}",
                                 {"version": tenant.get("version", 1), "jobs": 25})
    if status in (200, 201):
        latencies.append(ms)
        done += 1
    else:
        failures[str(status)] = failures.get(str(status), 0) + 1
    next_at += (1 if i % 2 == 0 else 2) / rate  # a tenant edit is two writes
    i += 1
    time.sleep(max(0, next_at - time.monotonic()))
latencies.sort()
pick = lambda q: round(latencies[min(len(latencies) - 1, int(len(latencies) * q))], 1) if latencies else 0
print(json.dumps({"writes": done, "per_second": round(done / seconds, 1), "failures": failures,
                  "p50_ms": pick(0.5), "p99_ms": pick(0.99)}))
