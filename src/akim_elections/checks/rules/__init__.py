"""The election's arithmetic, each rule written once: id, table, meaning, and the SQL that measures it.

Every cross-table rule is a query over an in-memory SQLite copy of the package returning rows of
(subject, expected, observed). Great Expectations then checks, per rule, that observed equals
expected ("eq") or does not exceed it ("le"); offending rows are the report's examples. What one column may
hold (required, unique, vocabulary, range, pattern) is Frictionless's to check, from datapackage.json: no rule here
repeats it.

One module per family, each rule beside the SQL helpers only it uses; ``sql`` holds what they share.
This registry is the one list the validation runs. Plain data and strings: importing it costs nothing.
"""

from __future__ import annotations

from . import contests, dates, figures, ids, labels, places, published, sources, wholes
from .sql import CONSISTENCY, PUBLISHED, Rule  # noqa: F401  (the names the validation and the docs use)

FAMILIES = (published, places, contests, wholes, figures, dates, sources, ids, labels)
RULES: list[Rule] = [rule for family in FAMILIES for rule in family.RULES]
RULE_IDS = [r.id for r in RULES]
assert len(set(RULE_IDS)) == len(RULE_IDS)

# Python functions the rules' SQL calls, registered on the SQLite connection by the validation.
SQL_FUNCTIONS = {**places.SQL_FUNCTIONS, **sources.SQL_FUNCTIONS, **labels.SQL_FUNCTIONS}
