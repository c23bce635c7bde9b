"""The site's charts and pages, checked at the level of what they draw (no browser): maps, bars, words."""

from __future__ import annotations

import json
import re

import pytest

from conftest import load_script


@pytest.fixture(scope="module")
def docs():
    module = load_script("docs_pages")
    original = module.svg
    module.svg = lambda spec: json.dumps(spec).encode("utf-8")  # the chart's specification instead of its picture
    yield module
    module.svg = original


@pytest.fixture(scope="module")
def results(docs):
    return docs.results_page()


@pytest.mark.parametrize("chart", ["map_turnout", "map_contests"])
def test_both_maps_draw_every_outline_with_one_projection(docs, results, chart):
    spec = json.loads(results[f"assets/charts/{chart}.svg"])
    features = spec["data"]["values"]
    assert len(features) == len(docs._shapes())
    oblasts = {r["oblast"] for r in docs.regional_rows()}
    drawn = {f["properties"]["oblast"] for f in features}
    assert oblasts <= drawn
    field = "turnout_pct" if chart == "map_turnout" else "contests"
    missing = {r["oblast"] for r in docs.regional_rows() if r[field] is None}
    assert {f["properties"]["oblast"] for f in features if f["properties"]["status"] == docs.NO_FIGURE} == missing
    assert spec["projection"] == {"type": "mercator"}
    assert docs.NO_FIGURE in spec["layer"][0]["encoding"]["color"]["scale"]["domain"]  # grey, and in the legend


def test_contests_map_now_shows_east_and_north_kazakhstan(docs, results):
    features = json.loads(results["assets/charts/map_contests.svg"])["data"]["values"]
    names = {f["properties"]["oblast"] for f in features}
    assert {"East Kazakhstan oblast", "North Kazakhstan oblast"} <= names


def test_nomination_bars_add_up_to_the_registered_total_with_an_unknown_part(docs):
    total = docs.preferred("region", "candidates", region="akmola", stage="registered")
    parts = docs.nomination_parts("Akmola oblast", "region", "akmola")
    assert sum(p["candidates"] for p in parts) == total
    labels = [p["nomination"] for p in parts]
    assert "self-nominated" in labels and "Nur Otan" in labels and docs.UNKNOWN_PART in labels


def test_labels_are_words_not_codes(docs):
    later, conflicts = docs.later_page(), docs.conflicts_page()
    for text in (later, conflicts):
        prose = re.sub(r"\(https?://[^)]*\)|`[^`]*`", "", text)  # links and code spans may hold ids
        assert not re.search(r"\b\w+_pct\b|·", prose)
    assert "Almaty oblast" in docs.coverage_page() and "| Almaty |" not in docs.coverage_page()


def test_coverage_grid_has_a_cell_per_figure_and_oblast(docs):
    spec = json.loads(docs.coverage_grid())
    cells = spec["data"]["values"]
    assert len(cells) == len(docs.schema.SUMMARY_COLUMNS) * len(docs.regional_rows())
    assert {c["source"] for c in cells} <= set(spec["encoding"]["color"]["scale"]["domain"])
    assert not any("_" in c["figure"] for c in cells)


def test_home_page_counts_what_the_package_holds(docs):
    text = docs.holdings()
    contests = docs.table("contests")
    named = int(((contests.election_id == docs.MAIN) & contests.winner_name.notna()).sum())
    assert f"a named winner for {named} of the 730 contests" in text


def test_since_2021_lists_every_voting_day_and_its_charts(docs):
    days = docs.day_rows()
    assert days and days[0]["date"] == "2021-07-25"
    page = docs.later_page()
    for d in days:
        assert f"| {d['date']} | {d['election']} |" in page
    points = json.loads(docs.timeline_chart(days))["data"]["values"]
    assert {p["date"] for p in points} == {d["date"] for d in days}
    running = json.loads(docs.running_chart(days))["data"]["values"]
    assert {"running total a source states", "contests listed by name, summed"} <= {p["series"] for p in running}
