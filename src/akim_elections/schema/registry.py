"""The tables of what the rest refers to: sources, elections, parties, the reform's events and the id map."""

from __future__ import annotations

from .fields import DAY_OR_MONTH, EDTF_PATTERN, MEANINGS, NOTE, SLUG, SOURCE_REF, _bounds, _enum, _fk, _id, _ref
from .vocabularies import AKIM_LEVELS, ELECTION_KINDS, ELECTION_TYPES, LANGUAGES, PUBLISHED_STATUSES, PUBLISHER_KINDS

TABLES: dict[str, dict] = {
    "sources": {
        "kind": "curated",
        "title": "Sources",
        "description": "Every public page a value comes from. Each row is a citation: the page's own title, publisher, date and kind. Other tables cite it by `source_id`.",
        "primaryKey": ["source_id"],
        "foreignKeys": [],
        "fields": [
            _id("source_id", "source", "the page's host and the first six hex digits of the SHA-1 of its first recorded URL"),
            {"name": "url", "type": "string", "format": "uri", "description": "Address of the page exactly as it lives, mirror or proxy addresses included.",
             "constraints": {"required": True, "unique": True}},
            {"name": "original_url", "type": "string", "format": "uri",
             "description": "For a mirror, copy or proxy: the address of the page it reproduces, where the copy names it or plainly reproduces it."},
            {"name": "publisher", "type": "string", "description": "Who published the page, as the outlet or body names itself.", "constraints": {"required": True}},
            {"name": "title", "type": "string",
             "description": "The page's own headline as published, in its own language; empty where the page as read showed no headline."},
            {"name": "title_en", "type": "string", "description": "A short English gloss of what the page is, in the project's own words.",
             "constraints": {"required": True}},
            {"name": "published", "type": "string",
             "description": "Publication date as precise as its evidence: a day (2021-07-25) or, where only the month is known, "
                            "a month (2023-08); where it comes from is `published_status`.",
             "constraints": {"pattern": DAY_OR_MONTH}, "example": "2021-07-25"},
            {"name": "published_status", "type": "string", "description": "Where `published` comes from: the page's own date, its address, or nowhere.",
             "constraints": {"required": True, "enum": _enum(PUBLISHED_STATUSES)}},
            {"name": "language", "type": "string", "description": "Language of the page (BCP 47).",
             "constraints": {"required": True, "enum": _enum(LANGUAGES)}},
            {"name": "publisher_kind", "x-formerly": ["kind"], "type": "string", "description": "What sort of publisher this is; its order is the preference policy's.",
             "constraints": {"required": True, "enum": _enum(PUBLISHER_KINDS)}},
            {"name": "accessed", "type": "date",
             "description": "The page was read on or before this day: the day its row was first added to the package. "
                            "The page may have changed since.", "constraints": {"required": True}},
            {"name": "read_whole", "type": "boolean",
             "description": "True where the page has been read whole: its every figure about akim elections is either a row of the package "
                            "or a row of raw/left_out.csv (with why it is left out).",
             "constraints": {"required": True}},
        ],
    },
    "elections": {
        "kind": "curated",
        "title": "Elections",
        "description": ("Elections that figures and contests refer to. `election_kind` tells votes (`voting_day`) from the totals sources publish over "
                        "a period or since 2021; filter `election_kind == 'voting_day'` for votes only. A vote whose day no page gives belongs to "
                        "an election of its oblast and of what is known of its date (`2024-05-rural-akmola`, `xxxx-06-29-rural-turkistan`, "
                        "`undated-rural-pavlodar`)."),
        "primaryKey": ["election_id"],
        "foreignKeys": [_fk("source_id", "sources", "source_id"), _fk("region_id", "regions", "region_id")],
        "fields": [
            _id("election_id", "election", "what is known of its date, its level and, where the day is not known, its oblast "
                "(e.g. 2021-07-25-rural, 2024-05-rural-akmola, xxxx-06-29-rural-turkistan, undated-rural-pavlodar, rural-running-total)"),
            {"name": "name_en", "type": "string", "description": "Name of the election in English.", "constraints": {"required": True}},
            {"name": "election_kind", "type": "string", "description": f"A vote, or a total over votes ({MEANINGS}).",
             "constraints": {"required": True, "enum": _enum(ELECTION_KINDS)}},
            {"name": "election_type", "x-formerly": ["type"], "type": "string",
             "description": "Which round a vote belongs to; for a total, the round of the votes it sums, empty where it mixes rounds or a page does not say.",
             "constraints": {"enum": _enum(ELECTION_TYPES)}},
            {"name": "akim_level", "x-formerly": ["level"], "type": "string", "description": "Which akims were chosen.", "constraints": {"required": True, "enum": _enum(AKIM_LEVELS)}},
            _ref("region_id", "regions", "oblast of a vote whose day no page gives (such votes are grouped by oblast); empty for a voting day, "
                 "which may span oblasts, and for totals", required=False),
            {"name": "date", "type": "string",
             "description": ("What is known of the date, in ISO 8601-2 (EDTF): a day `2021-07-25`, a month `2024-05`, a year `2023`, "
                             "or a period `2021-07-26/2021-12-31`, open at its end for a running total (`2021-07-25/..`). A vote whose day no page "
                             "gives is dated by the period its evidence allows (its note says which): `2024-01-01/2024-05-15` for a vote "
                             "reported as held on 15 May 2024, `2022-03-01/..` for one known only to be no earlier than a day; a day and "
                             "month whose year no page gives is `XXXX-06-29`, with the first year its evidence allows in `first_year`. "
                             "Filter on `date_earliest` and `date_latest`, never on this text."),
             "constraints": {"required": True, "pattern": EDTF_PATTERN}, "example": "2024-05"},
            {"name": "first_year", "type": "integer",
             "description": ("For a `date` without a year (`XXXX-06-29`): the first year the day can be in, as the evidence its note "
                             "gives allows (2022 for a vote whose page names AMANAT, the party's name from March 2022; else the first "
                             "such day after direct elections at the level began); empty for a date with a year."),
             "constraints": {"minimum": 1990, "maximum": 2030}},
            {"name": "direct", "type": "boolean", "description": "True when voters chose the akims directly.", "constraints": {"required": True}},
            SOURCE_REF,
            NOTE,
            # Built from `date` (and `first_year`): last, after what is edited by hand.
            {"name": "date_earliest", "type": "date",
             "description": ("First day the election can have been held: the first day `date` can mean (the day, or the start of the "
                             "month, year or period; for a date without a year, that day in `first_year`). Set by scripts/build.py "
                             "from `date` and `first_year`."),
             "constraints": {"required": True}, "x-derived": True},
            {"name": "date_latest", "type": "date",
             "description": ("Last day the election can have been held: the last day `date` can mean (the day, or the end of the "
                             "month, year or period); empty where the period is open at its end. Set by scripts/build.py from `date`."),
             "x-derived": True},
        ],
    },
    "parties": {
        "kind": "curated",
        "title": "Parties and self-nomination",
        "description": "Nominating parties of 2021, plus `self-nominated` for candidates who nominated themselves.",
        "primaryKey": ["party_id"],
        "foreignKeys": [_fk("source_id", "sources", "source_id")],
        "fields": [
            _id("party_id", "party", "its English name"),
            {"name": "name_en", "type": "string", "description": "Name in English as of 2021.", "constraints": {"required": True}},
            {"name": "name_ru", "type": "string", "description": "Name in Russian as of 2021.", "constraints": {"required": True}},
            {"name": "name_kk", "type": "string", "description": "Name in Kazakh as of 2021.", "constraints": {"required": True}},
            {"name": "aliases", "type": "list", "itemType": "string", "delimiter": " | ", "description": "Other spellings and abbreviations found in sources, separated by ' | '."},
            {"name": "later_names", "type": "list", "itemType": "string", "delimiter": " | ", "description": "Names the party took after 2021, with the year."},
            SOURCE_REF,
            NOTE,
        ],
    },
    "events": {
        "kind": "curated",
        "title": "Timeline of the reform",
        "description": "Dated events of the reform, one line each in the project's own words.",
        "primaryKey": ["event_id"],
        "foreignKeys": [_fk("source_id", "sources", "source_id"), _fk("election_id", "elections", "election_id")],
        "fields": [
            _id("event_id", "event", "its date and a running number"),
            {"name": "date", "type": "string",
             "description": "Date of the event in ISO 8601-2 (EDTF): a day, or only the month (`2001-10`) or year (`1999`) where that is all a page gives.",
             "constraints": {"required": True, "pattern": EDTF_PATTERN}, "example": "2001-10"},
            {"name": "event", "type": "string", "description": "What happened, in one line.", "constraints": {"required": True}},
            _ref("election_id", "elections", "election the event belongs to, if any", required=False),
            SOURCE_REF,
            NOTE,
            *_bounds("date", "the date"),
        ],
    },
    "id_map": {
        "kind": "curated",
        "title": "Identifier changes",
        "description": "Every identifier of an earlier release that changed, with the identifier that replaces it, so that older references can be followed (`akim-elections diff` uses it).",
        "primaryKey": ["table", "old_id"],
        "foreignKeys": [],
        "fields": [
            {"name": "table", "type": "string", "description": "Table the identifier belongs to.", "constraints": {"required": True}},
            {"name": "old_id", "type": "string", "description": "Identifier in the earlier release.", "constraints": {"required": True}},
            {"name": "new_id", "type": "string", "description": "Identifier now; several old ids may share one where duplicate rows were merged.",
             "constraints": {"required": True, "pattern": SLUG}},
            {"name": "version", "type": "string", "description": "Release in which the identifier changed.", "constraints": {"required": True}},
        ],
    },
}
