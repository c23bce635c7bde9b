"""The figure to quote, defined once: a final figure of the election as a whole.

The build sets ``final`` on the preferred figures that are neither interim nor at a time of day
(``build.preference.with_flags``). A final figure may still stand at a moment in ``as_of`` (a running total,
a snapshot taken before a count closed); the figure to quote for an election as a whole has no ``as_of``.
The rules, the regional summary, the contest columns, the SQLite export's ``figures_final`` view and the
tests read this definition from here. ``ae.figure()`` means the same thing by its own rule: a column
the question does not name, ``as_of`` among them, must be empty.
"""

from __future__ import annotations

# figures column -> the value it holds in a figure to quote (None: empty)
TO_QUOTE = {"final": True, "as_of": None}


def sql(alias: str = "") -> str:
    """The condition in SQL over a figures row (``alias`` with its dot, as in ``f.``; booleans are 0/1)."""
    return " AND ".join(f"{alias}{c} IS NULL" if v is None else f"{alias}{c} = {int(v)}" for c, v in TO_QUOTE.items())


FINAL_SQL = sql()


def is_to_quote(figure: dict) -> bool:
    """The condition on a figures row read from CSV, where every value is text."""
    return all(figure[c] == ("" if v is None else str(v).lower()) for c, v in TO_QUOTE.items())
