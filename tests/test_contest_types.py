"""Akims of every level the law elects directly: rural units, districts and cities of oblast significance."""

from __future__ import annotations

import pandas as pd
import pytest

import akim_elections as ae
from akim_elections import schema
from akim_elections.errors import DataPackageError

RURAL_TYPES = {"rural_district", "village", "town"}
DISTRICT_TYPES = {"district", "city"}




def test_district_and_city_are_defined_once_and_reach_the_descriptor():
    assert DISTRICT_TYPES | RURAL_TYPES == set(schema.POST_TYPES)
    field = next(f for f in schema.TABLES["contests"]["fields"] if f["name"] == "post_type")
    assert set(field["constraints"]["enum"]) == set(schema.POST_TYPES)
    assert all(schema.VOCABULARIES["post_type"][t] == schema.POST_TYPES[t] for t in DISTRICT_TYPES)




def test_every_post_type_has_one_level_and_every_level_its_types():
    assert set(schema.LEVEL_OF_POST_TYPE) == set(schema.POST_TYPES)
    assert set(schema.LEVEL_OF_POST_TYPE.values()) == set(schema.AKIM_LEVELS) == {"rural", "district", "city"}
    field = next(f for f in schema.TABLES["elections"]["fields"] if f["name"] == "akim_level")
    assert field["constraints"]["enum"] == ["rural", "district", "city"]




def test_the_pilot_of_5_november_2023_holds_its_45_posts_in_a_district_and_a_city_election():
    contests = ae.load("contests")
    pilot = contests[contests["election_id"].isin(["2023-11-05-district", "2023-11-05-city"])]
    assert len(pilot) == 45
    assert pilot["region_id"].nunique() == 17
    cities = pilot[pilot["election_id"] == "2023-11-05-city"]
    assert set(cities["contest_id"]) == {"2023-11-05-city-abai-kurchatov", "2023-11-05-city-karaganda-priozersk",
                                         "2023-11-05-city-kostanay-rudny"}
    assert (cities["post_type"] == "city").all()
    assert pilot["winner_name"].notna().sum() >= 16


def test_a_regional_centre_is_a_city_contest():
    contests = ae.load("contests").set_index("contest_id")
    semey = contests.loc["2025-10-12-city-abai-semei"]
    assert semey["post_type"] == "city"
    assert semey["district_kato"] == "101000000"


def test_planned_contests_are_a_measure_of_their_own_and_never_feed_the_contest_counts():
    assert schema.MEASURES["contests_planned"][0] == "contests"
    figures = ae.load("figures")
    planned = set(figures.loc[figures["measure"] == "contests_planned", "figure_id"])
    assert {"2022-rural-total-kz-contests-planned-caravan-kz-1bd591",
            "2023-2024-rural-total-kz-contests-planned-caravan-kz-1bd591"} <= planned
    summary_sources = ae.load("summary_sources")
    assert not planned & set(summary_sources["figure_id"])


def test_an_unknown_contest_level_is_refused_with_the_valid_ones_named(package_copy):
    path = package_copy / "data" / "contests.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["contest_id"] == "2025-10-12-city-abai-semei", "post_type"] = "oblast"
    frame.to_csv(path, index=False)
    with pytest.raises(DataPackageError, match=r"post_type has 'oblast', not one of .*'district', 'city'"):
        ae.load("contests", root=package_copy)
