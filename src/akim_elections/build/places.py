"""The derived place tables: districts, akim posts and KATO units, read from the KATO classifier kept in raw/kato.

Plain Python over CSV rows. A district's KATO code is its first four digits followed by zeros; a
district or city of oblast significance sits at level ``district`` in KATO. The oblast follows from
the first two digits, as data/regions.csv gives each oblast's KATO code; an oblast formed later (its
``valid_from``) maps back, before that day, to the oblast it was formed from.
A code's digits 1-2 name the oblast, 3-4 the district, 5-6 the sub-district (rural district or town or village
administration) and 7-9 the settlement: 000 there marks a sub-district, not a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..csvio import read_rows
from .english import place_en
from ..translit import kk_latn

KATO_FILE = Path("raw") / "kato" / "kato_NK-RK-11-2025_2026-07-17_kz-tax-rates.csv"


@dataclass(frozen=True)
class Oblasts:
    """The oblasts of data/regions.csv as the KATO codes name them."""

    by_prefix: dict[str, str]  # KATO's first two digits -> region_id
    formed: dict[str, tuple[str, str]]  # region_id of an oblast formed later -> (the oblast it was formed from, its first day)

    @classmethod
    def from_rows(cls, regions: list[dict]) -> "Oblasts":
        return cls({r["region_kato"][:2]: r["region_id"] for r in regions},
                   {r["region_id"]: (r["formed_from"], r["valid_from"]) for r in regions if r["formed_from"]})


def district_of(kato: str) -> str:
    """KATO code of the district or city a unit lies in."""
    return kato[:4] + "00000"


def oblast_on(district_kato: str, day: str | None, oblasts: Oblasts) -> str:
    """The oblast a district belonged to on ``day`` (ISO date); before the 2022 splits when the day is unknown."""
    region = oblasts.by_prefix[district_kato[:2]]
    if region in oblasts.formed and not (day and day >= oblasts.formed[region][1]):
        return oblasts.formed[region][0]
    return region


def read_kato(root: Path) -> list[dict]:
    return read_rows(root / KATO_FILE)


def district_2021(district_kato: str, changes: dict[str, dict]) -> str:
    """The district whose territory held ``district_kato``'s units on 25 July 2021 (each new district was split off whole from one)."""
    change = changes.get(district_kato)
    return change["formed_from"] if change else district_kato


def _territory_changed(district_kato: str, changes: dict[str, dict]) -> str:
    """The days on which parts of the district were split off (the day in force, else the day signed), in order."""
    days = sorted(c["in_force"] or c["signed"] for c in changes.values() if c["formed_from"] == district_kato)
    return " ".join(days)


def district_rows(kato: list[dict], changes: dict[str, dict], oblasts: Oblasts) -> list[dict]:
    """Every district of the KATO edition, with the dates of ``changes`` (district_changes rows by district_kato)."""
    rows = []
    for r in kato:
        if r["level"] != "district" or r["kato"][:2] not in oblasts.by_prefix:
            continue  # the districts of the three cities of republican significance hold no rural akims
        region = oblasts.by_prefix[r["kato"][:2]]
        change = changes.get(r["kato"], {})
        rows.append({"district_kato": r["kato"], "region_id": region, "region_id_2021": oblast_on(r["kato"], None, oblasts),
                     "district_type": "district" if "район" in r["name_ru"].lower() else "city",
                     "name_kk": r["name_kk"], "name_ru": r["name_ru"], "name_latn": kk_latn(r["name_kk"]), "name_en": place_en(r["name_kk"]),
                     "formed_from": change.get("formed_from", ""), "valid_from": change.get("in_force", ""), "valid_to": "",
                     "territory_changed": _territory_changed(r["kato"], changes)})
    return sorted(rows, key=lambda r: r["district_kato"])


def post_of(kato: str, posts: set[str]) -> str:
    """The post a unit belongs to: itself, or the administration (digits 7-9 zero) of a settlement; empty for none."""
    for code in (kato, kato[:6] + "000"):
        if code in posts:
            return code
    return ""


def unit_rows(kato: list[dict], codes: set[str], posts: set[str], changes: dict[str, dict]) -> list[dict]:
    """The KATO rows of ``codes``, each with the post (of ``posts``) it belongs to and its district of 2021."""
    rows = [{"unit_kato": r["kato"], "district_kato": district_of(r["kato"]), "district_kato_2021": district_2021(district_of(r["kato"]), changes),
             "post_kato": post_of(r["kato"], posts), "kato_level": r["level"],
             "name_kk": r["name_kk"], "name_ru": r["name_ru"], "name_latn": kk_latn(r["name_kk"]), "name_en": place_en(r["name_kk"])} for r in kato if r["kato"] in codes]
    return sorted(rows, key=lambda r: r["unit_kato"])


def _contest_name(contest: dict, units: dict[str, dict], districts: dict[str, dict], column: str, romanise) -> str:
    """A contest's place in one Latin form (``column`` of units and districts, made by ``romanise``), by one scheme: the
    form of its KATO unit (for a district or city akim, of its district), else ``romanise`` of the source's Kazakh name,
    else of its Russian name; a place a source names only in Latin letters keeps the source's spelling (``name_as_written``)."""
    if contest["unit_kato"] in units:
        return units[contest["unit_kato"]][column]
    if contest["post_type"] in ("district", "city") and contest["district_kato"] in districts:
        return districts[contest["district_kato"]][column]
    for name in (contest["name_kk"], contest["name_ru"]):
        if name:
            return romanise(name)
    return contest["name_as_written"]


def contest_name_latn(contest: dict, units: dict[str, dict], districts: dict[str, dict]) -> str:
    """A contest's place in Kazakh Latin letters (``translit.kk_latn``)."""
    return _contest_name(contest, units, districts, "name_latn", kk_latn)


def contest_name_en(contest: dict, units: dict[str, dict], districts: dict[str, dict]) -> str:
    """A contest's place in English (``english.place_en``), from the same name as ``contest_name_latn``."""
    return _contest_name(contest, units, districts, "name_en", place_en)


def post_type_of(name_ru: str) -> str | None:
    """Kind of rural-level akim post a KATO sub-district row is, or None for a city's own area or a city's raion.

    KATO puts every unit under a district at level ``sub_district`` (digits 7-9 are 000): the city of
    oblast or district significance itself ("г.X"), raions within a city ("р.а."), town administrations
    ("г.а."), settlement administrations ("п.а."), villages that are their own unit ("с.X") and rural districts.
    """
    name = name_ru.strip().lower()
    if name.startswith(("г.", "р.а.", "район")):
        return None  # akims of cities of oblast significance and of their raions are appointed, not elected
    if "г.а." in name:
        return "town"
    if "п.а." in name or name.startswith(("с.", "п.")):
        return "village"
    return "rural_district"


def _town_type(name_ru: str) -> str | None:
    name = name_ru.strip().lower()
    if name.startswith("район"):
        return None  # a raion of a city of oblast significance: its akim is appointed
    return "town" if name.startswith("г.") else "village"


def post_rows(kato: list[dict], changes: dict[str, dict], oblasts: Oblasts) -> list[dict]:
    """Every sub-district that is a post, and every town or settlement (type 1) that KATO lists with no administration row.

    Some towns of district significance (Ereymentau, Fort-Shevchenko) sit in KATO only as a settlement under their
    district, with no sub-district row of their own: the settlement is then the post.
    """
    administrations = {r["kato"] for r in kato if r["level"] == "sub_district"}
    rows = []
    for r in kato:
        if r["kato"][:2] not in oblasts.by_prefix:
            continue
        if r["level"] == "sub_district":
            post_type = post_type_of(r["name_ru"])
        elif r["level"] == "settlement" and r["type_code"] == "1" and r["kato"][:6] + "000" not in administrations:
            post_type = _town_type(r["name_ru"])
        else:
            continue
        if post_type is None:
            continue
        region = oblasts.by_prefix[r["kato"][:2]]
        rows.append({"post_kato": r["kato"], "district_kato": district_of(r["kato"]),
                     "district_kato_2021": district_2021(district_of(r["kato"]), changes), "region_id": region,
                     "region_id_2021": oblast_on(r["kato"], None, oblasts), "post_type": post_type,
                     "name_kk": r["name_kk"], "name_ru": r["name_ru"], "name_latn": kk_latn(r["name_kk"]), "name_en": place_en(r["name_kk"])})
    return sorted(rows, key=lambda r: r["post_kato"])
