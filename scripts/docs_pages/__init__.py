"""The documentation site: Markdown pages in docs/ (Jinja templates) filled from the data package at build time.

Every page's words are a file in docs/; this package only computes what they show (numbers, table rows, charts)
and is called by the mkdocs hook (scripts/docs_hook.py):

- ``render(markdown, page, docs_dir)`` fills a page's template with the numbers of ``PAGES[page]()``;
- ``files(docs_dir)`` adds what the site builds: a codebook page per table (one template,
  ``docs/templates/table.md``), the charts, and the package's own files for download, with each table as an xlsx
  and an Excel-ready CSV (``spreadsheets``).

Each page is built once per language (``lang.LANGUAGES``): ``docs/NAME.md`` in English, ``docs/NAME.ru.md`` and
``docs/NAME.kk.md`` beside it with the same Jinja expressions; an include names the English template and gets the
page's language's (templates/headline.md -> templates/headline.ru.md). What the build computes is in the page's
language too (``lang``): numbers, dates, names, labels, and the string literals of the templates' expressions
(column headers and the like, ``literals``), all from the gettext catalogues in i18n/.

A page's template names what it shows with ``{{ ... }}``: ``figure("winners", party="nur-otan")`` is the figure to
quote (``ae.figure``), ``fmt`` prints a number, ``md_table(header, rows)`` a table; anything else comes from the
page's entry in ``PAGES``. To add a page: write ``docs/NAME.md``, list it in ``mkdocs.yml``'s nav and, if it needs
more than figures, give it a function in ``PAGES`` returning what it shows. To add a chart: a function in
``charts.py`` and a line in ``charts.files()``; the page links ``assets/charts/NAME.svg``. A number typed into a
template fails ``tests/test_docs_pages.py``.
"""

from __future__ import annotations

from pathlib import Path

import os

import jinja2

from . import charts, checks, codebook, coverage, lang, later, results, spreadsheets
from .data import MAIN, ROOT, ae, and_list, count_words, fmt, grade, long_date, md_table, quote, wide

TABLE_TEMPLATE = "templates/table.md"


def cite() -> dict:
    from akim_elections import citation

    return {"release_date": ae._version.__release_date__, "fingerprint": citation.data_fingerprint(ae.descriptor(ROOT)),
            "apa": citation.apa(), "bibtex": citation.bibtex(),
            "cff": (ROOT / "CITATION.cff").read_text(encoding="utf-8")}


def changelog() -> dict:
    """The changelog, kept in English: on a page in another language, a block marked as English."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return {"changelog": text if lang.current == lang.DEFAULT else f'<div lang="en" markdown="1">\n\n{text}\n</div>\n'}


PAGES = {
    "index.md": results.home, "reform.md": later.reform, "results.md": results.results, "later.md": later.context,
    "data/index.md": codebook.overview, "coverage.md": coverage.context, "conflicts.md": checks.conflicts,
    "validation.md": checks.validation, "cite.md": cite, "changelog.md": changelog,
}


class Count(int):
    """A whole figure that prints in the page's language (1 209 817 on a Russian page) and computes as a number."""

    def __str__(self) -> str:
        return lang.number(int(self))


class Measure(float):
    """A figure with a fraction (a turnout) that prints in the page's language, every digit kept: 79.1, 79,1."""

    def __str__(self) -> str:
        return lang.number(float(self), "#,##0.###")


def figure(measure: str, election: str | None = None, region: str | None = None, **breakdown):
    """The figure to quote, for a page's prose: a page that names a figure the package lacks fails the build."""
    value = quote(measure, election or MAIN, region, **breakdown)
    if value is None:
        raise LookupError(f"a page quotes a figure the package does not have: {measure} {election or ''} {region or ''} {breakdown}")
    return Count(value) if float(value).is_integer() else Measure(value)


def pct(part, whole) -> str:
    """One number as a share of another, as the site prints shares: 85.9%, 85,9 %."""
    return lang.percent(100 * part / whole) if whole else "—"


def cell(text) -> str:
    """Text made safe for one cell of a Markdown table."""
    return str(text).replace("|", "\\|").replace("\n", " ")


class PageEnvironment(jinja2.Environment):
    """Jinja for a page in the current language: the reader-facing literals of its expressions translated."""

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        for const in lang.literals(tree):
            const.value = lang._(const.value)
        return tree


class LanguageLoader(jinja2.FileSystemLoader):
    """Includes name the English template; a page in another language gets that language's (headline.ru.md)."""

    def get_source(self, environment, template):
        if lang.current != lang.DEFAULT:
            localised = localised_path(template, lang.current)
            try:
                return super().get_source(environment, localised)
            except jinja2.TemplateNotFound:
                if os.environ.get("CI"):
                    raise lang.Untranslated(f"docs/{localised} is missing: translate docs/{template}") from None
        return super().get_source(environment, template)


def localised_path(page: str, language: str) -> str:
    """docs/results.md in Russian is docs/results.ru.md; the default language's page is the page itself."""
    if language == lang.DEFAULT:
        return page
    stem, dot, suffix = page.rpartition(".")
    return f"{stem}.{language}.{suffix}"


def environment(docs_dir: Path) -> jinja2.Environment:
    env = PageEnvironment(loader=LanguageLoader(str(docs_dir)), undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
                          cache_size=0)  # a template parsed in one language must not serve another
    env.globals.update(lang=lang.current, and_list=and_list, words=count_words, figure=figure, quote=quote, grade=grade, fmt=fmt, pct=pct, long_date=long_date,
                       md_table=md_table, wide=wide, counts=results.package_counts(), version=ae.__version__)
    env.filters["cell"] = cell
    return env


def context(page: str) -> dict:
    if page.startswith("data/") and page != "data/index.md":
        return codebook.page(Path(page).stem)
    return PAGES.get(page, dict)()


def render(markdown: str, page: str, docs_dir: Path, language: str = lang.DEFAULT) -> str:
    """A page's template filled from the data in one language; ``page`` is the English page's path (results.md)."""
    lang.set_language(language)
    try:
        return environment(docs_dir).from_string(markdown).render(**context(page))
    finally:
        lang.set_language(lang.DEFAULT)


def template_text(template: str, docs_dir: Path, language: str = lang.DEFAULT) -> str:
    """A template's text in one language (the English one where a translation is missing, outside CI)."""
    path = Path(docs_dir) / localised_path(template, language)
    if not path.exists():
        if os.environ.get("CI"):
            raise lang.Untranslated(f"docs/{localised_path(template, language)} is missing: translate docs/{template}")
        path = Path(docs_dir) / template
    return path.read_text(encoding="utf-8")


def page_markdown(page: str, docs_dir: Path = ROOT / "docs", language: str = lang.DEFAULT) -> str:
    """A page as the build hands it to Markdown: its template (front matter dropped) filled from the data."""
    text = template_text(TABLE_TEMPLATE if page.startswith("data/") and page != "data/index.md" else page, docs_dir, language)
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return render(text, page, docs_dir, language)


def downloads() -> dict[str, bytes]:
    """The package itself, at the same relative paths, so the site's download links work offline and from disk."""
    out = {"datapackage.json": (ROOT / "datapackage.json").read_bytes()}
    for res in ae.descriptor(ROOT)["resources"]:
        out[res["path"]] = (ROOT / res["path"]).read_bytes()
    return out


def pages(docs_dir: Path, language: str = lang.DEFAULT) -> dict[str, str]:
    """The codebook page of every table, in one language: the language's table template, filled when the page is built."""
    template = template_text(TABLE_TEMPLATE, docs_dir, language)
    return {f"data/{name}.md": template for name in ae.tables(ROOT)}


def pictures(language: str = lang.DEFAULT) -> dict[str, bytes]:
    """The charts in one language."""
    lang.set_language(language)
    try:
        return charts.files()
    finally:
        lang.set_language(lang.DEFAULT)


def files(docs_dir: Path, language: str = lang.DEFAULT) -> dict[str, str | bytes]:
    """What the build adds to docs/ for one language: the package's files and each table as spreadsheets, the charts, and one
    codebook page per table."""
    return {**downloads(), **spreadsheets.files(), **pictures(language), **pages(docs_dir, language)}
