#!/usr/bin/env python3
"""Derive etc/seed/clusters.csv from the research file ../shared/data/hanoi-clusters.csv.

Run once by a maintainer when the research file changes; the product reads only the
derived file, because a user's clone has no ../shared. Selection rule (issue #2): the
2018-2020 cohort first, then 2017, then clusters whose year is unknown, each group in
the research file's order, until 44. Figures are copied verbatim as decimal strings
(the C++ side converts them exactly); nothing unknown is filled in.
"""
import csv, re, sys, unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/hanoi-clusters.csv"
TARGET = ROOT / "etc/seed/clusters.csv"
WANTED = 44

# Commune (xã / thị trấn) as the sources name it; read by hand from the notes column,
# because the notes are prose and a regular expression picks up neighbouring words.
COMMUNES = {
    "Cụm công nghiệp làng nghề Hữu Bằng": "xã Hữu Bằng",
    "Cụm công nghiệp làng nghề Chàng Sơn – giai đoạn 2": "xã Chàng Sơn",
    "Cụm công nghiệp làng nghề Dị Nậu": "xã Dị Nậu",
    "Cụm công nghiệp Cầu Bầu (giai đoạn 2)": "xã Quảng Phú Cầu",
    "Cụm công nghiệp Đông Phú Yên": "xã Phú Nghĩa",
    "Cụm công nghiệp làng nghề Tân Hòa": "xã Tân Hòa",
    "Cụm công nghiệp làng nghề Ngọc Mỹ – Thạch Thán": "xã Ngọc Mỹ và xã Thạch Thán",
    "Cụm công nghiệp Liên Hà 2": "xã Liên Hà",
    "Cụm công nghiệp Dục Tú": "xã Dục Tú",
    "Cụm công nghiệp Thụy Lâm": "xã Thụy Lâm",
    "Cụm công nghiệp Đình Xuyên": "xã Đình Xuyên",
    "Cụm công nghiệp Tam Hiệp": "xã Tam Hiệp",
    "Cụm công nghiệp Liên Hiệp (giai đoạn 2)": "xã Liên Hiệp",
    "Cụm công nghiệp Nam Phúc Thọ – giai đoạn 1": "xã Tam Hiệp và xã Ngọc Tảo",
    "Cụm công nghiệp Võng Xuyên": "xã Võng Xuyên",
    "Cụm công nghiệp Thanh Văn – Tân Ước": "xã Thanh Văn và xã Tân Ước",
    "Cụm công nghiệp làng nghề Thanh Thùy – giai đoạn 2": "xã Thanh Thùy",
    "Cụm công nghiệp làng nghề Phương Trung": "xã Phương Trung",
    "Cụm công nghiệp Hồng Dương": "xã Hồng Dương",
    "Cụm công nghiệp làng nghề Phú Yên": "xã Phú Yên",
    "Cụm công nghiệp Ngọc Sơn": "xã Ngọc Sơn",
    "Cụm công nghiệp Ngọc Hòa": "xã Ngọc Hòa",
    "Cụm công nghiệp làng nghề Tân Triều": "xã Tân Triều",
    "Cụm công nghiệp Ngọc Hồi": "xã Ngọc Hồi và xã Liên Ninh",
    "Cụm công nghiệp Liên Hiệp": "xã Liên Hiệp",
    "Cụm công nghiệp Bắc Vân Đình": "thị trấn Vân Đình",
    "Cụm công nghiệp Yên Sơn": "xã Yên Sơn",
    "Cụm công nghiệp Cam Thượng": "xã Cam Thượng",
    "Cụm công nghiệp Đồng Giai": "xã Vật Lại",
    "Cụm công nghiệp Ngọc Liệp": "xã Ngọc Liệp",
    "Cụm công nghiệp Đắc Sở": "xã Đắc Sở",
    "Cụm công nghiệp Liên Hà": "xã Liên Hà",  # the Đông Anh one; the Đan Phượng one is not chosen
    "Cụm công nghiệp đồ mộc dân dụng Phùng Xá": "xã Phùng Xá",
    "Cụm công nghiệp Đông Sơn": "xã Đông Sơn",
    "Cụm công nghiệp Đại Yên": "xã Đại Yên",
    "Cụm công nghiệp Phụng Châu": "xã Phụng Châu",
    "Cụm công nghiệp thị trấn Phùng": "thị trấn Phùng",
}
# Only decision numbers that the notes tie to exactly one cluster.
DECISIONS = {
    "Cụm công nghiệp Đông Phú Yên": "6594/QĐ-UBND",
    "Cụm công nghiệp Tam Hiệp": "2797/QĐ-UBND",
    "Cụm công nghiệp Liên Hiệp (giai đoạn 2)": "2801/QĐ-UBND",
    "Cụm công nghiệp Nam Phúc Thọ – giai đoạn 1": "2800/QĐ-UBND",
    "Cụm công nghiệp làng nghề Phú Yên": "2952/QĐ-UBND",
    "Cụm công nghiệp Ngọc Hòa": "8983/QĐ-UBND",
    "Cụm công nghiệp làng nghề Bát Tràng": "8924/QĐ-UBND",
}


def ascii_slug(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def base_code(name):
    short = re.sub(r"^Cụm công nghiệp (làng nghề )?", "", name)
    return ascii_slug(short.replace("giai đoạn", "gd"))


def cohort(row):
    match = re.search(r"est_year=(\w+)", row["notes"])
    year = match.group(1) if match else "unknown"
    if year in ("2018", "2019", "2020"):
        return 0, year
    return (1, year) if year == "2017" else (2, year)


def main():
    rows = list(csv.DictReader(SOURCE.open(encoding="utf-8")))
    ranked = sorted(enumerate(rows), key=lambda ir: (cohort(ir[1])[0], ir[0]))
    chosen = [r for _, r in ranked[:WANTED]]
    names = [base_code(r["name_vi"]) for r in chosen]
    out = []
    for row, code in zip(chosen, names):
        if names.count(code) > 1:  # e.g. three "Liên Hà": add the district
            code = f"{code}-{ascii_slug(row['district'])}"
        out.append({
            "code": code,
            "name_vi": row["name_vi"],
            "district": row["district"],
            "commune": COMMUNES.get(row["name_vi"], ""),
            "area_ha": row["area_ha"],
            "industrial_area_ha": "",
            "investment_billion_vnd": row["investment_billion_vnd"],
            "developer": row["developer"],
            "decision_number": DECISIONS.get(row["name_vi"], ""),
            "decision_date": row["decision_date"],
            "established_year": cohort(row)[1],
            "source_url": row["source_url"],
            "notes": row["notes"],
        })
    assert len({o["code"] for o in out}) == len(out), "codes must be unique"
    with TARGET.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"wrote {len(out)} clusters to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
