"""The akim-elections command line: tables, show, export, validate, diff, cite."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .loader import DataPackageError


def _tables(args) -> int:
    from .loader import descriptor, tables

    resources = {r["name"]: r for r in descriptor(args.root)["resources"]}
    for name in tables(args.root):
        r = resources[name]
        print(f"{name:<18} {r.get('x-kind', ''):<8} {r['title']}")
    return 0


def _show(args) -> int:
    import pandas as pd

    from .loader import load

    frame = load(args.table, args.root)
    head = frame.head(args.rows).astype(object).where(frame.head(args.rows).notna(), "")
    head = head.map(lambda v: v if len(str(v)) <= 30 else str(v)[:29] + "…")
    with pd.option_context("display.max_columns", 12, "display.width", 160):
        print(head.to_string(index=False))
    print(f"[{len(frame)} rows x {len(frame.columns)} columns]")
    return 0


def _export(args) -> int:
    from .export import export

    written = export(args.format, args.out, args.root)
    print(f"wrote {written}")
    return 0


def _validate(args) -> int:
    from .validate import main as validate_main

    return validate_main(args.path, data_docs=args.data_docs)


def _diff(args) -> int:
    from .diff import diff

    print(diff(args.old, args.new))
    return 0


def _cite(args) -> int:
    from .citation import cite

    print(cite(args.style))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="akim-elections", description="Kazakhstan's direct elections of rural akims: the open dataset.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--root", type=Path, default=None, help="folder holding datapackage.json (default: the installed copy)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("tables", help="list the tables").set_defaults(run=_tables)
    show = sub.add_parser("show", help="print the first rows of a table")
    show.add_argument("table")
    show.add_argument("-n", "--rows", type=int, default=10)
    show.set_defaults(run=_show)
    exp = sub.add_parser("export", help="write every table as csv, parquet, sqlite or xlsx")
    exp.add_argument("--format", required=True, choices=["csv", "parquet", "sqlite", "xlsx"])
    exp.add_argument("--out", required=True, type=Path, help="output folder (csv, parquet) or file (sqlite, xlsx)")
    exp.set_defaults(run=_export)
    val = sub.add_parser("validate", help="check a package folder: Frictionless structure, then the election's arithmetic")
    val.add_argument("path", nargs="?", type=Path, default=None,
                     help="folder with datapackage.json (default: current folder if it has one, else the installed copy)")
    val.add_argument("--data-docs", type=Path, default=None, help="also write Great Expectations Data Docs (HTML) here")
    val.set_defaults(run=_validate)
    dif = sub.add_parser("diff", help="rows added, removed and changed between two package folders or git refs")
    dif.add_argument("old")
    dif.add_argument("new")
    dif.set_defaults(run=_diff)
    cit = sub.add_parser("cite", help="print the citation")
    cit.add_argument("--style", choices=["apa", "bibtex"], default="apa")
    cit.set_defaults(run=_cite)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (DataPackageError, ValueError, OSError) as exc:  # one line naming the problem, no traceback
        print(f"akim-elections: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
