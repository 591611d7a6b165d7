#!/usr/bin/python3
"""Validates the tracker's OC4IDS package (a file) against the official OC4IDS 0.9.5
package and project schemas, codelists included.

Usage: validate.py PACKAGE.json SCHEMA_DIR EXPECTED_PROJECTS
SCHEMA_DIR holds the official files (tests/oc4ids/0.9.5): project-package-schema.json
refers to the project schema by its id URL, which is mapped to the local copy. Debian's
python3-jsonschema (draft 4) skips date-time and uri formats unless a checker is
registered: both are checked here (a URI needs a scheme and a host, and no spaces). A field
whose schema names a closed codelist ("openCodelist": false) must hold one of the codes in
codelists/<name>. A deliberately broken copy of the package must fail, so that a silent
validator cannot pass.
"""
import copy
import csv
import datetime
import json
import pathlib
import sys
import urllib.parse
import warnings

import jsonschema

warnings.filterwarnings("ignore", category=DeprecationWarning)
format_checker = jsonschema.FormatChecker()


@format_checker.checks("date-time", raises=ValueError)
def is_date_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).tzinfo is not None


@format_checker.checks("uri", raises=ValueError)
def is_uri(text):
    parts = urllib.parse.urlparse(text)
    return bool(parts.scheme) and bool(parts.netloc) and " " not in text


def codelist_validator(directory):
    codes = {}

    def check(validator, codelist, instance, schema):
        # Closed codelists must hold; open ones too, since the tracker uses only standard
        # codes (a "sector.subsector" extension would be let through).
        if codelist not in codes:
            with open(directory / "codelists" / codelist, encoding="utf-8") as f:
                codes[codelist] = {row["Code"] for row in csv.DictReader(f)}
        for value in instance if isinstance(instance, list) else [instance]:
            if isinstance(value, str) and value not in codes[codelist] and "." not in value:
                yield jsonschema.ValidationError(f"{value!r} is not in the closed codelist {codelist}")

    return jsonschema.validators.extend(jsonschema.Draft4Validator, {"codelist": check})


def main():
    package_path, directory, expected = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
    package = json.load(open(package_path, encoding="utf-8"))
    package_schema = json.load(open(directory / "project-package-schema.json", encoding="utf-8"))
    project_schema = json.load(open(directory / "project-schema.json", encoding="utf-8"))
    resolver = jsonschema.RefResolver.from_schema(
        package_schema, store={project_schema["id"]: project_schema})
    validator = codelist_validator(directory)(package_schema, resolver=resolver,
                                              format_checker=format_checker)

    failures = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(package)]
    projects = package.get("projects", [])
    if len(projects) != expected:
        failures.append(f"{len(projects)} projects, expected {expected}")
    if len({p.get("id") for p in projects}) != len(projects):
        failures.append("project ids are not unique")

    broken = copy.deepcopy(package)
    broken["uri"] = "/relative"
    broken["projects"][0]["status"] = "late"                      # not in projectStatus.csv
    broken["projects"][0]["budget"] = {"amount": {"amount": "much", "currency": "VND"}}
    broken["projects"][0]["period"] = {"startDate": "27/11/2026"}
    broken["projects"][0]["metrics"] = [{"id": "physicalProgress", "observations": []}]
    if len(list(validator.iter_errors(broken))) < 5:
        failures.append("the validator accepted a package with a relative uri, a bad status, "
                        "amount and date, and an empty metric")

    for failure in failures[:40]:
        print("FAIL:", failure)
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    with_metrics = sum(1 for p in projects if p.get("metrics"))
    documents = sum(len(p.get("documents", [])) for p in projects)
    print(f"ok: {len(projects)} projects valid against {project_schema['id']} with its codelists; "
          f"{with_metrics} with reported metrics, {documents} source documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
