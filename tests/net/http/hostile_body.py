#!/usr/bin/env python3
"""Sends one hostile request body to a server on loopback and reports what came back.

usage: hostile_body.py PORT METHOD PATH TOTAL_BYTES [HEADER: VALUE ...]
The environment's BODY_PREFIX, if set, is sent first (a multipart part's head, a field name).

The body is sent chunked (Transfer-Encoding: chunked), 256 KiB a chunk, as fast as the
server takes it, until TOTAL_BYTES are sent, the server answers, or it closes the
connection. Prints one line of JSON: status, bytes sent, and how long after the first body
byte the answer came.
"""
import json
import select
import socket
import sys
import time

port, method, path, total = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
headers = sys.argv[5:]
chunk = b"a" * (256 * 1024)
frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"

s = socket.create_connection(("127.0.0.1", port), timeout=30)
head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
head += "".join(h + "\r\n" for h in headers) + "\r\n"
s.sendall(head.encode())
prefix = __import__("os").environ.get("BODY_PREFIX", "").encode().decode("unicode_escape").encode()
if prefix:
    s.sendall(b"%x\r\n" % len(prefix) + prefix + b"\r\n")
started = time.monotonic()
sent, answer, answered_at = 0, b"", None
try:
    while sent < total:
        readable, _, _ = select.select([s], [], [], 0)
        if readable:
            data = s.recv(65536)
            if not data:
                break
            answer += data
            if answered_at is None:
                answered_at = time.monotonic()
            if b"\r\n\r\n" in answer:
                break
        s.sendall(frame)
        sent += len(chunk)
    if sent >= total and b"\r\n\r\n" not in answer:
        s.sendall(b"0\r\n\r\n")
except (BrokenPipeError, ConnectionResetError):
    pass
try:
    s.settimeout(10)
    while b"\r\n\r\n" not in answer:
        data = s.recv(65536)
        if not data:
            break
        answer += data
        if answered_at is None:
            answered_at = time.monotonic()
except (socket.timeout, ConnectionResetError):
    pass
status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
print(json.dumps({"status": status, "sent": sent,
                  "answer_after_s": round((answered_at or time.monotonic()) - started, 3)}))
