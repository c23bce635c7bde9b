"""akim_elections.build.summary: the regional summary's cells, their qualifiers, and the figures behind each."""

from __future__ import annotations

from akim_elections.build.summary import render_derived
from akim_elections.csvio import read_rows
from akim_elections.loader import package_root
from akim_elections.schema import MAIN_ELECTION


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
