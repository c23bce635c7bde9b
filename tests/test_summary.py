"""akim_elections.build.summary: the regional summary's cells, their qualifiers, and the figures behind each."""

from __future__ import annotations

import csv
import io
from collections import Counter

from akim_elections.build.summary import render_derived
from akim_elections.csvio import read_rows
from akim_elections.loader import package_root
from akim_elections.schema import MAIN_ELECTION, SUMMARY_COLUMNS


def test_regional_summary_names_inexact_cells_and_sums_north_kazakhstans_parts():
    summary = {(r["election_id"], r["region_id"]): r for r in read_rows(package_root() / "data" / "regional_summary.csv")}
    assert summary[(MAIN_ELECTION, "north-kazakhstan")]["contests"] == "71"
    assert "voters_registered: at_least" in summary[(MAIN_ELECTION, "pavlodar")]["measures_inexact"]
    assert "votes_cast: approximately" in summary[("2023-11-05-district", "karaganda")]["measures_inexact"]
    # Almaty oblast gives only residents due to vote (voters_expected), so it has no registered voters to show.
    assert summary[(MAIN_ELECTION, "almaty-region")]["voters_registered"] == ""


def test_a_cell_summed_from_parts_is_traced_to_each_part():
    root = package_root()
    tables = {n: read_rows(root / "data" / f"{n}.csv") for n in ("figures", "contests", "regions", "sources")}
    sources = [r for r in read_rows(root / "data" / "summary_sources.csv")
               if r["region_id"] == "north-kazakhstan" and r["election_id"] == MAIN_ELECTION and r["column"] == "contests"]
    assert sorted(r["part"] for r in sources) == ["rural_district", "town"]
    built = render_derived(tables)["summary_sources"].decode("utf-8")
    assert "north-kazakhstan,contests,rural_district" in built


def test_an_oblast_with_a_contest_but_no_regional_figure_gets_a_row_with_its_coverage():
    root = package_root()
    tables = {n: read_rows(root / "data" / f"{n}.csv") for n in ("figures", "contests", "regions", "sources")}
    pair = ("2023-11-05-district", "karaganda")
    listed = [c for c in tables["contests"] if (c["election_id"], c["region_id"]) == pair]
    assert listed and any(c["winner_name"] for c in listed)  # the copy needs a named winner to count
    tables["figures"] = [f for f in tables["figures"] if not (f["scope"] == "region" and (f["election_id"], f["region_id"]) == pair)]
    built = render_derived(tables)
    rows = [r for r in csv.DictReader(io.StringIO(built["regional_summary"].decode("utf-8"))) if (r["election_id"], r["region_id"]) == pair]
    assert len(rows) == 1
    row = rows[0]
    assert (row["contests_listed"], row["contests_with_winner"]) == (str(len(listed)), str(sum(1 for c in listed if c["winner_name"])))
    # No published count for the oblast: the share of contests with a named winner stays unknown, every figure column is missing.
    assert (row["contests"], row["winner_coverage_pct"], row["measures_known"], row["measures_inexact"]) == ("", "", "0", "")
    assert row["measures_missing"].split(" | ") == [column for column, *_ in SUMMARY_COLUMNS]
    assert f"{pair[0]},{pair[1]}," not in built["summary_sources"].decode("utf-8")


def test_every_election_and_oblast_with_a_listed_contest_has_a_summary_row():
    root = package_root()
    summary = {(r["election_id"], r["region_id"]): r for r in read_rows(root / "data" / "regional_summary.csv")}
    listed = Counter((c["election_id"], c["region_id"]) for c in read_rows(root / "data" / "contests.csv"))
    assert {pair: int(summary[pair]["contests_listed"]) if pair in summary else None for pair in listed} == listed
