"""Build the derived parts of the package from the curated tables and the schema.

    python scripts/build.py            # regional_summary.csv, datapackage.json, CITATION.cff, .zenodo.json
    python scripts/build.py --check    # fail if anything on disk differs from what the build makes

Deterministic: the same curated tables give byte-identical outputs (no timestamps, sorted rows,
fixed CSV dialect, sorted JSON keys where order carries no meaning).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections import schema  # noqa: E402
from akim_elections.citation import citation_cff, zenodo_json  # noqa: E402
from akim_elections.csvio import read_rows, render_rows, write_bytes_atomic  # noqa: E402

MAIN_ELECTION = "2021-07-25-rural"
CONTRIBUTION_TEMPLATES = ("sources", "contests", "candidates")
CONTEST_TYPE_SUBGROUPS = ("rural_district", "village", "town")
DIMENSIONS = ("stage", "party_id", "gender", "subgroup")


def _number(value: str) -> float:
    return float(value)


def _format(value: float, ftype: str) -> str:
    if ftype == "integer":
        return str(int(round(value)))
    return f"{value:.10g}"


def preferred_regional(figures: list[dict]) -> dict[tuple, dict]:
    """(election, region, measure, stage, party, gender, subgroup) -> the preferred final figure."""
    out = {}
    for f in figures:
        if f["scope"] == "region" and f["preferred"] == "true" and not f["as_of"]:
            out[(f["election_id"], f["region_id"], f["measure"], *(f[d] for d in DIMENSIONS))] = f
    return out


def build_regional_summary(tables: dict[str, list[dict]]) -> list[dict]:
    figures, contests = tables["figures"], tables["contests"]
    lookup = preferred_regional(figures)
    regions = [r["region_id"] for r in tables["regions"]]
    elections_with_figures: dict[str, set] = defaultdict(set)
    for f in figures:
        if f["scope"] == "region" and f["region_id"]:
            elections_with_figures[f["election_id"]].add(f["region_id"])
    # Every oblast for the main election (so gaps show); elsewhere only oblasts with a figure.
    elections_with_figures[MAIN_ELECTION] = set(regions)
    field_types = {f["name"]: f["type"] for f in schema.TABLES["regional_summary"]["fields"]}
    rows = []
    for election in sorted(elections_with_figures):
        for region in [r for r in regions if r in elections_with_figures[election]]:
            row = {"election_id": election, "region_id": region}
            missing = []
            for column, measure, breakdown, _ in schema.SUMMARY_COLUMNS:
                key = (election, region, measure, *(breakdown.get(d, "") for d in DIMENSIONS))
                figure = lookup.get(key)
                row[column] = _format(_number(figure["value"]), field_types[column]) if figure else ""
                if not figure:
                    missing.append(column)
            listed = [c for c in contests if c["election_id"] == election and c["region_id"] == region]
            named = [c for c in listed if c["winner_name"]]
            row["contests_listed"] = str(len(listed))
            row["contests_with_winner"] = str(len(named))
            row["winner_coverage_pct"] = f"{100 * len(named) / int(row['contests']):.1f}" if row["contests"] else ""
            row["measures_known"] = str(len(schema.SUMMARY_COLUMNS) - len(missing))
            row["measures_missing"] = " | ".join(missing)
            rows.append(row)
    return rows


def _table_fields(name: str) -> list[str]:
    return [f["name"] for f in schema.TABLES[name]["fields"]]


def _resource(name: str, data: bytes) -> dict:
    spec = schema.TABLES[name]
    fields = []
    for field in spec["fields"]:
        entry = {k: v for k, v in field.items() if k != "constraints"}
        if field.get("constraints"):
            entry["constraints"] = dict(field["constraints"])
        fields.append(entry)
    table_schema = {"fields": fields, "primaryKey": spec["primaryKey"], "missingValues": [""]}
    if spec["foreignKeys"]:
        table_schema["foreignKeys"] = spec["foreignKeys"]
    return {
        "name": name,
        "path": f"data/{name}.csv",
        "title": spec["title"],
        "description": spec["description"],
        "profile": "tabular-data-resource",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": table_schema,
        "x-kind": spec["kind"],
    }


def build_descriptor(files: dict[str, bytes], sources: list[dict]) -> dict:
    package = dict(schema.PACKAGE)
    package["version"] = schema.VERSION
    package["profile"] = "tabular-data-package"
    package["sources"] = [{"title": s["title"], "path": s["url"]} for s in sources]
    package["resources"] = [_resource(name, files[name]) for name in schema.TABLE_ORDER]
    return package


def render_json(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def build(root: Path = ROOT) -> dict[Path, bytes]:
    """Everything the build writes, as {path: bytes}; nothing is written here."""
    tables = {name: read_rows(root / "data" / f"{name}.csv") for name in schema.TABLE_ORDER if schema.TABLES[name]["kind"] == "curated"}
    files = {name: (root / "data" / f"{name}.csv").read_bytes() for name in tables}
    summary = build_regional_summary(tables)
    files["regional_summary"] = render_rows(_table_fields("regional_summary"), summary)
    outputs = {root / "data" / "regional_summary.csv": files["regional_summary"]}
    outputs[root / "datapackage.json"] = render_json(build_descriptor(files, tables["sources"]))
    outputs[root / "CITATION.cff"] = citation_cff().encode("utf-8")
    outputs[root / ".zenodo.json"] = zenodo_json().encode("utf-8")
    for name in CONTRIBUTION_TEMPLATES:  # empty tables with the right header, for people who add rows
        outputs[root / "templates" / f"{name}.csv"] = render_rows(_table_fields(name), [])
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build derived tables and datapackage.json.")
    parser.add_argument("--check", action="store_true", help="only compare with what is on disk")
    args = parser.parse_args(argv)
    outputs = build()
    stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for p in stale:
            print(f"build: {p.relative_to(ROOT)} is out of date; run python scripts/build.py", file=sys.stderr)
        return 1 if stale else 0
    for path, data in outputs.items():
        write_bytes_atomic(path, data)
    print(f"build: wrote {len(outputs)} files ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
