"""The codebook of a package, read from its descriptor: what every table and column means.

Every export carries it (xlsx sheet, SQLite tables, Datasette metadata, Parquet field metadata), and
it is derived at run time, so it follows whatever tables and columns the descriptor has.
"""

from __future__ import annotations

from .loader import primary_key
from .schema import PATTERN_NAMES

TABLE_COLUMNS = ("table", "title", "description", "kind", "primary_key")
FIELD_COLUMNS = ("table", "field", "type", "unit", "required", "description", "allowed_values")
VALUE_COLUMNS = ("table", "field", "value", "meaning")


def allowed_values(field: dict) -> str:
    """The field's constraints in words: its vocabulary, range or pattern; empty when unconstrained."""
    c = field.get("constraints", {})
    if c.get("enum"):
        return " | ".join(str(v) for v in c["enum"])
    if "minimum" in c or "maximum" in c:
        lo, hi = c.get("minimum"), c.get("maximum")
        return f"{lo} to {hi}" if lo is not None and hi is not None else (f">= {lo}" if lo is not None else f"<= {hi}")
    if c.get("pattern"):
        return PATTERN_NAMES.get(c["pattern"], f"pattern {c['pattern']}")
    return ""


def table_rows(desc: dict) -> list[dict]:
    return [{"table": r["name"], "title": r.get("title", ""), "description": r.get("description", ""),
             "kind": r.get("x-kind", ""), "primary_key": ", ".join(primary_key(r))} for r in desc["resources"]]


def field_rows(desc: dict) -> list[dict]:
    rows = []
    for r in desc["resources"]:
        for f in r["schema"]["fields"]:
            rows.append({"table": r["name"], "field": f["name"], "type": f.get("type", "string"), "unit": f.get("unit", ""),
                         "required": bool(f.get("constraints", {}).get("required")),
                         "description": f.get("description", ""), "allowed_values": allowed_values(f)})
    return rows


def value_rows(desc: dict) -> list[dict]:
    """What each code of a coded field means, from the field's ``categories`` (Table Schema v2), one row per code."""
    return [{"table": r["name"], "field": f["name"], "value": c["value"], "meaning": c["label"]}
            for r in desc["resources"] for f in r["schema"]["fields"] for c in f.get("categories", [])]


def foreign_keys(resource: dict) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced resource, referenced fields) for each foreign key; Table Schema allows a name or a list."""
    out = []
    for fk in resource["schema"].get("foreignKeys", []):
        fields, ref = fk["fields"], fk["reference"]
        ref_fields = ref["fields"]
        out.append(([fields] if isinstance(fields, str) else list(fields), ref["resource"],
                    [ref_fields] if isinstance(ref_fields, str) else list(ref_fields)))
    return out
