"""The site's translations: one gettext catalogue per language, keyed by the English text the schema holds.

    python scripts/i18n.py            # rewrite i18n/schema.pot from the schema and merge it into i18n/schema.kk.po and schema.ru.po
    python scripts/i18n.py --check    # fail if the catalogues are stale or a message lacks its translation

The schema stays the one description: a translation attaches to its English text (msgid), with the fields or
vocabulary values it describes as comments. A changed English text makes its translation fuzzy until a
translator confirms it. Terms follow i18n/glossary.csv.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections import schema  # noqa: E402

LANGUAGES = ("kk", "ru")
I18N = ROOT / "i18n"


def schema_messages() -> list[tuple[str, str]]:
    """(where, English text) for every table title and description, field description and vocabulary label."""
    out = []
    for name in schema.TABLE_ORDER:
        spec = schema.TABLES[name]
        out += [(f"{name}", spec["title"]), (f"{name}#description", spec["description"])]
        out += [(f"{name}.{f['name']}", f["description"]) for f in spec["fields"] if f.get("description")]
    for vocabulary, values in schema.VOCABULARIES.items():
        out += [(f"{vocabulary}={value}", text) for value, text in values.items() if isinstance(text, str)]
    return out


def template(messages: list[tuple[str, str]]) -> Catalog:
    catalog = Catalog(project="akim-elections", fuzzy=False)
    for context, text in messages:  # one message per English text, however many fields share it; the places as comments
        known = catalog.get(text)
        if known is None:
            catalog.add(text, auto_comments=[context])
        else:
            known.auto_comments.append(context)
    return catalog


def render(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, omit_header=True, sort_output=True, width=0)
    return buf.getvalue()


def merged(language: str, pot: Catalog) -> Catalog:
    path = I18N / f"schema.{language}.po"
    catalog = read_po(path.open("rb"), locale=language) if path.exists() else Catalog(locale=language)
    catalog.update(pot, no_fuzzy_matching=False)
    catalog.obsolete.clear()
    return catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract the site's messages and merge them into the catalogues.")
    parser.add_argument("--check", action="store_true", help="only report stale catalogues and missing translations")
    args = parser.parse_args(argv)
    pot = template(schema_messages())
    outputs = {I18N / "schema.pot": render(pot)}
    outputs.update({I18N / f"schema.{lang}.po": render(merged(lang, pot)) for lang in LANGUAGES})
    if args.check:
        stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
        for p in stale:
            print(f"i18n: {p.relative_to(ROOT)} is out of date; run python scripts/i18n.py", file=sys.stderr)
        missing = {lang: [m.id for m in merged(lang, pot) if m.id and (not m.string or m.fuzzy)] for lang in LANGUAGES}
        for lang, ids in missing.items():
            if ids:
                print(f"i18n: {len(ids)} messages have no {lang} translation, e.g. {ids[0][:60]!r}; translate them in i18n/schema.{lang}.po",
                      file=sys.stderr)
        return 1 if stale or any(missing.values()) else 0
    I18N.mkdir(exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)
    print(f"i18n: wrote {len(outputs)} catalogues ({len(pot)} messages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
