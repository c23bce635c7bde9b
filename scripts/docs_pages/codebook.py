"""What the codebook pages show: every table and field of the descriptor, for one template (docs/templates/table.md).

Nothing here is written per table: a field's type, constraints, vocabulary and example all come from the schema
(an example from the data only where the schema gives none).
"""

from __future__ import annotations

from .data import N_, ROOT, _, ae, lang, schema, table, wide

EXAMPLE_LENGTH = 40
ENUM_SHOWN = 8
TABLE_KINDS = {"curated": N_("curated"), "derived": N_("derived")}  # a resource's x-kind
EXTRA_COLUMNS = {"unit": N_("unit"), "dimension": N_("dimension")}


def example(field: dict, frame) -> str:
    """The schema's own example, or else the first value in the data as the CSV writes it: a day as a day (never with
    00:00:00), a flag as true or false."""
    if "example" in field:
        return str(field["example"])
    values = frame[field["name"]].dropna()
    if values.empty:
        return ""
    value = values.iloc[0]
    if hasattr(value, "isoformat"):
        text = value.date().isoformat() if value == value.normalize() else value.isoformat()
    elif field["type"] == "boolean":
        text = "true" if value else "false"
    else:
        text = str(value)
    return text if len(text) <= EXAMPLE_LENGTH else text[:EXAMPLE_LENGTH - 1] + "…"


def _vocabulary(table: str, field: dict) -> dict | None:
    """The values of a field with the schema's meaning of each (schema.meanings, as the descriptor's categories)."""
    enum = field.get("constraints", {}).get("enum")
    meanings = schema.meanings(table, field)
    if field["name"] == "measure":  # the unit has a column of its own
        meanings = {m: d for m, (_u, d) in schema.MEASURES.items()}
    if not enum or not all(v in meanings for v in enum):
        return None
    extra = {"measure": ("unit", {m: u for m, (u, _d) in schema.MEASURES.items()}),
             "category": ("dimension", {c: d for d, cats in schema.RARE_DIMENSIONS.items() for c in cats})}.get(field["name"])
    rows = [[f"`{v}`", *([f"`{extra[1][v]}`"] if extra else []), wide(lang.schema_text(meanings[v]))]
            for v in enum]
    return {"field": field["name"], "extra": _(EXTRA_COLUMNS[extra[0]]) if extra else None, "rows": rows}


def fields(resource: dict, frame) -> list[dict]:
    fk = {f["fields"]: f["reference"] for f in resource["schema"].get("foreignKeys", [])}
    out = []
    for field in resource["schema"]["fields"]:
        c = field.get("constraints", {})
        enum = c.get("enum", [])
        # Types and units are the descriptor's identifiers, shown as code in every language.
        out.append({"name": field["name"], "type": f"`{field['type']}`", "unit": f"`{field['unit']}`" if field.get("unit") else None, "description": lang.schema_text(field["description"]),
                    "required": c.get("required", False), "unique": c.get("unique", False),
                    "range": (c.get("minimum", ""), c.get("maximum", "")) if "minimum" in c or "maximum" in c else None,
                    "pattern": schema.PATTERN_NAMES.get(c["pattern"], f"pattern `{c['pattern']}`") if c.get("pattern") else None,
                    "enum": enum[:ENUM_SHOWN], "enum_more": len(enum) if len(enum) > ENUM_SHOWN else 0,
                    "reference": fk.get(field["name"]), "example": example(field, frame)})
    return out


def page(name: str) -> dict:
    """The context of one table's codebook page."""
    resource = next(r for r in ae.descriptor(ROOT)["resources"] if r["name"] == name)
    frame = table(name)
    vocabularies = [v for v in (_vocabulary(resource["name"], f) for f in resource["schema"]["fields"]) if v]
    shown = {**resource, "description": lang.schema_text(resource["description"]), "x-kind": _(TABLE_KINDS[resource["x-kind"]])}
    return {"resource": shown, "rows": len(frame), "fields": fields(resource, frame), "vocabularies": vocabularies}


def overview() -> dict:
    return {"tables": [[f"[`{r['name']}`]({r['name']}.md)", _(TABLE_KINDS[r["x-kind"]]), len(table(r["name"])), lang.schema_text(r["description"])]
                       for r in ae.descriptor(ROOT)["resources"]]}
