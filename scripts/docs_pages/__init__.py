"""The documentation site: Markdown pages in docs/ (Jinja templates) filled from the data package at build time.

Every page's words are a file in docs/; this package only computes what they show (numbers, table rows, charts)
and is called by the mkdocs hook (scripts/docs_hook.py):

- ``render(markdown, page, docs_dir)`` fills a page's template with the numbers of ``PAGES[page]()``;
- ``files(docs_dir)`` adds what the site builds: a codebook page per table (one template,
  ``docs/templates/table.md``), the charts, and the package's own files for download, with each table as an xlsx
  and an Excel-ready CSV (``spreadsheets``).

A page's template names what it shows with ``{{ ... }}``: ``figure("winners", party="nur-otan")`` is the figure to
quote (``ae.figure``), ``fmt`` prints a number, ``md_table(header, rows)`` a table; anything else comes from the
page's entry in ``PAGES``. To add a page: write ``docs/NAME.md``, list it in ``mkdocs.yml``'s nav and, if it needs
more than figures, give it a function in ``PAGES`` returning what it shows. To add a chart: a function in
``charts.py`` and a line in ``charts.files()``; the page links ``assets/charts/NAME.svg``. A number typed into a
template fails ``tests/test_docs_pages.py``.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import charts, checks, codebook, coverage, later, results, spreadsheets
from .data import MAIN, ROOT, ae, and_list, count_words, fmt, grade, long_date, md_table, quote, wide

TABLE_TEMPLATE = "templates/table.md"


def cite() -> dict:
    from akim_elections import citation

    return {"release_date": ae._version.__release_date__, "fingerprint": citation.data_fingerprint(ae.descriptor(ROOT)),
            "apa": citation.apa(), "bibtex": citation.bibtex(),
            "cff": (ROOT / "CITATION.cff").read_text(encoding="utf-8")}


def changelog() -> dict:
    return {"changelog": (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")}


PAGES = {
    "index.md": results.home, "reform.md": later.reform, "results.md": results.results, "later.md": later.context,
    "data/index.md": codebook.overview, "coverage.md": coverage.context, "conflicts.md": checks.conflicts,
    "validation.md": checks.validation, "cite.md": cite, "changelog.md": changelog,
}


def figure(measure: str, election: str | None = None, region: str | None = None, **breakdown):
    """The figure to quote, for a page's prose: a page that names a figure the package lacks fails the build."""
    value = quote(measure, election or MAIN, region, **breakdown)
    if value is None:
        raise LookupError(f"a page quotes a figure the package does not have: {measure} {election or ''} {region or ''} {breakdown}")
    return value


def pct(part, whole) -> str:
    """One number as a share of another, as the site prints shares: 85.9%."""
    return f"{100 * part / whole:.1f}%" if whole else "—"


def cell(text) -> str:
    """Text made safe for one cell of a Markdown table."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def environment(docs_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(docs_dir)), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.globals.update(and_list=and_list, words=count_words, figure=figure, quote=quote, grade=grade, fmt=fmt, pct=pct, long_date=long_date,
                       md_table=md_table, wide=wide, counts=results.package_counts(), version=ae.__version__)
    env.filters["cell"] = cell
    return env


def context(page: str) -> dict:
    if page.startswith("data/") and page != "data/index.md":
        return codebook.page(Path(page).stem)
    return PAGES.get(page, dict)()


def render(markdown: str, page: str, docs_dir: Path) -> str:
    return environment(docs_dir).from_string(markdown).render(**context(page))


def page_markdown(page: str, docs_dir: Path = ROOT / "docs") -> str:
    """A page as the build hands it to Markdown: its template (front matter dropped) filled from the data."""
    source = docs_dir / (TABLE_TEMPLATE if page.startswith("data/") and page != "data/index.md" else page)
    text = source.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return render(text, page, docs_dir)


def downloads() -> dict[str, bytes]:
    """The package itself, at the same relative paths, so the site's download links work offline and from disk."""
    out = {"datapackage.json": (ROOT / "datapackage.json").read_bytes()}
    for res in ae.descriptor(ROOT)["resources"]:
        out[res["path"]] = (ROOT / res["path"]).read_bytes()
    return out


def files(docs_dir: Path) -> dict[str, str | bytes]:
    """What the build adds to docs/: the package's files and each table as spreadsheets, the charts, and one codebook page per table."""
    template = (Path(docs_dir) / TABLE_TEMPLATE).read_text(encoding="utf-8")
    return {**downloads(), **spreadsheets.files(), **charts.files(), **{f"data/{name}.md": template for name in ae.tables(ROOT)}}
