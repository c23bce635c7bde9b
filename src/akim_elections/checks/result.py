"""One result of validate: a check of one table, passed or failed, with what it saw."""

from __future__ import annotations

from dataclasses import dataclass, field

from .rules import CONSISTENCY

MAX_EXAMPLES = 5


@dataclass
class Result:
    stage: str
    table: str
    rule: str
    meaning: str
    passed: bool
    expected: str = ""
    observed: str = ""
    examples: list[str] = field(default_factory=list)
    kind: str = CONSISTENCY  # or PUBLISHED: a rule that pins a published value
