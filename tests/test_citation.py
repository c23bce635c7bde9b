"""akim_elections.citation and the release files: one citation, carried by CITATION.cff, .zenodo.json and the docs."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

import akim_elections as ae
from akim_elections import citation
from conftest import ROOT, load_script


def test_the_release_date_is_carried_by_every_citation():
    released = ae._version.__release_date__
    assert re.search(r"^date-released: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M).group(1) == released
    assert json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))["publication_date"] == released
    assert f"date = {{{released}}}" in citation.bibtex()
    assert f"({released[:4]}, " in citation.apa()
    assert released in load_script("docs_pages").cite_page()


def test_citation_cff_is_valid():
    tool = ROOT / ".tools" / "cff" / "bin" / "cffconvert"
    if not tool.exists():
        if os.environ.get("CI"):
            pytest.fail("cffconvert missing: scripts/setup.sh installs it")
        pytest.skip("cffconvert not installed (scripts/setup.sh installs it)")
    out = subprocess.run([str(tool), "--validate", "-i", str(ROOT / "CITATION.cff")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_cite_styles_and_the_docs_page_agree():
    docs = load_script("docs_pages")
    page = docs.cite_page()
    assert citation.bibtex() in page and citation.apa() in page
    assert ae.cite() == citation.apa()
    assert ae.cite("bibtex").startswith("@misc{akim_elections,")
    with pytest.raises(ValueError, match="use one of: apa, bibtex"):
        ae.cite("chicago")
