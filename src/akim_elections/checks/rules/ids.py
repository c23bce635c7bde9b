"""Ids: an id once published stays a row or leads to one through id_map, and id_map leads somewhere.

The published ids are those of releases/ids-X.Y.Z.csv (``checks.released``), loaded as the table ``released_ids``
(version, table, id); a copy without that folder (a wheel) has none. Chains of id_map are followed to their end
(a row renamed in 0.2.0 and again in 0.3.0), whatever the order of the versions.
"""

from __future__ import annotations

from ..released import ID_COLUMNS
from .sql import Rule

# Every (table, id) that is a row now.
_ROWS = " UNION ALL ".join(f"""SELECT '{name}' AS tbl, "{key}" AS id FROM "{name}\"""" for name, key in ID_COLUMNS.items())


def _leads_to_a_row(starts: str) -> str:
    """A WITH clause naming `leads(tbl, start)`: the (table, id) pairs of starts (a query of tbl, start) from which id_map's
    chain of new ids, the id itself included, reaches a row of the table."""
    return f"""WITH RECURSIVE rows_now AS ({_ROWS}),
                    chain(tbl, start, id) AS (SELECT tbl, start, start FROM ({starts})
                                              UNION SELECT c.tbl, c.start, m.new_id FROM chain c
                                                    JOIN id_map m ON m."table" = c.tbl AND m.old_id = c.id),
                    leads AS (SELECT DISTINCT c.tbl, c.start FROM chain c JOIN rows_now r ON r.tbl = c.tbl AND r.id = c.id)"""


def _released_id_lives() -> str:
    return f"""{_leads_to_a_row('SELECT DISTINCT "table" AS tbl, id AS start FROM released_ids')}
        SELECT x.version || ': ' || x."table" || ' ' || x.id AS subject, 1 AS expected, (l.start IS NOT NULL) AS observed
        FROM released_ids x LEFT JOIN leads l ON l.tbl = x."table" AND l.start = x.id"""


def _id_map_resolves() -> str:
    return f"""{_leads_to_a_row('SELECT DISTINCT "table" AS tbl, new_id AS start FROM id_map')}
        SELECT 'id_map: ' || m."table" || ' ' || m.old_id || ' -> ' || m.new_id AS subject, 1 AS expected,
               (l.start IS NOT NULL) AS observed
        FROM id_map m LEFT JOIN leads l ON l.tbl = m."table" AND l.start = m.new_id"""


def _id_map_moves_gone_ids() -> str:
    return f"""WITH rows_now AS ({_ROWS})
        SELECT 'id_map: ' || m."table" || ' ' || m.old_id || ' -> ' || m.new_id AS subject, 1 AS expected,
               (m.old_id <> m.new_id AND NOT EXISTS (SELECT 1 FROM rows_now r WHERE r.tbl = m."table" AND r.id = m.old_id)) AS observed
        FROM id_map m"""


RULES: list[Rule] = [
    Rule("released-id-lives", "package",
         "Every id a release published (releases/ids-X.Y.Z.csv) is a row of its table now, or id_map leads from it to one.",
         _released_id_lives()),
    Rule("id-map-resolves", "id_map",
         "Every id that id_map maps to is a row of a table keyed by one id, or id_map leads from it on to one.",
         _id_map_resolves()),
    Rule("id-map-moves-gone-ids", "id_map",
         "id_map maps only ids that are no longer rows of their table, and never an id to itself.",
         _id_map_moves_gone_ids()),
]
