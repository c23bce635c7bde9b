"""Data access for the site: the package's tables, the figure to quote, and the labels a reader sees.

Every number on the site comes from data/ through this module; "the figure to quote" is the package's own
``ae.figure()`` (the ``final`` flag), never a second coding of it.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import akim_elections as ae  # noqa: E402
from akim_elections import schema  # noqa: E402
from akim_elections.schema import MAIN_ELECTION  # noqa: E402

MAIN = MAIN_ELECTION
PARTY_ORDER = ["nur-otan", "auyl", "adal", "ak-zhol", "peoples-party", "osdp", "self-nominated"]
RUNNING_TOTAL = "rural-running-total"

# Labels of the kinds of source (schema.SOURCE_KINDS), as a reader says them.
KIND_LABELS = {"official": "official", "news_agency": "news agency", "national_media": "national media",
               "regional_media": "regional media", "party": "party", "analysis": "analysis or NGO",
               "encyclopedia": "encyclopedia", "dataset": "dataset", "mirror": "mirror or copy"}
WEAK_KINDS = {"encyclopedia": "encyclopedias and mirrors only", "mirror": "encyclopedias and mirrors only",
              "dataset": "datasets only"}
NO_SOURCE_FOUND = "no official, agency or newspaper page found"
NO_FIGURE = "no figure found"


@lru_cache(maxsize=None)
def table(name: str):
    return ae.load(name, ROOT)


def names(table_name: str, key: str, label: str = "name_en") -> dict:
    frame = table(table_name)
    return dict(zip(frame[key], frame[label]))


def oblast_names() -> dict:
    """Oblasts as a reader names them: "Almaty oblast", never a bare "Almaty" that reads as the city."""
    return {k: f"{v} oblast" for k, v in names("regions", "region_id").items()}


def _may_exist(measure: str, election: str, region: str | None, breakdown: dict) -> bool:
    """False where no final figure has the question's measure, election, place and breakdown values.

    A shortcut only (``ae.figure`` reads the tables afresh on every call, and most questions of a chart have no
    answer); whether a figure answers the question is ``ae.figure``'s to decide.
    """
    f = table("figures")
    mask = (f.final & (f.measure == measure) & (f.election_id == election)).fillna(False)
    mask &= ((f.region_id == region) if region else (f.scope == "national")).fillna(False)
    for name, value in breakdown.items():
        column, value = ("nomination", "self") if (name, value) == ("party", "self-nominated") else ({"party": "party_id"}.get(name, name), value)
        if column in f.columns:
            mask &= (f[column].astype("string") == str(value)).fillna(False)
    return bool(mask.any())


@lru_cache(maxsize=None)
def quote(measure: str, election: str = MAIN, region: str | None = None, **breakdown):
    """The figure to quote (``ae.figure``), or None where the package has none."""
    if not _may_exist(measure, election, region, breakdown):
        return None
    try:
        return ae.figure(measure, election, region, root=ROOT, **breakdown)
    except ae.NoFigureError:
        return None


def _quoted_row(measure: str, election: str = MAIN, region: str | None = None, **breakdown):
    try:
        rows = ae.figures(measure, election, region, root=ROOT, **breakdown)
    except ae.NoFigureError:
        return None
    rows = rows[rows["final"].fillna(False)]
    return None if rows.empty else rows.iloc[0]


@lru_cache(maxsize=None)
def grade(measure: str, election: str = MAIN, region: str | None = None, **breakdown) -> str:
    """The kind of the source behind the figure to quote, in words: what a reviewer will ask first."""
    row = _quoted_row(measure, election, region, **breakdown)
    if row is None:
        return NO_FIGURE
    kind = str(table("sources").set_index("source_id").loc[row["source_id"], "kind"])
    if kind in WEAK_KINDS:
        return f"{KIND_LABELS[kind]}: {WEAK_KINDS[kind]}; {NO_SOURCE_FOUND}"
    return KIND_LABELS[kind]


def source_kind(source_id: str) -> str:
    return KIND_LABELS[str(table("sources").set_index("source_id").loc[source_id, "kind"])]


def source_link(source_id: str) -> str:
    s = table("sources").set_index("source_id").loc[source_id]
    return f"[{s['publisher']}]({s['url']})"


# Each language's name column for a place, then the columns to fall back on where a row lacks it (a contest's source
# may give only a Russian or only a Kazakh name). Table and key column of each kind of place.
NAME_COLUMNS = {"en": ["name_en"], "ru": ["name_ru", "name_kk", "name_en"], "kk": ["name_kk", "name_ru", "name_en"]}
PLACE_TABLES = {"region": ("regions", "region_id"), "district": ("districts", "district_kato"), "unit": ("units", "kato"),
                "post": ("posts", "kato"), "contest": ("contests", "contest_id")}


def place_name(kind: str, key, lang: str = "en") -> str:
    """A place as a reader of ``lang`` knows it: English pages the English form, Russian pages the Russian name, Kazakh
    pages the Kazakh one. ``kind`` is one of ``PLACE_TABLES``; an empty key gives an empty name."""
    if not isinstance(key, str) or not key:
        return ""
    name, column = PLACE_TABLES[kind]
    row = table(name).set_index(column).loc[key]
    return next(str(row[c]) for c in NAME_COLUMNS[lang] if isinstance(row[c], str) and row[c])


def district_name(code, lang: str = "en") -> str:
    return place_name("district", code, lang)


def _words(sentence: str) -> str:
    return sentence.rstrip(".").replace("`", "")


# The breakdowns whose values the schema describes in words (party and membership are named from the parties table).
WORDED_BREAKDOWNS = [c for c in schema.BREAKDOWNS if c in schema.VOCABULARIES and c != "dimension"]


def describe(measure: str, /, **dims) -> str:
    """What a figure measures, in words: 'Akims elected; nominated by Nur Otan; Women'. Never a code."""
    parts = [_words(schema.MEASURES[measure][1])]
    parties = names("parties", "party_id")
    for column, lead in (("party_id", "nominated by "), ("member_of", "members of ")):
        value = dims.get(column)
        if isinstance(value, str) and value:
            parts.append(lead + parties.get(value, value))
    for dim in WORDED_BREAKDOWNS:
        value = dims.get(dim)
        if isinstance(value, str) and value:
            text = _words(schema.VOCABULARIES[dim].get(value, value.replace("_", " ")))
            parts.append(text[0].lower() + text[1:])
    return "; ".join(parts)


def party_tally() -> list[dict]:
    """Winners of the main vote by nominating party, for the parties with a figure to quote."""
    parties = names("parties", "party_id")
    tally = [{"id": p, "party": parties[p], "winners": quote("winners", party=p)} for p in PARTY_ORDER]
    return [t for t in tally if t["winners"] is not None]


# --- formatting ----------------------------------------------------------------------------------
QUALIFIER_WORDS = {"exact": "", "at_least": "more than ", "at_most": "up to ", "approximately": "about "}


def fmt(value, pct: bool = False) -> str:
    """A number as the site prints it: 1,209,817; 79.1%; a dash where there is none."""
    if value is None or value != value:
        return "—"
    if pct:
        return f"{value:.1f}%"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def fmt_q(value, qualifier: str = "exact", pct: bool = False) -> str:
    """A value with the precision its source gives ('more than 2,000')."""
    return QUALIFIER_WORDS.get(qualifier, "") + fmt(value, pct)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def day(value) -> str:
    """An EDTF date in words a reader takes at once: 2024-05-05, 2024-05, 2024, "29 June, year not given"."""
    if not isinstance(value, str) or value == "XXXX-XX-XX":
        return "date not given"
    if value.startswith("XXXX-"):
        month_day = value[5:]
        month = MONTHS[int(month_day[:2]) - 1]
        return f"{int(month_day[3:])} {month}, year not given" if len(month_day) == 5 else f"{month}, year not given"
    return value.replace("/..", " onwards").replace("/", " to ")


def long_date(value) -> str:
    """A day as prose writes it: 5 November 2023."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def count_words(n: int) -> str:
    return ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")[n] if n <= 10 else f"{n:,}"


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def wide(text: str) -> str:
    """A cell of free text that must get room to read (the site's stylesheet gives `.wide` a minimum width)."""
    return f'<span class="wide">{text}</span>' if text else ""


def md_table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    for row in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |")
    return "\n".join(out) + "\n"


# --- shared rows ---------------------------------------------------------------------------------
def regional_rows() -> list[dict]:
    """The regional summary of the main vote, one dict per oblast, with its name and ISO code."""
    summary = table("regional_summary")
    summary = summary.astype(object).where(summary.notna(), None)  # missing -> None, numbers -> Python numbers
    regions = table("regions").set_index("region_id")
    oblasts = oblast_names()
    return [{"oblast": oblasts[row["region_id"]], "iso": regions.loc[row["region_id"], "iso_3166_2"], **row}
            for row in summary[summary.election_id == MAIN].to_dict("records")]


def voting_days():
    """Direct elections held on one known day since the main vote, oldest first (rural, district and city akims)."""
    e = table("elections")
    days = e[e.direct.fillna(False).astype(bool) & (e.kind == "voting_day") & (e.date_earliest == e.date_latest)
             & (e.date_earliest >= e.set_index("election_id").loc[MAIN, "date_earliest"])]
    return days.sort_values(["date_earliest", "election_id"])


def pilot():
    """The first voting day of district akims (the pilot), as its row of the elections table."""
    return voting_days().query("level == 'district'").iloc[0]


def day_rows() -> list[dict]:
    """Per voting day: the contests a source says were held, and the contests the package lists by name."""
    contests = table("contests")
    rows = []
    for e in voting_days().itertuples():
        mine = contests[contests.election_id == e.election_id]
        rows.append({"id": e.election_id, "date": e.date, "day": e.date_earliest, "election": e.name_en, "level": e.level,
                     "held": quote("contests", e.election_id), "listed": len(mine), "named": int(mine.winner_name.notna().sum())})
    return rows
