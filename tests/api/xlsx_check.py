"""The XLSX downloads as a reader's spreadsheet shows them, read with openpyxl: a frozen bold
header, columns wide enough for what they hold, whole numbers grouped, figures with one
decimal, dates as dates, and every numeric column summing to what the CSV's sums to; the
clusters' totals also equal the API's portfolio.

usage: xlsx_check.py PORT"""
import csv
import datetime
import io
import json
import sys
import urllib.request

import openpyxl
from openpyxl.utils import get_column_letter

port = sys.argv[1]
failures = 0


def fetch(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as answer:
        return answer.read()


def expect(condition, what):
    global failures
    print(("ok: " if condition else "FAIL: ") + what)
    failures += not condition


def number(text):
    return float(text) if text not in ("", None) else 0.0


def check(route, lang):
    book = openpyxl.load_workbook(io.BytesIO(fetch(f"/exports/{route}.xlsx?lang={lang}")))
    sheet = book.active
    rows = list(csv.reader(io.StringIO(fetch(f"/exports/{route}.csv?lang={lang}").decode("utf-8-sig"))))
    header = [c.value for c in sheet[1]]
    name = f"{route}.xlsx ({lang})"
    expect(header == rows[0], f"{name}: the same columns as the CSV")
    expect(sheet.freeze_panes == "A2", f"{name}: the header row is frozen ({sheet.freeze_panes})")
    expect(all(c.font.b for c in sheet[1]), f"{name}: the header is bold")
    expect(sheet.max_row == len(rows), f"{name}: {sheet.max_row - 1} rows, the CSV has {len(rows) - 1}")
    narrow, wrong_format, totals = [], [], {}
    for column in range(1, sheet.max_column + 1):
        cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
        width = sheet.column_dimensions[get_column_letter(column)].width
        longest = max((len(str(c.value)) for c in cells if isinstance(c.value, str)), default=0)
        if width < min(longest, 58):
            narrow.append(f"{header[column - 1]} ({width} < {longest})")
        for cell in cells:
            value = cell.value
            if isinstance(value, bool) or value is None or isinstance(value, str):
                continue
            if isinstance(value, datetime.datetime):
                if cell.number_format != "yyyy-mm-dd":
                    wrong_format.append(f"{cell.coordinate} date as {cell.number_format}")
                continue
            wanted = {"(VND)": "#,##0", "(%)": "0.0", "(ha)": "0.00##"}
            for unit, pattern in wanted.items():
                if header[column - 1].endswith(unit) and cell.number_format != pattern:
                    wrong_format.append(f"{cell.coordinate} {header[column - 1]} as {cell.number_format}")
            if isinstance(value, float) and value != round(value, 4):
                wrong_format.append(f"{cell.coordinate} holds {value!r}, more digits than the CSV")
            totals[column - 1] = totals.get(column - 1, 0) + value
    expect(not narrow, f"{name}: every column as wide as its text" + (f": {narrow[:3]}" if narrow else ""))
    expect(not wrong_format, f"{name}: number and date formats" + (f": {wrong_format[:3]}" if wrong_format else ""))
    differ = []
    for column, total in totals.items():
        csv_total = sum(number(r[column]) for r in rows[1:] if column < len(r) and r[column].replace(".", "", 1).lstrip("-").isdigit())
        if abs(total - csv_total) > 1e-6:
            differ.append(f"{header[column]}: {total} ≠ {csv_total}")
    expect(totals and not differ, f"{name}: {len(totals)} numeric columns total the same as the CSV's" + (f": {differ}" if differ else ""))
    return header, sheet


header, sheet = check("clusters", "vi")
check("clusters", "en")
check("tenants", "vi")
check("land", "vi")
check("land", "en")
header, sheet = check("clusters", "en")
portfolio = json.loads(fetch("/api/v1/portfolio"))["sum_of_records"]
column = {name: i + 1 for i, name in enumerate(header)}


def total(name):
    return sum(c.value or 0 for c in (sheet.cell(row=r, column=column[name]) for r in range(2, sheet.max_row + 1)))


expect(round(total("Total area (ha)") * 10000) == portfolio["total_area_m2"],
       f"clusters.xlsx: total area {total('Total area (ha)')} ha = the API's {portfolio['total_area_m2']} m²")
expect(total("Planned investment (VND)") == portfolio["planned_investment_vnd"],
       "clusters.xlsx: planned investment = the API's")
expect(total("Disbursed (VND)") == portfolio["disbursed_vnd"], "clusters.xlsx: disbursed = the API's")
expect(round(total("Leased area (ha)") * 10000) == portfolio["leased_area_m2"], "clusters.xlsx: leased area = the API's")
expect(total("Secondary tenants") == portfolio["tenant_count"], "clusters.xlsx: tenants = the API's")
dates = [sheet.cell(row=r, column=column["Latest report"]).value for r in range(2, sheet.max_row + 1)]
expect(any(isinstance(d, datetime.datetime) for d in dates) and not any(isinstance(d, str) for d in dates),
       "clusters.xlsx: the latest-report dates are dates, not text")
print(f"{failures} failure(s)")
sys.exit(1 if failures else 0)
