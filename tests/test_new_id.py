"""scripts/new_id.py: ids for new rows carry no fact, follow the id pattern, and never repeat one used before."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, load_script, write_rows

from akim_elections import schema
from akim_elections.checks import released
from akim_elections.csvio import read_rows
from akim_elections.schema.fields import SLUG

new_id = load_script("new_id")


def test_every_curated_table_named_by_an_id_of_its_own_takes_minted_ids():
    assert {"elections", "contests", "candidates", "figures", "sources", "events", "reconciliations"} <= set(new_id.MINTED)
    assert "id_map" not in new_id.MINTED and "district_changes" not in new_id.MINTED  # two columns; a KATO code
    assert all(schema.TABLES[t]["primaryKey"] == [key] for t, key in new_id.MINTED.items())


@pytest.mark.parametrize("table", sorted(new_id.MINTED))
def test_an_id_is_the_table_s_word_and_eight_hex_digits(table):
    ids = new_id.mint(ROOT, table, 5)
    word = new_id.MINTED[table].removesuffix("_id")
    assert len(set(ids)) == 5 and all(re.fullmatch(rf"{word}-[0-9a-f]{{8}}", i) and re.fullmatch(SLUG, i) for i in ids)


def test_an_id_used_by_a_row_id_map_or_a_release_is_never_minted_again(package_copy):
    (package_copy / "curated").mkdir()
    write_rows(package_copy / "curated" / "id_map.csv", ["table", "old_id", "new_id", "version"],
               [{"table": "contests", "old_id": "contest-00000002", "new_id": "contest-00000003", "version": "0.4.0"}])
    rows = read_rows(package_copy / "data" / "contests.csv")
    rows[0]["contest_id"] = "contest-00000001"
    write_rows(package_copy / "data" / "contests.csv", list(rows[0]), rows)
    (package_copy / "releases").mkdir(exist_ok=True)
    write_rows(package_copy / "releases" / "ids-0.0.1.csv", released.COLUMNS, [{"table": "contests", "id": "contest-00000004"}])
    draws = iter(["00000001", "00000002", "00000003", "00000004", "00000001", "00000005"])
    assert new_id.mint(package_copy, "contests", 1, token=lambda n: next(draws)) == ["contest-00000005"]


@pytest.mark.parametrize(("args", "words"), [
    (["districts"], "no table 'districts' takes minted ids; give one of candidates, contests"),
    (["id_map"], "no table 'id_map' takes minted ids"),
    (["figures", "0"], "N is 0; give how many ids you need, 1 or more"),
])
def test_a_table_without_minted_ids_is_refused_in_one_line(args, words):
    out = subprocess.run([sys.executable, "scripts/new_id.py", *args], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1 and words in out.stderr, out.stderr


def test_the_script_prints_one_id_a_line():
    out = subprocess.run([sys.executable, "scripts/new_id.py", "figures", "3"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert len(out.stdout.splitlines()) == 3 and all(line.startswith("figure-") for line in out.stdout.splitlines())
