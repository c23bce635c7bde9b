"""The contest row's copies of its final figures and of its elected candidate (akim_elections.build.contest_facts)."""

from __future__ import annotations

from akim_elections.build.contest_facts import with_contest_facts
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
    assert (row["votes_cast"], row["votes_against_all"], row["candidates"]) == ("2000", "239", "4")
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
    candidates = [candidate("Абилхаирұлы Арыстанбек", "true", "9071", party_id="nur-otan"), candidate("Каденов", "false", "1875")]
    [row] = with_contest_facts([contest(winner_name="Арыстанбек Абилхаирулы")], [], candidates)
    assert [row[c] for c in CONTEST_WINNER] == ["Абилхаирұлы Арыстанбек", "АБИЛХАИРҰЛЫ АРЫСТАНБЕК", "nur-otan", "9071"]


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
