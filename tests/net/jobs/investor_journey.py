#!/usr/bin/python3
"""An investor's journey, end to end, for investor_journey_test.sh: finds land in one commune,
compares two clusters, sends an enquiry that the developer receives by email and sees in the
back office, and subscribes to a saved-search alert with double opt-in. Also the refusals:
bad input, the honeypot, a missing form token, the rate limit, a used or expired link.

investor_journey.py TRACKER DATABASE_FILE PORT SMTP_PORT MAILDIR
Prints "ok: …" / "FAIL: …" lines; exits 1 if any failed.
"""
import datetime
import email
import html
import http.cookiejar
import mailbox
import os
import re
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from email import policy

tracker, db_file, port, smtp_port, maildir = sys.argv[1:6]
base = f"http://127.0.0.1:{port}"
failures = 0


def check(condition, what, detail=""):
    global failures
    if condition:
        print(f"ok: {what}")
    else:
        failures += 1
        print(f"FAIL: {what} {detail}"[:2000])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One visitor: its own cookies; answers are (status, headers, text)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, method, path, fields=None, headers=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        req = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=30) as answer:
                return answer.status, answer.headers, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)

    def form_token(self, path):
        status, _, page = self.get(path)
        match = re.search(r'name="csrf" value="([^"]*)"', page)
        return status, (match.group(1) if match else ""), page

    def sign_in(self, address):
        _, token, _ = self.form_token("/login")
        status, _, _ = self.post("/login", {"email": address, "password": "a long enough password",
                                            "csrf": token, "next": "/admin"})
        return status


runs = 0


def run(*arguments):
    # A job run claims its minute: each run of the same job here gets a minute of its own.
    global runs
    if not any(a.startswith("--now=") for a in arguments) and arguments[0].startswith("--run-job"):
        runs += 1
        hanoi = datetime.timezone(datetime.timedelta(hours=7))
        when = datetime.datetime.now(hanoi) + datetime.timedelta(minutes=runs)
        arguments = (*arguments, "--now=" + when.strftime("%Y-%m-%dT%H:%M:00+07:00"))
    return subprocess.run([tracker, f"--database=sqlite:{db_file}", f"--smtp=127.0.0.1:{smtp_port}",
                           f"--config={os.path.dirname(__file__)}/../../support/mail_test.properties",
                           *arguments], capture_output=True, text=True, timeout=120)


def messages():
    box = mailbox.Maildir(maildir, factory=None, create=False)
    found = []
    for key in box.iterkeys():
        m = email.message_from_bytes(box.get_bytes(key), policy=policy.default)
        found.append(m)
    return found


def mail_to(address):
    return [m for m in messages() if m["X-RcptTo"] == address]


def text_of(m):
    return m.get_body(("plain",)).get_content()


def sql(query, *parameters):
    with sqlite3.connect(db_file) as connection:
        return connection.execute(query, parameters).fetchall()


def enquiry_fields(token, **changes):
    fields = {"csrf": token, "enquirer_name": "Nguyễn Thị Lan", "company": "Công ty TNHH Cơ khí Lan Anh",
              "email": "lan@investor.example", "phone": "+84 912 345 678", "area_ha": "2,5",
              "sector": "Cơ khí chính xác", "consent": "1", "website": "",
              "message": "Chúng tôi cần 2,5 ha đất sẵn sàng trong quý 1/2027 cho xưởng cơ khí."}
    fields.update(changes)
    return fields


# --- The data an investor needs: industrial land and the facts, entered by an official.
official = Browser()
check(official.sign_in("city@example.vn") == 303, "the city official signs in")
token = run("--create-token=city@example.vn").stdout.strip().splitlines()[-1]
cluster = official.get("/api/v1/clusters/cau-bau-gd-2")[2]
version = re.search(r'"version"\s*:\s*(\d+)', cluster).group(1)
leased = int(re.search(r'"leased_area_m2"\s*:\s*(\d+)', cluster).group(1))
req = urllib.request.Request(base + "/api/v1/clusters/cau-bau-gd-2", method="PATCH",
                             data=f'{{"version":{version},"industrial_area_m2":"50000"}}'.encode(),
                             headers={"Authorization": f"Bearer {token}",
                                      "Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=30) as answer:
    check(answer.status == 200, "industrial land is put on the registry")


def set_facts(ready_m2):
    _, csrf, page = official.form_token("/admin/clusters/cau-bau-gd-2/facts")
    facts_version = re.search(r'name="version" value="(\d+)"', page).group(1)
    status, _, _ = official.post("/admin/clusters/cau-bau-gd-2/facts", {
        "csrf": csrf, "version": facts_version, "ready_to_lease_m2": str(ready_m2),
        "wastewater_state": "built", "wastewater_compliant": "1",
        "source": "Biên bản nghiệm thu hạ tầng 05/2026",
        "developer_contact": "Phòng kinh doanh, 024 1234 5678, kinhdoanh@ccn-caubau.example",
        "lease_terms": "50 năm, thanh toán một lần"})
    return status


check(set_facts(leased + 25000) == 303, "the ready land and the developer's contact are entered")

# --- Find land in one commune, compare two clusters.
investor = Browser()
status, _, page = investor.get("/land?commune=10369&min_ha=2&ready=now")
check(status == 200 and 'href="/clusters/cau-bau-gd-2"' in page and "2,5 ha" in page,
      "/land finds the cluster with 2.5 ha available now in xã 10369")
check("/clusters/cau-bau-gd-2/enquiry" in page and "/subscribe?scope=land&amp;commune=10369" in page,
      "each result links to the enquiry form, the page to a saved-search alert")
status, _, page = investor.get("/compare?c=cau-bau-gd-2,huu-bang")
check(status == 200 and "cau-bau-gd-2" in page and "huu-bang" in page, "two clusters compared")

# --- The enquiry: refusals first; nothing is stored by any of them.
path = "/clusters/cau-bau-gd-2/enquiry"
status, csrf, page = investor.form_token(path)
check(status == 200 and csrf and 'class="hp"' in page, "the enquiry form, with a hidden honeypot")
status, _, page = investor.post(path, enquiry_fields(csrf, email="not-an-email", consent=""))
check(status == 422 and "Nhập một địa chỉ email hợp lệ" in page and "Cần đồng ý" in page
      and "Nguyễn Thị Lan" in page, "bad input re-shows the form with Vietnamese messages", status)
_, csrf_en, _ = investor.form_token(path + "?lang=en")
status, _, page = investor.post(path + "?lang=en", enquiry_fields(csrf_en, message="short"))
check(status == 422 and "The message has 10 to 4,000 characters" in page,
      "and in English for an English reader", status)
status, _, _ = investor.post(path, enquiry_fields(csrf_en, website="http://spam.example"))
check(status == 400, "the honeypot refuses a robot", status)
status, _, _ = Browser().post(path, enquiry_fields(csrf_en))
check(status == 403, "a post without the form's cookie is refused (CSRF)", status)
check(sql("SELECT COUNT(*) FROM enquiries")[0][0] == 0, "none of these stored an enquiry")

status, headers, _ = investor.post(path, enquiry_fields(csrf_en))
check(status == 303 and "sent=1" in (headers.get("Location") or ""), "a good enquiry is accepted",
      status)
result = run("--run-job=mail-queue")
check(result.returncode == 0, "the mail queue runs", result.stderr)
to_developer = mail_to("cdt@example.vn")
check(len(to_developer) == 1 and "Cơ khí chính xác" in text_of(to_developer[0])
      and "lan@investor.example" in text_of(to_developer[0]),
      "the developer's account receives the enquiry by email", [m["Subject"] for m in messages()])
check(len(mail_to("kinhdoanh@ccn-caubau.example")) == 1,
      "so does the address in the developer's published contact")
receipt = mail_to("lan@investor.example")
check(len(receipt) == 1 and "It is not published anywhere" in text_of(receipt[0]),
      "the enquirer gets a receipt in the language they chose (English)")
check(receipt and receipt[0]["Auto-Submitted"] == "auto-generated", "marked auto-generated")
run("--run-job=mail-queue")
check(len(messages()) == 3, "a second run sends nothing again", len(messages()))

# Never public.
for public in ["/clusters/cau-bau-gd-2", "/api/v1/clusters/cau-bau-gd-2", "/exports/clusters.csv",
               "/exports/tenants.csv", "/api/v1/oc4ids.json", "/land", "/api/v1/land"]:
    body = Browser().get(public)[2]
    if "lan@investor.example" in body or "Lan Anh" in body:
        check(False, f"the enquiry is not on {public}")
        break
else:
    check(True, "the enquirer's details are on no public page, export or API answer")

# The rate limit: five an hour from one address.
for n in range(4):
    investor.post(path, enquiry_fields(csrf_en, email=f"buyer{n}@investor.example"))
status, headers, page = investor.post(path, enquiry_fields(csrf_en, email="late@investor.example"))
check(status == 429 and headers.get("Retry-After") == "3600" and "Too many enquiries" in page
      and "late@investor.example" in page,
      "the sixth enquiry within the hour gets a 429 with the form kept", status)
check(sql("SELECT COUNT(*) FROM enquiries")[0][0] == 5, "five stored, not six")

# --- The back office: the developer sees it and answers; another developer cannot.
developer = Browser()
check(developer.sign_in("cdt@example.vn") == 303, "the developer signs in")
status, _, page = developer.get("/admin/enquiries")
check(status == 200 and "Nguyễn Thị Lan" in page, "the developer's back office lists the enquiry")
first = sql("SELECT id FROM enquiries ORDER BY id LIMIT 1")[0][0]
other = Browser()
other.sign_in("cdt2@example.vn")
check("Nguyễn Thị Lan" not in other.get("/admin/enquiries")[2]
      and other.get(f"/admin/enquiries/{first}")[0] == 403,
      "another cluster's developer neither lists nor opens it")
# The developer publishes plots; an investor filters them by sector.
_, csrf, _ = developer.form_token("/admin/clusters/cau-bau-gd-2/plots")
for label, area, status, sectors in [("A1", "1,2", "available", "Cơ khí chính xác, điện tử"),
                                     ("B2", "0,8", "reserved", "Dệt may")]:
    code, _, _ = developer.post("/admin/clusters/cau-bau-gd-2/plots", {
        "csrf": csrf, "do": "put", "label": label, "plot_area_ha": area, "status": status,
        "sectors": sectors})
    check(code == 200, f"the developer publishes plot {label}", code)
code, _, page = developer.post("/admin/clusters/cau-bau-gd-2/plots", {
    "csrf": csrf, "do": "put", "label": "C3", "plot_area_ha": "900", "status": "available"})
check(code == 422 and "lớn hơn đất công nghiệp" in page, "a plot larger than the cluster is refused")
page = Browser().get("/land?sector=co+khi")[2]
check('href="/clusters/cau-bau-gd-2"' in page and "A1: 1,2 ha" in page and "B2" not in page,
      "/land?sector=co khi finds the available plot A1 (case and diacritics ignored)")
page = Browser().get("/land?sector=d%E1%BB%87t+may")[2]
check('href="/clusters/cau-bau-gd-2"' not in page, "a reserved plot does not make a sector available")
page = Browser().get("/clusters/cau-bau-gd-2")[2]
check("<strong>A1</strong>: 1,2 ha · Còn trống" in page and "Đã đặt chỗ" in page,
      "the cluster page lists the published plots")

_, csrf, page = developer.form_token(f"/admin/enquiries/{first}")
status, _, page = developer.post(f"/admin/enquiries/{first}",
                                 {"csrf": csrf, "version": "1", "status": "answered"})
check(status == 200 and "Đã trả lời" in page, "the developer marks it answered", status)
status, _, _ = developer.post(f"/admin/enquiries/{first}",
                              {"csrf": csrf, "version": "1", "status": "closed"})
check(status == 409, "a stale version is refused", status)
page = Browser().get("/clusters/cau-bau-gd-2")[2]
check("trung vị) sau 0 ngày" in page, "the cluster page shows the developer's median days to answer")

# --- Double opt-in: a digest subscriber gets nothing but the confirmation until confirmed.
def subscribe(browser, query, address):
    _, csrf, _ = browser.form_token("/subscribe?" + query)
    fields = dict(urllib.parse.parse_qsl(query))
    fields.update({"csrf": csrf, "email": address, "subscriber_name": "", "website": ""})
    if fields.get("scope") == "land":
        page = browser.get("/subscribe?" + query)[2]
        fields["search"] = html.unescape(re.search(r'name="search" value="([^"]*)"', page).group(1))
    return browser.post("/subscribe", fields)


status, _, page = subscribe(Browser(), "scope=all", "reader@example.vn")
check(status == 200 and "Kiểm tra hộp thư" in page, "a subscription request asks to check the inbox")
run("--run-job=mail-queue")
run("--run-job=delay-scan", "--now=2026-12-01T06:00:00+07:00")
run("--run-job=weekly-digest", "--now=2026-11-30T08:05:00+07:00")
reader = mail_to("reader@example.vn")
check(len(reader) == 1 and "Xác nhận" in str(reader[0]["Subject"]),
      "before confirming: the confirmation email only, no digest", [str(m["Subject"]) for m in reader])
link = re.search(r"(http://\S+/subscriptions/confirm\?t=\S+)", text_of(reader[0])).group(1)
secret = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["t"][0]
status, _, page = Browser().get("/subscriptions/confirm?t=" + secret)
check(status == 200 and 'name="t"' in page, "the link shows a button; opening it confirms nothing")
check(sql("SELECT confirmed_on FROM subscriptions WHERE email='reader@example.vn'")[0][0] is None,
      "still unconfirmed after the GET (a mail scanner's visit)")
status, _, page = Browser().post("/subscriptions/confirm", {"t": secret})
check(status == 200 and "Đã xác nhận" in page, "pressing it confirms")
status, _, page = Browser().post("/subscriptions/confirm", {"t": secret})
check(status == 404 and "đã được dùng" in page, "the link works once", status)
run("--run-job=weekly-digest", "--now=2026-12-07T08:05:00+07:00")
check(len(mail_to("reader@example.vn")) == 2, "once confirmed, the next week's digest comes")

subscribe(Browser(), "scope=cluster:cau-bau-gd-2", "late@example.vn")
sql("UPDATE subscriptions SET confirm_expires_at = 1 WHERE email='late@example.vn'")
run("--run-job=mail-queue")
late_link = re.search(r"confirm\?t=(\S+)", text_of(mail_to("late@example.vn")[0])).group(1)
status, _, page = Browser().post("/subscriptions/confirm", {"t": late_link})
check(status == 410 and "hết hạn" in page, "an expired link is refused", status)
status, _, _ = Browser().get("/subscribe?scope=cluster:no-such-cluster")
check(status == 400, "a scope that does not exist is refused", status)

# --- A saved search of /land: one alert per change, with one-click unsubscribe.
status, _, _ = subscribe(Browser(), "scope=land&commune=10369&min_ha=2&ready=now", "lan@investor.example")
run("--run-job=mail-queue")
confirm = [m for m in mail_to("lan@investor.example") if "Xác nhận" in str(m["Subject"])]
check(len(confirm) == 1, "the saved search sends its confirmation")
secret = re.search(r"confirm\?t=([0-9a-f]+)", text_of(confirm[0])).group(1)
check(Browser().post("/subscriptions/confirm", {"t": secret})[0] == 200, "the saved search confirmed")
run("--run-job=land-alerts")
run("--run-job=mail-queue")
before = len(mail_to("lan@investor.example"))
check(before == 2, "no alert for what matched at confirmation", before)
check(set_facts(leased + 30000) == 303, "the developer's land on offer grows")
result = run("--run-job=land-alerts")
check("1 alerts queued" in result.stdout + result.stderr, "the change queues one alert", result.stdout)
run("--run-job=land-alerts")
run("--run-job=mail-queue")
alerts = [m for m in mail_to("lan@investor.example") if "cụm phù hợp" in str(m["Subject"])]
check(len(alerts) == 1 and "3 ha" in text_of(alerts[0]) and "(thay đổi)" in text_of(alerts[0]),
      "exactly one alert, saying what changed", [text_of(m) for m in alerts])
check(alerts and alerts[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click",
      "the alert carries RFC 8058 one-click unsubscribe")

manage = re.search(r"(/subscriptions/manage\?t=\S+)", text_of(alerts[0])).group(1)
status, _, page = Browser().get(manage)
check(status == 200 and "≥ 2 ha" in page and "Atom" in page, "the manage page lists the saved search")
feed = Browser().get("/land.atom?commune=10369&min_ha=2&ready=now")[2]
entries = ET.fromstring(feed).findall("{http://www.w3.org/2005/Atom}entry")
check(len(entries) == 1 and "3 ha" in feed and "href=\"http" in feed,
      "the saved search's Atom feed has the cluster, with absolute links")
unsubscribe = alerts[0]["List-Unsubscribe"].strip("<>")
status, _, _ = Browser().post(urllib.parse.urlparse(unsubscribe).path,
                              {"t": urllib.parse.parse_qs(urllib.parse.urlparse(unsubscribe).query)["t"][0],
                               "List-Unsubscribe": "One-Click"})
check(status == 200, "one-click unsubscribe", status)
set_facts(leased + 22000)
run("--run-job=land-alerts")
run("--run-job=mail-queue")
check(len([m for m in mail_to("lan@investor.example") if "cụm phù hợp" in str(m["Subject"])]) == 1,
      "after unsubscribing, no more alerts")

sys.exit(1 if failures else 0)
