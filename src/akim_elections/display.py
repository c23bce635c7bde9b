"""Tables as text for a terminal: only the columns that fit, ids whole, or one field per line."""

from __future__ import annotations

import shutil

MAX_CELL = 30     # widest a non-id column is printed before it is cut with "…"
GAP = "  "
FALLBACK_WIDTH = 100


def is_terminal() -> bool:
    """Whether stdout is a terminal (a person reading) rather than a pipe or a file (a program reading)."""
    import sys

    return sys.stdout.isatty()


def terminal_width() -> int:
    return shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns


def cell(value) -> str:
    """A value as the CSV writes it: empty for missing, true/false, dates as YYYY-MM-DD, 730 not 730.0."""
    if value is None:  # as_text turns NaN and pd.NA into None first
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_text(frame):
    """The frame with every value formatted by ``cell`` (what --where compares and what is printed)."""
    return frame.astype(object).where(frame.notna(), None).map(cell)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def fit_columns(text, width: int, whole: set[str]) -> dict[str, int]:
    """{column: printed width} for the columns that fit in ``width``, in order; ids (``whole``) are never cut."""
    chosen, used = {}, 0
    for column in text.columns:
        longest = max([len(column), *text[column].str.len().tolist()])
        w = longest if column in whole else min(longest, max(MAX_CELL, len(column)))
        need = w + (len(GAP) if chosen else 0)
        if chosen and used + need > width:
            continue  # a later, narrower column may still fit
        chosen[column], used = w, used + need
    return chosen


def grid(text, widths: dict[str, int], numeric: set[str]) -> str:
    def line(values: dict[str, str]) -> str:
        parts = [(_cut(values[c], w).rjust(w) if c in numeric else _cut(values[c], w).ljust(w)) for c, w in widths.items()]
        return GAP.join(parts).rstrip()

    rows = [line({c: c for c in widths})]
    rows += [line(dict(zip(text.columns, r))) for r in text.itertuples(index=False, name=None)]
    return "\n".join(rows)


def records(text) -> str:
    """One field per line, a blank line between rows (for wide tables and long values)."""
    label = max(len(c) for c in text.columns)
    blocks = []
    for row in text.itertuples(index=False, name=None):
        blocks.append("\n".join(f"{c.ljust(label)}  {v}".rstrip() for c, v in zip(text.columns, row)))
    return "\n\n".join(blocks)
