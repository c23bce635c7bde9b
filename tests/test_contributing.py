"""The contribution path: a filled template passes validation; a row without a source fails."""

from __future__ import annotations

import json
import shutil

import pytest

from akim_elections.csvio import read_rows
from akim_elections.checks.validate import check_structure, checks_frame, load_frames, policy_ids, run_gx, validate
from conftest import ROOT, load_script, write_rows

build = load_script("build")
new_id = load_script("new_id")


def append(pkg, table, rows):
    path = pkg / "curated" / f"{table}.csv"
    header = (ROOT / "contribute" / "templates" / f"{table}.csv").read_text(encoding="utf-8").strip().split(",")
    existing = read_rows(path)
    write_rows(path, header, existing + rows)


def contribute(pkg, source_id):
    # A contributor's filled templates, the new rows' ids from scripts/new_id.py. The values are made up here, inside the
    # test, and never reach data/.
    contest, (first, second), figures = new_id.mint(pkg, "contests")[0], new_id.mint(pkg, "candidates", 2), new_id.mint(pkg, "figures", 3)
    append(pkg, "sources", [{"source_id": "example-org-test01", "url": "https://example.org/protocol-1", "publisher": "Example",
                             "title": "Протокол", "title_en": "A test protocol", "published": "2021-07-26",
                             "published_status": "shown", "language": "ru", "publisher_kind": "regional_media",
                             "accessed": "2021-08-01", "read_whole": "false"}])
    append(pkg, "contests", [{"contest_id": contest, "election_id": "2021-07-25-rural",
                              "region_id": "akmola", "district_kato": "116800000", "district_as_written": "Шортандинский район",
                              "name_ru": "Тестовый сельский округ",
                              "post_type": "rural_district", "status": "held", "source_id": source_id}])
    place = {"election_id": "2021-07-25-rural", "scope": "contest", "region_id": "akmola", "district_kato": "116800000",
             "contest_id": contest, "interim": "false", "qualifier": "exact", "rejected": "false",
             "source_id": source_id}
    append(pkg, "figures", [
        {**place, "figure_id": figure, "measure": measure, "stage": stage, "value": value, "value_unit": unit}
        for figure, (measure, stage, value, unit) in zip(figures, (("votes_cast", "", "500", "voters"),
                                                                  ("voters_registered", "", "700", "voters"),
                                                                  ("candidates", "registered", "2", "candidates")))])
    append(pkg, "candidates", [
        {"candidate_id": first, "contest_id": contest,
         "name": "Тестов Тест", "name_latn": "Testov Test", "party_id": "self-nominated", "votes": "300", "elected": "true",
         "source_id": source_id},
        {"candidate_id": second, "contest_id": contest,
         "name": "Другой Кандидат", "name_latn": "Drugoi Kandidat", "party_id": "nur-otan", "votes": "200", "elected": "false", "source_id": source_id},
    ])
    for path, data in build.build(pkg).items():  # the contributor's next step: python scripts/build.py
        if path.parent == pkg or path.parent == pkg / "data":
            path.write_bytes(data)


def test_templates_have_the_inputs_headers():
    for table in build.CONTRIBUTION_TEMPLATES:
        header = (ROOT / "contribute" / "templates" / f"{table}.csv").read_text(encoding="utf-8").strip().split(",")
        assert header == list(read_rows(ROOT / "curated" / f"{table}.csv")[0])


@pytest.fixture
def package_copy(package_copy):
    """The package as a contributor's clone has it: the published package, and the curated inputs and KATO the build reads."""
    shutil.copytree(ROOT / "curated", package_copy / "curated")
    return package_copy


def test_a_filled_template_passes(package_copy):
    contribute(package_copy, "example-org-test01")
    failed = [r for r in validate(package_copy) if not r.passed]
    assert failed == []


def test_a_row_without_a_source_fails(package_copy):
    # The structure and rules layers of validate() alone, in-process (the test above runs every layer on a filled template).
    contribute(package_copy, "")
    assert ("contests", "frictionless:constraint-error") in {(r.table, r.rule) for r in check_structure(package_copy) if not r.passed}
    desc = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    frames, failures = load_frames(package_copy, desc)
    assert failures == []
    failed = {(r.table, r.rule) for r in run_gx(checks_frame(frames, policy_ids(package_copy, desc)), None) if not r.passed}
    assert ("sources", "sources-exist") in failed
