"""Compare two versions of the package: schema changes first, then rows, table by table.

    akim-elections diff OLD NEW [--format text|markdown]

OLD and NEW are package folders or git refs of the current repository. Rows are matched by the
primary key each descriptor declares. Columns added, removed or renamed are schema changes, reported
once; rows are compared on the columns both versions have, so a new column does not make every row
"changed". A column is taken as renamed when the newer descriptor says so (a field's ``x-formerly``
lists its earlier names), or when a removed and an added column hold the same values in every matched row. A CSV whose header differs from the fields its descriptor declares (a column
the descriptor does not list, or a listed one the file lacks) is a schema difference too, in either
version: otherwise such a column would be invisible.

Renamed ids: when the newer package has ``ID_MAP`` (CSV with columns table, old_id, new_id; for a
table whose primary key has several columns the id is the key values joined by "/"), old rows are
matched through it, so a renamed row counts as renamed, not as removed and added; values of foreign-key
columns are compared through the mapping of the table they reference.
"""

from __future__ import annotations

import csv
import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .codebook import foreign_keys
from .csvio import read_rows
from .errors import DataPackageError, PackageNotFoundError, UsageError
from .loader import check_descriptor, package_root, primary_key

ID_MAP = "data/id_map.csv"
ID_MAP_COLUMNS = ("table", "old_id", "new_id")
LIMIT = 10  # rows listed per kind of change before "and N more"


@dataclass
class TableDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renamed or self.changed)


@dataclass
class Report:
    old: str
    new: str
    schema: list[str] = field(default_factory=list)        # one line per schema change
    tables: dict[str, TableDiff] = field(default_factory=dict)

    @property
    def different(self) -> bool:
        return bool(self.schema) or any(self.tables.values())


@dataclass
class Package:
    desc: dict
    rows: dict[str, list[dict]]
    id_map: dict[str, dict[str, str]]
    headers: dict[str, list[str]] = field(default_factory=dict)  # each CSV's own first line


# --- reading ---------------------------------------------------------------------------------------
def package_dir(spec: str, workdir: Path) -> Path:
    """A folder holding datapackage.json: ``spec`` itself, or a git ref of the current repository written into ``workdir``."""
    folder = Path(spec)
    if folder.exists():
        return package_root(folder)
    if not _git_ok("rev-parse", "--git-dir"):
        raise UsageError(f"{spec!r} is not a folder, and {Path.cwd()} is not in a git repository to read it as a ref from; "
                         "give a package folder, or run diff inside a clone of the package")
    if not _git_ok("rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"):
        raise UsageError(f"{spec!r} is neither a folder nor a git ref of this repository; give a package folder, "
                         "or a tag or commit (git tag lists them)")
    target = workdir / spec.replace("/", "_")
    blob = _git_show(spec, "datapackage.json")
    if blob is None:
        raise PackageNotFoundError(f"git ref {spec!r} has no datapackage.json; give a ref of a released version")
    names = ["datapackage.json", ID_MAP]
    desc = _parse(blob, f"{spec}:datapackage.json")
    names += [r["path"] for r in desc["resources"]]
    for name in names:
        data = _git_show(spec, name)
        if data is not None:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    return target


def _git_ok(*args: str) -> bool:
    try:
        return subprocess.run(["git", *args], capture_output=True).returncode == 0
    except FileNotFoundError:  # no git on this machine: a ref cannot be read
        return False


def _git_show(ref: str, name: str) -> bytes | None:
    out = subprocess.run(["git", "show", f"{ref}:{name}"], capture_output=True)
    return out.stdout if out.returncode == 0 else None


def _parse(data: bytes, where: str) -> dict:
    try:
        desc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataPackageError(f"{where} is not valid UTF-8 JSON ({exc}); give a valid package") from exc
    check_descriptor(desc, Path(where))
    return desc


def read_package(root: Path) -> Package:
    desc = _parse((root / "datapackage.json").read_bytes(), str(root / "datapackage.json"))
    rows, headers = {}, {}
    for resource in desc["resources"]:
        path = root / resource["path"]
        try:
            rows[resource["name"]] = read_rows(path)
            headers[resource["name"]] = _header(path)
        except FileNotFoundError as exc:
            raise DataPackageError(f"{path} is missing; the descriptor lists it") from exc
        except UnicodeDecodeError as exc:
            raise DataPackageError(f"{path} is not UTF-8; re-save it as UTF-8") from exc
    return Package(desc, rows, read_id_map(root, desc), headers)


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), [])


def read_id_map(root: Path, desc: dict) -> dict[str, dict[str, str]]:
    """{table: {old id: new id}} from the package's ID_MAP, or {} when it has none."""
    path = root / ID_MAP
    if not path.is_file():
        return {}
    try:
        rows = read_rows(path)
    except UnicodeDecodeError as exc:
        raise DataPackageError(f"{path} is not UTF-8; re-save it as UTF-8") from exc
    if rows and not set(ID_MAP_COLUMNS) <= set(rows[0]):
        raise DataPackageError(f"{path}: needs columns {', '.join(ID_MAP_COLUMNS)}; has {', '.join(rows[0])}")
    names = {r["name"] for r in desc["resources"]}
    mapping: dict[str, dict[str, str]] = {}
    for i, row in enumerate(rows, start=2):
        if row["table"] not in names:
            raise DataPackageError(f"{path} line {i}: table {row['table']!r} is not in the package")
        if row["old_id"] in mapping.setdefault(row["table"], {}):
            raise DataPackageError(f"{path} line {i}: {row['table']} id {row['old_id']!r} is mapped twice")
        mapping[row["table"]][row["old_id"]] = row["new_id"]
    return mapping


# --- comparing -------------------------------------------------------------------------------------
def _resources(desc: dict) -> dict[str, dict]:
    return {r["name"]: r for r in desc["resources"]}


def _fields(resource: dict) -> list[dict]:
    return resource["schema"]["fields"]


def _key(row: dict, key: list[str]) -> str:
    return "/".join(row.get(k) or "" for k in key)


def compare(old: Package, new: Package, old_name: str = "old", new_name: str = "new") -> Report:
    report = Report(old_name, new_name)
    old_res, new_res = _resources(old.desc), _resources(new.desc)
    for package, label in ((old, old_name), (new, new_name)):
        report.schema += _undeclared(package, label)
    for name in [n for n in old_res if n not in new_res]:
        report.schema.append(f"table {name} removed ({len(old.rows[name])} rows)")
    for name in new_res:
        if name not in old_res:
            report.schema.append(f"table {name} added ({len(new.rows[name])} rows)")
            continue
        report.tables[name] = _compare_table(name, old_res[name], new_res[name], old, new, report.schema)
    return report


def _undeclared(package: Package, label: str) -> list[str]:
    """One line per column where a CSV and its descriptor disagree (rows are read by header, so it would not show)."""
    lines = []
    for name, resource in _resources(package.desc).items():
        header, declared = package.headers.get(name, []), [f["name"] for f in _fields(resource)]
        lines += [f"{name}: column {c} in {label}'s CSV is not declared in its descriptor" for c in header if c not in declared]
        lines += [f"{name}: column {c} declared in {label}'s descriptor is missing from its CSV" for c in declared if c not in header]
    return lines


def _compare_table(name: str, old_r: dict, new_r: dict, old: Package, new: Package, schema: list[str]) -> TableDiff:
    out = TableDiff()
    old_key, new_key = primary_key(old_r), primary_key(new_r)
    if old_key != new_key:
        schema.append(f"{name}: primary key {', '.join(old_key)} -> {', '.join(new_key)}")
    ids = new.id_map.get(name, {})
    references = {fk_fields[0]: new.id_map.get(ref, {}) for fk_fields, ref, _ in foreign_keys(new_r) if len(fk_fields) == 1}
    old_rows = {}
    for row in old.rows[name]:
        key = _key(row, old_key)
        if len(old_key) > 1:  # a key of several references (election, oblast...) follows the renames of each
            key_now = "/".join(references.get(k, {}).get(row.get(k) or "", row.get(k) or "") for k in old_key)
        else:
            key_now = ids.get(key, key)
        old_rows[key_now] = (key, row)
    new_rows = {_key(row, new_key): row for row in new.rows[name]}
    matched = [k for k in new_rows if k in old_rows]
    out.added = [k for k in new_rows if k not in old_rows]
    out.removed = [old_rows[k][0] for k in old_rows if k not in new_rows]
    out.renamed = [(old_rows[k][0], k) for k in matched if old_rows[k][0] != k]

    old_types = {f["name"]: f.get("type", "string") for f in _fields(old_r)}
    new_types = {f["name"]: f.get("type", "string") for f in _fields(new_r)}
    pairs = {c: c for c in new_types if c in old_types}  # new column -> old column
    gone = [c for c in old_types if c not in new_types]
    formerly = {f["name"]: f.get("x-formerly", []) for f in _fields(new_r)}
    for column in [c for c in new_types if c not in old_types]:
        # A rename the schema declares (`x-formerly`), else a removed column holding the same values in every matched row.
        same = next((g for g in formerly[column] if g in gone), None) or next(
            (g for g in gone if matched and all(old_rows[k][1].get(g) == new_rows[k].get(column) for k in matched)), None)
        if same:
            gone.remove(same)
            pairs[column] = same
            schema.append(f"{name}: column {same} renamed to {column}")
        else:
            schema.append(f"{name}: column {column} added")
    schema.extend(f"{name}: column {c} removed" for c in gone)
    for column, was in pairs.items():
        if old_types[was] != new_types[column]:
            schema.append(f"{name}: column {column} type {old_types[was]} -> {new_types[column]}")

    for k in matched:
        before, after = old_rows[k][1], new_rows[k]
        changes = {}
        for column, was in pairs.items():
            if column in new_key:
                continue
            value = before.get(was, "")
            value = references.get(column, {}).get(value, value)  # a reference to a renamed id is not a change
            if value != after.get(column, ""):
                changes[column] = (before.get(was, ""), after.get(column, ""))
        if changes:
            out.changed[k] = changes
    return out


# --- reporting -------------------------------------------------------------------------------------
def _more(items: list, limit: int) -> list:
    return items[:limit] + ([f"... and {len(items) - limit} more"] if len(items) > limit else [])


def _short(old: str, new: str, width: int = 60) -> tuple[str, str]:
    """Both values cut to width around where they first differ, so that a long text shows its change, not its start."""
    if max(len(old), len(new)) <= width:
        return repr(old), repr(new)
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, start - width // 3)

    def cut(value: str) -> str:
        part = value[start:start + width]
        return repr(("…" if start else "") + part + ("…" if start + width < len(value) else ""))
    return cut(old), cut(new)


def _change(fields: dict) -> str:
    return "; ".join(f"{f}: {' -> '.join(_short(o, n))}" for f, (o, n) in fields.items())


def format_text(report: Report, limit: int = LIMIT) -> str:
    if not report.different:
        return f"{report.old} and {report.new}: no differences in schema or rows"
    lines = [f"{report.old} -> {report.new}"]
    if report.schema:
        lines.append("schema:")
        lines += [f"  {line}" for line in report.schema]
    lines.append("rows:")
    for name, part in report.tables.items():
        if not part:
            continue
        lines.append(f"  {name}: {len(part.added)} added, {len(part.removed)} removed, "
                     f"{len(part.renamed)} renamed, {len(part.changed)} changed")
        lines += [f"    + {k}" if not k.startswith("...") else f"    {k}" for k in _more(part.added, limit)]
        lines += [f"    - {k}" if not k.startswith("...") else f"    {k}" for k in _more(part.removed, limit)]
        lines += [f"    {item}" if isinstance(item, str) else f"    > {item[0]} -> {item[1]}" for item in _more(part.renamed, limit)]
        changed = [f"~ {k}: {_change(f)}" for k, f in part.changed.items()]
        lines += [f"    {item}" for item in _more(changed, limit)]
    if not any(report.tables.values()):
        lines.append("  no row changes")
    return "\n".join(lines)


def format_markdown(report: Report, limit: int = LIMIT) -> str:
    lines = [f"## Changes from {report.old} to {report.new}", ""]
    if not report.different:
        return "\n".join(lines + ["No changes to the schema or the rows."])
    if report.schema:
        lines += ["### Schema", ""] + [f"- {_code_names(line)}" for line in report.schema] + [""]
    changed = {n: p for n, p in report.tables.items() if p}
    lines += ["### Rows", ""]
    if not changed:
        return "\n".join(lines + ["No row changes."])
    lines += ["| table | added | removed | renamed | changed |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| `{n}` | {len(p.added)} | {len(p.removed)} | {len(p.renamed)} | {len(p.changed)} |" for n, p in changed.items()]
    for name, part in changed.items():
        lines += ["", f"#### `{name}`", ""]
        for label, items in (("Added", [f"`{k}`" for k in part.added]), ("Removed", [f"`{k}`" for k in part.removed]),
                             ("Renamed", [f"`{a}` → `{b}`" for a, b in part.renamed])):
            if items:
                lines.append(f"- {label} ({len(items)}): " + ", ".join(_more(items, limit)))
        if part.changed:
            lines.append(f"- Changed ({len(part.changed)}):")
            lines += [f"  - {item}" for item in _more([f"`{k}`: {_change(f)}" for k, f in part.changed.items()], limit)]
    return "\n".join(lines)


def _code_names(line: str) -> str:
    """Set table and column names of a schema line in code font."""
    words = line.split(" ")
    return " ".join(f"`{w.rstrip(':')}`:" if i == 0 and w.endswith(":") else
                    (f"`{w}`" if i > 0 and words[i - 1] in ("column", "table", "to") else w) for i, w in enumerate(words))


def diff(old: str, new: str) -> Report:
    """Compare package versions ``old`` and ``new`` (folders or git refs of the current repository)."""
    with tempfile.TemporaryDirectory() as tmp:
        old_pkg = read_package(package_dir(old, Path(tmp) / "old"))
        new_pkg = read_package(package_dir(new, Path(tmp) / "new"))
    return compare(old_pkg, new_pkg, old, new)
