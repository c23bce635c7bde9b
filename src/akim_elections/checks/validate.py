"""Validate a copy of the data package: file format, Frictionless structure, then Great Expectations.

    akim-elections validate [PATH] [--data-docs DIR]

1. file format: every table is UTF-8 without a byte-order mark, LF line ends, no blank line;
2. structure: Frictionless checks types, constraints, primary keys, bytes and hashes;
3. meaning: Great Expectations checks the election's arithmetic (``akim_elections.checks.rules``), computed
   as SQL over an in-memory SQLite copy of the package, foreign keys among them (``references-exist``:
   SQLite joins in milliseconds what Frictionless would read each referenced table again for). Each column's
   own constraints (required, unique, vocabulary, range) are checked once, by Frictionless in step 2.

One readable report; exit status 1 on any failure. Heavy libraries are imported here only.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import warnings
from pathlib import Path

from .. import schema
from ..loader import DataPackageError, default_root, load
from . import released
from .derived import CsvRows, check_derived, policy_ids
from .offline_docs import make_offline
from .result import MAX_EXAMPLES, Result
from .rules import PUBLISHED, RULES, SQL_FUNCTIONS
from ..sqlframe import sql_frame


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
    """Frictionless on the package, but for its foreign keys (the rule references-exist checks them, once)."""
    import frictionless

    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for resource in desc.get("resources", []):
        if isinstance(resource.get("schema"), dict):
            resource["schema"].pop("foreignKeys", None)
    with _quiet():  # the package validates its descriptor once, as it is made; Package.validate would do so again
        try:
            package = frictionless.Package(desc, basepath=str(root))
        except frictionless.FrictionlessException as exc:
            return [Result("structure", "datapackage.json", f"frictionless:{exc.error.type}", exc.error.title, False,
                           examples=[reason.message for reason in exc.reasons[:MAX_EXAMPLES]] or [exc.error.message])]
        reports = [resource.validate() for resource in package.resources]
    results = []
    for task in (task for report in reports for task in report.tasks):
        by_type: dict[str, list] = {}
        for error in task.errors:
            by_type.setdefault(error.type, []).append(error)
        if not by_type:
            results.append(Result("structure", task.name, "frictionless", "Types, constraints, primary key, bytes and hash match the descriptor.", True))
        for etype, errors in by_type.items():
            examples = [_frictionless_example(e) for e in errors[:MAX_EXAMPLES]]
            results.append(Result("structure", task.name, f"frictionless:{etype}", errors[0].title, False,
                                  observed=f"{len(errors)} error(s)", examples=examples))
    return results


def _frictionless_example(error) -> str:
    where = []
    for attr, label in (("row_number", "row"), ("field_name", "field"), ("cell", "value")):
        value = getattr(error, attr, None)
        if value not in (None, ""):
            where.append(f"{label} {value!r}" if attr == "cell" else f"{label} {value}")
    return (", ".join(where) + ": " if where else "") + error.note if getattr(error, "note", "") else error.message


# --- 3. meaning (Great Expectations) -------------------------------------------------------------
def load_frames(root: Path, desc: dict) -> tuple[dict, list[Result]]:
    frames, failures = {}, []
    for resource in desc["resources"]:
        try:
            frames[resource["name"]] = load(resource["name"], root, verify=False)  # Frictionless reports a size or hash that differs
        except (DataPackageError, ValueError, OSError, UnicodeDecodeError) as exc:
            failures.append(Result("rules", resource["name"], "loadable", "The table loads with its declared types.", False,
                                   examples=[str(exc)[:300]]))
    return frames, failures


def sqlite_copy(frames: dict, policy: set[str], released: list[tuple[str, str, str]] = ()):
    """The tables in SQLite for the rules, with the ids the policy prefers (`policy`) and those releases published (`released_ids`)."""
    import pandas as pd

    con = sqlite3.connect(":memory:")
    for name, function in SQL_FUNCTIONS.items():  # pure, and called again on the same values (host: 46 times a source)
        con.create_function(name, -1, functools.lru_cache(maxsize=None)(function), deterministic=True)
    for name, frame in frames.items():
        _copy_table(con, name, sql_frame(frame))
        if name in schema.TABLES:  # the rules look rows up by key (id_map's by table and old id)
            key = ", ".join(f'"{k}"' for k in schema.TABLES[name]["primaryKey"])
            con.execute(f'CREATE INDEX "{name}_key" ON "{name}" ({key})')
    _copy_table(con, "measures", pd.DataFrame([(m, u) for m, (u, _) in schema.MEASURES.items()], columns=["measure", "unit"]))
    _copy_table(con, "policy", pd.DataFrame({"figure_id": sorted(policy)}))
    con.execute('CREATE TABLE released_ids (version TEXT, "table" TEXT, id TEXT)')
    con.executemany("INSERT INTO released_ids VALUES (?, ?, ?)", released)
    return con


def _copy_table(con, name: str, frame) -> None:
    """frame as a new table of con, its columns declared as pandas' to_sql declares them, without to_sql's per-table overhead."""
    import pandas as pd

    con.execute(pd.io.sql.get_schema(frame, name, con=con))
    columns = [frame[column].to_numpy(dtype=object, na_value=None) for column in frame.columns]
    con.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(columns))})', zip(*columns))


def checks_frame(frames: dict, policy: set[str], rules: list | None = None, released: list[tuple[str, str, str]] = ()):
    """One row per (rule, subject): the bounds the observed value must lie within, from the SQL of every rule.

    An "eq" rule bounds observed by expected on both sides, an "le" rule from above only. Every rule thus becomes
    rows of one table, so Great Expectations checks them all in one batch with two expectations.
    rules narrows the computation to some of RULES (a test that looks at one rule need not compute them all); released
    holds the ids releases published (``released.read``).
    """
    import pandas as pd

    con = sqlite_copy(frames, policy, released)
    rows = []  # one frame for all rules at once: a frame per rule, then their concatenation, costs a tenth of a second
    for rule in RULES if rules is None else rules:
        rows += [(rule.id, rule.compare, *row) for row in con.execute(rule.sql)]
    con.close()
    frame = pd.DataFrame(rows, columns=["rule", "compare", "subject", "expected", "observed"], dtype=object)
    frame["subject"] = frame["subject"].astype("object").where(frame["subject"].notna(), "(no subject)").astype(str)
    for column in ("expected", "observed"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["upper"] = frame["expected"]
    frame["lower"] = frame["expected"].where(frame["compare"] == "eq", float("-inf"))
    return frame[["rule", "subject", "lower", "observed", "upper"]]


def bound_expectations():
    """The two expectations every row of the checks table must meet (missing values fail)."""
    import great_expectations as gx

    return [
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="upper", column_B="observed", or_equal=True, ignore_row_if="neither",
            description="Observed never exceeds its rule's expected value.", meta={"bound": "upper"}),
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="observed", column_B="lower", or_equal=True, ignore_row_if="neither",
            description="Observed is never below its rule's expected value where the rule asks for equality.", meta={"bound": "lower"}),
    ]


def run_gx(checks, data_docs: Path | None) -> list[Result]:
    """Check the rows of every rule in one Great Expectations batch; one Result per rule."""
    return results_per_rule(checks, *gx_unexpected(checks, data_docs))


def gx_unexpected(checks, data_docs: Path | None = None) -> tuple[set, list[str]]:
    """The index labels of the checks rows Great Expectations finds out of bounds, and any errors it raised.

    With data_docs, the run goes through a file-backed checkpoint that writes its Data Docs there.
    """
    import great_expectations as gx

    bounds = checks[["lower", "observed", "upper"]]  # what the expectations read; GX hashes the whole frame it gets, text too
    with _quiet():
        workdir = tempfile.mkdtemp(prefix="akim-gx-") if data_docs else None
        context = gx.get_context(mode="file", project_root_dir=workdir) if workdir else gx.get_context(mode="ephemeral")
        asset = context.data_sources.add_pandas("package").add_dataframe_asset(name="rule_results")
        definition = asset.add_batch_definition_whole_dataframe("whole")
        suite = gx.ExpectationSuite(name="akim-elections", expectations=bound_expectations())
        suite = context.suites.add(suite)
        if workdir:
            validation = context.validation_definitions.add(gx.ValidationDefinition(name="akim-elections", data=definition, suite=suite))
            checkpoint = context.checkpoints.add(gx.Checkpoint(
                name="akim-elections", validation_definitions=[validation],
                actions=[gx.checkpoint.UpdateDataDocsAction(name="docs")], result_format={"result_format": "COMPLETE"}))
            outcome = next(iter(checkpoint.run(batch_parameters={"dataframe": bounds}).run_results.values()))
        else:
            outcome = definition.get_batch(batch_parameters={"dataframe": bounds}).validate(suite, result_format="COMPLETE")
        unexpected, errors = set(), []
        for res in outcome.results:
            if res.exception_info and res.exception_info.get("raised_exception"):
                errors.append(str(res.exception_info.get("exception_message"))[:200])
            unexpected.update((res.result or {}).get("unexpected_index_list") or [])
        if workdir:
            site = Path(workdir) / "gx" / "uncommitted" / "data_docs" / "local_site"
            if data_docs.exists():
                shutil.rmtree(data_docs)
            shutil.copytree(site, data_docs)
            make_offline(data_docs)
            shutil.rmtree(workdir, ignore_errors=True)
    return unexpected, errors


def results_per_rule(checks, unexpected: set, errors: list[str]) -> list[Result]:
    """One Result per rule, from the rows of checks whose index labels are in unexpected.

    checks may be a slice of a larger table checked in one batch: its index labels are then those of the whole.
    """
    rows = checks.groupby("rule", sort=False).groups  # each rule's index labels, in one pass (not a pass per rule)
    return [_rule_result(rule, checks, rows.get(rule.id, []), unexpected, errors) for rule in RULES]


def _rule_result(rule, checks, rows, unexpected: set, errors: list[str]) -> Result:
    bad = [i for i in rows if i in unexpected]
    examples = errors + [f"{checks.at[i, 'subject']}: expected {_num(checks.at[i, 'upper'])}, observed {_num(checks.at[i, 'observed'])}"
                         for i in bad[:MAX_EXAMPLES]]
    observed = f"{len(bad)} of {len(rows)} rows" if bad else ""
    return Result("rules", rule.table, rule.id, rule.meaning, not bad and not errors, "", observed, examples, rule.kind)


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
def prepare_process() -> None:
    """For a process that validates once and exits: import both validators, then exempt every object alive from garbage
    collection. Their imports leave some hundred thousand objects alive until exit, which each full collection (and the
    one at exit) would walk again: tenths of a second per run. Not for a long-lived process: what is frozen stays."""
    import frictionless  # noqa: F401
    import great_expectations  # noqa: F401

    gc.freeze()


def validate(path: str | Path | None = None, data_docs: Path | None = None, rule_results: Path | None = None) -> list[Result]:
    """Every check of the package at path; with rule_results, also write the rules' rows there as CSV."""
    root = resolve_root(path)
    try:
        desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Result("structure", "datapackage.json", "descriptor-readable", "The descriptor is UTF-8 JSON.", False, examples=[str(exc)])]
    rows = CsvRows(root, desc)
    results = check_files(root, desc) + check_structure(root) + check_derived(root, desc, rows)
    frames, failures = load_frames(root, desc)
    results += failures
    checks = None
    if not failures:
        try:
            checks = checks_frame(frames, policy_ids(root, desc, rows), released=released.read(root))
        except sqlite3.Error as exc:
            results.append(Result("rules", "package", "cross-table", "The cross-table rules can be computed.", False, examples=[str(exc)]))
    else:
        results.append(Result("rules", "package", "cross-table", "The cross-table rules can be computed.", False,
                              examples=[f"not run: {', '.join(f.table for f in failures)} could not be loaded"]))
    if checks is not None:
        if rule_results is not None:
            from ..atomic import write_bytes

            write_bytes(Path(rule_results), checks.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        results += run_gx(checks, data_docs)
    return results


def format_report(results: list[Result], root: str = "") -> str:
    """Failures by stage; the rules' failures split into consistency rules and published totals."""
    failed = [r for r in results if not r.passed]
    lines = [f"akim-elections validate {root}".rstrip(), ""]
    parts = [("file", [r for r in results if r.stage == "file"]), ("structure", [r for r in results if r.stage == "structure"]),
             ("rules (consistency)", [r for r in results if r.stage == "rules" and r.kind != PUBLISHED]),
             ("rules (published totals)", [r for r in results if r.stage == "rules" and r.kind == PUBLISHED])]
    for label, part in parts:
        if not part:
            continue
        bad = [r for r in part if not r.passed]
        lines.append(f"{label}: {len(part) - len(bad)} passed, {len(bad)} failed")
        for r in bad:
            lines.append(f"  FAIL {r.table} :: {r.rule} — {r.meaning}")
            if r.observed:
                lines.append(f"       observed: {r.observed}")
            for example in r.examples:
                lines.append(f"       - {example}")
    lines.append("")
    lines.append(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return "\n".join(lines)

