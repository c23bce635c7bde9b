"""Column rules, derived from the schema: each table's key, required values and ranges."""

from __future__ import annotations

from .sql import Rule


def _column_rules(name: str, spec: dict) -> list[Rule]:
    key = spec["primaryKey"]
    columns = ", ".join(f'"{k}"' for k in key)
    ident = " || '/' || ".join(f"IFNULL(CAST(\"{k}\" AS TEXT), '')" for k in key)
    out = [Rule("-".join(key) + "-unique", name, f"{' x '.join(key)} identifies each row once.",
                f"SELECT '{name}: ' || {ident} || ' appears ' || COUNT(*) || ' times' AS subject, 1 AS expected, COUNT(*) AS observed "
                f"FROM {name} GROUP BY {columns} HAVING COUNT(*) > 1")]
    for f in spec["fields"]:
        c, column = f.get("constraints", {}), f["name"]
        if c.get("required") and column not in key:
            out.append(Rule(f"{column}-required", name, f"{column} is never empty.",
                            f"SELECT 'row ' || {ident} || ' has no {column}' AS subject, 1 AS expected, 0 AS observed FROM {name} WHERE \"{column}\" IS NULL"))
        if f["type"] in ("integer", "number") and ("minimum" in c or "maximum" in c):
            lo, hi = c.get("minimum"), c.get("maximum")
            parts = [f"SELECT 'row ' || {ident} || ' {column} = ' || {column} AS subject, {hi} AS expected, {column} AS observed "
                     f"FROM {name} WHERE {column} IS NOT NULL"] if hi is not None else []
            parts += [f"SELECT 'row ' || {ident} || ' {column} = ' || {column}, {-lo}, -{column} FROM {name} WHERE {column} IS NOT NULL"] \
                if lo is not None else []
            out.append(Rule(f"{column}-range", name, f"{column} lies within {lo if lo is not None else '-inf'} to {hi if hi is not None else 'inf'}.",
                            " UNION ALL ".join(parts), "le"))
    return out


def column_rules() -> list[Rule]:
    """The schema's own rules for every table, in the same form as the cross-table rules."""
    from ...schema import TABLES

    return [rule for name, spec in TABLES.items() for rule in _column_rules(name, spec)]

