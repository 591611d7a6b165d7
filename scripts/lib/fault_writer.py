#!/usr/bin/python3
"""The writer of scripts/faults: creates progress reports and tenants through the API at a
steady rate, each with an Idempotency-Key, for SECONDS (or until STOP_FILE exists).

    fault_writer.py PORT TOKEN WORK_ITEM RATE SECONDS KEY_PREFIX OUT_JSON [STOP_FILE]

WORK_ITEM is a work item of huu-bang, where every write goes, or "spread": each write goes to
the next cluster in turn (a report on its first work item, or a tenant), as a city's
developers would write, rather than growing one cluster's page without end.

Writes OUT_JSON: the keys acknowledged (2xx) by kind, attempts by status ("reset",
"timeout" for no answer), the writes' p50/p99 in ms, and the time of every acknowledgement
(seconds since the start), so that the script can tell when writes came back.
"""
import http.client
import json
import os
import sys
import time

port, token, item = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rate, seconds, prefix, out = float(sys.argv[4]), float(sys.argv[5]), sys.argv[6], sys.argv[7]
stop = sys.argv[8] if len(sys.argv) > 8 else None
start = time.monotonic()
acked = {"report": [], "tenant": []}
statuses, latencies, ack_times = {}, [], []


def tax_code(n):
    nine = f"01{n % 10_000_000:07d}"
    total = sum(w * int(d) for w, d in zip([31, 29, 23, 19, 17, 13, 7, 5, 3], nine))
    digit = 10 - total % 11
    return nine + str(digit) if digit < 10 else tax_code(n + 1)


def post(path, body, key):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", path, body=json.dumps(body),
                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                              "Idempotency-Key": key})
        response = conn.getresponse()
        response.read()
        return str(response.status)
    except TimeoutError:
        return "timeout"
    except OSError:
        return "reset"
    finally:
        conn.close()


def targets():
    """(cluster code, first work item id) of every cluster, or huu-bang's given item."""
    if item != "spread":
        return [("huu-bang", int(item))]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/api/v1/clusters?per_page=200")
    codes = [c["code"] for c in json.loads(conn.getresponse().read())["clusters"]]
    found = []
    for code in codes:
        conn.request("GET", f"/api/v1/clusters/{code}")
        detail = json.loads(conn.getresponse().read())
        if detail["work_items"]:
            found.append((code, detail["work_items"][0]["id"]))
    conn.close()
    return found


clusters = targets()
n = 0
while time.monotonic() - start < seconds and not (stop and os.path.exists(stop)):
    n += 1
    key = f"{prefix}-{n}"
    began = time.monotonic()
    code, work_item = clusters[(n // 2) % len(clusters)]
    if n % 2:
        kind, path = "report", f"/api/v1/clusters/{code}/reports"
        body = {"date": "2026-11-20", "items": [{"work_item": work_item, "percent": 40 + n % 50}],
                "disbursed_vnd": 1_000_000 + n, "note": key,
                "confirm": "1", "confirm_reason": "scripts/faults: figures of a test load"}
    else:
        kind, path = "tenant", f"/api/v1/clusters/{code}/tenants"
        body = {"company_name": key, "tax_code": tax_code(n), "leased_area_m2": 1,
                "registered_capital_vnd": 1_000_000, "status": "building"}
    status = post(path, body, key)
    statuses[status] = statuses.get(status, 0) + 1
    if status.startswith("2"):
        acked[kind].append(key)
        latencies.append((time.monotonic() - began) * 1000)
        ack_times.append(round(time.monotonic() - start, 3))
    time.sleep(max(0.0, start + n / rate - time.monotonic()))

latencies.sort()
pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) if latencies else None
json.dump({"acked": acked, "statuses": statuses, "p50_ms": pick(0.5), "p99_ms": pick(0.99),
           "ack_times": ack_times}, open(out, "w"))
