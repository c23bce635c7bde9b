"""What the reform page and the Since 2021 page show: the timeline, the voting days, the running totals."""

from __future__ import annotations

from . import data
from .data import MAIN, _, N_, english, RUNNING_TOTAL, day, day_rows, describe, fmt, fmt_q, source_link, table


# The words for the codes of elections.election_kind and elections.akim_level, as the tables of this page show them.
ELECTION_KINDS = {"voting_day": N_("voting day"), "period_total": N_("period total"), "running_total": N_("running total")}
LEVELS = {"rural": N_("rural"), "district": N_("district"), "city": N_("city")}


def timeline() -> list[list]:
    events = table("events").sort_values(["date", "event_id"])
    return [[day(e.date), english(e.event), source_link(e.source_id)] for e in events.itertuples()]


def reform() -> dict:
    """The reform's history as the package records it: the earlier votes, the main vote, the district pilot."""
    contests = table("contests")
    pilot = data.pilot().election_id
    types = contests[contests.election_id == pilot].post_type.value_counts()
    return {"timeline": timeline(), "pilot": pilot, "pilot_districts": int(types.get("district", 0)),
            "pilot_cities": int(types.get("city", 0))}


def running_rows() -> list[list]:
    f = table("figures")
    cumulative = f[(f.election_id == RUNNING_TOTAL) & (f.scope == "national") & ~f.rejected]
    return [[day(r.as_of), describe(r.measure, **r._asdict()), fmt_q(r.value, r.qualifier), source_link(r.source_id)]
            for r in cumulative.sort_values(["as_of_latest", "measure", "figure_id"], na_position="last").itertuples()]


def election_rows() -> list[list]:
    """Every election since the main vote: oldest first; votes no page bounds and the running total last."""
    f, contests = table("figures"), table("contests")
    elections = table("elections").set_index("election_id")
    later = elections[(elections.date_earliest >= elections.loc[MAIN, "date_earliest"]) & (elections.index != MAIN)]
    rows = []
    for eid in later.assign(unbounded=later.date_latest.isna()).sort_values(["unbounded", "date_earliest", "date"]).index:
        e = elections.loc[eid]
        mine = contests[contests.election_id == eid]
        rows.append([day(e["date"]), english(e["name_en"]), _(ELECTION_KINDS[e["election_kind"]]), int((f.election_id == eid).sum()), len(mine),
                     int(mine.winner_name.notna().sum())])
    return rows


def context() -> dict:
    days = day_rows()
    return {
        "days": len(days),
        "day_rows": [[d["date"], english(d["election"]), _(LEVELS[d["level"]]), fmt(d["held"]), d["listed"], d["named"]] for d in days],
        "district_rows": [[d["date"], english(d["election"]), fmt(d["held"]), d["listed"], d["named"]] for d in days if d["level"] != "rural"],
        "running_rows": running_rows(), "election_rows": election_rows(),
    }
