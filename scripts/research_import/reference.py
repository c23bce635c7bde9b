"""The small reference tables: regions, parties, elections, timeline events, reconciliations."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from akim_elections.translit import fix_lookalikes, kk_latn

from .common import MAIN, REGION_IDS, own_words, read_csv


# --- Regions, parties, elections, events ----------------------------------------------------------
def import_regions(research: Path, add_source) -> list[dict]:
    rows = []
    for row in read_csv(research / "regions.csv"):
        urls = [u.strip() for u in row["source_url"].split("|") if u.strip()]
        region = REGION_IDS[row["name_en"].strip().lower()]
        sid = add_source({"source_url": urls[0], "source_publisher": "geokz (GitHub)", "language": "en"}, "", region)
        others = [add_source({"source_url": u, "language": "en" if "en." in u or "github" in u else ""}, "", region) for u in urls[1:]]
        name_kk = fix_lookalikes(row["name_kk_cyrl"].strip())
        rows.append({
            "region_id": region, "iso_3166_2": row["iso_3166_2"], "kato": row["kato"], "name_en": row["name_en"],
            "name_kk": name_kk, "name_kk_latn": kk_latn(name_kk), "name_ru": row["name_ru"],
            "admin_centre_en": row["admin_centre_en"], "source_id": sid, "other_source_ids": " ".join(others),
            "note": own_words(row["note"]),
        })
    return rows


# Parties are few and stable: written here once, with the sources that give their names and renamings.
PARTIES = [
    # party_id, name_en, name_ru, name_kk, aliases, later_names, source URL, note
    ("nur-otan", "Nur Otan", "партия «Nur Otan»", "«Nur Otan» партиясы", "«Нұр Отан» | Нур Отан | Nur Otan",
     "AMANAT (from 1 March 2022)", "https://astanatimes.com/?p=54183", "Ruling party; renamed AMANAT at an extraordinary congress on 1 March 2022."),
    ("auyl", "Auyl", "НДПП «Ауыл»", "«Ауыл» ХДПП", "«Ауыл» | Aýyl | НДПП «Ауыл»", "",
     "https://ru.ult.kz/?p=221614", "People's Democratic Patriotic Party."),
    ("adal", "Adal", "партия «ADAL»", "«Adal» партиясы", "«ADAL» | СП «ADAL» | Адал", "",
     "https://ru.ult.kz/?p=221614", ""),
    ("ak-zhol", "Ak Zhol", "ДПК «Ак жол»", "«Ақ жол» ҚДП", "«Ак Жол» | «AQJOL» | Aq Jol | Ақ жол", "",
     "https://ru.ult.kz/?p=221614", "Democratic Party of Kazakhstan."),
    ("peoples-party", "People's Party of Kazakhstan", "Народная партия Казахстана", "Қазақстан халық партиясы",
     "НПК | ҚХП | QHP | NPK", "", "https://zhaikpress.kz/ru/news/kommunisty-stali-narodnoj-partiej",
     "Renamed from the Communist People's Party of Kazakhstan (КНПК) in November 2020."),
    ("osdp", "Nationwide Social Democratic Party (OSDP)", "Общенациональная социал-демократическая партия",
     "Жалпыұлттық социал-демократиялық партия", "ОСДП | ЖСДП | JSDP", "", "https://ru.ult.kz/?p=221614", ""),
    ("self-nominated", "Self-nominated", "самовыдвижение", "өзін-өзі ұсыну", "самовыдвиженец | өзін-өзі ұсынған", "",
     "https://ru.ult.kz/?p=221614", "Not a party: candidates who nominated themselves."),
]


EXTRA_SOURCES = {
    "https://astanatimes.com/?p=54183": {"source_publisher": "The Astana Times", "language": "en"},
    "https://zhaikpress.kz/ru/news/kommunisty-stali-narodnoj-partiej": {"source_publisher": "Жайық Пресс (zhaikpress.kz)", "language": "ru", "source_date": "2020-11-11"},
}


def import_parties(add_source) -> list[dict]:
    rows = []
    for pid, en, ru, kk, aliases, later, url, note in PARTIES:
        sid = add_source({"source_url": url, **EXTRA_SOURCES.get(url, {})}, MAIN, "")
        rows.append({"party_id": pid, "name_en": en, "name_ru": ru, "name_kk": kk, "aliases": aliases,
                     "later_names": later, "source_id": sid, "note": note})
    return rows


# election_id -> (name, start, end, type, level, direct, note)
ELECTIONS = {
    MAIN: ("First direct elections of rural akims", "2021-07-25", "2021-07-25", "general", "rural", True, ""),
    "2021-by-elections-rural": ("Rural akim by-elections of 2021", "2021-08-01", "2021-12-12", "by_election", "rural", True,
                                "Held for posts that fell vacant after 25 July 2021."),
    "2021-all-rural": ("All direct rural akim elections of 2021", "2021-07-25", "2021-12-12", "cumulative", "rural", True,
                       "25 July 2021 plus the by-elections of the rest of the year."),
    "2021-11-04-rural": ("Rural akim by-elections of 4 November 2021", "2021-11-04", "2021-11-04", "by_election", "rural", True, ""),
    "direct-rural-cumulative": ("All direct rural akim elections since 25 July 2021 (running total)", "2021-07-25", "", "cumulative", "rural", True,
                                "Running totals; each figure's as_of gives the date it runs to."),
    "2013-08-indirect-rural": ("Indirect elections of rural akims by maslikhat deputies, 2013", "2013-08-05", "2013-08-09", "indirect", "rural", False, ""),
    "2017-08-indirect-rural": ("Indirect elections of rural akims by maslikhat deputies, 2017", "", "", "indirect", "rural", False, "August 2017; the days are not given."),
    "2023-08-13-rural": ("Rural akim elections of 13 August 2023", "2023-08-13", "2023-08-13", "by_election", "rural", True, ""),
    "2023-08-20-rural": ("Rural akim elections of 20 August 2023", "2023-08-20", "2023-08-20", "by_election", "rural", True, ""),
    "2023-11-05-district": ("First direct elections of district akims", "2023-11-05", "2023-11-05", "general", "district", True, ""),
    "2024-02-11-rural": ("Rural akim elections of 11 February 2024", "2024-02-11", "2024-02-11", "by_election", "rural", True, ""),
    "2022-12-11-rural": ("Rural akim elections of 11 December 2022", "2022-12-11", "2022-12-11", "by_election", "rural", True, ""),
    "2024-09-08-rural": ("Rural akim elections of 8 September 2024", "2024-09-08", "2024-09-08", "by_election", "rural", True, ""),
    "2024-11-24-rural": ("Rural akim elections of 24 November 2024", "2024-11-24", "2024-11-24", "by_election", "rural", True, ""),
    "2025-10-19-rural": ("Rural akim elections of 19 October 2025", "2025-10-19", "2025-10-19", "by_election", "rural", True, ""),
    "2026-02-08-rural": ("Rural akim elections of 8 February 2026", "2026-02-08", "2026-02-08", "by_election", "rural", True, ""),
    "2023-12-10-rural": ("Rural akim elections of 10 December 2023", "2023-12-10", "2023-12-10", "by_election", "rural", True, ""),
    "2022-all-rural": ("All direct rural akim elections of 2022", "2022-01-01", "2022-12-31", "cumulative", "rural", True, ""),
    "2023-all-rural": ("All direct rural akim elections of 2023", "2023-01-01", "2023-12-31", "cumulative", "rural", True, ""),
    "2024-all-rural": ("All direct rural akim elections of 2024", "2024-01-01", "2024-12-31", "cumulative", "rural", True, ""),
    "2025-all-rural": ("All direct rural akim elections of 2025", "2025-01-01", "2025-12-31", "cumulative", "rural", True, ""),
    "2026-all-rural": ("All direct rural akim elections of 2026", "2026-01-01", "2026-12-31", "cumulative", "rural", True,
                       "Figures are plans made at the start of the year."),
    "rural-undated": ("Direct rural akim elections whose date the sources do not give", "", "", "by_election", "rural", True,
                      "A holding place for contests known only from undated reports; each contest's note says what is known of its date."),
    "2001-10-experimental-rural": ("Experimental direct akim elections in villages, October 2001", "", "", "experimental", "rural", True, "October 2001."),
    "1999-chemolgan-experimental": ("Experimental direct election of the akim of Chemolgan", "", "", "experimental", "rural", True, "1999; the day is not given."),
    "2005-08-12-experimental-district": ("Experimental indirect elections of district akims", "2005-08-12", "2005-08-12", "experimental", "district", False, ""),
}


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def import_elections(figures: list[dict], contests: list[dict], add_source, by_election_source: str) -> list[dict]:
    cited: dict[str, Counter] = defaultdict(Counter)
    for row in figures + contests:
        cited[row["election_id"]][row["source_id"]] += 1
    specs = dict(ELECTIONS)
    for eid in sorted(cited):
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})-rural", eid)
        if eid not in specs and m:
            day = m.group(1)
            label = f"{int(day[8:]):d} {MONTHS[int(day[5:7]) - 1]} {day[:4]}"
            specs[eid] = (f"Rural akim elections of {label}", day, day, "by_election", "rural", True, "")
    rows = []
    for eid, (name, start, end, etype, level, direct, note) in specs.items():
        if not cited[eid] and eid != "2021-by-elections-rural":
            continue  # an election no figure or contest refers to is left out
        if eid == "2021-by-elections-rural":
            sid = by_election_source
        else:
            # the source most often cited for this election, ties broken by id so the choice is stable
            sid = max(cited[eid].items(), key=lambda kv: (kv[1], kv[0]))[0] if cited[eid] else ""
        rows.append({"election_id": eid, "name_en": name, "date_start": start, "date_end": end, "type": etype,
                     "level": level, "direct": "true" if direct else "false", "source_id": sid, "note": note})
    return rows


def import_events(research: Path, add_source) -> list[dict]:
    rows, seen = [], Counter()
    for row in read_csv(research / "timeline.csv"):
        date = row["date"].strip()
        seen[date] += 1
        sid = add_source({"source_url": row["source_url"].strip()}, MAIN, "")
        election = next((eid for eid, spec in ELECTIONS.items() if spec[1] == date and spec[3] in ("general", "indirect")), "")
        rows.append({"event_id": f"{date}-{seen[date]}", "date": date, "event": own_words(row["event"]),
                     "election_id": election, "source_id": sid, "note": own_words(row["note"])})
    return rows


def import_reconciliations(figures: list[dict]) -> list[dict]:
    """The 733-versus-730 gap of 25 July 2021, recorded as found (see raw/research_rounds/*national*/notes.md)."""
    total = next(f for f in figures if f["election_id"] == MAIN and f["scope"] == "national" and f["measure"] == "contests"
                 and f["preferred"] == "true" and not any(f[d] for d in ("stage", "party_id", "gender", "subgroup", "as_of")))
    return [{
        "reconciliation_id": "2021-contests-oblasts-vs-national", "election_id": MAIN, "measure": "contests",
        "total_figure_id": total["figure_id"], "parts_sum": "733", "difference": "3", "resolved": "false",
        "explanation": ("The oblast counts (North Kazakhstan as its 70 rural districts plus one town) add up to 733, three more "
                        "than the national 730. No source found says which oblast count includes something else; six of the "
                        "fourteen oblast counts are pre-election figures, and sources disagree on one Almaty district (9 or 3 contests)."),
        "source_id": total["source_id"],
    }]
