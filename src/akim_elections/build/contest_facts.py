"""The columns of `contests` that show facts kept elsewhere: its final figures and its elected candidate.

A contest's numbers (voters, votes cast, turnout, against-all votes...) live once, in `figures`, where each has its
source, its qualifier and the preference policy; its winner lives once, in `candidates`. scripts/build.py copies them
into the contest row so that the row reads on its own, and names in the derived table `contest_sources` the figure or
candidate, and so the source, behind each value copied; `akim-elections validate` fails when the copies on disk
differ. Plain Python over CSV rows (strings): importing this module costs nothing.
"""

from __future__ import annotations

from ..quote import is_to_quote
from ..schema import BREAKDOWNS, CONTEST_FIGURES, CONTEST_WINNER

FIGURE, CANDIDATE = "figure", "candidate"


def _final_contest_figures(figures: list[dict]) -> dict[tuple[str, str, str], dict]:
    """(contest_id, measure, stage) -> the contest's figure to quote (akim_elections.quote), with no other breakdown."""
    out = {}
    for f in figures:
        if f["scope"] != "contest" or not is_to_quote(f):
            continue
        if any(f[d] for d in BREAKDOWNS if d != "stage"):
            continue
        out[(f["contest_id"], f["measure"], f["stage"])] = f
    return out


def _elected(candidates: list[dict]) -> dict[str, dict]:
    """contest_id -> its candidate marked elected."""
    return {k["contest_id"]: k for k in candidates if k["elected"] == "true"}


def _copied(contest_id: str, final: dict, elected: dict):
    """(column, the row its value comes from, FIGURE or CANDIDATE, the value) for every column the build fills in a contest.

    A column with nothing to copy yields no row of its own, and stays empty in the contest row.
    """
    winner = elected.get(contest_id)
    if winner:
        for column, field in CONTEST_WINNER.items():
            yield column, winner, CANDIDATE, winner[field]
    for column, (measure, stage) in CONTEST_FIGURES.items():
        figure = final.get((contest_id, measure, stage))
        if figure:
            yield column, figure, FIGURE, figure["value"]


def with_contest_facts(contests: list[dict], figures: list[dict], candidates: list[dict]) -> list[dict]:
    """The contests with their figure, winner and `values_inexact` columns filled (new dicts; the input is not changed).

    ``figures`` must carry the ``final`` flags the preference policy sets (see ``preference.with_flags``).
    """
    final = _final_contest_figures(figures)
    elected = _elected(candidates)
    out = []
    for contest in contests:
        row = {**contest, **{column: "" for column in (*CONTEST_WINNER, *CONTEST_FIGURES)}}
        inexact = []
        for column, origin, kind, value in _copied(row["contest_id"], final, elected):
            row[column] = value
            if kind == FIGURE and origin["qualifier"] != "exact":
                inexact.append(f"{column}: {origin['qualifier']}")
        row["values_inexact"] = " | ".join(inexact)
        out.append(row)
    return out


def copy_sources(contests: list[dict], figures: list[dict], candidates: list[dict], sources: list[dict]) -> list[dict]:
    """One row per value a contest row shows by copy: the figure or candidate it copies, its qualifier, source and kind of source.

    A source the sources table lacks gets no kind: the build goes on, and the validation reports the row that cites it.
    """
    final, elected = _final_contest_figures(figures), _elected(candidates)
    kinds = {s["source_id"]: s["publisher_kind"] for s in sources}
    return [{"contest_id": contest["contest_id"], "column": column,
             "figure_id": origin["figure_id"] if kind == FIGURE else "",
             "candidate_id": origin["candidate_id"] if kind == CANDIDATE else "",
             "qualifier": origin["qualifier"] if kind == FIGURE else "",
             "source_id": origin["source_id"], "publisher_kind": kinds.get(origin["source_id"], "")}
            for contest in contests for column, origin, kind, value in _copied(contest["contest_id"], final, elected) if value]
