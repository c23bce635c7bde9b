"""The R recipe (docs/assets/r/akim_elections.R) reads every table with the descriptor's types, in a real R."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECIPE = ROOT / "docs" / "assets" / "r" / "akim_elections.R"

# What readr gives each Frictionless type (R's class of the column).
R_CLASS = {"string": "character", "integer": "integer", "number": "numeric", "boolean": "logical", "date": "Date", "list": "character"}

# Prints, per table, its row count and each column's class, as JSON.
PROBE = """
source(commandArgs(trailingOnly = TRUE)[1])
tables <- read_akim_tables(commandArgs(trailingOnly = TRUE)[2])
out <- lapply(tables, function(t) list(rows = nrow(t), problems = nrow(readr::problems(t)),
                                        classes = lapply(t, function(col) class(col)[1])))
cat(jsonlite::toJSON(out, auto_unbox = TRUE))
"""


def _rscript() -> str:
    found = shutil.which("Rscript")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Rscript is not installed; scripts/test.sh installs Debian's r-base-core, r-cran-readr, r-cran-jsonlite")
    pytest.skip("Rscript is not installed (scripts/test.sh installs it)")


@pytest.fixture(scope="module")
def read_back(tmp_path_factory) -> dict:
    probe = tmp_path_factory.mktemp("r") / "probe.R"
    probe.write_text(PROBE, encoding="utf-8")
    out = subprocess.run([_rscript(), str(probe), str(RECIPE), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_the_r_recipe_reads_every_table_whole_and_without_parse_problems(read_back):
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        with (ROOT / resource["path"]).open(encoding="utf-8", newline="") as fh:
            rows = sum(1 for _ in csv.reader(fh)) - 1
        got = read_back[resource["name"]]
        assert (got["rows"], got["problems"]) == (rows, 0), resource["name"]


def test_the_r_recipe_gives_each_column_its_declared_type(read_back):
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        expected = {f["name"]: R_CLASS[f["type"]] for f in resource["schema"]["fields"]}
        assert read_back[resource["name"]]["classes"] == expected, resource["name"]


def test_ids_and_kato_codes_stay_text_in_r(read_back):
    # A KATO code read as a number would lose leading zeros and overflow R's integers.
    assert read_back["units"]["classes"]["unit_kato"] == "character"
    assert read_back["contests"]["classes"]["contest_id"] == "character"
    assert read_back["figures"]["classes"]["value"] == "numeric"
