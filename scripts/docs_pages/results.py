"""What the home page and the results page of the main vote show: the figures to quote, by party and by oblast."""

from __future__ import annotations

from . import data
from .data import (MAIN, ROOT, _, ae, english, district_name, fmt, long_date, names, oblast_names, party_tally, place_name, quote, regional_rows, source_link,
                   table)


def package_counts() -> dict:
    """Rows per table, for the sentence on what the package holds."""
    return {name: len(table(name)) for name in ae.tables(ROOT)}


def _named(contests) -> int:
    return int(contests.winner_name.notna().sum())


def pilot() -> dict:
    """The district pilot: its day, its posts (the figure to quote) and its named winners."""
    day, contests = data.pilot(), table("contests")
    return {"date": long_date(day.date_earliest), "posts": quote("contests", day.election_id),
            "named": _named(contests[contests.election_id == day.election_id])}


def home() -> dict:
    contests = table("contests")
    main = contests[contests.election_id == MAIN]
    later = contests[contests.election_id != MAIN]
    regional = regional_rows()

    def oblasts_with(column: str) -> int:
        return sum(1 for r in regional if r[column] is not None)

    return {"main_named": _named(main), "main_listed": len(main), "oblasts": len(regional),
            "oblasts_with": {c: oblasts_with(c) for c in ("contests", "turnout_pct", "candidates_registered", "winners_nur_otan")},
            "party_winners": sum(t["winners"] for t in party_tally()),
            "later_listed": len(later), "later_named": _named(later), "pilot": pilot()}


def reconciliations() -> list[dict]:
    """Where parts do not add up to their total (the oblasts to the nation, an oblast's nominees by kind to all of them):
    what the parts are, their sum, the total, why."""
    figures = table("figures").set_index("figure_id")
    recon = table("reconciliations")
    return [{"what": _("The oblast counts") if figures.at[r.total_figure_id, "scope"] == "national" else _("The parts"),
             "parts": r.parts_sum, "total": figures.at[r.total_figure_id, "value"], "explanation": english(r.explanation)}
            for r in recon[recon.election_id == MAIN].itertuples()]


def named_winners() -> list[list]:
    """The contests of the main vote whose winner a source names, by oblast and district."""
    contests = table("contests")
    named = contests[(contests.election_id == MAIN) & contests.winner_name.notna()].sort_values(["region_id", "district_kato", "contest_id"])
    regions, parties = oblast_names(), names("parties", "party_id")
    return [[regions[c.region_id], district_name(c.district_kato), place_name("contest", c.contest_id),
             f"{c.winner_name} ({c.winner_name_latn})" if isinstance(c.winner_name_latn, str) and c.winner_name_latn != c.winner_name else c.winner_name,
             parties.get(c.winner_party_id, "—") if isinstance(c.winner_party_id, str) else "—", source_link(c.source_id)]
            for c in named.itertuples()]


def results() -> dict:
    tally = party_tally()
    winners = quote("winners")
    by_oblast = [[r["oblast"], fmt(r["contests"]), fmt(r["candidates_registered"]), fmt(r["candidates_registered_self_nominated"]),
                  fmt(r["winners"]), fmt(r["winners_nur_otan"]), fmt(r["winners_female"]), fmt(r["turnout_pct"], pct=True)]
                 for r in regional_rows()]
    contests = table("contests")
    return {"tally": tally, "known": sum(t["winners"] for t in tally), "winners": winners, "by_oblast": by_oblast,
            "reconciliations": reconciliations(), "named_winners": named_winners(),
            "listed": int((contests.election_id == MAIN).sum())}
