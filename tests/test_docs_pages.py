"""The site's pages and charts, checked at the level of what they say and draw (no browser): maps, bars, words, numbers."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, docs_site

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site():
    module = docs_site()
    original = module.charts.svg
    module.charts.svg = lambda spec: json.dumps(spec).encode("utf-8")  # the chart's specification instead of its picture
    yield module
    module.charts.svg = original


@pytest.fixture(scope="module")
def charts(site):
    return site.charts.files()


def chart(charts, name: str) -> dict:
    return json.loads(charts[f"assets/charts/{name}.svg"])


@pytest.mark.parametrize("name", ["map_turnout", "map_contests"])
def test_both_maps_draw_every_outline_with_one_projection(site, charts, name):
    spec = chart(charts, name)
    features = spec["data"]["values"]
    assert len(features) == len(site.charts._shapes())
    regional = site.data.regional_rows()
    assert {r["oblast"] for r in regional} <= {f["properties"]["oblast"] for f in features}
    field = "turnout_pct" if name == "map_turnout" else "contests"
    missing = {r["oblast"] for r in regional if r[field] is None}
    assert {f["properties"]["oblast"] for f in features if f["properties"]["status"] == site.data.NO_FIGURE} == missing
    assert spec["projection"] == {"type": "mercator"}
    assert site.data.NO_FIGURE in spec["layer"][0]["encoding"]["color"]["scale"]["domain"]  # grey, and in the legend


def test_contests_map_now_shows_east_and_north_kazakhstan(charts):
    names = {f["properties"]["oblast"] for f in chart(charts, "map_contests")["data"]["values"]}
    assert {"East Kazakhstan oblast", "North Kazakhstan oblast"} <= names


def test_nomination_bars_add_up_to_the_registered_total_with_an_unknown_part(site):
    total = site.data.quote("candidates", region="akmola", stage="registered")
    parts = site.charts.nomination_parts("Akmola oblast", "akmola")
    assert sum(p["candidates"] for p in parts) == total
    labels = [p["nomination"] for p in parts]
    assert "self-nominated" in labels and "Nur Otan" in labels and site.charts.UNKNOWN_PART in labels


def test_the_figure_to_quote_is_the_packages_own(site):
    import akim_elections as ae

    assert site.data.quote("winners", party="nur-otan") == ae.figure("winners", party="nur-otan", root=ROOT)
    assert site.data.quote("winners", party="no-such-party") is None


def test_labels_are_words_not_codes(site):
    for page in ("later.md", "conflicts.md"):
        prose = re.sub(r"\(https?://[^)]*\)|`[^`]*`", "", site.page_markdown(page))  # links and code spans may hold ids
        assert not re.search(r"\b\w+_pct\b|·", prose), page
    coverage = site.page_markdown("coverage.md")
    assert "Almaty oblast" in coverage and "| Almaty |" not in coverage


def test_coverage_grid_has_a_cell_per_figure_and_oblast(site, charts):
    spec = chart(charts, "coverage_grid")
    cells = spec["data"]["values"]
    assert len(cells) == len(site.data.schema.SUMMARY_COLUMNS) * len(site.data.regional_rows())
    assert {c["source"] for c in cells} <= set(spec["encoding"]["color"]["scale"]["domain"])
    assert not any("_" in c["figure"] for c in cells)


def test_home_page_counts_what_the_package_holds(site):
    text = site.page_markdown("index.md")
    contests, fmt = site.data.table("contests"), site.data.fmt
    named = int(((contests.election_id == site.data.MAIN) & contests.winner_name.notna()).sum())
    assert f"a named winner for {named} of the {fmt(site.data.quote('contests'))} contests" in text
    pilot = site.results.pilot()
    pilot_contests = contests[contests.election_id == site.data.voting_days().query("akim_level == 'district'").election_id.iloc[0]]
    assert pilot["named"] == int(pilot_contests.winner_name.notna().sum())
    assert f"the {pilot['posts']} posts\n  of the pilot of {pilot['date']}, {pilot['named']} of them with a named winner" in text


def test_each_reconciliation_is_headed_by_its_own_total(site):
    text = site.page_markdown("results.md")
    figures = site.data.table("figures").set_index("figure_id")
    recon = site.data.table("reconciliations")
    recon = recon[recon.election_id == site.data.MAIN]
    assert len(recon)
    for r in recon.itertuples():
        total = figures.loc[r.total_figure_id, "value"]
        assert f'add up to {site.data.fmt(r.parts_sum)}, not {site.data.fmt(total)}"' in text


def test_since_2021_lists_every_voting_day_and_its_charts(site):
    days = site.data.day_rows()
    assert days and days[0]["date"] == "2021-07-25"
    page = site.page_markdown("later.md")
    for d in days:
        assert f"| {d['date']} | {d['election']} |" in page
    points = json.loads(site.charts.timeline_chart(days))["data"]["values"]
    assert {p["date"] for p in points} == {d["date"] for d in days}
    running = json.loads(site.charts.running_chart(days))["data"]["values"]
    assert {"running total a source states", "contests listed by name, summed"} <= {p["series"] for p in running}


# --- the codebook: one template, every table ---------------------------------------------------------
def test_every_table_has_a_codebook_page_from_the_one_template(site):
    pages = {path for path in site.files(DOCS) if path.startswith("data/") and path.endswith(".md")}
    assert pages == {f"data/{name}.md" for name in site.ae.tables(ROOT)}
    assert {p.name.split(".")[0] for p in (DOCS / "data").glob("*.md")} == {"index"}  # the overview (and its translations); no table has a page file of its own


def test_codebook_shows_days_as_days_flags_as_the_csv_does_and_the_schemas_own_examples(site):
    desc = site.ae.descriptor(ROOT)
    for res in desc["resources"]:
        page = site.page_markdown(f"data/{res['name']}.md")
        assert "00:00:00" not in page and "Example: `False`" not in page and "Example: `True`" not in page, res["name"]
        for field in res["schema"]["fields"]:
            assert f"`{field['name']}`" in page
            if "example" in field:
                assert f"Example: `{field['example']}`" in page, (res["name"], field["name"])


def test_codebook_lists_a_vocabulary_with_its_meanings(site):
    page = site.page_markdown("data/figures.md")
    for measure, (unit, _meaning) in site.data.schema.MEASURES.items():
        assert f"| `{measure}` | `{unit}` |" in page  # the unit is an identifier, as code


# --- no number typed by hand -------------------------------------------------------------------------
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
          "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря")  # Russian pages: 25 июля
# Kazakh months take case endings (25 шілдеде, 1 наурыздан), so no word boundary closes them.
MONTHS_KK = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
NOT_PROSE = [
    re.compile(r"\A---\n.*?\n---\n", re.S),                             # front matter
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),                # template expressions: what the build fills in
    re.compile(r"^```.*?^```", re.M | re.S),                             # examples: tests/test_examples.py runs them
    re.compile(r"`[^`\n]*[^`\d\s,.%][^`\n]*`"),                          # code spans (ids, commands), not a bare number
    re.compile(r"\]\([^)\s]*\)|<https?://[^>]*>"),                       # link targets
]
NOT_NUMBERS = [
    re.compile(rf"\b\d{{1,2}}(?:–\d{{1,2}})?(?: (?:and|и) \d{{1,2}})? (?:{MONTHS})\b"),   # a day: 25 July, 5–9 August, 24 и 25 мая
    re.compile(rf"\b\d{{1,2}}(?:–\d{{1,2}})?(?: және \d{{1,2}})? (?:{MONTHS_KK})"),  # a day in Kazakh: 25 шілде
    re.compile(r"\b(?:19|20)\d\d(?:/(?:19|20)\d\d)?\b"),                           # a year: 2021, 2025/2026
    re.compile(r"^ *\d+\. ", re.M),                                                # list numbering
    re.compile(r"\b[0-2] (?=equal|different|trouble|done|invalid data|wrong usage)|exit status [0-2]"),  # exit statuses
    re.compile(r"\b[0-2] — (?=совпадают|различаются|сбой|выполнено|неверные данные|неверное использование)|код(?:ом)? выхода [0-2]"),
    re.compile(r"\b[0-2] — (?=бірдей|айырма|ақау|орындалды|деректер жарамсыз|қате қолдану)|шығу коды [0-2]"),  # in Kazakh
]
# Names that hold a digit but are no number of the data.
ALLOWED = ["ISO 3166-2", "ISO 8601-2", "UTF-8", "SHA-256", "CC BY 4.0", "cp1251", "No. 555", "№ 555"]


def typed_numbers(template: str) -> list[str]:
    """The digit-bearing words of a page template that no template expression produces."""
    for pattern in NOT_PROSE:
        template = pattern.sub(" ", template)
    for name in ALLOWED:
        template = template.replace(name, " ")
    for pattern in NOT_NUMBERS:
        template = pattern.sub(" ", template)
    return re.findall(r"\S*\d\S*", template)


def test_a_typed_number_is_found_and_a_filled_one_is_not():
    assert typed_numbers("the 730 winners and 79.1 % turnout") == ["730", "79.1"]
    assert typed_numbers('`730` contests; see [x](https://a.b/2021/730)') == ["`730`"]
    assert typed_numbers('{{ fmt(figure("winners")) }} winners on 25 July 2021, `2021-07-25-rural`:\n\n1. first') == []
    assert typed_numbers("2021 жылғы 25 шілдеде 730 жеңімпаз, шығу коды 2") == ["730"]


@pytest.mark.parametrize("template", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_no_page_template_types_a_number(template):
    assert typed_numbers((DOCS / template).read_text(encoding="utf-8")) == []


# --- translations: each page's words in another language, everything else as in the English page ---------
KEPT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\]\([^)\s]*\)|<https?://[^>]*>", re.S)  # what the build fills in; link targets
CODE = re.compile(r"^```.*?^```", re.M | re.S)
COMMENT = re.compile(r"(?:^|[ \t])# .*", re.M)  # a code comment may be translated, the code may not


def kept_parts(template: str) -> tuple[list[str], list[str]]:
    return sorted(KEPT.findall(template)), [COMMENT.sub("", block) for block in CODE.findall(template)]


@pytest.mark.parametrize("translation", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.*.md")))
def test_a_translated_page_keeps_every_expression_link_and_example(translation):
    path = DOCS / translation
    english = path.with_name(path.name.split(".")[0] + ".md")
    assert english.exists(), f"{translation} translates no English page"
    assert kept_parts(path.read_text(encoding="utf-8")) == kept_parts(english.read_text(encoding="utf-8"))

# --- places as each reader knows them -----------------------------------------------------------------
ENGLISH_PAGES = ("index.md", "results.md", "later.md", "coverage.md", "conflicts.md")


def test_english_pages_name_places_in_english_never_in_kazakh_latin(site):
    import akim_elections as ae

    kazakh_latin = set()
    for name in ("districts", "units", "contests"):
        frame = ae.load(name, ROOT)
        kazakh_latin |= {latn for latn, en in zip(frame.name_latn, frame.name_en) if isinstance(latn, str) and latn != en and len(latn) > 5}
    text = "\n".join(site.page_markdown(page) for page in ENGLISH_PAGES)
    assert any(en in text for en in ae.load("districts", ROOT).name_en)  # the pages do name districts, in English
    shown = sorted(latn for latn in kazakh_latin if re.search(rf"(?<!\w){re.escape(latn)}(?!\w)", text))
    assert not shown


def test_place_name_gives_each_language_its_own_column(site):
    place = site.data.place_name
    assert [place("district", "116000000", lang) for lang in ("en", "ru", "kk")] == ["Korgalzhyn district", "Коргалжынский район", "Қорғалжын ауданы"]
    assert place("region", "akmola", "en") == "Akmola"
    assert place("district", None, "en") == ""


# --- spreadsheets for Excel -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def spreadsheets(site):
    return site.spreadsheets.files()


def test_every_tables_page_links_its_xlsx_and_excel_csv_which_the_site_holds(site, spreadsheets):
    for name in site.ae.tables(ROOT):
        page = site.page_markdown(f"data/{name}.md")
        for suffix in (".xlsx", ".excel.csv"):
            assert f"]({name}{suffix})" in page and f"data/{name}{suffix}" in spreadsheets, (name, suffix)


def test_xlsx_cells_carry_the_descriptors_types(spreadsheets):
    import datetime
    import io

    from openpyxl import load_workbook

    def first_column(path: str, header: str) -> list:
        sheet = load_workbook(io.BytesIO(spreadsheets[path])).active
        columns = [c.value for c in sheet[1]]
        return [row[columns.index(header)] for row in sheet.iter_rows(min_row=2, values_only=True)]

    kato = first_column("data/districts.xlsx", "district_kato")
    assert kato and all(isinstance(v, str) and len(v) == 9 for v in kato)  # codes as text, not numbers
    candidates = [v for v in first_column("data/contests.xlsx", "candidates_registered") if v is not None]
    assert candidates and all(type(v) is int for v in candidates)
    days = [v for v in first_column("data/elections.xlsx", "date_earliest") if v is not None]
    assert days and all(isinstance(v, datetime.datetime) for v in days)  # Excel keeps a date as a day at midnight
    ids = first_column("data/sources.xlsx", "source_id")
    assert ids and all(isinstance(v, str) for v in ids)


def test_excel_csv_has_a_bom_and_reads_back_to_the_packages_csv(spreadsheets):
    import io

    import pandas as pd

    for name in ("contests", "figures", "districts"):
        data = spreadsheets[f"data/{name}.excel.csv"]
        assert data.startswith("\ufeff".encode("utf-8"))
        back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        original = pd.read_csv(ROOT / "data" / f"{name}.csv", dtype=str, keep_default_na=False)
        numbers = [f["name"] for f in site_fields(name) if f["type"] == "number"]
        back[numbers] = back[numbers].apply(lambda column: column.str.replace(",", ".", regex=False))
        pd.testing.assert_frame_equal(back, original)
    assert "Семей" in spreadsheets["data/districts.excel.csv"].decode("utf-8-sig")


def site_fields(name: str) -> list[dict]:
    import akim_elections as ae

    return next(r for r in ae.descriptor(ROOT)["resources"] if r["name"] == name)["schema"]["fields"]
