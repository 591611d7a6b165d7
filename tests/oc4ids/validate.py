#!/usr/bin/python3
"""Validates the tracker's OC4IDS package (a file) against the official OC4IDS project schema.

Usage: validate.py PACKAGE.json SCHEMA.json EXPECTED_PROJECTS
Each project is validated with Debian's python3-jsonschema (draft 4, with date-time and uri
formats checked). The 0.9.5 fields the 0.9.1 schema does not define (forecasts, metrics,
milestones) are checked against the shapes 0.9.5 gives them, by the small schema below.
A deliberately broken copy of a project must fail, so that a silent validator cannot pass.
"""
import copy
import datetime
import json
import sys
import urllib.parse

import jsonschema

format_checker = jsonschema.FormatChecker()


@format_checker.checks("date-time", raises=ValueError)
def is_date_time(text):
    return datetime.datetime.fromisoformat(text).tzinfo is not None


@format_checker.checks("uri", raises=ValueError)
def is_uri(text):
    parts = urllib.parse.urlparse(text)
    return bool(parts.scheme) and bool(parts.netloc)


OBSERVATION = {
    "type": "object", "required": ["id"],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "period": {"$ref": "#/definitions/Period"},
        "value": {"$ref": "#/definitions/Value"},
        "measure": {"type": ["string", "number"]},
        "unit": {"type": "object", "properties": {"name": {"type": "string"}}},
    },
}
EXTENSIONS_095 = {
    "properties": {
        "forecasts": {"type": "array", "items": {"$ref": "#/definitions/Metric"}},
        "metrics": {"type": "array", "items": {"$ref": "#/definitions/Metric"}},
        "milestones": {"type": "array", "items": {
            "type": "object", "required": ["id"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "title": {"type": "string"},
                "type": {"type": "string"},
                "dueDate": {"type": "string", "format": "date-time"},
                "status": {"enum": ["scheduled", "met", "notMet", "partiallyMet"]},
            }}},
    },
}


def main():
    package_path, schema_path, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
    package = json.load(open(package_path, encoding="utf-8"))
    official = json.load(open(schema_path, encoding="utf-8"))
    supplement = copy.deepcopy(EXTENSIONS_095)
    supplement["definitions"] = dict(official["definitions"])
    supplement["definitions"]["Metric"] = {
        "type": "object", "required": ["id"],
        "properties": {"id": {"enum": ["physicalProgress", "financialProgress"]},
                       "title": {"type": "string"},
                       "observations": {"type": "array", "items": OBSERVATION}}}
    validators = [jsonschema.Draft4Validator(official, format_checker=format_checker),
                  jsonschema.Draft4Validator(supplement, format_checker=format_checker)]

    failures = []
    for key in ("uri", "publishedDate", "publisher", "version", "projects"):
        if key not in package:
            failures.append(f"package: no '{key}'")
    projects = package.get("projects", [])
    if len(projects) != expected:
        failures.append(f"{len(projects)} projects, expected {expected}")
    if len({p.get("id") for p in projects}) != len(projects):
        failures.append("project ids are not unique")
    for project in projects:
        for validator in validators:
            for error in validator.iter_errors(project):
                failures.append(f"{project.get('id')}: {'/'.join(map(str, error.path))}: {error.message}")
        if "forecasts" in project:
            ids = sorted(m["id"] for m in project["forecasts"])
            if ids != ["financialProgress", "physicalProgress"]:
                failures.append(f"{project['id']}: forecasts {ids}")

    broken = copy.deepcopy(projects[0]) if projects else {}
    broken["status"] = "late"
    broken["budget"] = {"amount": {"amount": "much", "currency": "VND"}}
    broken["period"] = {"startDate": "27/11/2026"}
    if len(list(validators[0].iter_errors(broken))) < 3:
        failures.append("the validator accepted a project with a bad status, amount and date")

    for failure in failures[:40]:
        print("FAIL:", failure)
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    with_metrics = sum(1 for p in projects if p.get("metrics"))
    print(f"ok: {len(projects)} projects valid against {official['id']}; "
          f"{with_metrics} with reported metrics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
