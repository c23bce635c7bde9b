"""Compare two versions of the package table by table, by primary key."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from .csvio import read_rows


def _package_dir(spec: str, workdir: Path) -> Path:
    """A folder holding datapackage.json: ``spec`` itself, or a git ref checked out into ``workdir``."""
    folder = Path(spec)
    if (folder / "datapackage.json").is_file():
        return folder
    try:
        listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", spec], check=True, capture_output=True, text=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        raise ValueError(f"{spec!r} is neither a folder with datapackage.json nor a git ref of this repository") from exc
    target = workdir / spec.replace("/", "_")
    for name in listing.splitlines():
        if name == "datapackage.json" or (name.startswith("data/") and name.endswith(".csv")):
            blob = subprocess.run(["git", "show", f"{spec}:{name}"], check=True, capture_output=True).stdout
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(blob)
    return target


def diff_packages(old: Path, new: Path) -> dict[str, dict]:
    """{table: {"added": [keys], "removed": [keys], "changed": {key: {field: (old, new)}}}}."""
    old_desc = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    new_desc = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
    old_res = {r["name"]: r for r in old_desc["resources"]}
    report = {}
    for res in new_desc["resources"]:
        name, key = res["name"], res["schema"]["primaryKey"]
        new_rows = {tuple(r[k] for k in key): r for r in read_rows(new / res["path"])}
        old_rows = {}
        if name in old_res and (old / old_res[name]["path"]).is_file():
            old_rows = {tuple(r.get(k, "") for k in key): r for r in read_rows(old / old_res[name]["path"])}
        changed = {}
        for k in sorted(set(old_rows) & set(new_rows)):
            fields = {f: (old_rows[k].get(f), v) for f, v in new_rows[k].items() if old_rows[k].get(f) != v}
            if fields:
                changed[k] = fields
        report[name] = {"added": sorted(set(new_rows) - set(old_rows)), "removed": sorted(set(old_rows) - set(new_rows)), "changed": changed}
    for name in sorted(set(old_res) - {r["name"] for r in new_desc["resources"]}):
        report[name] = {"added": [], "removed": ["(whole table)"], "changed": {}}
    return report


def format_report(report: dict[str, dict], limit: int = 10) -> str:
    lines = []
    for name, part in report.items():
        lines.append(f"{name}: +{len(part['added'])} added, -{len(part['removed'])} removed, ~{len(part['changed'])} changed")
        for k in part["added"][:limit]:
            lines.append(f"  + {'/'.join(k) if isinstance(k, tuple) else k}")
        for k in part["removed"][:limit]:
            lines.append(f"  - {'/'.join(k) if isinstance(k, tuple) else k}")
        for k, fields in list(part["changed"].items())[:limit]:
            changes = "; ".join(f"{f}: {o!r} -> {n!r}" for f, (o, n) in fields.items())
            lines.append(f"  ~ {'/'.join(k)}: {changes}")
    return "\n".join(lines)


def diff(old: str, new: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        return format_report(diff_packages(_package_dir(old, Path(tmp)), _package_dir(new, Path(tmp))))
