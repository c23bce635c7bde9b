"""The site's translations: gettext catalogues in two domains, one file per language, keyed by the English text.

    python scripts/i18n.py            # rewrite i18n/{schema,site}.pot and merge them into i18n/{schema,site}.{kk,ru}.po
    python scripts/i18n.py --check    # fail if a catalogue is stale or a message lacks its translation

- ``schema``: the schema's texts. The schema stays the one description: a translation attaches to its English
  text (msgid), with the fields or vocabulary values it describes as comments.
- ``site``: the site's own words: what scripts/docs_pages and the hook mark ``_("...")`` or ``N_("...")``, the
  reader-facing string literals of the English pages' Jinja expressions (column headers; ``lang.literals``), and
  the navigation titles of mkdocs.yml. The prose of the pages is not here: it is translated page by page
  (docs/NAME.ru.md, docs/NAME.kk.md).

A changed English text makes its translation fuzzy until a translator confirms it. A translation keeps the
``{placeholders}`` of its English text. Terms follow i18n/glossary.csv.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import string
import sys
from pathlib import Path

import jinja2
import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections import schema  # noqa: E402

LANGUAGES = ("kk", "ru")
I18N = ROOT / "i18n"
DOCS = ROOT / "docs"
SITE_CODE = [*sorted((ROOT / "scripts" / "docs_pages").glob("*.py")), ROOT / "scripts" / "docs_hook.py"]
# The hook's language module, loaded by its path: the package around it loads the data, which extraction does not need.
_spec = importlib.util.spec_from_file_location("site_lang", ROOT / "scripts" / "docs_pages" / "lang.py")
site_lang = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_lang)


def schema_messages() -> list[tuple[str, str]]:
    """(where, English text) for every table title and description, field description and vocabulary label."""
    out = []
    for name in schema.TABLE_ORDER:
        spec = schema.TABLES[name]
        out += [(f"{name}", spec["title"]), (f"{name}#description", spec["description"])]
        out += [(f"{name}.{f['name']}", f["description"]) for f in spec["fields"] if f.get("description")]
    for vocabulary, values in schema.VOCABULARIES.items():
        out += [(f"{vocabulary}={value}", text) for value, text in values.items() if isinstance(text, str)]
    out += [(f"measure={measure}", text) for measure, (_unit, text) in schema.MEASURES.items()]  # (unit, meaning) pairs
    out += [(f"regional_summary.{column}", text) for column, _measure, _breakdown, text in schema.SUMMARY_COLUMNS]
    return out


def english_pages() -> list[Path]:
    """docs/**/*.md without a language suffix: the English pages and templates the translations follow."""
    return sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))


def nav_titles(items) -> list[str]:
    out = []
    for item in items or []:
        if isinstance(item, dict):
            for title, value in item.items():
                out.append(title)
                out += nav_titles(value) if isinstance(value, list) else []
    return out


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and other tags read as plain values: only the nav is wanted here."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_messages() -> list[tuple[str, str]]:
    """(where, English text) for every word of the site that is not a page's prose (see the module's docstring)."""
    out = []
    for path in SITE_CODE:
        where = path.relative_to(ROOT).as_posix()
        found = extract_from_file("python", str(path), keywords={"_": None, "N_": None})
        out += [(where, text) for _line, text, _comments, _context in found if isinstance(text, str) and text]  # _(NAME) marks no text
    env = jinja2.Environment()
    for path in english_pages():
        tree = env.parse(path.read_text(encoding="utf-8"))
        out += [(path.relative_to(ROOT).as_posix(), const.value) for const in site_lang.literals(tree)]
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)["nav"]
    out += [("mkdocs.yml nav", title) for title in nav_titles(nav)]
    return out


DOMAINS = {"schema": schema_messages, "site": site_messages}


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def template(messages: list[tuple[str, str]]) -> Catalog:
    catalog = Catalog(project="akim-elections", fuzzy=False)
    for context, text in messages:  # one message per English text, however many fields share it; the places as comments
        known = catalog.get(text)
        if known is None:
            catalog.add(text, auto_comments=[context])
        elif context not in known.auto_comments:
            known.auto_comments.append(context)
    return catalog


def render(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, omit_header=True, sort_output=True, width=0)
    return buf.getvalue()


def merged(domain: str, language: str, pot: Catalog) -> Catalog:
    path = I18N / f"{domain}.{language}.po"
    catalog = read_po(path.open("rb"), locale=language) if path.exists() else Catalog(locale=language)
    catalog.update(pot, no_fuzzy_matching=False)
    catalog.obsolete.clear()
    return catalog


def problems(domain: str, language: str, catalog: Catalog) -> list[str]:
    """Messages of one catalogue that would show in English, or break, on the site."""
    out = []
    for m in catalog:
        if not m.id:
            continue
        if not m.string or m.fuzzy:
            out.append(f"no {language} translation of {m.id[:60]!r}; translate it in i18n/{domain}.{language}.po")
        elif placeholders(m.string) != placeholders(m.id):
            out.append(f"the {language} translation of {m.id[:60]!r} has placeholders {sorted(placeholders(m.string))}, "
                       f"not {sorted(placeholders(m.id))}; fix it in i18n/{domain}.{language}.po")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract the site's messages and merge them into the catalogues.")
    parser.add_argument("--check", action="store_true", help="only report stale catalogues and missing translations")
    args = parser.parse_args(argv)
    outputs, found = {}, []
    for domain, messages in DOMAINS.items():
        pot = template(messages())
        outputs[I18N / f"{domain}.pot"] = render(pot)
        for lang in LANGUAGES:
            catalog = merged(domain, lang, pot)
            outputs[I18N / f"{domain}.{lang}.po"] = render(catalog)
            found += problems(domain, lang, catalog)
    if args.check:
        stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
        for p in stale:
            print(f"i18n: {p.relative_to(ROOT)} is out of date; run python scripts/i18n.py", file=sys.stderr)
        for line in found[:20]:
            print(f"i18n: {line}", file=sys.stderr)
        if len(found) > 20:
            print(f"i18n: ... and {len(found) - 20} more", file=sys.stderr)
        return 1 if stale or found else 0
    I18N.mkdir(exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)
    print(f"i18n: wrote {len(outputs)} catalogues; {len(found)} messages still to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
