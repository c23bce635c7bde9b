"""The derived regional summary, and the source behind each of its cells.

Built from the curated tables by scripts/build.py, and rebuilt by ``akim-elections validate`` to check
that nobody edited the published copies by hand. Plain Python over CSV rows: no pandas needed.
"""

from __future__ import annotations

from collections import defaultdict

from . import schema
from .csvio import render_rows

MAIN_ELECTION = "2021-07-25-rural"
DIMENSIONS = ("stage", "party_id", "gender", "subgroup")


def is_final(figure: dict) -> bool:
    """A figure of the election as a whole: not interim, not at a time of day, not a snapshot."""
    return figure["interim"] == "false" and not figure["time_of_day"] and not figure["as_of_date"]


def _format(value: str, ftype: str) -> str:
    number = float(value)
    return str(int(round(number))) if ftype == "integer" else f"{number:.10g}"


def _preferred_regional(figures: list[dict]) -> dict[tuple, dict]:
    """(election, region, measure, stage, party, gender, subgroup) -> the preferred final oblast figure."""
    return {(f["election_id"], f["region_id"], f["measure"], *(f[d] for d in DIMENSIONS)): f
            for f in figures if f["scope"] == "region" and f["preferred"] == "true" and is_final(f)}


def _cells(tables: dict[str, list[dict]]):
    """(row of the summary, {column: figure}) per election and oblast, in a fixed order."""
    figures, contests = tables["figures"], tables["contests"]
    lookup = _preferred_regional(figures)
    regions = [r["region_id"] for r in tables["regions"]]
    shown: dict[str, set] = defaultdict(set)
    for f in figures:
        if f["scope"] == "region" and f["region_id"]:
            shown[f["election_id"]].add(f["region_id"])
    # Every oblast of 25 July 2021 for the main election (so gaps show); elsewhere only oblasts with a figure.
    shown[MAIN_ELECTION] = {r["region_id"] for r in tables["regions"] if not r["valid_from"]}
    field_types = {f["name"]: f["type"] for f in schema.TABLES["regional_summary"]["fields"]}
    for election in sorted(shown):
        for region in [r for r in regions if r in shown[election]]:
            row, found = {"election_id": election, "region_id": region}, {}
            for column, measure, breakdown, _ in schema.SUMMARY_COLUMNS:
                figure = lookup.get((election, region, measure, *(breakdown.get(d, "") for d in DIMENSIONS)))
                row[column] = _format(figure["value"], field_types[column]) if figure else ""
                if figure:
                    found[column] = figure
            listed = [c for c in contests if c["election_id"] == election and c["region_id"] == region]
            named = [c for c in listed if c["winner_name"]]
            row["contests_listed"] = str(len(listed))
            row["contests_with_winner"] = str(len(named))
            row["winner_coverage_pct"] = f"{100 * len(named) / int(row['contests']):.1f}" if row["contests"] else ""
            row["measures_known"] = str(len(found))
            row["measures_missing"] = " | ".join(c for c, *_ in schema.SUMMARY_COLUMNS if c not in found)
            yield row, found


def _source_rows(cells: list[tuple[dict, dict]], sources: list[dict]) -> list[dict]:
    """One row per filled cell: the figure behind it, its source and the kind of that source."""
    kinds = {s["source_id"]: s["kind"] for s in sources}
    return [{"election_id": row["election_id"], "region_id": row["region_id"], "column": column, "figure_id": f["figure_id"],
             "source_id": f["source_id"], "kind": kinds[f["source_id"]]}
            for row, found in cells for column, f in found.items()]


def render_derived(tables: dict[str, list[dict]]) -> dict[str, bytes]:
    """The derived tables that follow from the curated ones alone, as CSV bytes by table name."""
    def fields(name):
        return [f["name"] for f in schema.TABLES[name]["fields"]]
    cells = list(_cells(tables))  # computed once for both tables
    return {"regional_summary": render_rows(fields("regional_summary"), [row for row, _ in cells]),
            "summary_sources": render_rows(fields("summary_sources"), _source_rows(cells, tables["sources"]))}
