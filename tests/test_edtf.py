"""Dates with honest precision: the EDTF forms the package uses, their bounds, and every date in the data."""

from __future__ import annotations

from datetime import date

import pytest

from akim_elections import edtf
from akim_elections.csvio import read_rows
from conftest import ROOT


@pytest.mark.parametrize("value, first, last", [
    ("2021-07-25", date(2021, 7, 25), date(2021, 7, 25)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # a leap year's February
    ("2023", date(2023, 1, 1), date(2023, 12, 31)),
    ("2021-07-26/2021-12-31", date(2021, 7, 26), date(2021, 12, 31)),
    ("2023/2024", date(2023, 1, 1), date(2024, 12, 31)),
    ("2021-07-25/..", date(2021, 7, 25), None),
    ("XXXX-06-29", None, None),
    ("XXXX-XX-XX", None, None),
])
def test_bounds_are_the_first_and_last_day_a_date_can_mean(value, first, last):
    assert edtf.valid(value)
    assert edtf.bounds(value) == (first, last)


@pytest.mark.parametrize("value", ["2021-02-30", "2021-13", "2021-7-25", "2024-05-01/2024-04-30", "25.07.2021", "2021-XX", ""])
def test_forms_the_package_does_not_use_are_refused(value):
    assert not edtf.valid(value)


def test_no_stand_in_day_remains():
    """A month or year is stored as itself, never as its first day; every date is a valid EDTF form."""
    for table, column in (("elections", "date"), ("events", "date"), ("figures", "as_of")):
        for row in read_rows(ROOT / "data" / f"{table}.csv"):
            if row[column]:
                assert edtf.valid(row[column]), (table, row[column])
    for e in read_rows(ROOT / "data" / "elections.csv"):
        first, last = edtf.bounds(e["date"])
        assert first is None or e["date_earliest"] >= first.isoformat(), e["election_id"]
        assert last is None or (e["date_latest"] and e["date_latest"] <= last.isoformat()), e["election_id"]


def test_no_election_id_names_a_reporting_page():
    sources = {s["source_id"] for s in read_rows(ROOT / "data" / "sources.csv")}
    for e in read_rows(ROOT / "data" / "elections.csv"):
        assert not any(s in e["election_id"] for s in sources), e["election_id"]


def test_a_date_without_a_year_starts_in_the_first_year_its_evidence_allows():
    assert edtf.bounds("XXXX-06-29") == (None, None)
    assert edtf.bounds("XXXX-06-29", 2022) == (date(2022, 6, 29), None)
    assert edtf.bounds("XXXX-06", 2022) == (date(2022, 6, 1), None)
    assert edtf.bounds("XXXX-XX-XX", 2022) == (None, None)
    assert edtf.bounds("2024-05", 2022) == (date(2024, 5, 1), date(2024, 5, 31))  # a date with a year needs none
