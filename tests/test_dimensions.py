"""One meaning per column: breakdowns that exclude one another, the built `final` flag, and what reads them."""

from __future__ import annotations

import sqlite3

import pytest

import akim_elections as ae
from akim_elections import schema
from akim_elections.csvio import read_rows
from akim_elections.export import FINAL_VIEW, export
from akim_elections.loader import descriptor, package_root
from akim_elections.preference import with_flags
from akim_elections.summary import render_derived

MAIN = "2021-07-25-rural"


@pytest.fixture(scope="module")
def figures():
    return ae.load("figures")


def _totals_but(frame, *free):
    """Rows whose breakdowns are all empty except the columns in ``free``."""
    return frame[frame[[c for c in schema.BREAKDOWNS if c not in free]].isna().all(axis=1)]


def test_a_groupby_by_party_of_the_final_national_winners_gives_each_party_once(figures):
    f = figures[figures.final & (figures.election_id == MAIN) & (figures.scope == "national") & (figures.measure == "winners")
                & figures.as_of.isna()]
    by_party = _totals_but(f, "party_id").dropna(subset=["party_id"]).groupby("party_id", observed=True)["value"].agg(["sum", "size"])
    assert (by_party["size"] == 1).all()
    assert by_party.loc["nur-otan", "sum"] == 627
    assert by_party["sum"].sum() <= 730


def test_membership_is_not_nomination(figures):
    members = figures[figures.member_of.notna()]
    assert len(members) > 0 and members.party_id.isna().all()
    assert not (figures.party_id == "self-nominated").any()  # self-nomination is a nomination, not a party


def test_categories_belong_to_their_dimension_and_each_dimension_is_a_column_or_a_pair(figures):
    pairs = figures[figures.dimension.notna() | figures.category.notna()]
    assert (pairs.dimension.notna() & pairs.category.notna()).all()
    for row in pairs.itertuples():
        assert row.category in schema.RARE_DIMENSIONS[row.dimension]
    columns = {f["name"] for f in schema.TABLES["figures"]["fields"]}
    assert set(schema.BREAKDOWNS) <= columns and "subgroup" not in columns


def test_final_is_preferred_not_interim_and_not_at_a_time_of_day(figures):
    expected = figures.preferred & ~figures.interim & figures.time_of_day.isna()
    assert (figures.final == expected).all()
    rows = [{"figure_id": "a", "election_id": "e", "interim": "true", "time_of_day": "", "rejected": "false", "qualifier": "exact",
             "source_id": "s", **{c: "" for c in ("scope", "region_id", "district_kato", "contest_id", "measure", "as_of")},
             **{c: "" for c in schema.BREAKDOWNS}}]
    flagged = with_flags(rows, [{"source_id": "s", "kind": "official", "published": ""}], [{"election_id": "e", "date_earliest": ""}])
    assert flagged[0]["preferred"] == "true" and flagged[0]["final"] == "false"


def test_figure_takes_every_dimension_as_a_keyword():
    assert ae.figure("winners", party="nur-otan") == 627
    assert ae.figure("candidates", stage="registered", nomination="self") == 1419
    assert ae.figure("candidates", stage="registered", party="self-nominated") == 1419  # the same question, in the old words
    assert ae.figure("contests", region="almaty-region", vote_reason="term_expired") == 60
    assert ae.figure("contests", region="north-kazakhstan", unit_type="town") == 1
    with pytest.raises(ae.NoFigureError):
        ae.figure("winners", member_of="nur-otan", nomination="party")


def test_figures_of_counts_read_back_as_integers():
    rows = ae.figures("winners", party="nur-otan")
    assert str(rows["value"].dtype) == "Int64"
    assert rows.loc[0, "value"] == 627


def test_expected_participants_are_not_registered_voters(figures):
    akmola = figures[(figures.region_id == "akmola") & (figures.election_id == MAIN) & (figures.value == 100000)]
    assert set(akmola.measure) == {"voters_expected"}


def test_interim_agrees_with_the_note(figures):
    says_interim = figures.note.fillna("").str.contains("interim", case=False)
    assert figures[says_interim].interim.all()


def test_regional_summary_names_inexact_cells_and_sums_north_kazakhstans_parts():
    summary = {(r["election_id"], r["region_id"]): r for r in read_rows(package_root() / "data" / "regional_summary.csv")}
    assert summary[(MAIN, "north-kazakhstan")]["contests"] == "71"
    assert "voters_registered: at_least" in summary[(MAIN, "pavlodar")]["measures_inexact"]
    assert "votes_cast: approximately" in summary[("2023-11-05-district", "karaganda")]["measures_inexact"]
    # Almaty oblast gives only residents due to vote (voters_expected), so it has no registered voters to show.
    assert summary[(MAIN, "almaty-region")]["voters_registered"] == ""


def test_a_cell_summed_from_parts_is_traced_to_each_part():
    root = package_root()
    tables = {n: read_rows(root / "data" / f"{n}.csv") for n in ("figures", "contests", "regions", "sources")}
    sources = [r for r in read_rows(root / "data" / "summary_sources.csv")
               if r["region_id"] == "north-kazakhstan" and r["election_id"] == MAIN and r["column"] == "contests"]
    assert sorted(r["part"] for r in sources) == ["rural_district", "town"]
    built = render_derived(tables)["summary_sources"].decode("utf-8")
    assert "north-kazakhstan,contests,rural_district" in built


def test_the_sqlite_export_has_a_view_of_the_final_figures(tmp_path):
    out = export("sqlite", tmp_path / "akims.sqlite")
    con = sqlite3.connect(out)
    try:
        rows = con.execute(f"SELECT party_id, value FROM {FINAL_VIEW} WHERE election_id = ? AND scope = 'national' "
                           "AND measure = 'winners' AND party_id IS NOT NULL AND member_of IS NULL", (MAIN,)).fetchall()
    finally:
        con.close()
    assert len(rows) == len({p for p, _ in rows}) and dict(rows)["nur-otan"] == 627


def test_reconciliations_point_at_final_figures(figures):
    final_ids = set(figures[figures.final].figure_id)
    recon = read_rows(package_root() / "data" / "reconciliations.csv")
    assert {r["measure"] for r in recon} >= {"contests", "candidates", "winners", "voters_registered"}
    assert all(r["total_figure_id"] in final_ids for r in recon)
