"""The repository is complete in itself, and what its README and metadata say about it is true."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import akim_elections as ae
from conftest import ROOT

# This file spells out the outside paths it looks for.
HERE = Path(__file__).resolve().relative_to(ROOT).as_posix()
# Places outside the checkout that a file could lean on: the old sibling folder, the parent of the
# root, and absolute paths of machines the project was built on.
OUTSIDE = re.compile(r"\.\./shared|\bROOT\.parent\b|(?<![\w:/.~-])/(?:work|home|tmp|mnt|srv|opt|Users)/")
PARENTS = re.compile(r"\.parents\[(\d+)\]")


def project_files() -> list[str]:
    """The tracked files of a git checkout; in an unpacked sdist (no git), every file it holds."""
    if (ROOT / ".git").exists():
        listing = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
        return listing.splitlines()
    skip = {"__pycache__", ".pytest_cache"}
    return [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.parts)]


def text_of(name: str) -> str | None:
    data = (ROOT / name).read_bytes()
    return None if b"\0" in data else data.decode("utf-8", errors="replace")


def outside_references(name: str, text: str) -> list[str]:
    found = [m.group(0) for m in OUTSIDE.finditer(text)]
    # Path(__file__).parents[k] leaves the repository once k reaches the file's depth in it.
    depth = len(Path(name).parts)
    found += [m.group(0) for m in PARENTS.finditer(text) if int(m.group(1)) >= depth]
    return found


def test_no_file_names_a_path_outside_the_repository():
    offenders = {}
    for name in project_files():
        text = None if name == HERE else text_of(name)
        if text and (found := outside_references(name, text)):
            offenders[name] = found
    assert offenders == {}


def test_the_outside_path_check_catches_what_it_is_for():
    assert outside_references("CHANGELOG.md", "built from `../" "shared/research`")  # split so a grep of the tree stays clean
    assert outside_references("scripts/x.py", "GEO = ROOT.parent / 'shared'")
    assert outside_references("scripts/x.py", "Path(__file__).resolve().parents[2]")
    assert outside_references("README.md", "see /work/main/data")
    assert not outside_references("scripts/x.py", "Path(__file__).resolve().parents[1]")
    assert not outside_references("docs/x.md", "https://example.org/home/page and ../data-docs/index.html")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_sdist_lists_only_what_exists():
    include = _pyproject()["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert [name for name in include if not (ROOT / name).exists()] == []


def test_the_all_extra_is_every_optional_feature_of_the_package():
    extras = _pyproject()["project"]["optional-dependencies"]
    assert extras["all"] == ["akim-elections[parquet,excel,validate]"]


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", text, re.S | re.M).group(1)


def test_the_readme_lists_every_table():
    listed = re.findall(r"^\| \[`(\w+)`\]\(data/\1\.csv\)", _readme_section("The data"), re.M)
    assert sorted(listed) == sorted(ae.tables(ROOT))


def test_the_readme_layout_names_only_what_exists():
    named = re.findall(r"`([^`\s]+)`", _readme_section("Layout"))
    assert named and [name for name in named if not (ROOT / name).exists()] == []


def test_the_readme_install_section_names_every_extra():
    install = _readme_section("Install")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    users = [e for e in extras if e not in ("docs", "test", "dev")]  # the contributors' extras are CONTRIBUTING's
    assert {"parquet", "excel", "validate", "all"} <= set(users)
    for line in ["pip install .", "pip install akim-elections", *(f"pip install '.[{e}]'" for e in users)]:
        assert line in install, line


def test_no_url_points_at_the_unpublished_repository():
    # The project has no public home yet; a URL to one would be a dead link in every copy.
    offenders = [name for name in project_files() if name != HERE
                 and "github.com/akim-elections" in (text_of(name) or "")]
    assert offenders == []


def test_every_folder_of_raw_says_what_it_holds():
    folders = {Path(name).parent for name in project_files() if name.startswith("raw/")}
    assert folders and [f.as_posix() for f in sorted(folders)
                        if not {"README.md", "SOURCES.md"} & {p.name for p in (ROOT / f).iterdir()}] == []


def test_ci_runs_the_readme_test_command_on_every_push_and_pull_request():
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert re.search(r"^on:\s*\[push, pull_request\]", workflow, re.M)
    assert re.search(r"^\s+run: bash scripts/test\.sh$", workflow, re.M)
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "GitHub Actions workflow" in contributing and "bash scripts/test.sh" in contributing
