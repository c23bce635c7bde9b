"""The one description of every table, field and controlled vocabulary, split by concept.

Everything else is derived from this package: ``datapackage.json`` (scripts/build.py), the codebook
pages of the docs, the loader's dtypes (through the descriptor) and the structural checks. Edit a
field here, rebuild, and every consumer follows.

- ``package``: the package's own metadata; ``vocabularies``: every coded value and its meaning;
- ``fields``: the patterns and field helpers tables are made of;
- ``registry``, ``places``, ``results``, ``summary``: the tables, by what they describe;
- here: ``TABLE_ORDER`` and ``TABLES`` in that order, and the names the rest of the code reads.

Kept as plain Python literals so that reading it needs no YAML parser and importing it costs nothing.
"""

from __future__ import annotations

from . import places, registry, results, summary
from .fields import DAY_OR_MONTH, PATTERN_NAMES  # noqa: F401
from .package import MAIN_ELECTION, PACKAGE, VERSION  # noqa: F401
from .results import CONTEST_FIGURES, CONTEST_WINNER, EXPORT_FIELDS  # noqa: F401
from .summary import COVERAGE_COLUMNS, SUMMARY_COLUMNS  # noqa: F401
from .vocabularies import (BREAKDOWNS, CATEGORIES, CONTEST_STATUSES, CONTEST_TYPES, COUNT_UNITS, DISTRICT_KINDS,  # noqa: F401
                           ELECTION_KINDS, ELECTION_LEVELS, LEVEL_OF_TYPE, ELECTION_TYPES, GENDERS, INCUMBENCIES, KATO_MATCHES, LANGUAGES, MEASURES,
                           NOMINATIONS, POST_KINDS, PUBLISHED_STATUSES, QUALIFIERS, RARE_DIMENSIONS, SCOPES, SOURCE_KINDS,
                           STAGES, UNIT_LEVELS, UNIT_TYPES, VOCABULARIES)

# Order in which tables appear in the descriptor (referenced tables first).
TABLE_ORDER = ["sources", "elections", "regions", "districts", "district_changes", "units", "posts", "parties", "events", "figures", "contests", "candidates",
               "reconciliations", "id_map", "regional_summary", "summary_sources", "contest_sources"]
_DEFINED = {**registry.TABLES, **places.TABLES, **results.TABLES, **summary.TABLES}
assert set(TABLE_ORDER) == set(_DEFINED)
TABLES: dict[str, dict] = {name: _DEFINED[name] for name in TABLE_ORDER}

