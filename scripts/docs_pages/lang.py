"""The language a page is being built in, and what follows from it: its words, numbers and dates.

The site is built once per language (mkdocs-static-i18n); the hook sets ``current`` before it fills a page or draws
the charts. Two gettext catalogues translate what the site generates, both keyed by the English text:

- ``i18n/site.{lang}.po``: the site's own words (column headers, chart titles, phrases such as "date not given"),
  marked ``_("...")`` in scripts/docs_pages (``N_("...")`` where a constant is defined before a language is known)
  and read from the English templates' string literals; scripts/i18n.py extracts them.
- ``i18n/schema.{lang}.po``: the schema's texts (table and field descriptions, vocabulary labels), read by ``schema_text``.

A message without its translation falls back to English while translations are being written, but not in CI
(the environment variable ``CI`` set): there it stops the build, so no page ships a string untranslated.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import nodes

I18N = Path(__file__).resolve().parents[2] / "i18n"
DEFAULT = "en"
LANGUAGES = ("en", "ru", "kk")  # mkdocs.yml's i18n languages, default first

current = DEFAULT


class Untranslated(LookupError):
    pass


def set_language(language: str) -> None:
    global current
    if language not in LANGUAGES:
        raise ValueError(f"unknown site language {language!r}; add it to LANGUAGES and mkdocs.yml")
    current = language


def N_(text: str) -> str:
    """Mark a constant for extraction; it is translated where it is shown (``_(CONSTANT)``)."""
    return text


@lru_cache(maxsize=None)
def catalogue(domain: str, language: str) -> dict[str, str]:
    path = I18N / f"{domain}.{language}.po"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return {m.id: m.string for m in read_po(fh, locale=language) if m.id and m.string and not m.fuzzy}


def translate(text: str, domain: str = "site") -> str:
    if current == DEFAULT or not text:
        return text
    found = catalogue(domain, current).get(text)
    if found is not None:
        return found
    if os.environ.get("CI"):
        raise Untranslated(f"i18n/{domain}.{current}.po has no translation of {text!r}; run python scripts/i18n.py and translate it")
    return text


def _(text: str) -> str:
    """The site's own words in the page's language."""
    return translate(text, "site")


def schema_text(text: str) -> str:
    """A text of the schema (a description or a vocabulary label) in the page's language."""
    return translate(text, "schema")


def number(value, digits: int | str = 0) -> str:
    """1,209,817 in English; 1 209 817 and 79,1 (a no-break space, a decimal comma) in Russian and Kazakh.

    ``digits`` is the number of decimals, or a pattern of Babel's (``"#,##0.###"``: as many as the value has, up to three).
    """
    pattern = digits if isinstance(digits, str) else "#,##0" + ("." + "0" * digits if digits else "")
    plain = int(value) if isinstance(value, int) else float(value)  # not a figure that prints itself in words
    return format_decimal(plain, format=pattern, locale=current)


def percent(value) -> str:
    """79.1% in English; 79,1 % in Russian and Kazakh (their typography puts a no-break space before the sign)."""
    return number(value, 1) + ("%" if current == DEFAULT else "\u00a0%")


def chart_locale() -> dict:
    """The page's language for Vega (d3's number and time locales, from Babel's data): 1 000 and октябрь on the axes."""
    from babel import Locale
    from babel.dates import get_day_names, get_month_names
    from babel.numbers import get_decimal_symbol, get_group_symbol

    loc = Locale.parse(current)
    days = get_day_names("wide", locale=loc)
    short_days = get_day_names("abbreviated", locale=loc)
    monday_first = [days[i] for i in (6, 0, 1, 2, 3, 4, 5)]  # d3 starts the week on Sunday, Babel on Monday
    return {
        "format_locale": {"decimal": get_decimal_symbol(loc), "thousands": get_group_symbol(loc), "grouping": [3], "currency": ["", ""]},
        "time_format_locale": {
            "dateTime": "%x, %X", "date": "%d.%m.%Y" if current != DEFAULT else "%m/%d/%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
            "days": monday_first, "shortDays": [short_days[i] for i in (6, 0, 1, 2, 3, 4, 5)],
            "months": [get_month_names("wide", context="stand-alone", locale=loc)[m] for m in range(1, 13)],
            "shortMonths": [get_month_names("abbreviated", context="stand-alone", locale=loc)[m] for m in range(1, 13)],
        },
    }


def long_date(value) -> str:
    """A day as prose writes it: 5 November 2023, 5 ноября 2023, 5 қараша 2023."""
    return format_date(value, "d MMMM y", locale=current)


def month_name(month: int) -> str:
    """A month standing alone (the nominative): July, июль, шілде."""
    import datetime

    return format_date(datetime.date(2000, month, 1), "LLLL", locale=current)


def day_month(month: int, day: int) -> str:
    """A day of a month without its year: 29 June, 29 июня, 29 маусым."""
    import datetime

    return format_date(datetime.date(2000, month, day), "d MMMM", locale=current)


# Calls whose string arguments are codes, not words: figure("winners", party="nur-otan").
CODE_CALLS = {"figure", "quote", "grade"}


def literals(node: nodes.Node, shown: bool = True):
    """The string literals of a template that a reader sees (column headers, "required", " Example: ") to translate.

    Left out are codes: the arguments of ``CODE_CALLS``, subscripts (``resource["x-kind"]``), filter and test
    arguments (``join(", ")``), the names of included templates, strings without two letters in a row, and
    pieces of a link (".md).").
    """
    if isinstance(node, nodes.Const):
        value = node.value
        if shown and isinstance(value, str) and re.search(r"[^\W\d_]{2}", value) and not re.search(r"\.\w", value):
            yield node
        return
    if isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        return
    for field, child in node.iter_fields():
        code = ((isinstance(node, nodes.Call) and field in ("args", "kwargs") and isinstance(node.node, nodes.Name) and node.node.name in CODE_CALLS)
                or (isinstance(node, nodes.Getitem) and field == "arg")
                or (isinstance(node, (nodes.Filter, nodes.Test)) and field in ("args", "kwargs")))
        for item in child if isinstance(child, list) else [child]:
            if isinstance(item, nodes.Node):
                yield from literals(item, shown and not code)
