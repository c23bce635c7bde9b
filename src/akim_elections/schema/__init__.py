"""The one description of every table, field and controlled vocabulary, split by concept.

Everything else is derived from this package: ``datapackage.json`` (scripts/build.py), the codebook
pages of the docs, the loader's dtypes (through the descriptor) and the structural checks. Edit a
field here, rebuild, and every consumer follows.

- ``package``: the package's own metadata; ``vocabularies``: every coded value and its meaning;
- ``fields``: the patterns and field helpers tables are made of;
- ``registry``, ``places``, ``results``, ``summary``: the tables, by what they describe;
- here: ``TABLE_ORDER`` and ``TABLES`` in that order, the curated tables and their input columns, and the names the rest of the code reads.

Kept as plain Python literals so that reading it needs no YAML parser and importing it costs nothing.
"""

from __future__ import annotations

from . import places, registry, results, summary
from .fields import DAY_OR_MONTH, PATTERN_NAMES  # noqa: F401
from .package import MAIN_ELECTION, PACKAGE, VERSION  # noqa: F401
from .results import CONTEST_FIGURES, CONTEST_WINNER, EXPORT_FIELDS  # noqa: F401
from .summary import COVERAGE_COLUMNS, SUMMARY_COLUMNS  # noqa: F401
from .vocabularies import (AKIM_LEVELS, BREAKDOWNS, CATEGORIES, CONTEST_STATUSES, COUNT_UNITS, DISTRICT_TYPES,  # noqa: F401
                           ELECTION_KINDS, ELECTION_TYPES, GENDERS, INCUMBENCIES, KATO_LEVELS, KATO_MATCHES, LANGUAGES, LEVEL_OF_POST_TYPE,
                           MEASURES, NOMINATIONS, POST_TYPES, PUBLISHED_STATUSES, PUBLISHER_KINDS, QUALIFIERS, RARE_DIMENSIONS, RURAL_POST_TYPES,
                           SCOPES, STAGES, VOCABULARIES)

# Order in which tables appear in the descriptor (referenced tables first).
TABLE_ORDER = ["sources", "elections", "regions", "districts", "district_changes", "units", "posts", "parties", "events", "figures", "contests", "candidates",
               "reconciliations", "id_map", "regional_summary", "summary_sources", "contest_sources"]
_DEFINED = {**registry.TABLES, **places.TABLES, **results.TABLES, **summary.TABLES}
assert set(TABLE_ORDER) == set(_DEFINED)
TABLES: dict[str, dict] = {name: _DEFINED[name] for name in TABLE_ORDER}
# The tables people edit: each has its inputs in curated/<name>.csv, and data/<name>.csv adds the derived columns.
CURATED = [name for name in TABLE_ORDER if TABLES[name]["kind"] == "curated"]


def input_fields(name: str) -> list[str]:
    """The columns of curated/<name>.csv: the table's fields in the schema's order, without those the build derives (`x-derived`)."""
    return [f["name"] for f in TABLES[name]["fields"] if not f.get("x-derived")]


def meanings(table: str, field: dict) -> dict[str, str]:
    """What each code of a coded field means: its vocabulary, or for a field naming columns of another table, their descriptions.

    The build writes them into the descriptor (each field's ``categories``), so a copy of the package carries them."""
    if (table, field["name"]) == ("contest_sources", "column"):
        return {f["name"]: f["description"] for f in TABLES["contests"]["fields"]}
    return VOCABULARIES.get(field["name"], {})
