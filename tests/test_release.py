"""Releases: one version everywhere, a valid citation, the release script, exports that read back, a diff, an offline wheel."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from importlib.metadata import version as installed_version
from pathlib import Path

import pandas as pd
import pytest

import akim_elections as ae
from akim_elections import citation, schema
from akim_elections.csvio import read_rows
from akim_elections.diff import diff, format_text
from conftest import EXPORTS, ROOT, docs_site, load_script, write_rows

VERSION = ae.__version__


def test_one_version_everywhere():
    assert installed_version("akim-elections") == VERSION
    assert json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"] == VERSION
    assert re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M).group(1) == VERSION
    assert json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))["version"] == VERSION
    heading = load_script("release").changelog_heading(VERSION, ae._version.__release_date__)
    assert (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split("\n## ", 1)[1].startswith(heading[3:])  # the top section
    assert f"Version {VERSION};" in citation.apa()
    assert f"Version {VERSION}" in docs_site().page_markdown("cite.md")


def test_between_releases_the_version_is_a_development_version_without_a_date():
    from packaging.version import Version

    released = ae._version.__release_date__
    assert Version(VERSION).is_devrelease == (released is None)
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    if released is None:
        assert "date-released" not in cff and "publication_date" not in (ROOT / ".zenodo.json").read_text(encoding="utf-8")
        assert "(n.d.)" in citation.apa() and "date =" not in citation.bibtex()
        return
    assert re.search(r"^date-released: (\S+)$", cff, re.M).group(1) == released
    assert json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))["publication_date"] == released
    assert f"date = {{{released}}}" in citation.bibtex()
    assert f"({released[:4]}, " in citation.apa()
    assert released in docs_site().page_markdown("cite.md")


def _repo_copy(target: Path) -> Path:
    """This tree's files (committed or not, ignored ones aside) in a new git repository: the release test never touches ROOT."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    for command in (["init", "--quiet"], ["config", "user.name", "Release Test"], ["config", "user.email", "test@example.invalid"],
                    ["add", "-A"], ["commit", "--quiet", "-m", "copy"]):
        subprocess.run(["git", *command], cwd=target, check=True, capture_output=True)
    return target


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _release(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/release.py", *args], cwd=repo, capture_output=True, text=True)


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    """A copy of the repository in which 0.3.0 was released (dated 2026-12-20) by the release script."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    repo = _repo_copy(tmp_path_factory.mktemp("release") / "repo")
    current = load_script("release").RELEASE.match(VERSION.removesuffix(".dev0"))
    assert current, "the tree is at a development version of X.Y.Z"
    out = _release(repo, VERSION.removesuffix(".dev0"), "--date", "2026-12-20")
    assert out.returncode == 0, out.stderr
    return repo


def test_the_release_script_tags_a_release_commit_that_says_its_version_everywhere(released):
    version = VERSION.removesuffix(".dev0")
    assert _git(released, "tag", "--list").split() == [f"v{version}"]
    at_tag = {name: _git(released, "show", f"v{version}:{name}") for name in
              ("src/akim_elections/_version.py", "CITATION.cff", ".zenodo.json", "datapackage.json", "CHANGELOG.md")}
    assert f'__version__ = "{version}"' in at_tag["src/akim_elections/_version.py"]
    assert '__release_date__ = "2026-12-20"' in at_tag["src/akim_elections/_version.py"]
    assert f"version: {version}\ndate-released: 2026-12-20\n" in at_tag["CITATION.cff"]
    assert json.loads(at_tag[".zenodo.json"])["publication_date"] == "2026-12-20"
    assert json.loads(at_tag["datapackage.json"])["version"] == version
    assert at_tag["CHANGELOG.md"].split("\n## ", 1)[1].startswith(f"{version} (2026-12-20)\n")


def test_the_release_commit_records_every_id_it_publishes(released):
    version = VERSION.removesuffix(".dev0")
    name = f"releases/ids-{version}.csv"
    assert name in _git(released, "show", "--name-only", "--format=", f"v{version}").split()
    recorded = _git(released, "show", f"v{version}:{name}").splitlines()
    keyed = {t: spec["primaryKey"][0] for t, spec in schema.TABLES.items() if len(spec["primaryKey"]) == 1}
    ids = sorted(f"{t},{row[key]}" for t, key in keyed.items() for row in read_rows(released / "data" / f"{t}.csv"))
    assert recorded == ["table,id", *ids]
    from akim_elections.checks.validate import format_report, validate

    results = validate(released)
    assert [r for r in results if r.rule == "released-id-lives" and r.passed], format_report(results)
    assert all(r.passed for r in results), format_report(results)


def test_the_release_script_moves_on_to_the_next_development_version(released):
    major, minor, _ = VERSION.removesuffix(".dev0").split(".")
    following = f"{major}.{int(minor) + 1}.0"
    version_py = (released / "src" / "akim_elections" / "_version.py").read_text(encoding="utf-8")
    assert f'__version__ = "{following}.dev0"' in version_py and "__release_date__ = None" in version_py
    log = (released / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.split("\n## ")[1:3] == [f"{following} (unreleased)\n", log.split("\n## ")[2]]
    assert log.split("\n## ")[2].startswith(f"{major}.{minor}.0 (2026-12-20)")
    assert _git(released, "status", "--porcelain") == ""
    assert _git(released, "log", "--format=%s", "-3").splitlines() == [f"Start {following}.dev0", f"Release {major}.{minor}.0", "copy"]
    assert "version: " + following + ".dev0" in (released / "CITATION.cff").read_text(encoding="utf-8")
    assert subprocess.run([sys.executable, "scripts/build.py", "--check"], cwd=released).returncode == 0


@pytest.mark.parametrize("args, damage, words", [
    (["9.9.9"], lambda repo: (repo / "notes.txt").write_text("draft", encoding="utf-8"), "the working tree has uncommitted changes"),
    (["9.9.9"], None, "CHANGELOG.md has no '## 9.9.9 (unreleased)' section"),
    (["0.3"], None, "version '0.3' is not X.Y.Z"),
    (["9.9.9", "--next", "soon"], None, "--next 'soon' is not X.Y.Z"),
    (["9.9.9", "--date", "20 December"], None, "--date '20 December' is not a date"),
])
def test_the_release_script_refuses_in_one_line_and_changes_nothing(released, args, damage, words):
    if damage:
        damage(released)
    before = _git(released, "rev-parse", "HEAD"), _git(released, "tag", "--list"), _git(released, "status", "--porcelain")
    out = _release(released, *args)
    try:
        assert out.returncode == 2 and out.stderr.count("\n") == 1 and words in out.stderr, out.stderr
        assert (_git(released, "rev-parse", "HEAD"), _git(released, "tag", "--list"), _git(released, "status", "--porcelain")) == before
    finally:
        (released / "notes.txt").unlink(missing_ok=True)


def test_the_release_script_refuses_an_existing_tag(released):
    _git(released, "tag", "v8.8.8")
    try:
        out = _release(released, "8.8.8")
        assert out.returncode == 2 and out.stderr == "release: tag v8.8.8 exists already; give the next version\n"
    finally:
        _git(released, "tag", "--delete", "v8.8.8")


def test_the_release_script_refuses_to_record_a_release_s_ids_twice(released):
    (released / "releases" / "ids-9.9.9.csv").write_text("table,id\n", encoding="utf-8")
    _git(released, "add", "releases")
    _git(released, "commit", "--quiet", "-m", "a record without its release")
    try:
        out = _release(released, "9.9.9")
        assert out.returncode == 2 and "releases/ids-9.9.9.csv exists already" in out.stderr, out.stderr
        assert _git(released, "log", "--format=%s", "-1").strip() == "a record without its release"
    finally:
        _git(released, "reset", "--quiet", "--hard", "HEAD~1")


def test_the_release_script_refuses_a_stale_build(released):
    parties = released / "data" / "parties.csv"
    parties.write_text(parties.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(released, "commit", "--quiet", "-am", "an edit without the build")
    try:
        out = _release(released, "9.9.9")
        assert out.returncode == 2 and "the build is out of date; run python scripts/build.py, commit" in out.stderr
        assert _git(released, "log", "--format=%s", "-1").strip() == "an edit without the build"
    finally:
        _git(released, "reset", "--quiet", "--hard", "HEAD~1")


def test_citation_cff_is_valid():
    tool = ROOT / ".tools" / "cff" / "bin" / "cffconvert"
    if not tool.exists():
        if os.environ.get("CI"):
            pytest.fail("cffconvert missing: scripts/setup.sh installs it")
        pytest.skip("cffconvert not installed (scripts/setup.sh installs it)")
    out = subprocess.run([str(tool), "--validate", "-i", str(ROOT / "CITATION.cff")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_cite_styles_and_the_docs_page_agree():
    page = docs_site().page_markdown("cite.md")
    assert citation.bibtex() in page and citation.apa() in page and citation.data_fingerprint() in page
    assert ae.cite() == citation.apa()
    assert ae.cite("bibtex").startswith("@misc{akim_elections,")
    with pytest.raises(ValueError, match="use one of: apa, bibtex"):
        ae.cite("chicago")


@pytest.fixture
def exported(exported) -> dict:
    """format -> its export (the session's, built once in conftest)."""
    return {fmt: exported / name for fmt, name in EXPORTS.items()}


def _same_values(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Compare cell by cell as text, so a type the format cannot hold does not hide a lost value."""
    def norm(frame):
        return frame.astype(object).where(frame.notna(), None).map(
            lambda v: None if v is None else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else
                                              str(bool(v)).lower() if isinstance(v, bool) else
                                              (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))))
    assert list(a.columns) == list(b.columns)
    pd.testing.assert_frame_equal(norm(a).reset_index(drop=True), norm(b).reset_index(drop=True), check_dtype=False)


def test_csv_export_is_the_package(exported):
    for name in ae.tables():
        assert (exported["csv"] / "data" / f"{name}.csv").read_bytes() == ae.path(name).read_bytes()


def _typed(name: str) -> pd.DataFrame:
    """The table as the typed exports (Parquet, SQLite, xlsx) hold it: with schema.EXPORT_FIELDS (figures.count)."""
    from akim_elections.export import with_export_fields

    return with_export_fields(ae.descriptor(), {name: ae.load(name)})[1][name]


@pytest.mark.parametrize("name", ae.tables())
def test_parquet_export_keeps_values_and_types(exported, name):
    back = pd.read_parquet(exported["parquet"] / f"{name}.parquet")
    original = _typed(name)
    for column in original.select_dtypes("datetime").columns:  # date32 reads back as datetime.date
        back[column] = pd.to_datetime(back[column]).astype(original[column].dtype)
    pd.testing.assert_frame_equal(back, original, check_dtype=False)
    for column in original.columns:
        if isinstance(original[column].dtype, pd.CategoricalDtype):
            assert isinstance(back[column].dtype, pd.CategoricalDtype), column


@pytest.mark.parametrize("name", ae.tables())
def test_sqlite_export_reads_back(exported, name):
    con = sqlite3.connect(exported["sqlite"])
    back = pd.read_sql(f'SELECT * FROM "{name}"', con)
    original = _typed(name)
    for column, dtype in original.dtypes.items():
        if str(dtype) == "boolean":
            back[column] = back[column].map({1: True, 0: False})
    _same_values(back, original)
    con.close()


def test_sqlite_export_declares_keys(exported):
    con = sqlite3.connect(exported["sqlite"])
    fks = con.execute("PRAGMA foreign_key_list(figures)").fetchall()
    assert {fk[2] for fk in fks} >= {"elections", "regions", "parties", "sources", "contests"}
    assert any(col[5] for col in con.execute("PRAGMA table_info(figures)"))  # a primary key column
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("name", ae.tables())
def test_excel_export_reads_back(exported, name):
    back = pd.read_excel(exported["xlsx"], sheet_name=name[:31], dtype=object)
    _same_values(back, _typed(name))


def test_excel_export_has_a_readme_sheet(exported):
    readme = pd.read_excel(exported["xlsx"], sheet_name="README")
    text = " ".join(str(v) for v in readme.iloc[:, 0].dropna())
    assert "CC BY 4.0" in text and VERSION in text


def test_diff_reports_added_removed_and_changed_rows(package_copy, tmp_path):
    new = tmp_path / "new"
    shutil.copytree(package_copy, new)
    path = new / "data" / "parties.csv"
    rows = read_rows(path)
    rows[0]["later_names"] = "CHANGED"
    removed = rows.pop()
    rows.append({**rows[1], "party_id": "green"})
    write_rows(path, list(rows[0]), rows)
    report = diff(str(package_copy), str(new))
    parties = report.tables["parties"]
    assert parties.added == ["green"]
    assert parties.removed == [removed["party_id"]]
    assert list(parties.changed.values())[0] == {"later_names": (read_rows(package_copy / "data" / "parties.csv")[0]["later_names"], "CHANGED")}
    assert "parties: 1 added, 1 removed, 0 renamed, 1 changed" in format_text(report)


def test_diff_accepts_git_refs():
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        report = diff("HEAD", "HEAD")
    finally:
        os.chdir(cwd)
    assert not report.different and "figures" in report.tables


def test_the_release_checklist_diff_step_runs_once_a_release_is_tagged(tmp_path):
    """The README's checklist in a clone: the last release's tag is the commit it names, and its diff step runs."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    checklist = (ROOT / "README.md").read_text(encoding="utf-8").split("## Release checklist", 1)[1]
    tag, commit = re.search(r"`(v[\d.]+)` is commit `([0-9a-f]{7,40})`", checklist).groups()
    old, new = re.search(r"`akim-elections diff (\S+) (\S+)`", checklist).groups()
    assert old == tag
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, capture_output=True)
    if subprocess.run(["git", "cat-file", "-e", commit], cwd=clone, capture_output=True).returncode:
        pytest.skip(f"the clone lacks commit {commit} (a shallow checkout)")
    tagged = subprocess.run(["git", "rev-parse", f"{tag}^{{commit}}"], cwd=clone, capture_output=True, text=True)
    if tagged.returncode:  # a clone of a copy without the tag: tag it as the checklist says
        subprocess.run(["git", "tag", tag, commit], cwd=clone, check=True)
    else:
        assert tagged.stdout.startswith(commit), "the README names the commit the tag points to"
    out = subprocess.run([sys.executable, "-m", "akim_elections.cli", "diff", old, new], cwd=clone,
                         capture_output=True, text=True)
    assert out.returncode == 1, out.stderr  # 0.1.0 and now differ
    assert "figures" in out.stdout and "renamed" in out.stdout  # the id map is followed


def _wheelhouse() -> Path:
    """The wheels the offline installs need (scripts/setup.sh downloads them)."""
    wheelhouse = ROOT / ".wheelhouse"
    missing = [name for name in ("pandas", "hatchling") if not any(wheelhouse.glob(f"{name}-*.whl"))]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f".wheelhouse lacks {missing}: scripts/setup.sh downloads them")
        pytest.skip(f".wheelhouse lacks {missing} (scripts/setup.sh downloads them)")
    return wheelhouse


def _offline_venv(path: Path) -> tuple[Path, dict]:
    """A fresh virtual environment, and an environment for pip that cannot reach an index.

    The environment has no pip of its own (ensurepip costs seconds per environment): _pip installs into it.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    return path / "bin" / "python", {**os.environ, "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull}


def _pip_install(py: Path, *args: str) -> list[str]:
    """This environment's pip installing into the environment of py, from the wheelhouse only.

    --no-compile: byte-compiling pandas and numpy would be most of the install, and proves nothing here.
    """
    return [sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-compile", "--no-index",
            "--find-links", str(_wheelhouse()), *args]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # python -m build makes the sdist, then builds the wheel from that sdist: the sdist must rebuild the wheel.
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True, capture_output=True)
    return out


@pytest.mark.slow
def test_wheel_and_sdist_install_offline_and_load_every_table(dist, tmp_path):
    wheel = next(dist.glob("*.whl"))
    assert next(dist.glob("*.tar.gz"))
    assert wheel.stat().st_size < 1024 * 1024, f"wheel is {wheel.stat().st_size} bytes"
    names = zipfile.ZipFile(wheel).namelist()
    assert "akim_elections/_data/datapackage.json" in names
    for table in ae.tables():
        assert f"akim_elections/_data/data/{table}.csv" in names
    assert not [n for n in names if "curated" in n]  # the wheel ships the published package only
    with tarfile.open(next(dist.glob("*.tar.gz"))) as tar:  # the sdist ships the inputs the build reads
        inputs = {Path(n).name for n in tar.getnames() if Path(n).parent.name == "curated"}
    assert inputs == {f"{name}.csv" for name in schema.CURATED}

    py, offline = _offline_venv(tmp_path / "venv")
    subprocess.run(_pip_install(py, str(wheel)), check=True, env=offline, capture_output=True)
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('network is off')\n"
            "socket.socket = refuse; socket.create_connection = refuse\n"
            "import akim_elections as ae, json\n"
            "assert '_data' in ae.path('figures').parts\n"
            "print(json.dumps({t: len(ae.load(t)) for t in ae.tables()}))\n")
    out = subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path, env=offline)
    counts = json.loads(out.stdout)
    assert counts == {t: len(ae.load(t)) for t in ae.tables()}


# Fast files that read the tree's data, descriptor, schema and loader: proof the sdist carries all they need.
SDIST_SMOKE = ["tests/test_loader.py", "tests/test_build.py", "tests/test_places.py", "tests/test_rules_sources.py",
               "tests/test_translit.py"]


@pytest.mark.slow
def test_the_unpacked_sdist_installs_and_passes_its_tests(dist, tmp_path):
    with tarfile.open(next(dist.glob("*.tar.gz"))) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    tree = next((tmp_path / "unpacked").iterdir())
    py, offline = _offline_venv(tmp_path / "venv")
    # Built from the unpacked tree offline (its build backend from the wheelhouse). --no-deps: the wheel test above
    # installs the dependencies offline from the same metadata (python -m build made that wheel from this sdist).
    subprocess.run(_pip_install(py, "--no-deps", "."), check=True, env=offline, capture_output=True, cwd=tree)
    # The dependencies and the test tools (pandas, pytest, pyarrow, Great Expectations, ...) come from this
    # environment, after the package pip installed from the sdist: installing them all again would cost minutes.
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "test_tools.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = subprocess.run([str(py), "-c", "import akim_elections; print(akim_elections.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert where.startswith(purelib), where

    # CI makes missing tools an error; the unpacked tree has no .tools/ or .wheelhouse/, by design.
    env = {k: v for k, v in offline.items() if k != "CI"}
    # A smoke set: what only the unpacked tree can show (its tests, data and descriptor travel together and
    # run against the sdist's install); the main run covers every other test on the same sources.
    # -n 0: one process is enough for a smoke set (the tree's pytest settings ask for two workers).
    out = subprocess.run([str(py), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", *SDIST_SMOKE],
                         cwd=tree, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert re.search(r"\b\d+ passed\b", out.stdout) and " failed" not in out.stdout, out.stdout[-3000:]
