"""Mixed load through a proxy for a fixed time: pages read by one client, progress reports
created by another, each create retried with its Idempotency-Key until acknowledged.

    mixed_load.py PORT TOKEN WORK_ITEM SECONDS KEY_PREFIX

Prints one JSON line: GET answers by status; creates acknowledged and given up; the writes'
p50/p99 (first attempt to acknowledgement) and the longest stall (the widest gap with no
acknowledgement). Each client keeps to 25 requests/s from its own loopback address, within
the proxy's per-address rate limit.
"""
import http.client
import json
import sys
import threading
import time

port, token, item, seconds, prefix = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
until = time.monotonic() + seconds
gets, writes = {}, {"acknowledged": 0, "gave_up": 0, "latencies": [], "acks": []}


def request(source, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return str(response.status)
    except OSError as error:
        return type(error).__name__
    finally:
        conn.close()


def reader():
    paths = ["/clusters", "/", "/api/v1/clusters", "/clusters/huu-bang"]
    i = 0
    while time.monotonic() < until:
        status = request("127.0.0.6", "GET", paths[i % len(paths)])
        gets[status] = gets.get(status, 0) + 1
        i += 1
        time.sleep(0.04)


def writer():
    i = 0
    body = json.dumps({"date": "2026-11-02", "items": [{"work_item": int(item), "percent": 70}],
                       "confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd": 1000000000})
    while time.monotonic() < until:
        i += 1
        started = time.monotonic()
        headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json",
                   "Idempotency-Key": f"{prefix}-{i}"}
        for _ in range(80):  # up to ~20 s of retries
            status = request("127.0.0.7", "POST", "/api/v1/clusters/huu-bang/reports", body, headers)
            if status in ("200", "201"):
                writes["acknowledged"] += 1
                now = time.monotonic()
                writes["latencies"].append((now - started) * 1000)
                writes["acks"].append(now)
                break
            time.sleep(0.25)
        else:
            writes["gave_up"] += 1
        time.sleep(0.05)


threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lat = sorted(writes["latencies"]) or [0]
acks = writes["acks"]
stall = max((b - a for a, b in zip(acks, acks[1:])), default=0) * 1000
print(json.dumps({"gets": gets, "acknowledged": writes["acknowledged"], "gave_up": writes["gave_up"],
                  "write_p50_ms": round(lat[len(lat) // 2], 1),
                  "write_p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 1),
                  "longest_stall_ms": round(stall)}))
