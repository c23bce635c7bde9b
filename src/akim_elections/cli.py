"""The akim-elections command line: tables, show, export, validate, verify, diff, cite.

Every bad input is one line on stderr naming the problem and the fix, never a traceback; the exit
status is 2 for wrong usage (including a missing optional extra) and 1 for invalid data. For diff,
1 means "different", as for diff(1). A reader that stops early (``| head``) ends the command quietly,
with status 0, as it does for cat(1).
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import sys
from pathlib import Path

from . import __version__
from .errors import DataPackageError, UsageError

USAGE, INVALID = 2, 1


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line (it prints the whole usage block by default)."""

    def error(self, message: str):
        self.exit(USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive(text: str) -> int:
    if text == "all":
        return sys.maxsize
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, or all, not {text!r}")
    return value


def _tables(args) -> int:
    from .display import terminal_width
    from .loader import descriptor, package_root

    root, width = package_root(args.root), terminal_width()
    resources = descriptor(args.root)["resources"]
    name_w = max(len("table"), *(len(r["name"]) for r in resources))
    kind_w = max(len("kind"), *(len(r.get("x-kind", "")) for r in resources))
    print(f"{'table':<{name_w}}  {'rows':>5}  {'kind':<{kind_w}}  description")
    for r in resources:
        rows = _rows(root / r["path"])
        summary = r.get("description", "").split(". ")[0].rstrip(".") + "."
        if rows and "winner_name" in rows[0]:  # the question most users of contests ask first
            summary = f"{sum(1 for row in rows if row['winner_name'])} of {len(rows)} with a named winner. {summary}"
        line = f"{r['name']:<{name_w}}  {len(rows):>5}  {r.get('x-kind', ''):<{kind_w}}  {summary}"
        print(line if len(line) <= width else line[: width - 1] + "…")
    return 0


def _rows(path: Path) -> list[dict]:
    from .csvio import read_rows
    from .loader import repair

    try:
        return read_rows(path)
    except FileNotFoundError as exc:
        raise DataPackageError(f"{path} is missing; {repair(path.parents[1])}") from exc
    except UnicodeDecodeError as exc:
        raise DataPackageError(f"{path} is not UTF-8 (byte {exc.start}); re-save it as UTF-8") from exc


def _show(args) -> int:
    from .display import as_text, fit_columns, grid, is_terminal, records, terminal_width
    from .loader import descriptor, load, primary_key

    frame = load(args.table, args.root)
    resource = next(r for r in descriptor(args.root)["resources"] if r["name"] == args.table)
    text = everything = as_text(frame)
    for condition in args.where:
        column, value = _where(condition, list(text.columns))
        if frame[column].dtype.kind == "b" or str(frame[column].dtype) == "boolean":
            value = value.lower()  # true, True, TRUE: the CSV writes true
        _known_value(column, value, everything[column])
        text = text[text[column] == value]
    columns = _columns(args.columns, list(text.columns)) if args.columns else list(text.columns)
    total = len(text)
    text = text[columns].head(args.rows)
    if args.format == "csv" or (args.format is None and not args.long and not is_terminal()):
        writer = csv.writer(sys.stdout, lineterminator="\n")  # the package's own dialect: comma, minimal quoting
        writer.writerow(columns)
        writer.writerows(text.itertuples(index=False, name=None))
        return 0
    if args.long:
        print(records(text))
        print(f"[{min(args.rows, total)} of {total} rows]")
        return 0
    ids = set(primary_key(resource)) | {c for c in columns if c.endswith("_id")}
    numeric = {c for c in columns if frame[c].dtype.kind in "iuf"}
    widths = fit_columns(text, terminal_width(), ids)
    print(grid(text[list(widths)], widths, numeric))
    hidden = len(columns) - len(widths)
    more = f"; {hidden} more columns: pick with --columns, or see all with --long" if hidden else ""
    print(f"[{min(args.rows, total)} of {total} rows x {len(columns)} columns{more}]")
    return 0


def _where(condition: str, columns: list[str]) -> tuple[str, str]:
    column, sep, value = condition.partition("=")
    if not sep:
        raise UsageError(f"--where {condition!r} is not column=value; for example --where region_id=akmola")
    if column not in columns:
        raise UsageError(f"--where: unknown column {column!r}{_nearest(column, columns)}; columns: {', '.join(columns)}")
    return column, value


def _nearest(word: str, choices: list[str]) -> str:
    from .loader import did_you_mean

    nearest = did_you_mean(word, choices)
    return f" (did you mean {nearest!r}?)" if nearest else ""


SHOWN_VALUES = 12


def _known_value(column: str, value: str, cells) -> None:
    """A value no row has is a typo far more often than a question: say so, with the values there are."""
    counts = cells.value_counts()
    if value in counts.index:
        return
    import difflib

    known = [v if v else "(empty)" for v in counts.index]
    nearest = difflib.get_close_matches(value, [v for v in counts.index if v], n=1, cutoff=0.5)
    hint = f" (did you mean {column}={nearest[0]}?)" if nearest else ""
    listed = ", ".join(known[:SHOWN_VALUES]) + (f" and {len(known) - SHOWN_VALUES} more" if len(known) > SHOWN_VALUES else "")
    raise UsageError(f"--where: no row has {column}={value!r}{hint}; values of {column}: {listed}")


def _columns(spec: str, columns: list[str]) -> list[str]:
    wanted = [c.strip() for c in spec.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in columns]
    if unknown or not wanted:
        hint = _nearest(unknown[0], columns) if unknown else ""
        raise UsageError(f"--columns: unknown column {', '.join(unknown) or '(none given)'}{hint}; columns: {', '.join(columns)}")
    return wanted


def _export(args) -> int:
    from .export import export

    written = export(args.format, args.out, args.root, force=args.force)
    print(f"wrote {written}")
    return 0


def _validate(args) -> int:
    from .atomic import staged
    from .extras import require
    from .loader import descriptor, package_root
    from .outputs import check_folder, check_not_around_us, write_manifest
    from .checks.validate import format_report, prepare_process, resolve_root, validate

    root = package_root(args.path) if args.path is not None else resolve_root(None)
    descriptor(root)  # a malformed descriptor is one line here, not a traceback inside the checks
    require("validate", "validate")
    prepare_process()
    if not args.data_docs:
        results = validate(root, rule_results=args.rule_results)
    else:  # the Data Docs folder appears whole, even when the checks fail (that is what it is for)
        check_not_around_us(args.data_docs, root)
        with staged(args.data_docs, folder=True, force=args.force, replaceable=lambda p: check_folder(p, DATA_DOCS)) as tmp:
            results = validate(root, tmp, args.rule_results)
            write_manifest(tmp, DATA_DOCS)
    print(format_report(results, str(args.path or root)))
    if args.data_docs:
        print(f"Data Docs written to {args.data_docs}")
    return INVALID if any(not r.passed for r in results) else 0


DATA_DOCS = "validate --data-docs"


def _verify(args) -> int:
    from .loader import descriptor, repair
    from .verify import differences, fingerprint

    root = _here_or_installed(args.path if args.path is not None else args.root)
    desc = descriptor(root)
    differ = differences(root, desc)
    for table, problem in differ.items():
        print(f"{table}: {problem}")
    if differ:
        raise DataPackageError(f"{len(differ)} of {len(desc['resources'])} tables differ from {root / 'datapackage.json'}, so this is not "
                               f"the data of fingerprint {fingerprint(desc)}; {repair(root)}")
    print(f"OK: all {len(desc['resources'])} tables of {root} match datapackage.json "
          f"(version {desc.get('version', '?')}, data fingerprint {fingerprint(desc)})")
    return 0


def _here_or_installed(path: Path | None) -> Path:
    """PATH, else the current folder if it holds a package, else the installed copy (as validate chooses)."""
    from .loader import package_root

    if path is None and Path("datapackage.json").is_file():
        path = Path.cwd()
    return package_root(path)


def _diff(args) -> int:
    from .diff import diff, format_markdown, format_text

    report = diff(args.old, args.new)
    print(format_markdown(report) if args.format == "markdown" else format_text(report))
    return 1 if report.different else 0


def _cite(args) -> int:
    from .citation import cite

    print(cite(args.style, args.root))
    return 0


def parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    p = _Parser(prog="akim-elections", description="Kazakhstan's direct elections of akims: the open dataset.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--root", type=Path, default=None, help="folder holding datapackage.json (default: the installed copy)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("tables", help="list the tables with their rows and what one row is").set_defaults(run=_tables)
    show = sub.add_parser("show", help="print the first rows of a table: as many columns as fit on a terminal, "
                                       "whole rows as CSV into a pipe or file")
    show.add_argument("table")
    show.add_argument("-n", "--rows", type=_positive, default=10, help="how many rows, or all (default 10)")
    show.add_argument("--columns", help="comma-separated columns to print, in that order")
    show.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                      help="keep rows whose COLUMN prints as VALUE (empty for missing); repeatable")
    show.add_argument("--long", action="store_true", help="one field per line")
    show.add_argument("--format", choices=["columns", "csv"], default=None,
                      help="columns: aligned, cut to the terminal's width; csv: whole rows, comma-separated, quoted where needed "
                           "(default: columns on a terminal, csv when the output is a pipe or a file)")
    show.set_defaults(run=_show)
    exp = sub.add_parser("export", help="write every table as csv, parquet, sqlite or xlsx, with the codebook")
    exp.add_argument("--format", required=True, choices=list(FORMATS))
    exp.add_argument("--out", required=True, type=Path,
                     help="new output folder (csv, parquet) or file (.sqlite, .xlsx); sqlite also writes NAME.metadata.json "
                          "beside it, for datasette NAME.sqlite -m NAME.metadata.json")
    exp.add_argument("--force", action="store_true",
                     help="replace an earlier export of the same kind (never a folder or file this command did not write)")
    exp.set_defaults(run=_export)
    val = sub.add_parser("validate", help="check a package folder: Frictionless structure, then the election's arithmetic")
    val.add_argument("path", nargs="?", type=Path, default=None,
                     help="folder with datapackage.json (default: current folder if it has one, else the installed copy)")
    val.add_argument("--data-docs", type=Path, default=None, help="also write Great Expectations Data Docs (HTML) into this new folder")
    val.add_argument("--force", action="store_true", help="replace Data Docs written earlier by this command (nothing else)")
    val.add_argument("--rule-results", type=Path, default=None,
                     help="also write every rule's rows (rule, subject, lower, observed, upper) as CSV")
    val.set_defaults(run=_validate)
    ver = sub.add_parser("verify", help="check each table's size and sha256 against datapackage.json; print the data fingerprint")
    ver.add_argument("path", nargs="?", type=Path, default=None,
                     help="folder with datapackage.json (default: --root, else the current folder if it has one, else the installed copy)")
    ver.set_defaults(run=_verify)
    dif = sub.add_parser("diff", help="schema and row changes between two package folders or git refs (exit 1 if any)")
    dif.add_argument("old")
    dif.add_argument("new")
    dif.add_argument("--format", choices=["text", "markdown"], default="text", help="markdown: a changelog-ready section")
    dif.set_defaults(run=_diff)
    cit = sub.add_parser("cite", help="print the citation, with the version and the data fingerprint")
    cit.add_argument("--style", choices=["apa", "bibtex"], default="apa")
    cit.set_defaults(run=_cite)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        return _reader_gone()
    except UsageError as exc:  # before DataPackageError: a missing package is a usage error
        return _fail(exc, USAGE)
    except DataPackageError as exc:  # diff's 1 means "different", so its trouble is 2, as for diff(1)
        return _fail(exc, USAGE if args.run is _diff else INVALID)
    except (OSError, sqlite3.Error) as exc:  # e.g. a disk that fills up while writing
        return _fail(exc, USAGE)


def _reader_gone() -> int:
    """The reader of stdout stopped (``| head``): that is its right, not an error. Nothing more goes to stdout."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit writes nowhere
    except (OSError, ValueError):  # stdout without a file descriptor (captured in a test)
        pass
    return 0


def _fail(exc: Exception, status: int) -> int:
    print(f"akim-elections: {' '.join(str(exc).split())}", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
