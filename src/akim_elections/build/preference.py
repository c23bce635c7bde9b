"""The preference policy: which of several figures for the same thing the package uses.

Written once here; scripts/build.py sets every figure's ``preferred`` flag from it, and
``akim-elections validate`` fails when the flags on disk differ from what it gives. In order:

1. a figure judged wrong (``rejected``) is never preferred;
2. a final figure goes before an interim one;
3. an exact figure goes before one the source rounds or bounds ("about", "more than"): a bound is a
   weaker statement, whoever makes it;
4. the better kind of source goes first, in the order of ``schema.PUBLISHER_KINDS``: official, news agency,
   national media, regional media, party, analysis, encyclopedia, dataset, mirror or copy;
5. the earliest publication on or after the election's first day goes first, then pages known only to the
   month of that day (which may fall on either side of it), then pages published before it (latest first),
   then pages that show no date;
6. what is still tied goes by figure id, so the choice never depends on row order.

``OVERRIDES`` holds the few hand decisions that set this aside, each with its reason.
Plain Python over CSV rows (strings): importing this module costs nothing.
"""

from __future__ import annotations

from collections import defaultdict

from ..schema import BREAKDOWNS, PUBLISHER_KINDS

KIND_RANK = {kind: i for i, kind in enumerate(PUBLISHER_KINDS)}
# The dimensions that make two figures describe the same thing.
GROUP = ("election_id", "scope", "region_id", "district_kato", "contest_id", "measure", *BREAKDOWNS, "as_of", "time_of_day")

# figure_id -> why it is preferred against the policy. Keep this short: a rule that keeps needing
# exceptions should change instead.
OVERRIDES: dict[str, str] = {}


def group_key(figure: dict) -> tuple:
    return tuple(figure[c] for c in GROUP)


def _publication(published: str, election_start: str) -> tuple:
    """``published`` is a day or a month (schema.DAY_OR_MONTH); ISO strings of either compare in calendar order."""
    if not published:
        return (3, "")
    if not election_start or published >= election_start:
        return (0, published)
    if election_start.startswith(published):  # a month that holds the first day: before or after it, unknown
        return (1, published)
    return (2, "".join(chr(0x10FFFF - ord(ch)) for ch in published))  # latest first among pages before the vote


def rank(figure: dict, sources: dict[str, dict], elections: dict[str, dict]) -> tuple:
    """Sort key of a figure within its group: lower is preferred."""
    source = sources.get(figure["source_id"], {})
    election = elections.get(figure["election_id"], {})
    return (figure["rejected"] == "true", figure["interim"] == "true", figure["qualifier"] != "exact",
            KIND_RANK.get(source.get("publisher_kind"), len(KIND_RANK)), _publication(source.get("published", ""), election.get("date_earliest", "")),
            figure["figure_id"])


def preferred_ids(figures: list[dict], sources: list[dict], elections: list[dict]) -> set[str]:
    """Ids of the figures the policy prefers: one per group, none in a group whose figures are all rejected."""
    by_source = {s["source_id"]: s for s in sources}
    by_election = {e["election_id"]: e for e in elections}
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for f in figures:
        groups[group_key(f)].append(f)
    chosen = set()
    for members in groups.values():
        overridden = [f for f in members if f["figure_id"] in OVERRIDES and f["rejected"] != "true"]
        best = overridden[0] if overridden else min(members, key=lambda f: rank(f, by_source, by_election))
        if best["rejected"] != "true":
            chosen.add(best["figure_id"])
    return chosen


def is_whole(figure: dict) -> bool:
    """A figure of the election as a whole, or of the moment in ``as_of``: not interim, not at a time of day."""
    return figure["interim"] == "false" and not figure["time_of_day"]


def with_flags(figures: list[dict], sources: list[dict], elections: list[dict]) -> list[dict]:
    """The figures with ``preferred`` and ``final`` set by the policy (new dicts; the input is not changed).

    ``final`` marks the figures to quote: preferred and whole (see ``is_whole``).
    """
    chosen = preferred_ids(figures, sources, elections)
    return [{**f, "preferred": _flag(f["figure_id"] in chosen), "final": _flag(f["figure_id"] in chosen and is_whole(f))}
            for f in figures]


def _flag(value: bool) -> str:
    return "true" if value else "false"
