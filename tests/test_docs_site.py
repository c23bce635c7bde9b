"""Build the documentation site and look at it in headless Chromium, served on localhost and opened from disk,
in each of its languages (English at the root, Russian under ru/, Kazakh under kk/)."""

from __future__ import annotations

import functools
import os
import re
from html.parser import HTMLParser
from urllib.parse import quote
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from babel.messages.pofile import read_po

from conftest import ROOT

ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

LANGUAGES = ("en", "ru", "kk")
FOLDER = {"en": "", "ru": "ru/", "kk": "kk/"}
# The pages every language is photographed on at both widths (English: every page).
SHOWN = ["index.html", "results.html", "coverage.html", "data/contests.html"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(out)], cwd=ROOT, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return out


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; scripts/test.sh installs Debian's chromium")
        pytest.skip("chromium is not installed (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.outside = []
    pg.on("request", lambda req: pg.outside.append(req.url) if not req.url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")) else None)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_the_site_builds_without_network_assets(site):
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, html
        assert "cdn.jsdelivr" not in text, html
        assert "unpkg.com" not in text, html


def test_home_page_renders(page, server):
    page.goto(server + "/")
    assert "direct elections of akims" in page.locator("h1").first.inner_text()
    assert page.locator("table").count() >= 1
    shot(page, "home")
    assert page.outside == []


def test_results_page_shows_its_charts_and_maps(page, server):
    page.goto(server + "/results.html")
    page.wait_for_load_state("networkidle")
    images = page.locator("article img")
    assert images.count() >= 5
    for i in range(images.count()):
        img = images.nth(i)
        assert img.get_attribute("alt"), "every chart needs alt text"
        assert img.evaluate("el => el.complete && el.naturalWidth > 0"), img.get_attribute("src")
    assert page.locator("img[src*='map_turnout']").count() == 1
    assert "Nur Otan" in page.inner_text("article")
    shot(page, "results")
    assert page.outside == []


def test_codebook_page_lists_fields(page, server):
    page.goto(server + "/data/figures.html")
    text = page.inner_text("article")
    for field in ("figure_id", "measure", "preferred", "source_id"):
        assert field in text
    assert "turnout_pct" in text  # the measures vocabulary
    shot(page, "codebook-figures")


def test_every_table_page_offers_its_csv(site):
    for csv in (site / "data").glob("*.csv"):
        table = csv.name.split(".")[0]  # NAME.csv, and its spreadsheet variant NAME.excel.csv
        assert f'href="{csv.name}"' in (site / "data" / f"{table}.html").read_text(encoding="utf-8"), csv.name
    assert (site / "datapackage.json").exists()


def _nav_links(page) -> list[str]:
    return page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]",
                                     "links => [...new Set(links.map(a => a.href.split('#')[0]))]")


@pytest.mark.parametrize("origin", ["file", "http"])
def test_every_navigation_link_opens_its_page(page, site, server, origin):
    # Opened from disk, a link to a folder would show a directory listing instead of the page.
    home = site.joinpath("index.html").as_uri() if origin == "file" else server + "/index.html"
    page.goto(home)
    assert "direct elections of akims" in page.locator("h1").first.inner_text()
    links = _nav_links(page)
    assert len(links) >= 11, links
    for link in links:
        assert link.endswith(".html"), link
        page.goto(link, wait_until="domcontentloaded")  # the heading is in the HTML: no need to wait for images
        assert page.locator("article.md-content__inner h1").count() == 1, link
    if origin == "file":
        shot(page, "from-disk-last-nav-page")
    assert page.outside == []


@pytest.mark.parametrize("origin", ["file", "http"])
def test_search_finds_nur_otan(page, site, server, origin):
    # The offline plugin ships the index as a script, so search works from disk too (fetch() would be refused).
    page.goto(site.joinpath("index.html").as_uri() if origin == "file" else server + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Nur Otan", delay=40)  # key by key: the search listens to key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    shot(page, f"search-nur-otan-{origin}")
    assert page.outside == []


def _pages(site, language: str = "en") -> list[str]:
    """The pages of one language, relative to the site (ru/results.html)."""
    root = site / FOLDER[language]
    return sorted(p.relative_to(site).as_posix() for p in root.rglob("*.html")
                  if "data-docs" not in p.parts and p.name != "404.html" and (language != "en" or p.relative_to(site).parts[0] not in ("ru", "kk")))


def test_every_page_is_in_every_language_with_its_lang(site):
    english = [rel for rel in _pages(site)]
    for language in LANGUAGES:
        pages = _pages(site, language)
        assert [rel.removeprefix(FOLDER[language]) for rel in pages] == english, language
        for rel in pages:
            assert f'<html lang="{language}"' in (site / rel).read_text(encoding="utf-8"), rel


class _Text(HTMLParser):
    """The text a reader of a page in one language sees as that language: without code, scripts, the list of the
    page's contents (its headings, checked where they stand), and passages marked as another language (lang="en" on a
    note the package holds in English only)."""

    SKIP = {"script", "style", "code", "pre", "svg"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "param", "track"}

    def __init__(self, language, page: str = ""):
        super().__init__()
        self.language, self.stack, self.texts, self.link, self.page = language, [], [], "", page

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        self.link = attrs.get("href") or "" if tag == "a" else self.link
        other = (attrs.get("lang") or self.language).split("-")[0] != self.language
        contents = "md-nav--secondary" in (attrs.get("class") or "")  # the page's contents repeat its headings
        self.stack.append(tag in self.SKIP or other or contents or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()
        if tag == "a":
            self.link = ""

    def handle_data(self, data):
        text = " ".join(data.split())
        # A table's id: the heading of its codebook page (# sources), a link to it (→ sources).
        named_by_its_id = f"{text}.html" in (self.link.split("#")[0].rsplit("/", 1)[-1], self.page.rsplit("/", 1)[-1])
        if text and not (self.stack and self.stack[-1]) and not named_by_its_id:
            self.texts.append(text)


def english_words(language: str) -> tuple[set[str], set[str]]:
    """The site's own English words whose translation differs: (phrases of several words, single words)."""
    with (ROOT / "i18n" / f"site.{language}.po").open("rb") as fh:
        messages = [m.id for m in read_po(fh) if m.id and m.string and m.string != m.id]
    phrases = {re.sub(r"\{\w+\}", "", text).strip(" `(),:") for text in messages}
    # A word on its own is looked for only where the message is that word: "and" of "{items} and {last}" is no message.
    return {p for p in phrases if " " in p}, {text.strip(" `(),:") for text in messages if " " not in text.strip() and "{" not in text}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_no_english_word_of_the_site_on_another_languages_page(site, language):
    phrases, words = english_words(language)
    shown = []
    for rel in _pages(site, language):
        parser = _Text(language, rel)
        parser.feed((site / rel).read_text(encoding="utf-8"))
        for text in parser.texts:
            shown += [f"{rel}: {text!r}" for phrase in phrases if phrase in text]
            shown += [f"{rel}: {text!r}" for word in words if text == word]
    assert shown == [], shown[:20]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_charts_are_drawn_in_each_language(site, language):
    phrases, _words = english_words(language)
    for chart in (site / FOLDER[language] / "assets" / "charts").glob("*.svg"):
        text = " ".join(re.findall(r">([^<]+)</text>", chart.read_text(encoding="utf-8")))
        assert [p for p in phrases if p in text] == [], chart.name


# What the search box says while it builds its index (the theme's search.result.initializer), per language.
INITIALISING = {"en": "Initializing search", "ru": "Инициализация поиска", "kk": "Іздеу іске қосылуда"}


def search(page, language: str, query: str) -> list[str]:
    """Type a query into the search of a page in one language; the addresses of the results for the whole query."""
    box = page.locator("input.md-search__input")
    box.click()  # the index is built when the box is first used; a query typed before it is ready would be dropped
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent.trim() !== text",
                           arg=INITIALISING[language], timeout=30000)
    box.press_sequentially(query, delay=40)
    # The search reads the box on key events: a reader's Cyrillic keyboard sends them, the browser's typing of a
    # letter outside its US layout does not (it inserts the text), so a key it does send ends the query.
    box.press("End")
    highlight = "h=" + quote(query.lower())  # each result links with its query: wait for the whole word's results
    page.locator(f".md-search-result__item > a[href*='{highlight}']").first.wait_for(timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


# Cyrillic words in each language's pages, place names among them (a district, an oblast in Russian).
SEARCHES = [("ru", "Семей"), ("kk", "Семей"), ("ru", "явка"), ("kk", "сайлау"), ("ru", "Туркестанская"), ("en", "Семей")]


@pytest.mark.parametrize(("language", "query"), SEARCHES)
def test_search_finds_cyrillic_words_in_each_language(page, site, language, query):
    page.goto(site.joinpath(FOLDER[language] + "index.html").as_uri())
    found = search(page, language, query)
    assert any(f"/{FOLDER[language]}" in link or language == "en" for link in found), found
    shot(page, f"search-{language}-{query}")
    assert page.outside == []


def test_the_switcher_opens_the_same_page_in_each_language(page, site):
    page.goto(site.joinpath("ru/results.html").as_uri())
    for language, address in (("kk", "kk/results.html"), ("en", "results.html"), ("ru", "ru/results.html")):
        page.hover(".md-header__option .md-select")
        page.click(f".md-select__link[hreflang={language}]")
        page.wait_for_load_state("domcontentloaded")
        assert page.url == site.joinpath(address).as_uri()
        assert page.evaluate("document.documentElement.lang") == language
    shot(page, "switcher-ru-results")


MEASURE = """() => ({
  width: document.documentElement.scrollWidth,
  scrolling: [...document.querySelectorAll('article .md-typeset__table')].filter(t => t.scrollWidth > t.clientWidth + 1).length,
  unscrollable: [...document.querySelectorAll('article .md-typeset__table')]
      .filter(t => t.scrollWidth > t.clientWidth + 1 && !['auto', 'scroll'].includes(getComputedStyle(t).overflowX)).length,
  wrapped: [...document.querySelectorAll('article td code')].filter(c => c.getClientRects().length > 1).map(c => c.textContent),
})"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_reads_at_desktop_and_phone_width(browser, site, width, language):
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    problems = []
    for rel in _pages(site, language):
        pg.goto(site.joinpath(rel).as_uri())
        m = pg.evaluate(MEASURE)
        if m["width"] > width or m["unscrollable"] or m["wrapped"] or (width == 1280 and m["scrolling"]):
            problems.append(f"{rel}: {m}")
        if language == "en" or rel.removeprefix(FOLDER[language]) in SHOWN:
            pg.screenshot(path=str(_shot_path(rel, width)), full_page=True)
    context.close()
    # At 1280 px every table fits; on a phone wide tables scroll inside themselves; identifiers never break.
    assert problems == [], problems


TURNOUT = {"en": "turnout", "ru": "явка", "kk": "сайлаушылардың келуі"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_oblast_stays_in_view_beside_its_turnout(browser, site, language):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    pg = context.new_page()
    pg.goto(site.joinpath(FOLDER[language] + "results.html").as_uri())
    wrapper = pg.locator(".md-typeset__table", has=pg.locator(f"th:last-child:text-is('{TURNOUT[language]}')")).first
    wrapper.evaluate("w => w.scrollLeft = w.scrollWidth")  # scrolled to the last column, turnout
    box, first, last = (pg.evaluate("e => { const r = e.getBoundingClientRect(); return [r.left, r.right] }", h)
                        for h in (wrapper.element_handle(), wrapper.locator("tbody tr td").first.element_handle(),
                                  wrapper.locator("tbody tr td").last.element_handle()))
    assert first[0] >= box[0] - 1 and first[1] <= box[1] + 1, "the oblast column scrolled out of view"
    assert last[1] <= box[1] + 1, "turnout is not in view"
    pg.screenshot(path=str(_shot_path(FOLDER[language] + "results-turnout", 390)))
    context.close()


def _shot_path(rel: str, width: int) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / (rel.removesuffix(".html").replace("/", "-") + ("" if width == 1280 else f"-{width}px") + ".png")


@pytest.fixture(scope="module")
def data_docs(site, validated_with_data_docs) -> Path:
    """The Data Docs of the repository's validation (made once for the run), where the site links to them."""
    out = site / "data-docs"
    shutil.copytree(validated_with_data_docs[0], out)
    return out


def test_data_docs_render_from_disk_without_the_internet(page, site, data_docs):
    page.goto(site.joinpath("validation.html").as_uri())
    page.click("a[href='data-docs/index.html']")
    page.wait_for_load_state("load")
    reports = page.locator("#akim-offline-index a")
    assert reports.count() >= 2  # the validation result and the expectation suite, listed without a CDN script
    reports.first.click()
    page.wait_for_load_state("load")
    assert "Expectation Validation Result" in page.inner_text("body")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # the local stylesheet
    shot(page, "data-docs-validation-result")
    assert page.outside == []
