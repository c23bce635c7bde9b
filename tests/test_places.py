"""Districts and KATO units: the oblast of the day, and every district the data names resolves."""

from __future__ import annotations

from akim_elections.csvio import read_rows
from akim_elections.english import place_en
from akim_elections.places import district_of, oblast_on
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


# Districts as English texts name them, by their Russian KATO name (the Russian adjective does not give the noun).
KNOWN_ENGLISH = {"Коргалжынский район": "Korgalzhyn district", "Жанааркинский район": "Zhanaarka district",
                 "Каркаралинский район": "Karkaraly district", "Сарыагашский район": "Saryagash district",
                 "Казалинский район": "Kazaly district", "Шиелийский район": "Shieli district",
                 "Жанакорганский район": "Zhanakorgan district", "Аральский район": "Aral district", "Улытауский район": "Ulytau district"}


def test_districts_have_the_english_names_english_texts_use():
    by_ru = {r["name_ru"]: r["name_en"] for r in read_rows(ROOT / "data" / "districts.csv")}
    assert {ru: by_ru[ru] for ru in KNOWN_ENGLISH} == KNOWN_ENGLISH


def test_the_english_scheme_gives_the_curated_english_names_of_oblasts_that_are_romanised():
    # The others are translated (West Kazakhstan) or follow another spelling (Karaganda, Zhetysu, Abai): name_en stays curated.
    romanised = {"akmola", "aktobe", "almaty-region", "atyrau", "zhambyl", "kostanay", "kyzylorda", "mangystau", "pavlodar", "turkistan", "ulytau"}
    regions = [r for r in read_rows(ROOT / "data" / "regions.csv") if r["region_id"] in romanised]
    assert len(regions) == len(romanised)
    assert all(place_en(r["name_kk"]) == r["name_en"] for r in regions)


def test_english_names_put_the_type_word_in_english_after_the_name():
    assert place_en("Семей Қ.Ә.") == "Semey city administration"  # a city of oblast significance
    assert place_en("Жетібай қ.ә.") == "Zhetibay town administration"  # a town of district significance
    assert place_en("Бурыл а.о .") == "Buryl rural district"
    assert place_en("Ғабит Мүсірепов атын.ауданы") == "Gabit Musirepov district"
    assert place_en("район Ақсуат") == "Aksuat district"


def test_russian_only_names_lose_their_adjective_ending():
    assert place_en("Чапаевский сельский округ") == "Chapaev rural district"
    assert place_en("Городецкий сельский округ") == "Gorodets rural district"
    assert place_en("сельский округ им. Наги Ильсова") == "Nagi Ilsova rural district"
    assert place_en("поселок Солнечный") == "Solnechny settlement"


def test_english_names_of_kato_places_have_no_kazakh_latin_or_cyrillic_letter():
    for table in ("districts", "units", "posts"):
        for row in read_rows(ROOT / "data" / f"{table}.csv"):
            assert row["name_en"].isascii(), f"{table}: {row['name_en']!r}"
