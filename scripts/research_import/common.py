"""Shared helpers of the research import: ids, numbers, notes in the project's own words, sources."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

from akim_elections.translit import kk_latn


REGION_IDS = {
    "akmola": "akmola", "aktobe": "aktobe", "almaty": "almaty-region", "almaty oblast": "almaty-region",
    "atyrau": "atyrau", "east kazakhstan": "east-kazakhstan", "zhambyl": "zhambyl", "jambyl": "zhambyl",
    "west kazakhstan": "west-kazakhstan", "karaganda": "karaganda", "kostanay": "kostanay",
    "kyzylorda": "kyzylorda", "mangystau": "mangystau", "pavlodar": "pavlodar",
    "north kazakhstan": "north-kazakhstan", "turkistan": "turkistan",
}


PARTY_IDS = {
    "nur otan": "nur-otan", "auyl": "auyl", "adal": "adal", "ak zhol": "ak-zhol",
    "people's party of kazakhstan": "peoples-party", "people's party of kazakhstan (npk/qhp)": "peoples-party",
    "people's party": "peoples-party", "osdp": "osdp", "osdp (jsdp)": "osdp", "self-nominated": "self-nominated",
}


MAIN = "2021-07-25-rural"


NATIONAL_NEWS = (
    "inform.kz", "kazinform", "tengrinews", "zakon.kz", "kazpravda", "egemen.kz", "vlast.kz", "azattyq",
    "sputnik", "kursiv", "astanatimes", "24.kg", "khabar", "baq.kz", "orda.kz", "vecher.kz", "astanatv",
    "qazaqstan.tv", "ult.kz", "dknews", "informburo", "kazakhstan-news", "adyrna", "abai.kz", "exclusive.kz",
    "24.kz", "caravan", "liter.kz", "total.kz", "forbes.kz", "nur.kz", "kaztag", "interfax", "ratel",
)


REFERENCE = ("wikipedia", "wiki", "github.com", "iiab.me", "gtool.pro", "wikizero", "stringtranslate", "pages.dev")


ANALYSIS = ("thediplomat", "eurasianet", "cabar", "osce", "rferl", "carnegie", "ipr.kz", "cpc", "rus.azattyq")


OFFICIAL = ("election.gov.kz", "gov.kz", "akorda", "adilet", "parlam")


PARTY = ("nurotan", "amanat")


_ASCII = str.maketrans("äğıñöūüşçİ", "aginouusci")


def slug(text: str) -> str:
    """Lowercase ASCII identifier; Kazakh Latin letters lose their marks (ş -> s, ı -> i)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_ASCII)).strip("-")


def source_id_for(url: str) -> str:
    host = urlparse(url).netloc.lower().removeprefix("www.") or "source"
    return f"{slug(host)}-{hashlib.sha1(url.encode()).hexdigest()[:6]}"


def source_kind(url: str) -> str:
    host = urlparse(url).netloc.lower()
    for kind, needles in (("party", PARTY), ("official", OFFICIAL), ("reference", REFERENCE),
                          ("analysis", ANALYSIS), ("news_agency", NATIONAL_NEWS)):
        if any(n in host for n in needles):
            return kind
    return "regional_news"


# An apostrophe inside a word ("oblast's") is not a quotation mark.
QUOTED = re.compile(r"(?<!\w)'[^']+'(?!\w)|«[^»]+»|\"[^\"]+\"|‘[^’]+’|“[^”]+”")


def own_words(note: str) -> str:
    """Drop quoted source sentences from a research note; keep our own words.

    A quoted fragment of four words or more is taken to be the source's sentence and removed;
    shorter ones are names or labels (a party, a village) and stay.
    """
    def drop_sentences(m: re.Match) -> str:
        return "" if len(m.group(0).split()) >= 4 else m.group(0)

    note = re.sub(r"\braw( label)?:\s*", "", note)
    note = QUOTED.sub(drop_sentences, note)
    note = re.sub(r"\(\s*\)|\s*;\s*(?=;|$)|:\s*(?=;|$)", "", note)
    return re.sub(r"\s+", " ", note).strip(" ;,:=")


def parse_value(raw: str) -> float | None:
    raw = raw.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        return float(raw)
    if re.fullmatch(r"\d+,\d+", raw):  # decimal comma
        return float(raw.replace(",", "."))
    return None


def fmt_number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def to_int(raw: str) -> str:
    value = parse_value(raw or "")
    return "" if value is None else str(int(value))


def to_num(raw: str) -> str:
    value = parse_value(raw or "")
    return "" if value is None else fmt_number(value)


def yes_no(raw: str) -> str:
    return {"yes": "true", "no": "false", "true": "true", "false": "false"}.get((raw or "").strip().lower(), "")


def latin_name(name: str) -> str:
    return kk_latn(name) if re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", name) else name


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def guess_language(url: str) -> str:
    """Language of a page known only from a contest row: from the address, where it says."""
    low = url.lower()
    if re.search(r"/(kz|kk|qz)/|//(kaz|qz|kk)\.|/kaz/|lang=kk", low):
        return "kk"
    if re.search(r"/en/|//en\.|lang=en|/eng/", low):
        return "en"
    if re.search(r"/ru/|//ru\.|lang=ru|/rus/", low):
        return "ru"
    return ""
