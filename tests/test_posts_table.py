"""The posts table: every rural-level akim post of the KATO edition, and every contest's unit under one."""

from __future__ import annotations

from collections import Counter

from akim_elections import schema
from akim_elections.csvio import read_rows, render_rows
from akim_elections.build.places import Oblasts, post_kind, post_rows, read_kato
from conftest import ROOT


def _posts() -> list[dict]:
    return read_rows(ROOT / "data" / "posts.csv")


def test_post_kind_tells_posts_from_cities_and_city_raions():
    assert post_kind("г.Семей") is None
    assert post_kind("р.а. им.Казыбек би") is None
    assert post_kind("Аягоз г.а.") == "town"
    assert post_kind("Чаганская п.а.") == "village"
    assert post_kind("с.Акбулак") == "village"
    assert post_kind("Карааульский с.о.") == "rural_district"


def test_every_kind_has_posts_and_the_total_is_near_the_published_figure():
    posts = _posts()
    kinds = Counter(r["kind"] for r in posts)
    assert set(kinds) == set(schema.POST_KINDS) and all(kinds.values())
    # 2,346 posts were published for 2021; the later edition has a few fewer after mergers.
    assert 2200 < len(posts) < 2400
    assert len({r["region_id"] for r in posts}) == 17


def test_every_contest_unit_is_a_post_or_a_settlement_of_one():
    posts = {r["kato"] for r in _posts()}
    for c in read_rows(ROOT / "data" / "contests.csv"):
        if c["kato"]:
            assert c["kato"] in posts or c["kato"][:6] + "000" in posts, c["contest_id"]


def test_posts_lie_in_a_listed_district_of_their_oblast():
    districts = {r["district_kato"]: r for r in read_rows(ROOT / "data" / "districts.csv")}
    for r in _posts():
        d = districts[r["district_kato"]]
        assert (d["region_id"], d["region_id_2021"]) == (r["region_id"], r["region_id_2021"]), r["kato"]


def test_build_of_posts_is_deterministic_and_matches_disk():
    kato = read_kato(ROOT)
    changes = {c["district_kato"]: c for c in read_rows(ROOT / "data" / "district_changes.csv")}
    oblasts = Oblasts.from_rows(read_rows(ROOT / "data" / "regions.csv"))
    fields = [f["name"] for f in schema.TABLES["posts"]["fields"]]
    first = render_rows(fields, post_rows(kato, changes, oblasts))
    assert first == render_rows(fields, post_rows(list(reversed(kato)), changes, oblasts))
    assert first == (ROOT / "data" / "posts.csv").read_bytes()


def test_every_unit_contests_name_belongs_to_a_post():
    posts = {r["kato"] for r in _posts()}
    units = read_rows(ROOT / "data" / "units.csv")
    assert units and all(u["post_kato"] in posts for u in units)


def test_a_post_of_a_district_formed_since_2021_lay_in_the_district_it_was_split_off_from():
    districts = {r["district_kato"]: r for r in read_rows(ROOT / "data" / "districts.csv")}
    posts = _posts()
    for r in posts:
        before = districts[r["district_kato_2021"]]
        assert before["region_id_2021"] == r["region_id_2021"] and not before["formed_from"], r["kato"]
    moved = {r["kato"]: r["district_kato_2021"] for r in posts if r["district_kato_2021"] != r["district_kato"]}
    assert moved["104135000"] == "101000000"  # Ainabulak: Zhanasemey district today, the city of Semey in 2021
    assert moved["104530000"] == "104600000"  # Makanchi: Makanchi district today, Urzhar district in 2021
