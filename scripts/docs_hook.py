"""mkdocs hook: fill the pages of docs/ (Jinja templates) from the data in each of the site's languages, and add the
pages and files the build makes.

The words of every page are in docs/ (page.md in English, page.ru.md and page.kk.md beside it); scripts/docs_pages
computes what they show, so the site cannot drift from data/. mkdocs-static-i18n builds the site once per
language; this hook runs after it in each build (event priority below the plugin's -100), so it sees the
language being built.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

sys.path.insert(0, str(Path(__file__).parent))
import docs_pages  # noqa: E402
from docs_pages import lang  # noqa: E402

AFTER_I18N = -200
log = get_plugin_logger("akim-elections")


def language(config) -> str:
    return config.plugins["i18n"].current_language or lang.DEFAULT


def table_titles() -> dict[str, str]:
    """The codebook pages' navigation titles: each table's title in the schema (Contests, Published figures)."""
    return {docs_pages.data.schema.TABLES[name]["title"]: name for name in docs_pages.ae.tables(docs_pages.ROOT)}


def on_config(config):
    # The Data section lists every table of the schema, in descriptor order, by its title.
    tables = [{title: f"data/{name}.md"} for title, name in table_titles().items()]
    config["nav"] = [({"Data": [{lang.N_("Overview"): "data/index.md"}, *tables]} if item == {"Data": "data/index.md"} else item)
                     for item in config["nav"]]
    return config


def missing_pages(docs_dir: Path, language: str) -> list[str]:
    """The English pages and templates of docs/ that have no translation into a language."""
    english = [p for p in sorted(Path(docs_dir).rglob("*.md")) if len(p.suffixes) == 1]
    return [p.relative_to(docs_dir).as_posix() for p in english
            if not p.with_name(docs_pages.localised_path(p.name, language)).exists()]


@event_priority(AFTER_I18N)
def on_files(files, config):
    """The language's generated files: its codebook pages and charts under its folder; the downloads once, shared."""
    current = language(config)
    missing = missing_pages(Path(config["docs_dir"]), current) if current != lang.DEFAULT else []
    if missing and not config.plugins["i18n"].config.fallback_to_default:
        # A warning fails the strict build: no page of the site is left out of a language, or shown in English.
        log.warning(f"{len(missing)} pages have no {current} translation, e.g. docs/{missing[0]}: write "
                    f"docs/{docs_pages.localised_path(missing[0], current)} (AKIM_DOCS_FALLBACK=true previews the site with English pages in their place)")
    prefix = "" if current == lang.DEFAULT else current + "/"
    for path, content in docs_pages.files(Path(config["docs_dir"]), current).items():
        file = File.generated(config, path, content=content)
        if not path.endswith((".csv", ".json")):  # the package's own files are the same in every language
            file.dest_uri = prefix + file.dest_uri
        files.append(file)
    return files


@event_priority(AFTER_I18N)
def on_nav(nav, config, files):
    """Navigation titles (mkdocs.yml's nav, in English) in the language being built, from the site catalogue."""
    lang.set_language(language(config))
    try:
        def translate(items):
            for item in items:
                if item.title in TABLE_TITLES:
                    item.title = lang.schema_text(item.title)
                elif item.title and (isinstance(item, Section) or item.title in NAV_TITLES):
                    item.title = lang._(item.title)
                if isinstance(item, Section):
                    translate(item.children)
        translate(nav.items)
    finally:
        lang.set_language(lang.DEFAULT)
    return nav


def nav_titles(items) -> set[str]:
    """The titles the nav gives (a table's codebook page is named by the schema's title, translated in its domain)."""
    out = set()
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                out.add(title)
                if isinstance(value, list):
                    out |= nav_titles(value)
    return out


NAV_TITLES: set[str] = set()
TABLE_TITLES: set[str] = set()


def on_pre_build(config):
    TABLE_TITLES.update(table_titles())
    NAV_TITLES.update(nav_titles(config["nav"]) - TABLE_TITLES)


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    english = uri.replace(f".{page.file.localization}.", ".", 1) if getattr(page.file, "localization", None) else uri
    return docs_pages.render(markdown, english, Path(config["docs_dir"]), language(config))


@event_priority(AFTER_I18N)
def on_page_context(context, page, config, nav):
    """The language switcher: every page links the same page in each language (the theme's ``url`` filter makes the
    site-root path relative, so the site opens from disk)."""
    current = language(config)
    here = page.file.dest_uri.removeprefix("" if current == lang.DEFAULT else current + "/")
    alternates = []
    for alternate in config.plugins["i18n"].config.languages:
        target = here if alternate.locale == lang.DEFAULT else f"{alternate.locale}/{here}"
        alternates.append({"name": alternate.name, "lang": alternate.locale, "link": target})
    # Set as an attribute, as mkdocs-static-i18n sets it (an attribute of the extra config shadows its item).
    config.extra.alternate = alternates
    return context
