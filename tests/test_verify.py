"""The data fingerprint, `akim-elections verify`, and the loader's refusal of a table that is not the descriptor's."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

import akim_elections as ae
from akim_elections import citation, loader
from akim_elections.build import citation_files
from akim_elections.cli import main
from akim_elections.schema import TABLE_ORDER
from akim_elections.verify import fingerprint
from conftest import ROOT


def test_the_fingerprint_is_one_digest_over_the_tables_hashes_in_resource_order():
    desc = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    text = "".join(f"{r['hash']}\n" for r in desc["resources"])
    assert fingerprint(desc) == hashlib.sha256(text.encode()).hexdigest()[:12]
    desc["resources"][0], desc["resources"][1] = desc["resources"][1], desc["resources"][0]
    assert fingerprint(desc) != citation.data_fingerprint()  # order counts


def test_every_citation_form_carries_version_and_fingerprint():
    fp = citation.data_fingerprint()
    forms = {"apa": ae.cite(), "bibtex": ae.cite("bibtex"), "CITATION.cff": (ROOT / "CITATION.cff").read_text(encoding="utf-8"),
             ".zenodo.json": (ROOT / ".zenodo.json").read_text(encoding="utf-8")}
    for name, text in forms.items():
        assert fp in text and ae.__version__ in text, name


def test_maintainers_follow_the_group_in_every_form(monkeypatch):
    maintainers = ({"given": "Aigerim", "family": "Example", "orcid": "https://orcid.org/0000-0000-0000-0000"},)
    monkeypatch.setattr(citation, "MAINTAINERS", maintainers)
    monkeypatch.setattr(citation_files, "MAINTAINERS", maintainers)
    assert citation.apa("f").startswith("akim-elections contributors, & Example, Aigerim. (")
    assert "author = {{akim-elections contributors} and Example, Aigerim}" in citation.bibtex("f")
    assert 'family-names: "Example"' in citation_files.citation_cff("f")
    assert json.loads(citation_files.zenodo_json("f"))["creators"][1] == {"name": "Example, Aigerim", "orcid": "0000-0000-0000-0000"}


def test_the_repository_url_comes_only_from_the_package_metadata(monkeypatch):
    assert "url" not in citation.bibtex("f") and "repository-code" not in citation_files.citation_cff("f")  # none is declared yet
    monkeypatch.setattr(citation, "repository_url", lambda: "https://example.org/akim-elections")
    monkeypatch.setattr(citation_files, "repository_url", lambda: "https://example.org/akim-elections")
    assert citation.apa("f").endswith("[Data set]. https://example.org/akim-elections")
    assert "url = {https://example.org/akim-elections}" in citation.bibtex("f")
    assert "repository-code: https://example.org/akim-elections" in citation_files.citation_cff("f")


def truncate(pkg, table="contests", size=5000):
    path = pkg / "data" / f"{table}.csv"
    path.write_bytes(path.read_bytes()[:size])


def same_size_other_bytes(pkg, table="contests"):
    path = pkg / "data" / f"{table}.csv"
    data = bytearray(path.read_bytes())
    at = data.index(b"\n") + 1 + data[data.index(b"\n") + 1:].index(b",") - 1  # the last letter of the first row's id
    data[at:at + 1] = b"_"  # still a valid row: only the hash can tell
    path.write_bytes(bytes(data))


def test_verify_names_each_table_that_differs(package_copy, capsys):
    truncate(package_copy)
    same_size_other_bytes(package_copy, "figures")
    assert main(["verify", str(package_copy)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == "figures: data/figures.csv has other bytes than datapackage.json records (the same size, another sha256)"
    assert lines[1].startswith("contests: data/contests.csv has 5,000 bytes, not the") and len(lines) == 2
    assert err.count("\n") == 1 and f"2 of {len(TABLE_ORDER)} tables differ" in err and citation.data_fingerprint() in err


def test_verify_of_an_intact_copy_is_ok(package_copy, capsys):
    assert main(["verify", str(package_copy)]) == 0
    assert f"data fingerprint {citation.data_fingerprint()}" in capsys.readouterr().out


def test_verify_of_a_missing_table(package_copy, capsys):
    (package_copy / "data" / "events.csv").unlink()
    assert main(["verify", str(package_copy)]) == 1
    assert "events: data/events.csv is missing" in capsys.readouterr().out


def test_the_loader_refuses_a_truncated_table(package_copy):
    truncate(package_copy)
    with pytest.raises(ae.DataPackageError) as err:
        ae.load("contests", root=package_copy)
    message = str(err.value)
    assert message.startswith("table contests: data/contests.csv has 5,000 bytes, not the ") and "\n" not in message
    assert message.endswith("restore it from where this copy came from, or pass --root to an intact copy")


def test_the_loader_refuses_a_table_whose_hash_differs(package_copy):
    same_size_other_bytes(package_copy)
    with pytest.raises(ae.DataPackageError, match="contests.csv has other bytes than datapackage.json records"):
        ae.load("contests", root=package_copy)
    assert len(ae.load("contests", root=package_copy, verify=False)) == len(ae.load("contests"))  # the validator still reads it


def test_the_advice_fits_how_the_package_got_there(tmp_path):
    assert "python scripts/build.py" in loader.repair(ROOT)  # a clone: the build is there
    assert loader.repair(loader._HERE / "_data") == "reinstall the package: pip install --force-reinstall akim-elections"
    assert "scripts" not in loader.repair(tmp_path)  # a copy without the build


def test_a_clone_is_told_to_rebuild(tmp_path):
    clone = tmp_path / "clone"
    shutil.copytree(ROOT / "data", clone / "data")
    shutil.copyfile(ROOT / "datapackage.json", clone / "datapackage.json")
    (clone / "scripts").mkdir()
    (clone / "scripts" / "build.py").write_text("", encoding="utf-8")
    truncate(clone, "events", 100)
    with pytest.raises(ae.DataPackageError, match=r"rebuild with python scripts/build.py$"):
        ae.load("events", root=clone)
