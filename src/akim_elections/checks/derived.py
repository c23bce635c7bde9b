"""The derived tables and the preferred figures, computed from the CSV text as scripts/build.py computes them.

Rebuilt from data/'s own curated columns, so that any copy of the package (a wheel, a download without curated/) is
checked; in a clone, `scripts/build.py --check` compares data/ with a rebuild from curated/.
"""

from __future__ import annotations

from pathlib import Path

from .result import MAX_EXAMPLES, Result


class CsvRows(dict):
    """The package's tables as the build reads them (``csvio.read_rows``), each file read once, when first asked for:
    the derived tables and the preferred figures both read figures and sources."""

    def __init__(self, root: Path, desc: dict):
        super().__init__()
        self.paths = {r["name"]: root / r["path"] for r in desc["resources"]}

    def __missing__(self, name: str) -> list[dict]:
        from ..csvio import read_rows

        self[name] = read_rows(self.paths[name])
        return self[name]


def check_derived(root: Path, desc: dict, rows: CsvRows | None = None) -> list[Result]:
    """The derived summaries, the contest columns copied from figures and candidates and their sources, must be
    exactly what the build makes."""
    from ..build.contest_facts import copy_sources, with_contest_facts
    from ..csvio import render_rows
    from ..schema import TABLES
    from ..build.summary import render_derived

    rows = CsvRows(root, desc) if rows is None else rows
    try:
        tables = {name: rows[name] for name in ("figures", "contests", "candidates", "regions", "sources")}
        expected = render_derived(tables)
        expected["contests"] = render_rows([f["name"] for f in TABLES["contests"]["fields"]],
                                           with_contest_facts(tables["contests"], tables["figures"], tables["candidates"]))
        expected["contest_sources"] = render_rows([f["name"] for f in TABLES["contest_sources"]["fields"]],
                                                  copy_sources(tables["contests"], tables["figures"], tables["candidates"], tables["sources"]))
    except (OSError, UnicodeDecodeError, KeyError) as exc:
        return [Result("rules", "regional_summary", "derived-up-to-date", "The derived tables can be rebuilt.", False,
                       examples=[f"not checked: {exc}"])]
    return [_compare_derived(name, data, rows.paths[name]) for name, data in expected.items()]


def _compare_derived(name: str, expected: bytes, path: Path) -> Result:
    meaning = f"{name} is what scripts/build.py makes from the curated columns (edit curated/, then rebuild; never data/)."
    try:
        actual = path.read_bytes()
    except OSError as exc:
        return Result("rules", name, "derived-up-to-date", meaning, False, examples=[f"not checked: {exc}"])
    if expected == actual:
        return Result("rules", name, "derived-up-to-date", meaning, True)
    new, old = expected.decode("utf-8").splitlines(), actual.decode("utf-8", "replace").splitlines()
    examples = [f"line {i + 1}: has {b[:80]!r}, the build makes {a[:80]!r}" for i, (a, b) in enumerate(zip(new, old)) if a != b]
    if len(new) != len(old):
        examples.append(f"{len(old)} lines, the build makes {len(new)}")
    return Result("rules", name, "derived-up-to-date", meaning, False, examples=examples[:MAX_EXAMPLES])


def policy_ids(root: Path, desc: dict, rows: CsvRows | None = None) -> set[str]:
    """The figures the preference policy prefers, computed from the CSV text as scripts/build.py does."""
    from ..build.preference import preferred_ids

    rows = CsvRows(root, desc) if rows is None else rows
    return preferred_ids(*(rows[name] for name in ("figures", "sources", "elections")))
