"""Districts and KATO units: the oblast of the day, and every district the data names resolves."""

from __future__ import annotations

from akim_elections.csvio import read_rows
from akim_elections.build.places import district_of, oblast_on
from conftest import ROOT


def test_a_district_of_abai_belonged_to_east_kazakhstan_before_8_june_2022():
    zharma = "104200000"  # KATO 2025 code of Zharma district, Abai oblast
    assert oblast_on(zharma, "2021-07-25") == "east-kazakhstan"
    assert oblast_on(zharma, None) == "east-kazakhstan"
    assert oblast_on(zharma, "2022-06-08") == "abai"
    assert oblast_on("116800000", "2025-01-01") == "akmola"


def test_a_unit_lies_in_the_district_of_its_first_four_digits():
    assert district_of("116837000") == "116800000"


def test_every_district_in_contests_and_figures_is_in_the_districts_table():
    districts = {r["district_kato"]: r for r in read_rows(ROOT / "data" / "districts.csv")}
    for table in ("contests", "figures"):
        for row in read_rows(ROOT / "data" / f"{table}.csv"):
            if row["district_as_written"]:
                assert row["district_kato"] in districts, f"{table}: {row['district_as_written']!r} resolves to no district"


def test_later_contests_sit_in_the_oblast_of_their_day():
    districts = {r["district_kato"]: r for r in read_rows(ROOT / "data" / "districts.csv")}
    elections = {e["election_id"]: e for e in read_rows(ROOT / "data" / "elections.csv")}
    for c in read_rows(ROOT / "data" / "contests.csv"):
        if c["district_kato"]:
            e = elections[c["election_id"]]
            first, last = e["date_earliest"], e["date_latest"]
            if last and oblast_on(c["district_kato"], first) == oblast_on(c["district_kato"], last):
                # a vote that can fall on either side of the 2022 splits sits in the oblast the source names
                assert c["region_id"] == oblast_on(c["district_kato"], first), c["contest_id"]
            assert districts[c["district_kato"]]["region_id_2021"] == oblast_on(c["district_kato"], None)
