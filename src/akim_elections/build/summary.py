"""The derived regional summary, and the source behind each of its cells.

Built from the curated tables by scripts/build.py, and rebuilt by ``akim-elections validate`` to check
that nobody edited the published copies by hand. Plain Python over CSV rows: no pandas needed.
"""

from __future__ import annotations

from collections import defaultdict

from .. import schema
from ..csvio import render_rows
from ..quote import is_to_quote
from ..schema import BREAKDOWNS, MAIN_ELECTION

EXACT = "exact"
WHOLE = "all"  # summary_sources.part of a cell that one figure fills


def _format(value: str, ftype: str) -> str:
    number = float(value)
    return str(int(round(number))) if ftype == "integer" else f"{number:.10g}"


def _final_regional(figures: list[dict]) -> dict[tuple, dict]:
    """(election, region, measure, *breakdowns) -> the oblast's figure to quote (akim_elections.quote)."""
    return {(f["election_id"], f["region_id"], f["measure"], *(f[d] for d in BREAKDOWNS)): f
            for f in figures if f["scope"] == "region" and is_to_quote(f)}


def contests_by_post_type(lookup: dict, election: str, region: str) -> list[dict]:
    """The oblast's final contest counts by type of unit: its contest count where it publishes no total.

    The same rule as the validation's (checks/rules/sql.py, _REGION_CONTESTS): a total, else the sum of its parts.
    """
    return [f for t in schema.RURAL_POST_TYPES
            if (f := lookup.get((election, region, "contests", *(t if d == "post_type" else "" for d in BREAKDOWNS))))]


def _cells(tables: dict[str, list[dict]]):
    """(row of the summary, {column: figure}) per election and oblast, in a fixed order."""
    figures, contests = tables["figures"], tables["contests"]
    lookup = _final_regional(figures)
    regions = [r["region_id"] for r in tables["regions"]]
    shown: dict[str, set] = defaultdict(set)
    for f in figures:
        if f["scope"] == "region" and f["region_id"]:
            shown[f["election_id"]].add(f["region_id"])
    # An oblast with a listed contest gets its row too, so its coverage counts even where it publishes no figure.
    for c in contests:
        shown[c["election_id"]].add(c["region_id"])
    # Every oblast of 25 July 2021 for the main election (so gaps show); elsewhere only oblasts with a figure or a contest.
    shown[MAIN_ELECTION] = {r["region_id"] for r in tables["regions"] if not r["valid_from"]}
    field_types = {f["name"]: f["type"] for f in schema.TABLES["regional_summary"]["fields"]}
    for election in sorted(shown):
        for region in [r for r in regions if r in shown[election]]:
            row, found = {"election_id": election, "region_id": region}, {}
            for column, measure, breakdown, _ in schema.SUMMARY_COLUMNS:
                figure = lookup.get((election, region, measure, *(breakdown.get(d, "") for d in BREAKDOWNS)))
                parts = [figure] if figure else (contests_by_post_type(lookup, election, region) if column == "contests" else [])
                row[column] = _format(str(sum(float(f["value"]) for f in parts)), field_types[column]) if parts else ""
                if parts:
                    found[column] = parts
            listed = [c for c in contests if c["election_id"] == election and c["region_id"] == region]
            named = [c for c in listed if c["winner_name"]]
            row["contests_listed"] = str(len(listed))
            row["contests_with_winner"] = str(len(named))
            row["winner_coverage_pct"] = f"{100 * len(named) / int(row['contests']):.1f}" if row["contests"] else ""
            row["measures_known"] = str(len(found))
            row["measures_missing"] = " | ".join(c for c, *_ in schema.SUMMARY_COLUMNS if c not in found)
            row["measures_inexact"] = " | ".join(f"{c}: {_qualifier(parts)}" for c, parts in found.items() if _qualifier(parts) != EXACT)
            yield row, found


def _qualifier(parts: list[dict]) -> str:
    """The qualifier of a cell: exact only when every figure behind it is exact."""
    inexact = sorted({f["qualifier"] for f in parts} - {EXACT})
    return EXACT if not inexact else inexact[0] if len(inexact) == 1 else "approximately"


def _source_rows(cells: list[tuple[dict, dict]], sources: list[dict]) -> list[dict]:
    """One row per figure behind a filled cell (a cell summed from parts has one per part): figure, qualifier, source, kind."""
    kinds = {s["source_id"]: s["publisher_kind"] for s in sources}
    return [{"election_id": row["election_id"], "region_id": row["region_id"], "column": column,
             "part": f["post_type"] or WHOLE, "figure_id": f["figure_id"],
             "qualifier": f["qualifier"], "source_id": f["source_id"], "publisher_kind": kinds[f["source_id"]]}
            for row, found in cells for column, parts in found.items() for f in parts]


def render_derived(tables: dict[str, list[dict]]) -> dict[str, bytes]:
    """The derived tables that follow from the curated ones alone, as CSV bytes by table name."""
    def fields(name):
        return [f["name"] for f in schema.TABLES[name]["fields"]]
    cells = list(_cells(tables))  # computed once for both tables
    return {"regional_summary": render_rows(fields("regional_summary"), [row for row, _ in cells]),
            "summary_sources": render_rows(fields("summary_sources"), _source_rows(cells, tables["sources"]))}
