"""Validate a copy of the data package: file format, Frictionless structure, then Great Expectations.

    akim-elections validate [PATH] [--data-docs DIR]

1. file format: every table is UTF-8 without a byte-order mark, LF line ends, no blank line;
2. structure: Frictionless checks types, constraints, keys, foreign keys, bytes and hashes;
3. meaning: Great Expectations checks column rules derived from the schema (unique keys, ranges,
   required values) and the election's arithmetic (``akim_elections.rules``) computed as SQL over an
   in-memory SQLite copy of the package.

One readable report; exit status 1 on any failure. Heavy libraries are imported here only.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .loader import DataPackageError, default_root, load
from .rules import RULES
from .sqlframe import sql_frame

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


def resolve_root(path: str | Path | None) -> Path:
    """The folder to validate: PATH, else the current folder if it holds a package, else the installed copy."""
    if path is not None:
        root = Path(path)
        if not (root / "datapackage.json").is_file():
            raise DataPackageError(f"{root} holds no datapackage.json; pass the folder that contains it")
        return root.resolve()
    if Path("datapackage.json").is_file():
        return Path.cwd()
    return default_root()


# --- 1. file format ------------------------------------------------------------------------------
def check_files(root: Path, desc: dict) -> list[Result]:
    results = []
    for resource in desc["resources"]:
        name, path = resource["name"], root / resource["path"]
        problems = []
        if not path.is_file():
            problems.append(f"{resource['path']} is missing")
        else:
            data = path.read_bytes()
            if data.startswith(b"\xef\xbb\xbf"):
                problems.append("starts with a UTF-8 byte-order mark; save without BOM")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(f"is not UTF-8 (byte {exc.start}); re-save as UTF-8")
                text = ""
            if b"\r" in data:
                problems.append("has CR line ends; use LF")
            if data and not data.endswith(b"\n"):
                problems.append("does not end with a newline (truncated?)")
            blank = [i for i, line in enumerate(text.split("\n")[:-1], start=1) if not line.strip()]
            if blank:
                problems.append(f"has blank lines at {blank[:MAX_EXAMPLES]}")
        results.append(Result("file", name, "file-format", "UTF-8 without BOM, LF line ends, no blank lines, present.",
                              not problems, examples=problems))
    return results


# --- 2. structure --------------------------------------------------------------------------------
def check_structure(root: Path) -> list[Result]:
    import frictionless

    with _quiet():
        report = frictionless.validate(str(root / "datapackage.json"))
    results = []
    for task in report.tasks:
        by_type: dict[str, list] = {}
        for error in task.errors:
            by_type.setdefault(error.type, []).append(error)
        if not by_type:
            results.append(Result("structure", task.name, "frictionless", "Types, constraints, keys, bytes and hash match the descriptor.", True))
        for etype, errors in by_type.items():
            examples = [_frictionless_example(e) for e in errors[:MAX_EXAMPLES]]
            results.append(Result("structure", task.name, f"frictionless:{etype}", errors[0].title, False,
                                  observed=f"{len(errors)} error(s)", examples=examples))
    for error in report.errors:  # package-level errors (descriptor itself)
        results.append(Result("structure", "datapackage.json", f"frictionless:{error.type}", error.title, False, examples=[error.message]))
    return results


def _frictionless_example(error) -> str:
    where = []
    for attr, label in (("row_number", "row"), ("field_name", "field"), ("cell", "value")):
        value = getattr(error, attr, None)
        if value not in (None, ""):
            where.append(f"{label} {value!r}" if attr == "cell" else f"{label} {value}")
    return (", ".join(where) + ": " if where else "") + error.note if getattr(error, "note", "") else error.message


# --- derived tables ------------------------------------------------------------------------------
def check_derived(root: Path, desc: dict) -> list[Result]:
    """The derived summaries must be exactly what the build makes from the curated tables."""
    from .csvio import read_rows
    from .summary import render_derived

    paths = {r["name"]: root / r["path"] for r in desc["resources"]}
    try:
        tables = {name: read_rows(paths[name]) for name in ("figures", "contests", "regions", "sources")}
        expected = render_derived(tables)
    except (OSError, UnicodeDecodeError, KeyError) as exc:
        return [Result("rules", "regional_summary", "derived-up-to-date", "The derived tables can be rebuilt.", False,
                       examples=[f"not checked: {exc}"])]
    return [_compare_derived(name, data, paths[name]) for name, data in expected.items()]


def _compare_derived(name: str, expected: bytes, path: Path) -> Result:
    meaning = f"{name} is what scripts/build.py makes from the curated tables (never edited by hand)."
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


# --- 3. meaning (Great Expectations) -------------------------------------------------------------
def load_frames(root: Path, desc: dict) -> tuple[dict, list[Result]]:
    frames, failures = {}, []
    for resource in desc["resources"]:
        try:
            frames[resource["name"]] = load(resource["name"], root)
        except (DataPackageError, ValueError, OSError, UnicodeDecodeError) as exc:
            failures.append(Result("rules", resource["name"], "loadable", "The table loads with its declared types.", False,
                                   examples=[str(exc)[:300]]))
    return frames, failures


def policy_ids(root: Path, desc: dict) -> set[str]:
    """The figures the preference policy prefers, computed from the CSV text as scripts/build.py does."""
    from .csvio import read_rows
    from .preference import preferred_ids

    paths = {r["name"]: root / r["path"] for r in desc["resources"]}
    return preferred_ids(*(read_rows(paths[name]) for name in ("figures", "sources", "elections")))


def sqlite_copy(frames: dict, policy: set[str]):
    import pandas as pd

    con = sqlite3.connect(":memory:")
    for name, frame in frames.items():
        sql_frame(frame).to_sql(name, con, index=False)
    measures = pd.DataFrame([(m, u) for m, (u, _) in schema.MEASURES.items()], columns=["measure", "unit"])
    measures.to_sql("measures", con, index=False)
    pd.DataFrame({"figure_id": sorted(policy)}).to_sql("policy", con, index=False)
    return con


def checks_frame(frames: dict, policy: set[str]):
    """One row per (rule, subject) with expected and observed values, from the SQL of every rule."""
    import pandas as pd

    con = sqlite_copy(frames, policy)
    parts = []
    for rule in RULES:
        rows = con.execute(rule.sql).fetchall()
        part = pd.DataFrame(rows, columns=["subject", "expected", "observed"])
        part.insert(0, "rule", rule.id)
        parts.append(part)
    con.close()
    frame = pd.concat(parts, ignore_index=True)
    frame["expected"] = pd.to_numeric(frame["expected"], errors="coerce").astype("float64")
    frame["observed"] = pd.to_numeric(frame["observed"], errors="coerce").astype("float64")
    return frame


def column_expectations(name: str):
    """(rule id, meaning, expectation) for one table, derived from its schema."""
    import great_expectations as gx

    spec = schema.TABLES[name]
    key = spec["primaryKey"]
    out = []
    if len(key) == 1:
        out.append((f"{key[0]}-unique", f"{key[0]} identifies each row once.", gx.expectations.ExpectColumnValuesToBeUnique(column=key[0])))
    else:
        out.append(("-".join(key) + "-unique", f"{' x '.join(key)} identifies each row once.",
                    gx.expectations.ExpectCompoundColumnsToBeUnique(column_list=key)))
    for f in spec["fields"]:
        c = f.get("constraints", {})
        if c.get("required") and f["name"] not in key:
            out.append((f"{f['name']}-required", f"{f['name']} is never empty.", gx.expectations.ExpectColumnValuesToNotBeNull(column=f["name"])))
        if f["type"] in ("integer", "number") and ("minimum" in c or "maximum" in c):
            lo, hi = c.get("minimum"), c.get("maximum")
            meaning = f"{f['name']} lies within {lo if lo is not None else '-inf'} to {hi if hi is not None else 'inf'}."
            out.append((f"{f['name']}-range", meaning, gx.expectations.ExpectColumnValuesToBeBetween(column=f["name"], min_value=lo, max_value=hi)))
    return out


def rule_expectations():
    import great_expectations as gx
    from great_expectations.expectations.row_conditions import Column

    out = []
    for rule in RULES:
        condition = dict(row_condition=Column("rule") == rule.id)
        if rule.compare == "eq":
            exp = gx.expectations.ExpectColumnPairValuesToBeEqual(column_A="expected", column_B="observed", **condition)
        else:
            exp = gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(column_A="expected", column_B="observed", or_equal=True, **condition)
        out.append((rule.id, rule.meaning, exp, rule.table))
    return out


def run_gx(frames: dict, checks, data_docs: Path | None) -> list[Result]:
    import great_expectations as gx

    batches = []  # (asset name, frame, [(rule, meaning, expectation, report table)])
    for name, frame in frames.items():
        batches.append((name, frame, [(r, m, e, name) for r, m, e in column_expectations(name)]))
    if checks is not None:
        batches.append(("election_arithmetic", checks, rule_expectations()))

    with _quiet():
        workdir = tempfile.mkdtemp(prefix="akim-gx-") if data_docs else None
        context = gx.get_context(mode="file", project_root_dir=workdir) if workdir else gx.get_context(mode="ephemeral")
        source = context.data_sources.add_pandas("package")
        results = []
        for asset_name, frame, expectations in batches:
            asset = source.add_dataframe_asset(name=asset_name)
            definition = asset.add_batch_definition_whole_dataframe("whole")
            suite = gx.ExpectationSuite(name=f"akim-elections-{asset_name}")
            for rule_id, meaning, expectation, _ in expectations:
                expectation.description = meaning
                expectation.meta = {"rule": rule_id}
                suite.add_expectation(expectation)
            suite = context.suites.add(suite)
            if workdir:
                validation = context.validation_definitions.add(
                    gx.ValidationDefinition(name=f"validate-{asset_name}", data=definition, suite=suite))
                checkpoint = context.checkpoints.add(gx.Checkpoint(
                    name=f"checkpoint-{asset_name}", validation_definitions=[validation],
                    actions=[gx.checkpoint.UpdateDataDocsAction(name="docs")], result_format={"result_format": "COMPLETE"}))
                run = checkpoint.run(batch_parameters={"dataframe": frame})
                outcome = next(iter(run.run_results.values()))
            else:
                outcome = definition.get_batch(batch_parameters={"dataframe": frame}).validate(suite, result_format="COMPLETE")
            by_rule = {e[0]: e for e in expectations}
            for res in outcome.results:
                rule_id = res.expectation_config.meta["rule"]
                _, meaning, _, table = by_rule[rule_id]
                results.append(_gx_result(rule_id, meaning, table, res, frame, asset_name))
        if workdir:
            site = Path(workdir) / "gx" / "uncommitted" / "data_docs" / "local_site"
            if data_docs.exists():
                shutil.rmtree(data_docs)
            shutil.copytree(site, data_docs)
            shutil.rmtree(workdir, ignore_errors=True)
    return results


def _gx_result(rule_id: str, meaning: str, table: str, res, frame, asset_name: str) -> Result:
    info = res.result or {}
    indices = info.get("unexpected_index_list") or []
    examples = []
    if asset_name == "election_arithmetic":
        for i in indices[:MAX_EXAMPLES]:
            row = frame.loc[i]
            examples.append(f"{row['subject']}: expected {_num(row['expected'])}, observed {_num(row['observed'])}")
        expected = observed = ""
    else:
        key = schema.TABLES[asset_name]["primaryKey"]
        column = res.expectation_config.kwargs.get("column")
        for i in indices[:MAX_EXAMPLES]:
            row = frame.loc[i] if not isinstance(i, dict) else None
            ident = "/".join(str(row[k]) for k in key) if row is not None else str(i)
            value = f" = {row[column]!r}" if row is not None and column else ""
            examples.append(f"row {ident}{value}")
        expected = meaning
        observed = f"{info.get('unexpected_count', 0)} unexpected" if info.get("unexpected_count") else ""
    if not res.success and not examples and res.exception_info and res.exception_info.get("raised_exception"):
        examples.append(str(res.exception_info.get("exception_message"))[:200])
    return Result("rules", table, rule_id, meaning, bool(res.success), expected if not res.success else "", observed, examples)


def _num(value) -> str:
    if value != value:  # NaN
        return "missing"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@contextlib.contextmanager
def _quiet():
    """Keep GX and Frictionless progress bars, warnings and logging out of the report."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    sink = io.StringIO()
    logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(sink), contextlib.redirect_stdout(sink):
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(logging.NOTSET)


# --- driver and report ---------------------------------------------------------------------------
def validate(path: str | Path | None = None, data_docs: Path | None = None) -> list[Result]:
    root = resolve_root(path)
    try:
        desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Result("structure", "datapackage.json", "descriptor-readable", "The descriptor is UTF-8 JSON.", False, examples=[str(exc)])]
    results = check_files(root, desc) + check_structure(root) + check_derived(root, desc)
    frames, failures = load_frames(root, desc)
    results += failures
    checks = None
    if not failures:
        try:
            checks = checks_frame(frames, policy_ids(root, desc))
        except sqlite3.Error as exc:
            results.append(Result("rules", "package", "cross-table", "The cross-table rules can be computed.", False, examples=[str(exc)]))
    else:
        results.append(Result("rules", "package", "cross-table", "The cross-table rules can be computed.", False,
                              examples=[f"not run: {', '.join(f.table for f in failures)} could not be loaded"]))
    results += run_gx(frames, checks, data_docs)
    return results


def format_report(results: list[Result], root: str = "") -> str:
    failed = [r for r in results if not r.passed]
    lines = [f"akim-elections validate {root}".rstrip(), ""]
    for stage in ("file", "structure", "rules"):
        part = [r for r in results if r.stage == stage]
        if not part:
            continue
        bad = [r for r in part if not r.passed]
        lines.append(f"{stage}: {len(part) - len(bad)} passed, {len(bad)} failed")
        for r in bad:
            lines.append(f"  FAIL {r.table} :: {r.rule} — {r.meaning}")
            if r.observed:
                lines.append(f"       observed: {r.observed}")
            for example in r.examples:
                lines.append(f"       - {example}")
    lines.append("")
    lines.append(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return "\n".join(lines)


def main(path: str | Path | None = None, data_docs: Path | None = None) -> int:
    root = resolve_root(path)
    results = validate(root, data_docs)
    print(format_report(results, str(path or root)))
    if data_docs:
        print(f"Data Docs written to {data_docs}")
    return 1 if any(not r.passed for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else None))
