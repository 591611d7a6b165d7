#!/usr/bin/python3
"""Fills an empty, migrated SQLite tracker database with a national-scale portfolio for
scripts/bench-jobs: 1,200 clusters (9 work items each), 60,000 tenants, 1,000,000 progress
reports (each with a line per work item) and 10,000 digest subscribers. Deterministic.

Usage: scripts/generate-national.py DB.sqlite AS_OF(YYYY-MM-DD) [clusters tenants reports subscribers]

It writes the rows directly, not through the tracker, so the clusters' stored figures
(cluster_summaries) are made afterwards: `tracker --database=sqlite:DB --rebuild-summaries`
(the tracker also makes any that are missing when it starts).
"""
import csv
import datetime
import pathlib
import random
import sqlite3
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["site_clearance", "levelling", "internal_roads", "drainage", "water_supply", "power",
         "wastewater_plant", "lighting_fence_fire", "other"]


def main():
    db_path, as_of = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
    n_clusters, n_tenants, n_reports, n_subscribers = (
        [int(x) for x in sys.argv[3:7]] if len(sys.argv) >= 7 else [1200, 60000, 1000000, 10000])
    random.seed(20221)
    with open(ROOT / "etc/map/districts.csv", encoding="utf-8") as f:
        districts = [row["district_vi"] for row in csv.DictReader(f)]
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    reports_per_cluster = n_reports // n_clusters
    report_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM progress_reports").fetchone()[0]
    print(f"generating {n_clusters} clusters, {n_tenants} tenants, {n_reports} reports, "
          f"{n_subscribers} subscribers", file=sys.stderr)
    for c in range(n_clusters):
        code = f"ccn-{c:05d}"
        district = districts[c % len(districts)]
        cur = db.execute(
            "INSERT INTO clusters (code, name_vi, district, status, status_provenance, provenance,"
            " total_area_m2, planned_investment_vnd) VALUES (?, ?, ?, 'implementation', "
            "'illustrative', 'illustrative', ?, ?)",
            (code, f"Cụm công nghiệp số {c}", district, random.randint(100000, 750000),
             random.randint(100, 900) * 10**9))
        cluster_id = cur.lastrowid
        start = as_of - datetime.timedelta(days=reports_per_cluster + random.randint(0, 300))
        finish = as_of + datetime.timedelta(days=random.randint(-200, 700))
        pace = random.uniform(0.5, 1.2)  # under 1: behind plan
        items = []
        for kind in KINDS:
            budget = random.randint(10, 200) * 10**9
            span = (finish - start).days
            done_share = min(1.0, pace * max(0, (as_of - start).days) / max(1, span))
            percent = int(100 * done_share)
            cur = db.execute(
                "INSERT INTO work_items (cluster_id, kind, planned_start, planned_finish, "
                "budget_vnd, percent_done, provenance) VALUES (?, ?, ?, ?, ?, ?, 'illustrative')",
                (cluster_id, kind, start.isoformat(), finish.isoformat(), budget, percent))
            items.append((cur.lastrowid, percent, budget))
        total_budget = sum(b for _, _, b in items)
        reports, lines = [], []
        for r in range(reports_per_cluster):
            day = as_of - datetime.timedelta(days=reports_per_cluster - r + random.randint(0, 3))
            share = (r + 1) / reports_per_cluster
            report_id += 1
            reports.append((report_id, cluster_id, day.isoformat(),
                            int(total_budget * share * random.uniform(0.3, 0.9))))
            lines.extend((report_id, item_id, int(percent * share)) for item_id, percent, _ in items)
        db.executemany("INSERT INTO progress_reports (id, cluster_id, report_date, disbursed_vnd, "
                       "author, provenance) VALUES (?, ?, ?, ?, 'generator', 'illustrative')",
                       reports)
        db.executemany("INSERT INTO report_lines (report_id, work_item_id, percent) VALUES (?, ?, ?)",
                       lines)
        db.executemany(
            "INSERT INTO tenants (cluster_id, company_name, tax_code, sector, leased_area_m2, "
            "registered_capital_vnd, jobs, status, provenance) VALUES (?, ?, ?, 'cơ khí', ?, ?, ?, "
            "'operating', 'illustrative')",
            [(cluster_id, f"Công ty {c}-{t}", f"{c:05d}{t:05d}", random.randint(1000, 20000),
              random.randint(1, 50) * 10**9, random.randint(10, 500))
             for t in range(n_tenants // n_clusters)])
        if (c + 1) % 100 == 0:
            db.commit()
            print(f"  {c + 1}/{n_clusters} clusters", file=sys.stderr)
    subscribers = []
    for s in range(n_subscribers):
        roll = s % 10
        kind, value = ("all", "") if roll < 2 else (
            ("district", districts[s % len(districts)]) if roll < 7 else
            ("cluster", f"ccn-{s % n_clusters:05d}"))
        subscribers.append((f"s{s}@example.vn", f"Người theo dõi {s}", "vi" if s % 3 else "en",
                            kind, value, f"bench-{s}", as_of.isoformat()))
    # Confirmed as they are created: these stand for subscribers who opted in long ago.
    db.executemany("INSERT INTO subscriptions (email, name, language, scope_kind, scope_value, "
                   "token, created_on, confirmed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [row + (row[-1],) for row in subscribers])
    db.execute("INSERT OR REPLACE INTO tracker_meta (name, value) VALUES ('seeded_at', ?)",
               (as_of.isoformat(),))
    db.commit()
    print("done", file=sys.stderr)


if __name__ == "__main__":
    main()
