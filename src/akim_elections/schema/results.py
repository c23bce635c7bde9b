"""The tables of results: published figures, contests (with the copies the build makes of their facts), candidates and the reconciliations of totals."""

from __future__ import annotations

from .fields import EDTF_PATTERN, MEANINGS, NOTE, SOURCE_REF, _bounds, _enum, _fk, _id, _kato, _ref
from .vocabularies import (CATEGORIES, CONTEST_STATUSES, GENDERS, INCUMBENCIES, KATO_MATCHES, MEASURES,
                           NOMINATIONS, QUALIFIERS, RARE_DIMENSIONS, POST_TYPES, PUBLISHER_KINDS, RURAL_POST_TYPES, SCOPES, STAGES)

# Contest columns that the build fills from the contest's final figures: column -> (measure, stage).
# A contest's numbers live once, in figures (with source, qualifier and the preference policy); the contest row shows them.
# Names a column had in an earlier release (read by `akim-elections diff`), for the columns the schema builds in loops.
FORMERLY = {"candidates_registered": {"x-formerly": ["candidates"]}}
CONTEST_FIGURES: dict[str, tuple[str, str]] = {
    "winner_share_pct": ("winner_share_pct", ""),
    "turnout_pct": ("turnout_pct", ""),
    "voters_registered": ("voters_registered", ""),
    "votes_cast": ("votes_cast", ""),
    "candidates_registered": ("candidates", "registered"),
    "votes_against_all": ("votes_against_all", ""),
    "votes_against_all_pct": ("votes_against_all_pct", ""),
    "ballots_invalid": ("ballots_invalid", ""),
    "votes_at_home": ("votes_at_home", ""),
}
# Contest columns that the build copies from the candidate marked elected: column -> candidates column.
CONTEST_WINNER = {"winner_name": "name", "winner_name_latn": "name_latn", "winner_gender": "gender", "winner_age": "age",
                  "winner_incumbent": "incumbent", "winner_party_id": "party_id", "winner_votes": "votes"}


def _person_fields() -> list[dict]:
    """What a source says of a candidate as a person: the one home of a winner's gender, age and incumbency too."""
    return [{"name": "gender", "type": "string", "description": "Candidate's gender, where a source gives it.", "constraints": {"enum": _enum(GENDERS)}},
            {"name": "age", "type": "integer", "description": "Candidate's age on election day, as reported.", "unit": "years",
             "constraints": {"minimum": 25, "maximum": 100}},
            {"name": "incumbent", "type": "boolean",
             "description": "True when the candidate was the sitting akim of the post, false when a source says they were not; empty where none says."}]


def _winner_fields() -> list[dict]:
    """The winner columns of contests: copies of the candidate row marked elected, which is their one home."""
    described = {"winner_name": ("string", "Elected akim, as the source of the candidate row writes the name."),
                 "winner_name_latn": ("string", "The winner's name in Latin letters, made by `akim_elections.translit`."),
                 "winner_gender": ("string", "Winner's gender."),
                 "winner_age": ("integer", "Winner's age on election day, as reported."),
                 "winner_incumbent": ("boolean", "True when the winner was the sitting akim."),
                 "winner_party_id": ("string", "Winner's nominating party, or self-nominated (`nur-otan` stands for AMANAT too, the party's name from 2022)."),
                 "winner_votes": ("integer", "Votes for the winner.")}
    person = {f["name"]: f for f in _person_fields()}
    fields = []
    for column, (ftype, text) in described.items():
        field = {"name": column, "type": ftype, "x-derived": True,
                 "description": (f"{text} Copied by scripts/build.py from the contest's candidate marked elected, the winner's one "
                                "home; empty where no candidate row is marked elected.")}
        if column == "winner_votes":
            field.update(unit="votes", constraints={"minimum": 0})
        copied = person.get(CONTEST_WINNER[column], {})
        field.update({k: copied[k] for k in ("unit", "constraints") if k in copied})
        fields.append(field)
    return fields


def _contest_figure_fields() -> list[dict]:
    """The number columns of contests, one per entry of CONTEST_FIGURES, described from the measure they show."""
    fields = []
    for column, (measure, stage) in CONTEST_FIGURES.items():
        unit, meaning = MEASURES[measure]
        if stage:  # the measure's meaning speaks of a `stage` column, which contests do not have: name the stage
            meaning = f"{measure.capitalize()} {stage}"
        at = f" at stage `{stage}`, before any withdrawal: the candidates left on the ballot are the contest's `on_ballot` figure" if stage else ""
        ftype = "number" if unit == "percent" else "integer"
        constraints = {"minimum": 0, "maximum": 100} if unit == "percent" else {"minimum": 1 if measure == "candidates" else 0}
        fields.append({"name": column, "type": ftype, "unit": unit, "constraints": constraints, "x-derived": True, **FORMERLY.get(column, {}),
                       "description": (f"{meaning.rstrip('.')} (measure `{measure}`{at}): the contest's final figure, copied by "
                                       "scripts/build.py from `figures`; never edited here. See `values_inexact` for its precision.")})
    return fields


TABLES: dict[str, dict] = {
    "figures": {
        "kind": "curated",
        "title": "Published figures",
        "description": (
            "Every figure a source publishes about an election, once: a measure for a place, optionally broken down by "
            "stage, nomination, party, membership, gender, incumbency, type of unit or a rarer dimension, at a time. Conflicting figures are all kept; the preference policy marks one "
            "per election x place x measure x breakdown x time `preferred`."
        ),
        "primaryKey": ["figure_id"],
        "foreignKeys": [
            _fk("election_id", "elections", "election_id"), _fk("region_id", "regions", "region_id"),
            _fk("district_kato", "districts", "district_kato"), _fk("contest_id", "contests", "contest_id"),
            _fk("party_id", "parties", "party_id"), _fk("member_of", "parties", "party_id"),
            _fk("source_id", "sources", "source_id"),
        ],
        "fields": [
            _id("figure_id", "figure", "election, place, measure, breakdown, time and source, joined by hyphens"),
            _ref("election_id", "elections", "election the figure describes"),
            {"name": "scope", "type": "string", "description": "Level of the place the figure covers.",
             "constraints": {"required": True, "enum": _enum(SCOPES)}},
            _ref("region_id", "regions", "oblast (of the election day), for oblast, district and contest figures", required=False),
            _kato("district_kato", "districts", "district, for district and contest figures"),
            {"name": "district_as_written", "type": "string", "description": "The district's name as the source writes it."},
            _ref("contest_id", "contests", "contest, for contest figures", required=False),
            {"name": "measure", "type": "string", "description": f"What is counted; {MEANINGS}, with its unit.",
             "constraints": {"required": True, "enum": _enum(MEASURES)}},
            {"name": "stage", "type": "string", "description": f"For candidate counts: the moment of the process the count stands at ({MEANINGS}).",
             "constraints": {"enum": _enum(STAGES)}},
            {"name": "value", "type": "number", "description": "The figure as published.", "constraints": {"required": True, "minimum": 0}},
            {"name": "qualifier", "type": "string", "description": "How exact the source says the value is ('more than 2,000' is 2000 with `at_least`).",
             "constraints": {"required": True, "enum": _enum(QUALIFIERS)}},
            {"name": "value_unit", "x-formerly": ["unit"], "type": "string", "description": "Unit of the value; always the unit of the measure.", "constraints": {"required": True}},
            {"name": "nomination", "type": "string", "description": "How the candidates or winners counted were nominated; empty for all, and empty where `party_id` names the party.",
             "constraints": {"enum": _enum(NOMINATIONS)}},
            _ref("party_id", "parties", "nominating party the figure is restricted to (nomination, not membership; the id names the organisation under its 2021 name, so `nur-otan` is AMANAT from 2022, see `parties.later_names`); empty for all", required=False),
            _ref("member_of", "parties", "party the people counted belong to, whatever their nomination (membership, as the source states it); empty for all",
                 required=False),
            {"name": "gender", "type": "string", "description": "Gender the figure is restricted to; empty for all.",
             "constraints": {"enum": _enum(GENDERS)}},
            {"name": "incumbency", "type": "string", "description": "Sitting akims or newcomers only; empty for all.",
             "constraints": {"enum": _enum(INCUMBENCIES)}},
            {"name": "post_type", "type": "string", "description": ("Kind of unit whose contests the figure is restricted to; empty for all. A page's 'rural districts' that "
                            "counts every rural-level post is a total, with this column empty."),
             "constraints": {"enum": _enum(RURAL_POST_TYPES)}},
            {"name": "dimension", "type": "string", "description": "A rarer breakdown (occupation, education, reason for the vote...); empty for none. Its categories are in `category`.",
             "constraints": {"enum": _enum(RARE_DIMENSIONS)}},
            {"name": "category", "type": "string", "description": "Category of `dimension` the figure is restricted to; set exactly when `dimension` is.",
             "constraints": {"enum": _enum(CATEGORIES)}},
            {"name": "as_of", "type": "string",
             "description": ("The moment the figure stands at, in ISO 8601-2 (EDTF): for a running total the date it runs to, for a "
                             "snapshot the day (or only the month) it was taken; `XXXX-XX-XX` for an interim figure whose moment no page "
                             "gives (a count during nomination or registration, say, on an undated page). Empty for figures of the "
                             "election as a whole."),
             "constraints": {"pattern": EDTF_PATTERN}, "example": "2025-11-28"},
            {"name": "time_of_day", "type": "string", "description": "Local time of day on election day for turnout and other figures reported during the vote (HH:MM).",
             "constraints": {"pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}, "example": "14:00"},
            {"name": "interim", "type": "boolean",
             "description": "True for a figure reported before the final result (during the vote, or a snapshot before a count closed); never preferred over a final one.",
             "constraints": {"required": True}},
            {"name": "preferred", "type": "boolean",
             "description": ("True for the one figure the package uses where several describe the same thing. Set by scripts/build.py "
                             "from the preference policy (see the Conflicts page); never edited by hand."),
             "constraints": {"required": True}, "x-derived": True},
            {"name": "final", "type": "boolean",
             "description": ("True for the figures to quote: preferred, and of the election as a whole or of the moment in `as_of` "
                             "(not interim, not at a time of day); one statement is one moment, so it gives one final row however its pages date it. One filter, `final`, then the breakdowns wanted. Set by scripts/build.py; never edited by hand."),
             "constraints": {"required": True}, "x-derived": True},
            {"name": "rejected", "type": "boolean",
             "description": "True when the package judges the figure wrong (the note says why). Kept for the record, never preferred.",
             "constraints": {"required": True}},
            SOURCE_REF,
            NOTE,
            # Built from `as_of`: last, after what is edited by hand.
            *_bounds("as_of", "`as_of`"),
        ],
    },
    "contests": {
        "kind": "curated",
        "title": "Contests",
        "description": ("One row per contest (one akim post at one election) that a source names, with what became of it and what is known "
                        "of its result. Its winner and number columns are copies the build makes of the candidate marked elected and "
                        "of the contest's final figures, where those facts are kept once."),
        "primaryKey": ["contest_id"],
        "foreignKeys": [
            _fk("election_id", "elections", "election_id"), _fk("region_id", "regions", "region_id"),
            _fk("district_kato", "districts", "district_kato"), _fk("unit_kato", "units", "unit_kato"),
            _fk("winner_party_id", "parties", "party_id"), _fk("source_id", "sources", "source_id"),
        ],
        "fields": [
            _id("contest_id", "contest", "its election, its oblast and the place's Latin name without type words"),
            _ref("election_id", "elections", "election"),
            _ref("region_id", "regions", "oblast on the election day"),
            _kato("district_kato", "districts", "district"),
            {"name": "district_as_written", "type": "string", "description": "The district's name in the source's own words and language; empty where the source does not name it or its wording is not on record (never an English gloss)."},
            {"name": "post_type", "x-formerly": ["type"], "type": "string", "description": "Kind of unit whose akim is elected.", "constraints": {"enum": _enum(POST_TYPES)}},
            {**_kato("unit_kato", "units", "rural district, village or town, where its name matches one unit of the oblast; empty for a district or city, whose code is `district_kato`"),
             "x-formerly": ["kato"]},
            {"name": "kato_match", "type": "string", "description": "Which name gave the KATO code; empty when none matched.",
             "constraints": {"enum": _enum(KATO_MATCHES)}},
            {"name": "name_ru", "type": "string", "description": "Rural district, village, town, district or city, in Russian as the source writes it."},
            {"name": "name_kk", "type": "string", "description": "Rural district, village, town, district or city, in Kazakh as the source writes it."},
            {"name": "name_as_written", "type": "string",
             "description": ("The place's name as the source writes it where the source gives it only in Latin letters (no Russian or "
                             "Kazakh name on record); empty otherwise.")},
            {"name": "name_latn", "type": "string",
             "description": ("The place's name in Latin letters, by the package's one scheme (`akim_elections.translit.kk_latn`, the Kazakh Latin "
                             "alphabet of 2021): the Kazakh name KATO gives the contest's unit (for a district or city akim, its district), else the "
                             "source's Kazakh name, else its Russian name; a place named only in Latin letters, with no KATO match, keeps the "
                             "source's spelling (`name_as_written`). Set by scripts/build.py; never edited by hand."),
             "x-derived": True},
            {"name": "name_en", "type": "string", "x-derived": True,
             "description": ("The place in English (Korgalzhyn district), by `akim_elections.build.english.place_en`: its unit's (or district's) "
                             "`name_en`, else made from the source's Kazakh name, else its Russian name (its adjective ending dropped), "
                             "else the source's Latin spelling (`name_as_written`). Set by scripts/build.py; never edited by hand.")},
            {"name": "status", "type": "string", "description": f"What the pages say became of the contest ({MEANINGS}).",
             "constraints": {"required": True, "enum": _enum(CONTEST_STATUSES)}},
            *_winner_fields(),
            *_contest_figure_fields(),
            {"name": "values_inexact", "type": "list", "itemType": "string", "delimiter": " | ", "x-derived": True,
             "description": ("Columns of this row filled from a figure its source rounds or bounds, with the qualifier "
                             "('votes_cast: at_least'), separated by ' | '; such a value is not an exact count. Set by scripts/build.py.")},
            SOURCE_REF,
            NOTE,
        ],
    },
    "candidates": {
        "kind": "curated",
        "title": "Candidates",
        "description": "Candidates of a contest, where a source lists them.",
        "primaryKey": ["candidate_id"],
        "foreignKeys": [
            _fk("contest_id", "contests", "contest_id"), _fk("party_id", "parties", "party_id"),
            _fk("source_id", "sources", "source_id"),
        ],
        "fields": [
            _id("candidate_id", "candidate", "the contest and the Latin form of the name"),
            _ref("contest_id", "contests", "contest"),
            {"name": "name", "type": "string", "description": "Candidate's name as the source writes it.", "constraints": {"required": True}},
            {"name": "name_latn", "type": "string", "description": "The name in Latin letters, made by `akim_elections.translit`."},
            *_person_fields(),
            _ref("party_id", "parties", "nominating party, or self-nominated", required=False),
            {"name": "votes", "type": "integer", "description": "Votes received.", "unit": "votes", "constraints": {"minimum": 0}},
            {"name": "share_pct", "type": "number", "description": "Share of the votes cast.", "unit": "percent", "constraints": {"minimum": 0, "maximum": 100}},
            {"name": "elected", "type": "boolean", "description": "True for the winner."},
            SOURCE_REF,
        ],
    },
    "reconciliations": {
        "kind": "curated",
        "title": "Reconciliations of totals",
        "description": ("Where preferred parts do not add up to their preferred total (the oblasts to the nation, or an oblast's "
                        "self- and party-nominated candidates to all of them), the recorded difference and what is known of its "
                        "cause. The checks accept exactly this difference and no other."),
        "primaryKey": ["reconciliation_id"],
        "foreignKeys": [_fk("election_id", "elections", "election_id"), _fk("total_figure_id", "figures", "figure_id"),
                        _fk("source_id", "sources", "source_id")],
        "fields": [
            _id("reconciliation_id", "reconciliation", "the election, the measure and what is compared"),
            _ref("election_id", "elections", "election"),
            {"name": "measure", "type": "string", "description": "The measure whose parts and total disagree.",
             "constraints": {"required": True, "enum": _enum(MEASURES)}},
            _ref("total_figure_id", "figures", "preferred total the parts are compared with"),
            {"name": "parts_sum", "type": "number", "description": "Sum of the preferred parts (oblast figures, or the counts by nomination) when the difference was recorded.",
             "constraints": {"required": True}},
            {"name": "difference", "type": "number", "description": "Sum of the parts minus the total.", "constraints": {"required": True}},
            {"name": "resolved", "type": "boolean", "description": "True when a source explains the difference.", "constraints": {"required": True}},
            {"name": "explanation", "type": "string", "description": "What is known of the cause, in the project's own words.",
             "constraints": {"required": True}},
            SOURCE_REF,
        ],
    },
}

TABLES["contest_sources"] = {
    "kind": "derived",
    "title": "Sources of the contests' copied values (derived)",
    "description": ("For every value a contest row shows by copy (its numbers from its final figures, its winner from the candidate "
                    "marked elected): the figure or candidate it copies, how exact it is, its source and the kind of that source. "
                    "A contest's own `source_id` is the page of the row; this table gives the page of each value. "
                    "Built by scripts/build.py; never edit."),
    "primaryKey": ["contest_id", "column"],
    "foreignKeys": [_fk("contest_id", "contests", "contest_id"), _fk("figure_id", "figures", "figure_id"),
                    _fk("candidate_id", "candidates", "candidate_id"), _fk("source_id", "sources", "source_id")],
    "fields": [
        _ref("contest_id", "contests", "contest"),
        {"name": "column", "type": "string", "description": "Column of the contests table that shows the copied value.",
         "constraints": {"required": True, "enum": [*CONTEST_FIGURES, *CONTEST_WINNER]}},
        _ref("figure_id", "figures", "final figure the column copies; empty for a winner column", required=False),
        _ref("candidate_id", "candidates", "candidate marked elected whose value the column copies; empty for a number column", required=False),
        {"name": "qualifier", "type": "string", "description": "How exact the copied figure is (see the figures table); empty for a candidate's value.",
         "constraints": {"enum": _enum(QUALIFIERS)}},
        _ref("source_id", "sources", "source of that figure or candidate"),
        {"name": "publisher_kind", "type": "string", "description": "Kind of that source (its grade under the preference policy).",
         "constraints": {"required": True, "enum": _enum(PUBLISHER_KINDS)}},
    ],
}

# Columns the exports (SQLite, Parquet, xlsx) add after a field of the package, typed so that counts read back as integers.
EXPORT_FIELDS = {"figures": {"value": [
    {"name": "count", "type": "integer", "unit": "count",
     "description": ("`value` as a whole number where the unit counts things (contests, candidates, winners, voters...): read counts here. "
                     "Empty where the unit is percent or another quantity (years, candidates per contest, money); `value` holds those.")}]}}
