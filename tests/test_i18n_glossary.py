"""The Russian and Kazakh texts (catalogues and pages) write the glossary's terms where their English does.

Only the terms whose renderings readers have confused are checked: KATO, which Kazakh writes as its own
abbreviation, and contest (one akim post at one election), which must not read as an election.
"""

from __future__ import annotations

import csv
import re

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT

DOCS = ROOT / "docs"
OTHER = ("ru", "kk")
# Code, Jinja and link targets are identifiers (`district_kato`, data/contests.md), not words to translate.
CODE = re.compile(r"`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}|\]\([^)]*\)", re.S)
FENCED = re.compile(r"^```.*?^```", re.S | re.M)
# "the contests table" names the table; "candidates contest" is the verb.
CONTEST = re.compile(r"(?<!candidates )\bcontests?\b(?! table)", re.I)


def glossary(term: str) -> dict[str, str]:
    with (ROOT / "i18n" / "glossary.csv").open(encoding="utf-8", newline="") as f:
        return next(row for row in csv.DictReader(f) if row["term_en"] == term)


def inflected(term: str) -> re.Pattern:
    """The term with any ending on each word: выборы акима matches выборах акимов, not выборы alone."""
    return re.compile(r"\s+".join(re.escape(word[:-1]) + r"\w*" for word in term.split()), re.I)


def words(text: str) -> str:
    return CODE.sub(" ", text)


def messages(language: str):
    """(English, translation) of every message of both catalogues."""
    for domain in ("schema", "site"):
        with (ROOT / "i18n" / f"{domain}.{language}.po").open("rb") as f:
            yield from ((m.id, m.string) for m in read_po(f, locale=language) if m.id)


def paragraphs(path) -> list[str]:
    text = FENCED.sub("```", path.read_text(encoding="utf-8"))  # a code block, blank lines and all, is no prose
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def page_pairs(language: str):
    """(page, English paragraph, translated paragraph) of every page and template."""
    for english in sorted(DOCS.rglob("*.md")):
        if len(english.suffixes) > 1:
            continue
        translated = english.with_suffix(f".{language}.md")
        ours, theirs = paragraphs(english), paragraphs(translated)
        assert len(ours) == len(theirs), (f"{translated.relative_to(ROOT)} has {len(theirs)} paragraphs, its English page "
                                          f"{len(ours)}: translate paragraph for paragraph")
        yield from ((translated.relative_to(ROOT).as_posix(), e, t) for e, t in zip(ours, theirs))


def texts(language: str):
    yield from ((f"i18n/*.{language}.po", english, text) for english, text in messages(language))
    yield from page_pairs(language)


def test_the_glossary_names_the_checked_terms():
    assert glossary("KATO")["term_kk"] == "ӘАОЖ" and glossary("KATO")["term_ru"] == "КАТО"
    assert glossary("contest")["term_kk"] == "әкім лауазымына сайлау" and glossary("contest")["term_ru"] == "выборы акима"


def test_inflected_accepts_endings_only():
    kk, ru = inflected("әкім лауазымына сайлау"), inflected("выборы акима")
    assert kk.search("Әкім лауазымына сайлаулардың") and ru.search("на выборах акимов")
    assert not kk.search("әкім лауазымдарына сайлау") and not kk.search("әкім сайлауы") and not ru.search("выборы")


@pytest.mark.parametrize("language", OTHER)
def test_kato_is_written_as_the_glossary_says(language):
    # Kazakh writes the classifier's own abbreviation; neither language keeps the Latin KATO outside code.
    term = glossary("KATO")[f"term_{language}"]
    foreign = {"kk": r"(?<!\w)(KATO|КАТО)(?!\w)", "ru": r"(?<!\w)(KATO|ӘАОЖ)(?!\w)"}[language]
    wrong = [(where, text[:80]) for where, english, text in texts(language) if re.search(foreign, words(text))]
    assert wrong == [], f"write {term}, not {foreign}"
    missing = [english[:80] for where, english, text in texts(language)
               if re.search(r"(?<!\w)KATO(?!\w)", words(english)) and term not in words(text)]
    assert missing == [], f"these translations of KATO lack {term}"


@pytest.mark.parametrize("language", OTHER)
def test_a_contest_is_never_written_as_a_bare_election(language):
    # A contest and an election are both "выборы" / "сайлау" in one word: a contest always takes the whole term.
    term = inflected(glossary("contest")[f"term_{language}"])
    missing = [(where, english[:80]) for where, english, text in texts(language)
               if CONTEST.search(words(english)) and not term.search(words(text))]
    assert missing == [], f"these translations of 'contest' lack {term.pattern}"
