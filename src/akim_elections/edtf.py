"""Dates with honest precision: the small part of ISO 8601-2 (EDTF) the package uses, and its bounds.

A date is one of ``2021-07-25`` (a day), ``2024-05`` (a month), ``2023`` (a year), ``XXXX-06-29`` (a day and month
whose year no page gives), ``XXXX-XX-XX`` (nothing known), or an interval of two of the first three joined by ``/``
(``2021-07-26/2021-12-31``, ``2023/2024``), whose end may be open (``2021-07-25/..``). ``bounds`` turns one into the
first and last day it can mean, so that a filter on typed dates is never fooled by a stand-in day.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

DAY, MONTH, YEAR = r"\d{4}-\d{2}-\d{2}", r"\d{4}-\d{2}", r"\d{4}"
_POINT = f"(?:{DAY}|{MONTH}|{YEAR})"
PATTERN = rf"^(?:{_POINT}(?:/(?:{_POINT}|\.\.))?|XXXX-\d{{2}}(?:-\d{{2}})?|XXXX-XX-XX)$"
_MATCH = re.compile(PATTERN)


def _first(point: str) -> date:
    parts = [int(p) for p in point.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last(point: str) -> date:
    parts = [int(p) for p in point.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def valid(value: str) -> bool:
    """True when ``value`` is a date of the form the package uses (see the module's docstring)."""
    if not _MATCH.match(value):
        return False
    try:
        bounds(value)
    except ValueError:
        return False
    return True


def bounds(value: str, first_year: int | None = None) -> tuple[date | None, date | None]:
    """The first and last day ``value`` can mean; None where the date alone does not bound it.

    A day or month whose year no page gives (``XXXX-06-29``) is bounded from below by ``first_year``, the first year its
    evidence allows, where there is one: its first day in that year."""
    if value.startswith("XXXX"):
        if first_year is None or value == "XXXX-XX-XX":
            return None, None
        return _first(f"{first_year:04d}{value[4:]}"), None
    start, _, end = value.partition("/")
    earliest = _first(start)
    latest = None if end == ".." else _last(end or start)
    if latest is not None and latest < earliest:
        raise ValueError(f"interval {value!r} ends before it starts")
    return earliest, latest


def with_bounds(rows: list[dict], column: str, earliest: str, latest: str, first_year: str | None = None) -> list[dict]:
    """The rows with ``earliest`` and ``latest`` set from the date in ``column`` (new dicts; empty where unbounded), and
    from the year in the column ``first_year`` for a date without a year."""
    out = []
    for row in rows:
        year = int(row[first_year]) if first_year and row[first_year] else None
        try:
            lo, hi = bounds(row[column], year) if row[column] else (None, None)
        except ValueError as exc:  # name the row (its id comes first), so that the one line says what to fix
            raise ValueError(f"{next(iter(row.values()))}: {column} {row[column]!r} is not a date of the package's forms ({exc})") from exc
        out.append({**row, earliest: lo.isoformat() if lo else "", latest: hi.isoformat() if hi else ""})
    return out
