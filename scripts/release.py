"""Cut a release: one version in every place it shows, a tag, then the next development version.

    python scripts/release.py 0.3.0 [--date 2026-12-20] [--next 0.4.0]

1. Refuses, in one line and changing nothing, a working tree with uncommitted changes, a version that
   is not X.Y.Z, a tag vX.Y.Z that exists, a build that is out of date, or a CHANGELOG.md without a
   "## X.Y.Z (unreleased)" section (write it first: akim-elections diff vLAST HEAD --format markdown).
2. Sets ``__version__`` and ``__release_date__`` (src/akim_elections/_version.py) and the changelog
   heading ("## X.Y.Z (DATE)"), rebuilds (datapackage.json, CITATION.cff, .zenodo.json carry both), records
   every id the release publishes in releases/ids-X.Y.Z.csv (from then on the validation holds the package to
   them: rule released-id-lives), commits "Release X.Y.Z" and tags it vX.Y.Z.
3. Moves on to the next development version (``--next``, by default the next minor: 0.4.0.dev0), with no
   release date and an empty "## 0.4.0 (unreleased)" section, rebuilt and committed.

Nothing is pushed: check the two commits, then push them and the tag.
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections.checks import released  # noqa: E402
VERSION_FILE = Path("src/akim_elections/_version.py")
CHANGELOG = Path("CHANGELOG.md")
RELEASE = re.compile(r"^\d+\.\d+\.\d+$")


class Refused(Exception):
    """The release cannot be cut as asked; the message says why and what to do."""


def git(*args: str, root: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def section(version: str) -> re.Pattern:
    """The changelog heading of ``version`` before its release: "## 0.3.0 (unreleased)"."""
    return re.compile(rf"^## {re.escape(version)} \(unreleased\)$", re.M)


def changelog_heading(version: str, release_date: str | None) -> str:
    """The heading CHANGELOG.md has for the version in _version.py: a release's date, or "unreleased" for X.Y.Z.devN."""
    if release_date:
        return f"## {version} ({release_date})"
    base = re.sub(r"\.dev\d+$", "", version)
    return f"## {base} (unreleased)"


def set_version(root: Path, version: str, release_date: str | None) -> None:
    path = root / VERSION_FILE
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'^__version__ = .*$', f'__version__ = "{version}"', text, count=1, flags=re.M)
    date = f'"{release_date}"' if release_date else "None"
    text = re.sub(r"^__release_date__ = .*?(\s*#.*)?$", lambda m: f"__release_date__ = {date}{m.group(1) or ''}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def next_minor(version: str) -> str:
    major, minor, _ = (int(p) for p in version.split("."))
    return f"{major}.{minor + 1}.0"


def check(root: Path, version: str, next_version: str, today: str) -> str:
    """The changelog with the release's heading dated; Refused if the release cannot be cut."""
    if not RELEASE.match(next_version):
        raise Refused(f"--next {next_version!r} is not X.Y.Z (for example 0.4.0)")
    try:
        datetime.date.fromisoformat(today)
    except ValueError:
        raise Refused(f"--date {today!r} is not a date; give it as YYYY-MM-DD") from None
    if git("status", "--porcelain", root=root).strip():
        raise Refused("the working tree has uncommitted changes; commit or stash them, then run the release again")
    if git("tag", "--list", f"v{version}", root=root).strip():
        raise Refused(f"tag v{version} exists already; give the next version")
    record = released.path(root, version)
    if record.exists():
        raise Refused(f"{record.relative_to(root)} exists already: a release's ids are recorded once; give the next version")
    build = subprocess.run([sys.executable, "scripts/build.py", "--check"], cwd=root, capture_output=True, text=True)
    if build.returncode:
        raise Refused("the build is out of date; run python scripts/build.py, commit, then run the release again")
    log = (root / CHANGELOG).read_text(encoding="utf-8")
    if not section(version).search(log):
        raise Refused(f"CHANGELOG.md has no '## {version} (unreleased)' section; write the release's changes there first "
                      "(akim-elections diff vLAST HEAD --format markdown starts one)")
    return section(version).sub(changelog_heading(version, today), log, count=1)


def commit(root: Path, message: str) -> None:
    subprocess.run([sys.executable, "scripts/build.py"], cwd=root, check=True, capture_output=True)
    git("add", "-A", root=root)
    git("commit", "--quiet", "-m", message, root=root)


def release(root: Path, version: str, today: str, next_version: str | None = None) -> str:
    """Cut ``version``; returns the development version the tree is left at."""
    if not RELEASE.match(version):
        raise Refused(f"version {version!r} is not X.Y.Z (for example 0.3.0)")
    next_version = next_version or next_minor(version)
    log = check(root, version, next_version, today)
    (root / CHANGELOG).write_text(log, encoding="utf-8")
    set_version(root, version, today)
    released.write(root, version)
    commit(root, f"Release {version}")
    git("tag", "-a", f"v{version}", "-m", f"akim-elections {version}", root=root)
    title, _, rest = log.partition("\n## ")
    (root / CHANGELOG).write_text(f"{title}\n{changelog_heading(next_version + '.dev0', None)}\n\n## {rest}", encoding="utf-8")
    set_version(root, f"{next_version}.dev0", None)
    commit(root, f"Start {next_version}.dev0")
    return f"{next_version}.dev0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cut a release: set version and date, rebuild, commit, tag, move on.")
    parser.add_argument("version", help="the release, X.Y.Z")
    parser.add_argument("--date", default=datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
                        help="release date, YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--next", dest="next_version", default=None, help="the next version, X.Y.Z (default: the next minor)")
    args = parser.parse_args(argv)
    try:
        now = release(ROOT, args.version, args.date, args.next_version)
    except Refused as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 2
    print(f"release: committed and tagged v{args.version}, then moved on to {now}; check both commits, then push them and the tag")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
