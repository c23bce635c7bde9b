"""Field helpers and patterns: the pieces every table's fields are made of (ids, references, KATO codes, EDTF bounds)."""

from __future__ import annotations

from .. import edtf

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KATO_CODE = r"^\d{9}$"
EDTF_PATTERN = edtf.PATTERN
# Patterns too long to read, by the name the codebooks give them.
PATTERN_NAMES = {EDTF_PATTERN: "an ISO 8601-2 (EDTF) date of the forms the description lists"}
# A calendar day or, where only the month is known, a month (ISO 8601 / EDTF level 0: 2021-07-25 or 2023-08).
DAY_OR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"
KATO_EDITION = "NK RK 11-2025, edition of 17 July 2026"


# Where a user of any copy finds what the codes of a coded field mean (scripts/build.py writes the categories, the exports `_values`).
MEANINGS = ("each code's meaning is in this field's `categories` in datapackage.json, in the `_values` table of the SQLite export "
            "and in the `values` sheet of the workbook")


def _enum(vocabulary: dict) -> list[str]:
    return list(vocabulary)


def _id(name: str, what: str, scheme: str) -> dict:
    word = name.removesuffix("_id")
    return {"name": name, "type": "string",
            "description": (f"Identifier of the {what}: a lowercase ASCII slug made once from {scheme}; it never changes, even when a value is corrected. "
                            f"A row added since 0.3.0 has an id that holds no fact (`{word}-` and eight hex digits, from scripts/new_id.py)."),
            "constraints": {"required": True, "unique": True, "pattern": SLUG}}


def _ref(name: str, resource: str, what: str, required: bool = True) -> dict:
    return {"name": name, "type": "string", "description": f"The {what} (see the {resource} table).",
            "constraints": {"required": required, "pattern": SLUG}}


SOURCE_REF = _ref("source_id", "sources", "public source that states the values of this row")
OTHER_SOURCES = {"name": "other_source_ids", "type": "list", "itemType": "string", "delimiter": " ",
                 "description": "Further sources for this row (ids from the sources table, separated by spaces)."}
NOTE = {"name": "note", "type": "string", "description": "A caveat or definition a user needs about this row, in the project's own words."}


def _bounds(name: str, what: str) -> list[dict]:
    """The first and last day an EDTF date can mean, set by scripts/build.py from it."""
    return [{"name": f"{name}_earliest", "type": "date", "description": f"First day {what} can mean. Set by scripts/build.py from `{name}`.", "x-derived": True},
            {"name": f"{name}_latest", "type": "date", "description": f"Last day {what} can mean. Set by scripts/build.py from `{name}`.", "x-derived": True}]


def _kato(name: str, resource: str, what: str, required: bool = False) -> dict:
    return {"name": name, "type": "string", "description": f"KATO code ({KATO_EDITION}) of the {what} (see the {resource} table).",
            "constraints": {"required": required, "pattern": KATO_CODE}}


def _kato_names(detail: str) -> list[dict]:
    """A KATO row's names as the classifier gives them, and the Latin and English forms the package makes of them."""
    return [{"name": "name_kk", "type": "string", "description": f"Kazakh name as KATO gives it{detail}.", "constraints": {"required": True}},
            {"name": "name_ru", "type": "string", "description": f"Russian name as KATO gives it{detail}.", "constraints": {"required": True}},
            {"name": "name_latn", "type": "string", "description": "The Kazakh name in Latin letters, by `akim_elections.translit.kk_latn`.",
             "constraints": {"required": True}},
            {"name": "name_en", "type": "string", "constraints": {"required": True},
             "description": ("The place in English, as English texts write it (Korgalzhyn district): the Kazakh name in the Russian-style "
                             "romanisation of `akim_elections.build.english.place_en`, its type word in English. Set by scripts/build.py.")}]


def _fk(field: str, resource: str, ref_field: str) -> dict:
    return {"fields": field, "reference": {"resource": resource, "fields": ref_field}}

