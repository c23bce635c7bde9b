"""Build the published package (data/ and datapackage.json) from the curated inputs, the KATO classifier and the schema.

    python scripts/build.py            # data/, datapackage.json, CITATION.cff, .zenodo.json, contribute/templates/
    python scripts/build.py --check    # fail if anything on disk differs from what the build makes

People edit only curated/<table>.csv (the columns of each curated table the schema does not mark `x-derived`);
data/ and datapackage.json are wholly this build's output: data/<table>.csv is its curated columns plus the derived
ones, and the derived tables. Deterministic: the same inputs give byte-identical outputs (no timestamps, sorted rows,
fixed CSV dialect, sorted JSON keys where order carries no meaning).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections import schema  # noqa: E402
from akim_elections.build.citation_files import citation_cff, zenodo_json  # noqa: E402
from akim_elections.build.contest_facts import copy_sources, with_contest_facts  # noqa: E402
from akim_elections.edtf import with_bounds  # noqa: E402
from akim_elections.atomic import write_bytes  # noqa: E402
from akim_elections.csvio import read_rows, render_rows  # noqa: E402
from akim_elections.errors import DataPackageError  # noqa: E402
from akim_elections.build.places import Oblasts, contest_name_en, contest_name_latn, district_rows, post_rows, read_kato, unit_rows  # noqa: E402
from akim_elections.build.preference import with_flags  # noqa: E402
from akim_elections.build.summary import render_derived  # noqa: E402
from akim_elections.verify import fingerprint  # noqa: E402

CURATED = "curated"  # the folder of the hand-edited inputs, one CSV per curated table
CONTRIBUTION_TEMPLATES = ("sources", "contests", "candidates", "figures")


def _table_fields(name: str) -> list[str]:
    return [f["name"] for f in schema.TABLES[name]["fields"]]


def _categories(table: str, field: dict) -> list[dict]:
    """Each code of a coded field with its meaning (Table Schema v2 ``categories``), so the package explains its own codes."""
    meanings = schema.meanings(table, field)
    missing = [code for code in field["constraints"]["enum"] if code not in meanings]
    if missing:
        raise DataPackageError(f"{table}.{field['name']}: the code(s) {', '.join(missing)} have no meaning; "
                               "add them to its vocabulary in src/akim_elections/schema/vocabularies.py")
    return [{"value": code, "label": meanings[code]} for code in field["constraints"]["enum"]]


def _resource(name: str, data: bytes) -> dict:
    spec = schema.TABLES[name]
    fields = []
    for field in spec["fields"]:
        entry = {k: v for k, v in field.items() if k != "constraints"}
        if field.get("constraints"):
            entry["constraints"] = dict(field["constraints"])
        if field.get("constraints", {}).get("enum"):
            entry["categories"] = _categories(name, field)
        fields.append(entry)
    table_schema = {"fields": fields, "primaryKey": spec["primaryKey"], "missingValues": [""]}
    if spec["foreignKeys"]:
        table_schema["foreignKeys"] = spec["foreignKeys"]
    return {
        "name": name,
        "path": f"data/{name}.csv",
        "title": spec["title"],
        "description": spec["description"],
        "profile": "tabular-data-resource",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": table_schema,
        "x-kind": spec["kind"],
    }


def build_descriptor(files: dict[str, bytes], sources: list[dict]) -> dict:
    package = dict(schema.PACKAGE)
    package["version"] = schema.VERSION
    package["profile"] = "tabular-data-package"
    package["sources"] = [{"title": s["title"] or s["title_en"], "path": s["url"]} for s in sources]
    package["resources"] = [_resource(name, files[name]) for name in schema.TABLE_ORDER]
    return package


def render_json(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_inputs(root: Path) -> dict[str, list[dict]]:
    """The curated tables as people edit them, each file checked to hold exactly its input columns, in the schema's order."""
    tables = {}
    for name in schema.CURATED:
        path, expected = root / CURATED / f"{name}.csv", schema.input_fields(name)
        if not path.is_file():
            raise DataPackageError(f"{CURATED}/{name}.csv is missing; restore it (git checkout): it holds the inputs of {name}")
        with path.open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), [])
        if header != expected:
            derived = [c for c in header if c in set(_table_fields(name)) - set(expected)]
            fix = (f"remove the derived column(s) {', '.join(derived)} (the build writes them to data/)" if derived
                   else f"its header must be {','.join(expected)}")
            raise DataPackageError(f"{CURATED}/{name}.csv: {fix}")
        tables[name] = read_rows(path)
    return tables


def build(root: Path = ROOT) -> dict[Path, bytes]:
    """Everything the build writes, as {path: bytes}; nothing is written here."""
    tables = read_inputs(root)
    # Derived columns of curated tables: the bounds of EDTF dates, and which figure the preference policy uses
    # (it reads the elections' bounds).
    tables["elections"] = with_bounds(tables["elections"], "date", "date_earliest", "date_latest", "first_year")
    # A reader scans elections by date: oldest first, an open or unknown end after a closed one, ties by id.
    tables["elections"].sort(key=lambda e: (e["date_earliest"], e["date_latest"] or "9999", e["election_id"]))
    tables["events"] = with_bounds(tables["events"], "date", "date_earliest", "date_latest")
    tables["figures"] = with_bounds(with_flags(tables["figures"], tables["sources"], tables["elections"]), "as_of", "as_of_earliest", "as_of_latest")
    # The contest row's copies of its final figures and its elected candidate (their one home is figures and candidates).
    tables["contests"] = with_contest_facts(tables["contests"], tables["figures"], tables["candidates"])
    files = {"contest_sources": render_rows(_table_fields("contest_sources"),
                                            copy_sources(tables["contests"], tables["figures"], tables["candidates"], tables["sources"]))}
    kato = read_kato(root)
    changes = {c["district_kato"]: c for c in tables["district_changes"]}
    oblasts = Oblasts.from_rows(tables["regions"])
    districts = district_rows(kato, changes, oblasts)
    files["districts"] = render_rows(_table_fields("districts"), districts)
    posts = post_rows(kato, changes, oblasts)
    files["posts"] = render_rows(_table_fields("posts"), posts)
    units = unit_rows(kato, {c["unit_kato"] for c in tables["contests"] if c["unit_kato"]}, {p["post_kato"] for p in posts}, changes)
    files["units"] = render_rows(_table_fields("units"), units)
    # The derived columns of contests: the place's Latin and English names, by the one scheme of each (akim_elections.build.places).
    units_by_kato, districts_by_kato = {u["unit_kato"]: u for u in units}, {d["district_kato"]: d for d in districts}
    for contest in tables["contests"]:
        contest["name_en"] = contest_name_en(contest, units_by_kato, districts_by_kato)
        contest["name_latn"] = contest_name_latn(contest, units_by_kato, districts_by_kato)
    files.update({name: render_rows(_table_fields(name), tables[name]) for name in schema.CURATED})
    files.update(render_derived(tables))
    outputs = {root / "data" / f"{name}.csv": files[name] for name in schema.TABLE_ORDER}
    descriptor = build_descriptor(files, tables["sources"])
    outputs[root / "datapackage.json"] = render_json(descriptor)
    outputs[root / "CITATION.cff"] = citation_cff(fingerprint(descriptor)).encode("utf-8")
    outputs[root / ".zenodo.json"] = zenodo_json(fingerprint(descriptor)).encode("utf-8")
    for name in CONTRIBUTION_TEMPLATES:  # empty inputs with the right header, for people who add rows
        outputs[root / "contribute" / "templates" / f"{name}.csv"] = render_rows(schema.input_fields(name), [])
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build data/ and datapackage.json from curated/.")
    parser.add_argument("--check", action="store_true", help="only compare with what is on disk")
    args = parser.parse_args(argv)
    try:
        outputs = build(ROOT)
    except (DataPackageError, ValueError) as exc:  # a malformed input (a table, a date): one line, and nothing written
        print(f"build: {exc}", file=sys.stderr)
        return 1
    stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for p in stale:
            print(f"build: {p.relative_to(ROOT)} is out of date; run python scripts/build.py", file=sys.stderr)
        return 1 if stale else 0
    for path, data in outputs.items():
        write_bytes(path, data)
    print(f"build: wrote {len(outputs)} files ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
