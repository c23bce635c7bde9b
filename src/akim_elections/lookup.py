"""Answer the common question "what is the figure for X?" from the figures table.

    >>> ae.figure("winners")                      # 730: the preferred national figure of 25 July 2021
    >>> ae.figure("winners", party="nur-otan")    # 627
    >>> ae.figures("turnout_pct", region="almaty-region")   # every source's figure, with url, publisher, title

Matching works on the columns of the figures table as the schema declares them, so a column added to
the schema can be given as a keyword at once:

- ``measure``, ``election`` (default: the vote of 25 July 2021), ``region`` and ``party`` name their
  columns; any other column is given by its name (``stage=``, ``nomination=``, ``gender=``, ``incumbency=``,
  ``post_type=``, ``member_of=``, ``as_of=``, ``district_kato=``...), and ``contest=`` works for ``contest_id=``.
  ``party="self-nominated"`` means ``nomination="self"``; a party may also be named as the parties table writes it
  (its name, an alias, a later name: ``party="amanat"`` is ``nur-otan``). A rarer dimension is a keyword too:
  ``occupation="civil_servant"`` means ``dimension="occupation", category="civil_servant"``.
- Place: the scope follows from the most specific place given (``region`` → region, ``district_kato`` →
  district, ``contest`` → contest; none → national). Columns of other place levels are left free.
- Every other breakdown column not given must be empty: ``figure("winners")`` is the total, not a
  figure for one party, gender, stage, other breakdown or time of day.
- Columns that describe a figure rather than say what it measures (value, unit, flags, source, note,
  qualifier) are not matched unless given.

``figure`` returns a number only when exactly one final figure (the built ``final`` flag: preferred,
not interim, not at a time of day) matches and it is stated exactly. A figure the source states as "more than", "about"... (a ``qualifier`` other than
``exact``) raises InexactFigureError unless ``qualifier=`` names it, so that "more than 2,000" never
comes back as a bare 2000.
"""

from __future__ import annotations

import re

from .loader import descriptor, load, primary_key
from .schema import MAIN_ELECTION, RARE_DIMENSIONS, TABLES

# Columns that describe a figure (how much, how sure, from where) rather than what it measures, and the columns
# the build derives from others (flags, the bounds of `as_of`).
DESCRIPTIVE = ("value", "value_unit", "rejected", "qualifier", "source_id", "note",
               *(f["name"] for f in TABLES["figures"]["fields"] if f.get("x-derived")))
SELF_NOMINATED = "self-nominated"
EXACT = "exact"
SOURCE_COLUMNS = ("url", "publisher", "title")
SHARE_UNIT = "percent"


class FigureLookupError(LookupError, ValueError):
    """No single figure answers the question; the message says why and how to narrow it."""


class NoFigureError(FigureLookupError):
    """No figure (or no preferred figure) matches."""


class AmbiguousFigureError(FigureLookupError):
    """More than one preferred figure matches."""


class InexactFigureError(FigureLookupError):
    """The preferred figure is a bound or an approximation, and ``qualifier=`` did not accept it."""


def figures(measure: str | None = None, election: str | None = MAIN_ELECTION, region: str | None = None,
            party: str | None = None, *, root=None, **breakdown):
    """Every figure matching the question (all sources, preferred or not), with its source's url, publisher and title.

    Preferred figures come first. Matching is as described in this module's documentation.
    """
    frame = load("figures", root)
    breakdown = _named_breakdown(party, breakdown)
    party = None if party == SELF_NOMINATED else _party_id(party, root)
    criteria = _criteria(frame, root, measure=measure, election_id=election, region_id=region, party_id=party, **breakdown)
    rows = _matching(frame, criteria)
    if rows.empty:
        hint = _unknown_value_hint(frame, criteria) or _breakdown_hint(frame, criteria) or _scope_hint(frame, criteria)
        raise NoFigureError(f"no figure matches {_describe(criteria)}{hint}")
    sources = load("sources", root)[["source_id", *SOURCE_COLUMNS]]
    rows = rows.merge(sources, on="source_id", how="left")
    rows = rows.sort_values(["final", "preferred", "rejected"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
    return rows.astype({"value": "Int64"}) if _all_whole(rows) else rows


def _all_whole(rows) -> bool:
    """True when every value is a count that reads back as an integer (no share, no fraction)."""
    values = rows["value"].astype("float64")
    return bool((rows["value_unit"].astype("string") != SHARE_UNIT).all() and (values == values.round()).all())


def _name_key(text: str) -> str:
    """A party's name as a key: no quotes, no bracketed remark ("from 1 March 2022"), case and spacing folded."""
    text = re.sub(r"\(.*?\)|[«»\"'“”]", "", text)
    return re.sub(r"[\s_-]+", "-", text.strip().casefold())


def _party_id(party: str | None, root) -> str | None:
    """The party id a question means: the id itself, or the one party whose name, alias or later name it is."""
    if party is None:
        return None
    parties = load("parties", root)
    if party in set(parties["party_id"]):
        return party
    names = {pid: {_name_key(n) for column in ("party_id", "name_en", "name_ru", "name_kk", "aliases", "later_names")
                   if isinstance(row[column], str) for n in row[column].split(" | ")}
             for pid, row in parties.set_index("party_id", drop=False).iterrows()}
    matches = [pid for pid, keys in names.items() if _name_key(party) in keys]
    return matches[0] if len(matches) == 1 else party  # unknown or ambiguous: the "no figure" hint lists the ids


def _named_breakdown(party, breakdown: dict) -> dict:
    """The question's breakdowns in columns: self-nomination and the rarer dimensions given by name."""
    breakdown = dict(breakdown)
    if party == SELF_NOMINATED:
        breakdown.setdefault("nomination", "self")
    for dimension in RARE_DIMENSIONS:
        if dimension in breakdown:
            breakdown["dimension"], breakdown["category"] = dimension, breakdown.pop(dimension)
    return breakdown


def figure(measure: str, election: str | None = MAIN_ELECTION, region: str | None = None,
           party: str | None = None, *, root=None, **breakdown) -> int | float:
    """The preferred figure as a plain number: int for counts, float for shares (percent).

    Raises NoFigureError, AmbiguousFigureError or InexactFigureError (all LookupError and ValueError)
    with a one-line message when no single exact preferred figure matches.
    """
    rows = figures(measure, election, region, party, root=root, **breakdown)
    asked = _describe({"measure": measure, "election_id": election, "region_id": region, "party_id": party, **breakdown})
    usable = rows[rows["final"].fillna(False)]
    if usable.empty:
        raise NoFigureError(f"{len(rows)} figure(s) match {asked} but none is final (preferred, not interim); see ae.figures(...) and their notes")
    if len(usable) > 1:
        fixed = {*DESCRIPTIVE, *SOURCE_COLUMNS, *primary_key(_figures_resource(root))}
        differ = [c for c in usable.columns if c not in fixed and usable[c].astype("string").fillna("").nunique() > 1]
        raise AmbiguousFigureError(f"{len(usable)} final figures match {asked}; they differ in "
                                   f"{', '.join(differ) or 'their ids'}: give one of these to narrow it")
    row = usable.iloc[0]
    qualifier = row.get("qualifier")
    if "qualifier" not in breakdown and isinstance(qualifier, str) and qualifier != EXACT:
        raise InexactFigureError(f"the preferred figure for {asked} is {qualifier} {row['value']:g} {row['value_unit']}, "
                                 f"not an exact number; pass qualifier={qualifier!r} to accept it")
    value = float(row["value"])
    return int(value) if row["value_unit"] != SHARE_UNIT and value.is_integer() else value


def _criteria(frame, root, **given) -> dict:
    """{column: value or None (must be empty)} for every column the question constrains."""
    columns = list(frame.columns)
    criteria = {}
    for name, value in given.items():
        column = name if name in columns else f"{name}_id"
        if column not in columns:
            valid = [c for c in columns if c not in primary_key(_figures_resource(root))]
            raise TypeError(f"unknown figure column {name!r}; use one of: {', '.join(valid)}")
        if value is not None:
            criteria[column] = value
    levels = list(frame["scope"].cat.categories)
    place = {c: c.split("_")[0] for c in columns if c.split("_")[0] in levels}  # e.g. district_kato -> district
    if "scope" not in criteria:
        given_levels = [place[c] for c in criteria if c in place]
        criteria["scope"] = max(given_levels, key=levels.index) if given_levels else levels[0]
    key = primary_key(_figures_resource(root))
    for column in columns:  # breakdowns not asked for are the totals: empty (a flag such as interim: false)
        if column not in criteria and column not in key and column not in DESCRIPTIVE and column not in place:
            criteria[column] = False if str(frame[column].dtype) == "boolean" else None
    return criteria


def _figures_resource(root) -> dict:
    return next(r for r in descriptor(root)["resources"] if r["name"] == "figures")


def _matching(frame, criteria: dict):
    """The rows of frame that meet every criterion ({column: value, or None for empty})."""
    mask = frame.index == frame.index
    for column, value in criteria.items():
        mask &= _matches(frame[column], value)
    return frame[mask]


def _matches(series, value):
    if value is None:
        return series.isna()
    if isinstance(value, bool):
        return series.fillna(not value) == value
    return series.astype("string").fillna("") == str(value)


def _describe(criteria: dict) -> str:
    asked = [f"{c}={v!r}" for c, v in criteria.items() if v is not None and v is not False]
    return "(" + ", ".join(asked) + ", other breakdowns empty)"


def _unknown_value_hint(frame, criteria: dict) -> str:
    """Point at a value that no figure has at all, the usual cause of an empty answer (a typo)."""
    for column, value in criteria.items():
        if value is None or isinstance(value, bool):
            continue
        known = frame[column].dropna().astype("string").unique()
        if str(value) not in set(known):
            return f"; no figure has {column}={value!r} (known: {', '.join(sorted(known)[:12])}{', ...' if len(known) > 12 else ''})"
    return ""


# The keyword that asks for a place of each scope (national needs none).
PLACE_KEYWORD = {"region": "region", "district": "district_kato", "contest": "contest"}


def _scope_hint(frame, criteria: dict) -> str:
    """Name the scopes at which figures with the values asked exist (whatever their other breakdowns), when none
    exists at the scope asked or implied."""
    asked = {c: v for c, v in criteria.items() if c != "scope" and v is not None and not isinstance(v, bool)}
    scopes = sorted(set(_matching(frame, asked)["scope"].astype("string")) - {criteria.get("scope")})
    if not scopes:
        return ""
    ways = [f"{scope} (pass {PLACE_KEYWORD[scope]}=...)" if scope in PLACE_KEYWORD else scope for scope in scopes]
    return "; such figures exist only at scope " + ", ".join(ways)


def _breakdown_hint(frame, criteria: dict) -> str:
    """Name the breakdowns that figures of the question do have, when only broken-down figures exist."""
    near = _matching(frame, {c: v for c, v in criteria.items() if v is not None})
    used = [c for c, v in criteria.items() if v is None and near[c].notna().any()]
    if not used:
        return ""
    return "; such figures exist only broken down by " + ", ".join(
        f"{c} ({', '.join(sorted(near[c].dropna().astype('string').unique())[:6])})" for c in used) + ": pass one"
