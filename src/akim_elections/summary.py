"""The derived regional summary: preferred figures per election and oblast, wide, with coverage.

Built from the curated tables by scripts/build.py, and rebuilt by ``akim-elections validate`` to check
that nobody edited the published copy by hand. Plain Python over CSV rows: no pandas needed.
"""

from __future__ import annotations

from collections import defaultdict

from . import schema
from .csvio import render_rows

MAIN_ELECTION = "2021-07-25-rural"
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


def render_regional_summary(tables: dict[str, list[dict]]) -> bytes:
    fields = [f["name"] for f in schema.TABLES["regional_summary"]["fields"]]
    return render_rows(fields, build_regional_summary(tables))
