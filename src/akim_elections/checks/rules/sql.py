"""The building blocks every family of rules shares: a rule, and SQL for figures, breakdowns and places.

Plain data and strings: importing this module costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...quote import FINAL_SQL, sql as quote_sql
from ...schema import BREAKDOWNS, MAIN_ELECTION, RURAL_POST_TYPES

CONSISTENCY, PUBLISHED = "consistency", "published total"


@dataclass(frozen=True)
class Rule:
    id: str
    table: str
    meaning: str
    sql: str
    compare: str = "eq"  # "eq": observed = expected; "le": observed <= expected
    kind: str = CONSISTENCY  # CONSISTENCY: the package agrees with itself; PUBLISHED: a value pinned to the published record


def _breakdown(t: str = "", **dims) -> str:
    """SQL: the figure (alias ``t``) has exactly these breakdowns and every other breakdown empty."""
    return " AND ".join(f"{t}{c} IS NULL" if dims.get(c) is None else f"{t}{c} = '{dims[c]}'" for c in BREAKDOWNS)


def _total(t: str = "", *free: str) -> str:
    """SQL: every breakdown of ``t`` empty except the columns in ``free``."""
    return " AND ".join(f"{t}{c} IS NULL" for c in BREAKDOWNS if c not in free)


def _final(scope: str = "national", measure: str = "contests", *, region: str | None = None, **dims) -> str:
    """SQL for the figure to quote (``quote``) of the main election with exactly this breakdown."""
    where = " AND ".join([
        f"election_id = '{MAIN_ELECTION}'", f"scope = '{scope}'", f"measure = '{measure}'", FINAL_SQL, _breakdown(**dims),
        region if region else "region_id IS NULL",
    ])
    return f"(SELECT value FROM figures WHERE {where})"


# Oblast contest count: the preferred total, or else the sum of its preferred counts by type of unit.
_REGION_CONTESTS = f"""
    SELECT r.region_id,
           COALESCE({_final("region", "contests", region="region_id = r.region_id")},
                    (SELECT SUM(value) FROM figures f WHERE f.election_id = '{MAIN_ELECTION}' AND f.scope = 'region'
                       AND f.region_id = r.region_id AND f.measure = 'contests' AND {quote_sql("f.")}
                       AND f.post_type IN {tuple(RURAL_POST_TYPES)} AND {_total("f.", "post_type")})) AS contests
    FROM regions r"""

_PREFERRED_FINAL = f"""
    SELECT * FROM figures WHERE election_id = '{MAIN_ELECTION}' AND {FINAL_SQL}"""

# A percentage agrees with its counts within the rounding of the value given (whole percent or one decimal).
_TOLERANCE = "(CASE WHEN {v} = ROUND({v}) THEN 0.5 ELSE 0.05 END + 1e-9)"
