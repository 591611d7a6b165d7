#!/usr/bin/python3
"""Reads the Maildir aiosmtpd wrote and answers questions about it for digest_test.sh.

maildir_tool.py DIR summary          one line per message: recipient, Message-ID, language
maildir_tool.py DIR check            structure, headers and scope of every message (exit 1 on a fault)
maildir_tool.py DIR count            number of messages
"""
import email
import mailbox
import re
import sys
from email import policy


def messages(path):
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in box.iterkeys():
        yield email.message_from_bytes(box.get_bytes(key), policy=policy.default)


def check(path, scopes):
    faults = []
    for m in messages(path):
        to = m["X-RcptTo"]
        if m.get_content_type() != "multipart/alternative":
            faults.append(f"{to}: {m.get_content_type()}, not multipart/alternative")
        parts = [p.get_content_type() for p in m.iter_parts()]
        if parts != ["text/plain", "text/html"]:
            faults.append(f"{to}: parts {parts}")
        if not m["Message-ID"] or not m["List-Unsubscribe"] or \
                m["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click":
            faults.append(f"{to}: missing Message-ID or RFC 8058 headers")
        text = m.get_body(("plain",)).get_content()
        language = m["Content-Language"]
        subject = str(m["Subject"])
        # Short, with the counts first (issue 11, item 13).
        if language == "vi" and not re.match(r"\d+ mới, \d+ vẫn chậm, \d+ hết chậm — CCN Hà Nội, tuần ", subject):
            faults.append(f"{to}: Vietnamese subject not decoded right: {subject!r}")
        if language == "en" and not re.match(r"\d+ new, \d+ still late, \d+ resolved — Hanoi clusters, week of ", subject):
            faults.append(f"{to}: English subject wrong: {subject!r}")
        if len(subject) > 70:
            faults.append(f"{to}: a subject of {len(subject)} characters: {subject!r}")
        kind, _, value = scopes.get(to, "all").partition(":")
        for line in text.splitlines():
            found = re.match(r"^- (.*) \(([^()]*)\): ", line)
            if not found:
                continue
            # "(xã Ứng Thiên, huyện Ứng Hòa cũ)": the current unit, then the former district.
            place = found.group(2)
            former = (f"huyện {value} cũ", f"former {value} district")
            if kind == "district" and not place.endswith(former):
                faults.append(f"{to} follows {value} but got {place}: {line}")
        if kind == "cluster":
            for link in re.findall(r"/clusters/([a-z0-9-]+)", text):
                if link != value:
                    faults.append(f"{to} follows {value} but got {link}")
    for fault in faults:
        print("FAIL:", fault)
    return 1 if faults else 0


def main():
    path, command = sys.argv[1], sys.argv[2]
    if command == "count":
        print(sum(1 for _ in messages(path)))
    elif command == "summary":
        for m in messages(path):
            print(m["X-RcptTo"], m["Message-ID"], m["Content-Language"])
    elif command == "check":
        scopes = dict(arg.split("=", 1) for arg in sys.argv[3:])
        sys.exit(check(path, scopes))


if __name__ == "__main__":
    main()
