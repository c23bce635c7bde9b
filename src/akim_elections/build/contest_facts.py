"""The columns of `contests` that show facts kept elsewhere: its final figures and its elected candidate.

A contest's numbers (voters, votes cast, turnout, against-all votes...) live once, in `figures`, where each has its
source, its qualifier and the preference policy; its winner lives once, in `candidates`. scripts/build.py copies them
into the contest row so that the row reads on its own, and `akim-elections validate` fails when the copies on disk
differ. Plain Python over CSV rows (strings): importing this module costs nothing.
"""

from __future__ import annotations

from ..quote import is_to_quote
from ..schema import BREAKDOWNS, CONTEST_FIGURES, CONTEST_WINNER


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


def with_contest_facts(contests: list[dict], figures: list[dict], candidates: list[dict]) -> list[dict]:
    """The contests with their figure, winner and `values_inexact` columns filled (new dicts; the input is not changed).

    ``figures`` must carry the ``final`` flags the preference policy sets (see ``preference.with_flags``).
    """
    final = _final_contest_figures(figures)
    elected = _elected(candidates)
    out = []
    for contest in contests:
        row = dict(contest)
        winner = elected.get(row["contest_id"])
        for column, source in CONTEST_WINNER.items():
            row[column] = winner[source] if winner else ""
        inexact = []
        for column, (measure, stage) in CONTEST_FIGURES.items():
            figure = final.get((row["contest_id"], measure, stage))
            row[column] = figure["value"] if figure else ""
            if figure and figure["qualifier"] != "exact":
                inexact.append(f"{column}: {figure['qualifier']}")
        row["values_inexact"] = " | ".join(inexact)
        out.append(row)
    return out
