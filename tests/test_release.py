"""Releases: one version everywhere, the checklist's diff step, and a wheel and an sdist that install offline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

import akim_elections as ae
from akim_elections import citation
from conftest import ROOT

VERSION = ae.__version__


def test_one_version_everywhere():
    assert installed_version("akim-elections") == VERSION
    assert json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"] == VERSION
    assert re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M).group(1) == VERSION
    assert json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))["version"] == VERSION
    assert f"## {VERSION}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"Version {VERSION}" in citation.apa()


def test_the_release_checklist_diff_step_runs_once_a_release_is_tagged(tmp_path):
    """The README's checklist in a clone: tag the last release as it says, then its diff step (no tag reaches this repository)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    checklist = (ROOT / "README.md").read_text(encoding="utf-8").split("## Release checklist", 1)[1]
    tag, commit = re.search(r"`git tag (v[\d.]+) ([0-9a-f]{7,40})`", checklist).groups()
    old, new = re.search(r"`akim-elections diff (\S+) (\S+)`", checklist).groups()
    assert old == tag
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, capture_output=True)
    if subprocess.run(["git", "cat-file", "-e", commit], cwd=clone, capture_output=True).returncode:
        pytest.skip(f"the clone lacks commit {commit} (a shallow checkout)")
    tagged = subprocess.run(["git", "rev-parse", "-q", "--verify", f"{tag}^{{commit}}"], cwd=clone, capture_output=True, text=True)
    if tagged.returncode:  # a clone of a repository that has the tag already carries it
        subprocess.run(["git", "tag", tag, commit], cwd=clone, check=True)
    else:
        assert tagged.stdout.strip().startswith(commit), f"{tag} is not the commit the checklist names"
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
