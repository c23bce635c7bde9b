"""akim_elections.build.places: the oblast of a district on a day, the district of a unit, and the akim posts of KATO."""

from __future__ import annotations

from collections import Counter

from akim_elections import schema
from akim_elections.build.places import Oblasts, district_of, oblast_on, post_type_of, post_rows, read_kato
from akim_elections.csvio import read_rows, render_rows
from akim_elections.build.english import place_en
from conftest import ROOT

# Two oblasts of 2021 and one formed later from one of them, as rows of regions.csv give them.
REGIONS = [
    {"region_id": "akmola", "region_kato": "110000000", "formed_from": "", "valid_from": ""},
    {"region_id": "east-kazakhstan", "region_kato": "630000000", "formed_from": "", "valid_from": ""},
    {"region_id": "abai", "region_kato": "100000000", "formed_from": "east-kazakhstan", "valid_from": "2022-06-08"},
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


def _posts() -> list[dict]:
    return read_rows(ROOT / "data" / "posts.csv")


def test_post_kind_tells_posts_from_cities_and_city_raions():
    assert post_type_of("г.Семей") is None
    assert post_type_of("р.а. им.Казыбек би") is None
    assert post_type_of("Аягоз г.а.") == "town"
    assert post_type_of("Чаганская п.а.") == "village"
    assert post_type_of("с.Акбулак") == "village"
    assert post_type_of("Карааульский с.о.") == "rural_district"


def test_every_kind_has_posts_and_the_total_is_near_the_published_figure():
    posts = _posts()
    kinds = Counter(r["post_type"] for r in posts)
    assert set(kinds) == set(schema.RURAL_POST_TYPES) and all(kinds.values())
    # 2,346 posts were published for 2021; the later edition has a few fewer after mergers.
    assert 2200 < len(posts) < 2400
    assert len({r["region_id"] for r in posts}) == 17


def test_posts_lie_in_a_listed_district_of_their_oblast():
    districts = {r["district_kato"]: r for r in read_rows(ROOT / "data" / "districts.csv")}
    for r in _posts():
        d = districts[r["district_kato"]]
        assert (d["region_id"], d["region_id_2021"]) == (r["region_id"], r["region_id_2021"]), r["post_kato"]


def test_build_of_posts_is_deterministic_and_matches_disk():
    kato = read_kato(ROOT)
    changes = {c["district_kato"]: c for c in read_rows(ROOT / "data" / "district_changes.csv")}
    oblasts = Oblasts.from_rows(read_rows(ROOT / "data" / "regions.csv"))
    fields = [f["name"] for f in schema.TABLES["posts"]["fields"]]
    first = render_rows(fields, post_rows(kato, changes, oblasts))
    assert first == render_rows(fields, post_rows(list(reversed(kato)), changes, oblasts))
    assert first == (ROOT / "data" / "posts.csv").read_bytes()


def test_a_post_of_a_district_formed_since_2021_lay_in_the_district_it_was_split_off_from():
    districts = {r["district_kato"]: r for r in read_rows(ROOT / "data" / "districts.csv")}
    posts = _posts()
    for r in posts:
        before = districts[r["district_kato_2021"]]
        assert before["region_id_2021"] == r["region_id_2021"] and not before["formed_from"], r["post_kato"]
    moved = {r["post_kato"]: r["district_kato_2021"] for r in posts if r["district_kato_2021"] != r["district_kato"]}
    assert moved["104135000"] == "101000000"  # Ainabulak: Zhanasemey district today, the city of Semey in 2021
    assert moved["104530000"] == "104600000"  # Makanchi: Makanchi district today, Urzhar district in 2021


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
