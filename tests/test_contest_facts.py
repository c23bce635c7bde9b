"""The contest row's copies of its final figures and of its elected candidate (akim_elections.build.contest_facts)."""

from __future__ import annotations

from akim_elections.build.contest_facts import copy_sources, with_contest_facts
from akim_elections.schema import CONTEST_FIGURES, CONTEST_WINNER, TABLES


def contest(**values) -> dict:
    row = {f["name"]: "" for f in TABLES["contests"]["fields"]}
    row.update(contest_id="c1", **values)
    return row


def figure(measure: str, value: str, **values) -> dict:
    row = {f["name"]: "" for f in TABLES["figures"]["fields"]}
    row.update(figure_id=f"f-{measure}-{value}", scope="contest", contest_id="c1", measure=measure, value=value, qualifier="exact",
               interim="false", preferred="true", final="true", rejected="false")
    row.update(values)
    return row


def candidate(name: str, elected: str, votes: str = "", **values) -> dict:
    row = {f["name"]: "" for f in TABLES["candidates"]["fields"]}
    row.update(candidate_id=name, contest_id="c1", name=name, name_latn=name.upper(), votes=votes, elected=elected, **values)
    return row


def test_final_figures_fill_their_columns_and_bounds_are_named():
    figures = [figure("votes_cast", "2000", qualifier="at_least"), figure("votes_against_all", "239"),
               figure("candidates", "4", stage="registered")]
    [row] = with_contest_facts([contest()], figures, [])
    assert (row["votes_cast"], row["votes_against_all"], row["candidates_registered"]) == ("2000", "239", "4")
    assert row["values_inexact"] == "votes_cast: at_least"
    assert row["turnout_pct"] == row["ballots_invalid"] == ""


def test_only_final_whole_figures_without_other_breakdowns_count():
    figures = [figure("turnout_pct", "22.1", interim="true", final="false", time_of_day="14:00"),
               figure("voters_registered", "500", preferred="false", final="false"),
               figure("candidates", "7", stage="nominated"),
               figure("votes_cast", "300", gender="female"),
               figure("votes_at_home", "12", as_of="2024-01-01")]
    [row] = with_contest_facts([contest()], figures, [])
    assert all(row[c] == "" for c in CONTEST_FIGURES)


def test_winner_columns_copy_the_elected_candidate_spelt_as_it_is():
    candidates = [candidate("Абилхаирұлы Арыстанбек", "true", "9071", party_id="nur-otan", gender="male", age="41", incumbent="false"), candidate("Каденов", "false", "1875")]
    [row] = with_contest_facts([contest(winner_name="Арыстанбек Абилхаирулы")], [], candidates)
    assert [row[c] for c in CONTEST_WINNER] == ["Абилхаирұлы Арыстанбек", "АБИЛХАИРҰЛЫ АРЫСТАНБЕК", "male", "41", "false", "nur-otan", "9071"]


def test_without_an_elected_candidate_the_winner_columns_are_empty():
    # The winner's one home is its candidate row: a value typed into the contest row is not kept.
    [row] = with_contest_facts([contest(winner_party_id="self-nominated")], [], [candidate("A", "false")])
    assert all(row[c] == "" for c in CONTEST_WINNER)


def test_input_rows_are_not_changed():
    rows = [contest()]
    with_contest_facts(rows, [figure("votes_cast", "10")], [])
    assert rows[0]["votes_cast"] == ""


def test_every_copied_column_is_a_derived_field_of_contests():
    derived = {f["name"] for f in TABLES["contests"]["fields"] if f.get("x-derived")}
    assert set(CONTEST_FIGURES) | set(CONTEST_WINNER) | {"values_inexact"} <= derived


def test_every_copied_value_names_the_figure_or_candidate_and_its_source():
    figures = [figure("votes_cast", "2000", qualifier="at_least", source_id="page-a"),
               figure("turnout_pct", "22.1", interim="true", final="false", time_of_day="14:00", source_id="page-b")]
    candidates = [candidate("Ivan", "true", "900", party_id="auyl", gender="male", age="50", incumbent="true", source_id="page-c"), candidate("Petr", "false", "50", source_id="page-c")]
    sources = [{"source_id": s, "publisher_kind": k} for s, k in (("page-a", "official"), ("page-b", "mirror"), ("page-c", "regional_media"))]
    rows = copy_sources([contest(source_id="page-z")], figures, candidates, sources)
    by_column = {r["column"]: r for r in rows}
    assert set(by_column) == {"votes_cast", *CONTEST_WINNER}  # the interim turnout is not copied, so it has no row
    assert (by_column["votes_cast"]["figure_id"], by_column["votes_cast"]["qualifier"], by_column["votes_cast"]["publisher_kind"]) == (
        "f-votes_cast-2000", "at_least", "official")
    assert {(r["candidate_id"], r["source_id"], r["figure_id"]) for c, r in by_column.items() if c in CONTEST_WINNER} == {("Ivan", "page-c", "")}


def test_a_winner_column_left_empty_by_its_candidate_has_no_source_row():
    rows = copy_sources([contest()], [], [candidate("Ivan", "true", source_id="page-c")], [{"source_id": "page-c", "publisher_kind": "party"}])
    assert "winner_votes" not in {r["column"] for r in rows} and "winner_name" in {r["column"] for r in rows}


def test_the_published_contest_sources_cover_every_copied_value():
    from akim_elections.csvio import read_rows
    from conftest import ROOT

    contests = read_rows(ROOT / "data" / "contests.csv")
    traced = {(r["contest_id"], r["column"]) for r in read_rows(ROOT / "data" / "contest_sources.csv")}
    elected = {k["contest_id"] for k in read_rows(ROOT / "data" / "candidates.csv") if k["elected"] == "true"}
    shown = {(c["contest_id"], column) for c in contests for column in CONTEST_FIGURES if c[column]}
    shown |= {(c["contest_id"], column) for c in contests if c["contest_id"] in elected for column in CONTEST_WINNER if c[column]}
    assert shown == traced
