"""The record of released ids (akim_elections.checks.released) and the rule that keeps every released id alive."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import write_rows
from test_validate import edit

from akim_elections.checks import released
from akim_elections.checks.rules import RULES
from akim_elections.checks.validate import load_frames, policy_ids, sqlite_copy
from akim_elections.csvio import read_rows
from akim_elections.errors import DataPackageError
from akim_elections.schema import TABLES


def offending(pkg, rule_id: str) -> list[str]:
    """The subjects of rule_id's offending rows in the copy at pkg, with the copy's released ids."""
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    con = sqlite_copy(load_frames(pkg, desc)[0], policy_ids(pkg, desc), released.read(pkg))
    rule = next(r for r in RULES if r.id == rule_id)
    return [subject for subject, expected, observed in con.execute(rule.sql) if observed != expected]


def test_a_release_records_every_id_of_every_table_keyed_by_one_column(package_copy):
    path = released.write(package_copy, "0.0.1")
    assert path == package_copy / "releases" / "ids-0.0.1.csv"
    rows = read_rows(path)
    assert list(rows[0]) == ["table", "id"]
    pairs = [(r["table"], r["id"]) for r in rows]
    assert pairs == sorted(pairs) and len(set(pairs)) == len(pairs)
    keyed = {name for name, spec in TABLES.items() if len(spec["primaryKey"]) == 1}
    assert {t for t, _ in pairs} == keyed and "id_map" not in keyed
    contests = {r["contest_id"] for r in read_rows(package_copy / "data" / "contests.csv")}
    assert {i for t, i in pairs if t == "contests"} == contests
    assert [x for x in released.read(package_copy) if x[0] == "0.0.1"] == [("0.0.1", t, i) for t, i in pairs]
    first = path.read_bytes()
    released.write(package_copy, "0.0.1")
    assert path.read_bytes() == first


def test_without_a_release_nothing_is_required(package_copy):
    shutil.rmtree(package_copy / "releases", ignore_errors=True)  # a wheel's copy, or the tree before the first record
    assert released.read(package_copy) == []
    assert offending(package_copy, "released-id-lives") == []


@pytest.fixture
def gone(package_copy):
    """A copy whose release 0.0.1 published a candidate that has since been deleted, and the deleted id."""
    released.write(package_copy, "0.0.1")
    candidate = read_rows(package_copy / "data" / "candidates.csv")[0]["candidate_id"]
    edit(package_copy, "candidates", lambda rows: rows[1:])
    return package_copy, candidate


def test_a_released_id_that_is_gone_and_unmapped_fails(gone):
    pkg, candidate = gone
    assert f"0.0.1: candidates {candidate}" in offending(pkg, "released-id-lives")


def test_a_released_id_that_id_map_leads_to_a_row_passes(gone):
    pkg, candidate = gone
    other = read_rows(pkg / "data" / "candidates.csv")[0]["candidate_id"]
    # through a chain: renamed once, then merged into another row
    edit(pkg, "id_map", lambda rows: rows + [{"table": "candidates", "old_id": candidate, "new_id": f"{candidate}-renamed", "version": "0.0.2"},
                                             {"table": "candidates", "old_id": f"{candidate}-renamed", "new_id": other, "version": "0.0.3"}])
    assert offending(pkg, "released-id-lives") == []
    assert offending(pkg, "id-map-resolves") == []


def test_a_chain_that_goes_round_fails_and_ends(gone):
    pkg, candidate = gone
    edit(pkg, "id_map", lambda rows: rows + [{"table": "candidates", "old_id": candidate, "new_id": "round-a", "version": "0.0.2"},
                                             {"table": "candidates", "old_id": "round-a", "new_id": candidate, "version": "0.0.3"}])
    assert f"0.0.1: candidates {candidate}" in offending(pkg, "released-id-lives")


@pytest.mark.parametrize(("name", "header", "words"), [
    ("ids-0.3.csv", ["table", "id"], "is named ids-X.Y.Z.csv"),
    ("ids-0.0.1.csv", ["table", "candidate_id"], "needs the columns table,id; has table,candidate_id"),
])
def test_a_malformed_release_file_is_one_line(package_copy, name, header, words):
    (package_copy / "releases").mkdir(exist_ok=True)
    write_rows(package_copy / "releases" / name, header, [dict(zip(header, ("candidates", "x")))])
    with pytest.raises(DataPackageError, match=words) as error:
        released.read(package_copy)
    assert "\n" not in str(error.value)
