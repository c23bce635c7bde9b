"""akim_elections.build.places: the oblast of a district on a day, and the district of a unit."""

from __future__ import annotations

from akim_elections.build.places import Oblasts, district_of, oblast_on

# Two oblasts of 2021 and one formed later from one of them, as rows of regions.csv give them.
REGIONS = [
    {"region_id": "akmola", "kato": "110000000", "formed_from": "", "valid_from": ""},
    {"region_id": "east-kazakhstan", "kato": "630000000", "formed_from": "", "valid_from": ""},
    {"region_id": "abai", "kato": "100000000", "formed_from": "east-kazakhstan", "valid_from": "2022-06-08"},
]


def test_the_oblasts_are_read_from_the_regions_table():
    oblasts = Oblasts.from_rows(REGIONS)
    assert oblasts.by_prefix == {"11": "akmola", "63": "east-kazakhstan", "10": "abai"}
    assert oblasts.formed == {"abai": ("east-kazakhstan", "2022-06-08")}


def test_a_district_of_an_oblast_formed_later_belonged_to_its_parent_before_that_day():
    oblasts = Oblasts.from_rows(REGIONS)
    zharma = "104200000"  # KATO 2025 code of Zharma district, Abai oblast
    assert oblast_on(zharma, "2021-07-25", oblasts) == "east-kazakhstan"
    assert oblast_on(zharma, None, oblasts) == "east-kazakhstan"
    assert oblast_on(zharma, "2022-06-08", oblasts) == "abai"
    assert oblast_on("116800000", "2025-01-01", oblasts) == "akmola"


def test_a_unit_lies_in_the_district_of_its_first_four_digits():
    assert district_of("116837000") == "116800000"
