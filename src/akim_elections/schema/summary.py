"""The derived regional summary and the sources of its cells: their columns follow from SUMMARY_COLUMNS."""

from __future__ import annotations

from .fields import _enum, _fk, _ref
from .vocabularies import MEASURES, PUBLISHER_KINDS, QUALIFIERS, SUMMARY_PARTS

TABLES: dict[str, dict] = {
    "regional_summary": {
        "kind": "derived",
        "title": "Regional summary (derived)",
        "description": ("Final regional figures (the `final` flag) pivoted wide, with each inexact cell named, and contest-level coverage: one row per "
                        "election and oblast that has a regional figure or a listed contest (for 25 July 2021, every oblast of that day). An election is "
                        "a vote (`voting_day`) or a total that sources publish over a period or since 2021 (`period_total`, `running_total`), whose rows "
                        "may overlap those of the votes it sums: join `elections` on `election_id` and keep `election_kind == 'voting_day'` for votes only. "
                        "Built by scripts/build.py; never edit."),
        "primaryKey": ["election_id", "region_id"],
        "foreignKeys": [_fk("election_id", "elections", "election_id"), _fk("region_id", "regions", "region_id")],
        "fields": [
            _ref("election_id", "elections", "election"),
            _ref("region_id", "regions", "oblast"),
            # The remaining fields are generated from SUMMARY_COLUMNS below.
        ],
    },
}

TABLES["summary_sources"] = {
    "kind": "derived",
    "title": "Sources of the regional summary (derived)",
    "description": "For every filled cell of the regional summary: the final figure (or figures) behind it, how exact it is, its source and the kind of that source. Built by scripts/build.py; never edit.",
    "primaryKey": ["election_id", "region_id", "column", "part"],
    "foreignKeys": [_fk("election_id", "elections", "election_id"), _fk("region_id", "regions", "region_id"),
                    _fk("figure_id", "figures", "figure_id"), _fk("source_id", "sources", "source_id")],
    "fields": [
        _ref("election_id", "elections", "election"),
        _ref("region_id", "regions", "oblast"),
        {"name": "column", "type": "string", "description": "Column of the regional summary.", "constraints": {"required": True}},
        {"name": "part", "type": "string",
         "description": "`all` where one figure fills the cell; for a cell summed from an oblast's counts by type of unit (it publishes no total), the type of unit of this part.",
         "constraints": {"required": True, "enum": _enum(SUMMARY_PARTS)}},
        _ref("figure_id", "figures", "final figure in that cell (or in that part of it)"),
        {"name": "qualifier", "type": "string", "description": "How exact that figure is (see the figures table): a cell is exact only when all its figures are.",
         "constraints": {"required": True, "enum": _enum(QUALIFIERS)}},
        _ref("source_id", "sources", "source of that figure"),
        {"name": "publisher_kind", "x-formerly": ["kind"], "type": "string", "description": "Kind of that source (its grade under the preference policy).",
         "constraints": {"required": True, "enum": _enum(PUBLISHER_KINDS)}},
    ],
}

# Columns of the derived regional summary: (column, measure, breakdown, description).
# breakdown is a dict of figure dimensions that must match exactly (missing keys must be empty).
SUMMARY_COLUMNS: list[tuple[str, str, dict, str]] = [
    ("contests", "contests", {}, "Contests: the oblast's final count or, where it publishes none, the sum of its counts by type of unit."),
    ("candidates_nominated", "candidates", {"stage": "nominated"}, "Candidates nominated."),
    ("candidates_registered", "candidates", {"stage": "registered"}, "Candidates registered."),
    ("candidates_registered_self_nominated", "candidates", {"stage": "registered", "nomination": "self"}, "Registered self-nominated candidates."),
    ("candidates_registered_female", "candidates", {"stage": "registered", "gender": "female"}, "Registered women candidates."),
    ("winners", "winners", {}, "Akims elected."),
    ("winners_nur_otan", "winners", {"party_id": "nur-otan"}, "Winners nominated by Nur Otan."),
    ("winners_auyl", "winners", {"party_id": "auyl"}, "Winners nominated by Auyl."),
    ("winners_adal", "winners", {"party_id": "adal"}, "Winners nominated by Adal."),
    ("winners_ak_zhol", "winners", {"party_id": "ak-zhol"}, "Winners nominated by Ak Zhol."),
    ("winners_peoples_party", "winners", {"party_id": "peoples-party"}, "Winners nominated by the People's Party."),
    ("winners_osdp", "winners", {"party_id": "osdp"}, "Winners nominated by OSDP."),
    ("winners_self_nominated", "winners", {"nomination": "self"}, "Self-nominated winners."),
    ("winners_female", "winners", {"gender": "female"}, "Women elected."),
    ("winners_incumbent", "winners", {"incumbency": "incumbent"}, "Sitting akims re-elected."),
    ("voters_registered", "voters_registered", {}, "Registered voters."),
    ("votes_cast", "votes_cast", {}, "Voters who voted."),
    ("turnout_pct", "turnout_pct", {}, "Final turnout, percent."),
]

# Fields of regional_summary computed from the contests table, not from figures.
COVERAGE_COLUMNS = [
    {"name": "contests_listed", "type": "integer", "description": "Contests of this oblast present in the contests table, whatever their status.", "unit": "contests",
     "constraints": {"required": True, "minimum": 0}},
    {"name": "contests_with_winner", "type": "integer", "description": "Listed contests whose winner is named.", "unit": "contests",
     "constraints": {"required": True, "minimum": 0}},
    {"name": "winner_coverage_pct", "type": "number", "description": "Contests with a named winner as a percentage of `contests`; empty where `contests` is unknown.",
     "unit": "percent", "constraints": {"minimum": 0, "maximum": 100}},
    {"name": "measures_known", "type": "integer", "description": "How many of the figure columns of this row are known.",
     "constraints": {"required": True, "minimum": 0}},
    {"name": "measures_missing", "type": "list", "itemType": "string", "delimiter": " | ", "description": "Figure columns of this row with no preferred figure, separated by ' | '."},
    {"name": "measures_inexact", "type": "list", "itemType": "string", "delimiter": " | ",
     "description": ("Figure columns of this row whose source gives a bound or a rounded number, with its qualifier ('voters_registered: approximately'), "
                     "separated by ' | '; such a cell is not an exact count.")},
]


def _summary_fields() -> list[dict]:
    fields = []
    for column, measure, _breakdown, description in SUMMARY_COLUMNS:
        unit = MEASURES[measure][0]
        ftype = "number" if unit == "percent" else "integer"
        constraints = {"minimum": 0, "maximum": 100} if unit == "percent" else {"minimum": 0}
        fields.append({"name": column, "type": ftype, "description": description, "unit": unit, "constraints": constraints})
    return fields


TABLES["regional_summary"]["fields"] = TABLES["regional_summary"]["fields"] + _summary_fields() + COVERAGE_COLUMNS
