"""The site in English, Russian and Kazakh, checked without a browser: every page translated, the catalogues
complete, numbers and dates in each language's form, and no English word of the site left on another language's page.
"""

from __future__ import annotations

import json
import re

import jinja2
import pytest

from conftest import ROOT, docs_site, load_script

DOCS = ROOT / "docs"
OTHER = ("ru", "kk")
ENGLISH_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if len(p.suffixes) == 1)
EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


@pytest.fixture(scope="module")
def site():
    return docs_site()


@pytest.fixture(scope="module")
def i18n():
    return load_script("i18n")


@pytest.fixture
def outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)


def translation(page: str, language: str):
    stem, _dot, suffix = page.rpartition(".")
    return DOCS / f"{stem}.{language}.{suffix}"


@pytest.mark.parametrize("language", OTHER)
@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_every_english_page_has_its_translation(page, language):
    assert translation(page, language).exists(), f"docs/{page} has no {language} translation: write {translation(page, language).relative_to(ROOT)}"


TRANSLATED = [(page, language) for page in ENGLISH_PAGES for language in OTHER if translation(page, language).exists()]


@pytest.mark.parametrize(("page", "language"), TRANSLATED)
def test_a_translation_keeps_every_jinja_expression_of_its_page(page, language):
    # The numbers of a page come from its expressions: a translation that drops or edits one shows other numbers.
    english = sorted(EXPRESSION.findall((DOCS / page).read_text(encoding="utf-8")))
    translated = sorted(EXPRESSION.findall(translation(page, language).read_text(encoding="utf-8")))
    assert translated == english


def test_the_catalogues_are_current_and_complete(i18n, capsys):
    # Both domains (schema and site) in both languages, every message translated and none fuzzy.
    assert i18n.main(["--check"]) == 0, capsys.readouterr().err


def test_the_site_catalogue_is_complete(i18n):
    catalogue = i18n.template(i18n.site_messages())
    for language in OTHER:
        assert i18n.problems("site", language, i18n.merged("site", language, catalogue)) == []


def test_a_translation_keeps_its_placeholders(i18n):
    from babel.messages.catalog import Catalog

    catalogue = Catalog(locale="ru")
    catalogue.add("{part} of {whole}", "{part} из {всего}")
    assert "placeholders" in i18n.problems("site", "ru", catalogue)[0]


def test_extraction_finds_the_words_of_code_templates_and_navigation(i18n):
    messages = {text for _where, text in i18n.site_messages()}
    assert {"date not given", "turnout", "required", "The reform", "Overview", "{part} of {whole}"} <= messages
    assert "winners" in messages and "nur-otan" not in messages  # a header, not the code figure("winners", party="nur-otan")


def test_only_the_words_a_reader_sees_are_translated(site):
    tree = jinja2.Environment().parse('{{ md_table(["oblast", "turnout"], rows) }} {{ figure("winners", party="nur-otan") }}'
                                      '{{ resource["x-kind"] }} {{ x|join(", ") }} {% include "templates/headline.md" %}'
                                      '{% set _ = parts.append("required") %} {{ "](" ~ name ~ ".md)." }}')
    assert [c.value for c in site.lang.literals(tree)] == ["oblast", "turnout", "required"]


@pytest.mark.parametrize(("language", "number", "share", "day"), [
    ("en", "1,209,817", "79.1%", "25 July 2021"),
    ("ru", "1\u00a0209\u00a0817", "79,1\u00a0%", "25 июля 2021"),
    ("kk", "1\u00a0209\u00a0817", "79,1\u00a0%", "25 шілде 2021"),
])
def test_numbers_and_dates_take_each_languages_form(site, language, number, share, day):
    import datetime

    site.lang.set_language(language)
    try:
        assert site.data.fmt(1209817) == number
        assert site.data.fmt(79.1, pct=True) == share
        assert site.data.long_date(datetime.date(2021, 7, 25)) == day
        assert str(site.Count(1209817)) == number  # a figure printed bare by a page's prose
        assert str(site.Measure(79.15)) == ("79.15" if language == "en" else "79,15")  # every digit the figure has
    finally:
        site.lang.set_language("en")


def test_an_untranslated_message_shows_in_english_only_outside_ci(site, monkeypatch):
    site.lang.set_language("ru")
    try:
        monkeypatch.delenv("CI", raising=False)
        assert site.lang._("a phrase nobody translated") == "a phrase nobody translated"
        monkeypatch.setenv("CI", "true")
        with pytest.raises(site.lang.Untranslated, match="site.ru.po"):
            site.lang._("a phrase nobody translated")
    finally:
        site.lang.set_language("en")


@pytest.mark.parametrize("language", OTHER)
def test_generated_tables_speak_the_pages_language(site, outside_ci, language):
    lines = site.page_markdown("results.md", language=language).splitlines()
    headers = [line for line, below in zip(lines, lines[1:]) if below.startswith("| --- |") or below.startswith("|---")]
    header = next(h for h in headers if h.startswith(("| область |", "| облыс |")))  # the table by oblast
    assert "oblast" not in header and "turnout" not in header
    assert ("явка" if language == "ru" else "сайлаушылардың келуі") in header
    codebook = site.page_markdown("data/contests.md", language=language)
    assert ("обязательно" if language == "ru" else "міндетті") in codebook and "required" not in codebook.replace("`", "")


@pytest.mark.parametrize("language", OTHER)
def test_charts_speak_the_pages_language(site, language):
    original = site.charts.svg
    site.charts.svg = lambda spec: json.dumps(spec, ensure_ascii=False).encode("utf-8")
    try:
        charts = site.pictures(language)
    finally:
        site.charts.svg = original
    english = {text for text in site.lang.catalogue("site", language) if len(text.split()) > 1}
    for name, spec in charts.items():
        text = spec.decode("utf-8")
        shown = [phrase for phrase in english if f'"{phrase}"' in text]
        assert shown == [], f"{name} shows English: {shown}"


def test_passages_in_another_language_carry_their_lang(site, outside_ci):
    site.lang.set_language("ru")
    try:
        assert site.data.english("a note") == '<span lang="en">a note</span>'
        assert site.data.in_language("Семей", "ru") == "Семей"  # the page's own language needs no mark
    finally:
        site.lang.set_language("en")
    assert site.data.in_language("Семей", "kk") == '<span lang="kk">Семей</span>'
