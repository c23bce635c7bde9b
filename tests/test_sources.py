import csv

import pytest

from akim_elections import schema
from akim_elections.rules import url_date
from conftest import ROOT

CURATED = [n for n in schema.TABLE_ORDER if schema.TABLES[n]["kind"] == "curated"
           and "source_id" in {f["name"] for f in schema.TABLES[n]["fields"]} and n != "sources"]


def rows(name):
    with open(ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SOURCE_IDS = {r["source_id"] for r in rows("sources")}


@pytest.mark.parametrize("table", CURATED)
def test_every_curated_row_names_an_existing_source(table):
    for i, row in enumerate(rows(table), start=2):
        assert row["source_id"] in SOURCE_IDS, f"{table}.csv line {i}: source {row['source_id']!r} is not in sources.csv"
        for extra in row.get("other_source_ids", "").split():
            assert extra in SOURCE_IDS, f"{table}.csv line {i}: {extra!r} is not in sources.csv"


def test_every_source_is_cited():
    cited = set()
    for table in CURATED:
        for row in rows(table):
            cited.add(row["source_id"])
            cited.update(row.get("other_source_ids", "").split())
    assert SOURCE_IDS - cited == set()


def test_each_measure_carries_its_unit():
    for row in rows("figures"):
        assert row["unit"] == schema.unit_of(row["measure"]), row["figure_id"]


def test_the_14_oblasts_of_2021_have_preferred_contests_turnout_and_candidates_figures():
    have = {}
    for row in rows("figures"):
        if (row["election_id"] == "2021-07-25-rural" and row["scope"] == "region" and row["preferred"] == "true"
                and row["interim"] == "false" and not row["time_of_day"] and not row["as_of"]):
            # North Kazakhstan's contests are known only by type of unit (rural districts plus one town)
            measure = row["measure"] if row["unit_type"] in ("", "rural_district") and not row["category"] else f"{row['measure']} {row['unit_type'] or row['category']}"
            have.setdefault(row["region_id"], set()).add(measure)
    missing = {r["region_id"]: {"contests", "turnout_pct", "candidates"} - have.get(r["region_id"], set())
               for r in rows("regions") if not r["valid_from"]}
    # East Kazakhstan publishes no contest count (77 akims were elected there); the docs' Coverage page says so.
    # West Kazakhstan's only candidate counts were given at a briefing on 12 July, during nomination: interim.
    assert {k: v for k, v in missing.items() if v} == {"east-kazakhstan": {"contests"}, "west-kazakhstan": {"candidates"}}


@pytest.mark.parametrize("url, date", [
    ("https://arka-azhary.kz/2021/07/24/erte-auyl-kimderin-sajlau", "2021-07-24"),
    ("https://astanatimes.com/2023/08/seven-regions-of-kazakhstan-elect-17-rural-mayors/", "2023-08"),
    ("https://bizmedia.kz/2023-08-15-v-kazahstane-izbrany-17-selskih-akimov-karin/amp", "2023-08-15"),
    ("https://prostoratbasar.kz/2025/03/16", "2025-03-16"),
    ("https://kyzylorda-news.kz/kerek-derek/policejler-dinastiyasy-mangyzdy-kuende-oez-tangdaularyn-zhasady-05-11-2023", "2023-11-05"),
    ("https://aqmolanews.kz/ru/?p=32265", None),
    ("https://forbes.kz/news/2021/13/01/x", None),  # no month 13
    ("https://www.kt.kz/eng/politics/historical_direct_elections_of_rural_akims_kick_off_1377918965.html", None),
    ("https://2021.example.kz/news", None),  # a year in the host is not a date in the path
])
def test_url_date_reads_the_date_in_a_path_at_its_precision(url, date):
    assert url_date(url) == date



def _left_out_reasons():
    # The reasons are defined once, in the table of raw/README.md that documents left_out.csv.
    text = (ROOT / "raw" / "README.md").read_text(encoding="utf-8")
    table = text.split("## left_out.csv", 1)[1].split("| reason | meaning |", 1)[1].split("\n\n", 1)[0]
    return {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}


def test_left_out_figures_belong_to_pages_read_whole_and_give_a_known_reason():
    read_whole = {r["source_id"] for r in rows("sources") if r["read_whole"] == "true"}
    reasons = _left_out_reasons()
    assert {"not_akim_elections", "no_scope", "forecast_or_plan", "unclear_subject", "same_as_figure", "other"} <= reasons
    with open(ROOT / "raw" / "left_out.csv", encoding="utf-8", newline="") as fh:
        left_out = list(csv.DictReader(fh))
    assert left_out and list(left_out[0]) == ["source_id", "value", "what", "reason"]
    for i, row in enumerate(left_out, start=2):
        assert row["source_id"] in read_whole, f"left_out.csv line {i}: {row['source_id']!r} is not a source read whole"
        assert row["reason"] in reasons, f"left_out.csv line {i}: reason {row['reason']!r} is not in raw/README.md"
        assert row["value"].strip() and row["what"].strip(), f"left_out.csv line {i}: value and what are required"
