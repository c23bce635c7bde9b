"""The one description of every table, field and controlled vocabulary.

Everything else is derived from this module: ``datapackage.json`` (scripts/build.py), the codebook
pages of the docs, the loader's dtypes (through the descriptor) and the structural checks. Edit a
field here, rebuild, and every consumer follows.

Kept as plain Python literals so that reading it needs no YAML parser and importing it costs nothing.
"""

from __future__ import annotations

from . import edtf
from ._version import __version__ as VERSION  # noqa: F401  (re-exported for the build)

PACKAGE = {
    "name": "akim-elections",
    "title": "Kazakhstan's direct elections of rural akims",
    "description": (
        "Sourced figures, contests and candidates of Kazakhstan's direct elections of rural akims "
        "(heads of rural districts, villages and towns of district significance), starting with the "
        "first nationwide vote of 25 July 2021. Every value cites a public source; where sources "
        "disagree all figures are kept and one is marked preferred."
    ),
    "keywords": ["Kazakhstan", "elections", "local government", "akim", "rural", "2021"],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (data)",
        }
    ],
    "contributors": [{"title": "akim-elections contributors", "roles": ["creator"]}],
}

# --- Controlled vocabularies -------------------------------------------------------------------
# Each measure is defined once, with its unit. The figures table may only use these.
MEASURES: dict[str, tuple[str, str]] = {
    # measure: (unit, meaning)
    "contests": ("contests", "Akim posts put to the vote (one contest per rural district, village, town, district or city)."),
    "contests_planned": ("contests", "Akim contests announced as planned for a period still to come: a plan, not a count of contests held."),
    "contests_pct": ("percent", "Share of contests, in percent, of the contests in scope."),
    "candidates": ("candidates", "Candidates at the stage given in `stage`."),
    "candidates_pct": ("percent", "Share of candidates, in percent, of all candidates at that stage."),
    "registration_rate_pct": ("percent", "Registered candidates as a percentage of nominated candidates."),
    "candidates_per_contest": ("candidates per contest", "Average number of candidates per contest."),
    "candidates_per_contest_min": ("candidates per contest", "Fewest candidates in any contest in scope."),
    "candidate_age_mean": ("years", "Mean age of candidates."),
    "candidate_age_min": ("years", "Age of the youngest candidate."),
    "candidate_age_max": ("years", "Age of the oldest candidate."),
    "winners": ("winners", "Akims elected."),
    "winners_pct": ("percent", "Share of winners, in percent, of all winners in scope."),
    "winner_age_mean": ("years", "Mean age of the winners."),
    "winner_age_min": ("years", "Age of the youngest winner."),
    "winner_age_max": ("years", "Age of the oldest winner."),
    "winning_parties": ("parties", "Number of parties with at least one winner."),
    "nominating_parties": ("parties", "Number of parties that nominated candidates."),
    "voters_registered": ("voters", "Voters on the rolls (the commissions' voter lists) where contests were held; a forecast of who will take part, or the residents due to vote, is `voters_expected`."),
    "voters_expected": ("voters", "Voters the commission expected to take part, as stated before or on election day: a forecast, not the rolls."),
    "votes_cast": ("voters", "Voters who received a ballot (voted)."),
    "turnout_pct": ("percent", "Votes cast as a percentage of registered voters."),
    "turnout_pct_lowest_region": ("percent", "Turnout of the oblast with the lowest turnout."),
    "voters_pct_of_oblasts": ("percent", "Voters of these contests as a share of all voters of the 14 oblasts."),
    "residents": ("persons", "People living in the areas where contests were held."),
    "polling_stations": ("polling stations", "Polling stations opened for the vote."),
    "polling_stations_pct": ("percent", "Polling stations of the vote as a share of all polling stations of the oblast."),
    "election_commissions": ("commissions", "Election commissions involved (by `commission_level`: territorial or precinct)."),
    "commission_members": ("persons", "Members of the election commissions involved."),
    "regions": ("oblasts", "Oblasts where contests were held."),
    "districts": ("districts", "Districts (and cities) where contests were held."),
    "settlements": ("settlements", "Settlements whose residents voted."),
    "akim_posts": ("akim posts", "All akim posts of rural level (villages, rural districts, towns of district significance), elected or not; a page that calls them all 'rural districts' still counts this, with `unit_type` empty."),
    "akims_elected_pct": ("percent", "Akims elected as a share of all rural-level akim posts."),
    "rural_population_pct": ("percent", "Share of Kazakhstan's population living in rural areas."),
    "term_years": ("years", "Term of office of an elected akim."),
    "candidate_age_min_legal": ("years", "Minimum age to stand as a candidate."),
    "signature_threshold_pct": ("percent", "Signatures needed to register, as a percentage of the voters of the contest."),
    "campaign_days": ("days", "Length of the campaign."),
    "observers": ("persons", "Election observers deployed by the body the note names (a party, an NGO, a mission)."),
    "candidate_proxies": ("persons", "Candidates' proxies (доверенные лица, сенім білдірілген адамдар) present at the polling stations."),
    "observers_and_proxies": ("persons", "Observers and candidates' proxies at the polling stations, counted together as the source gives them."),
    "violations_recorded": ("violations", "Violations of the election rules recorded by the body the note names."),
    "votes_at_home": ("voters", "Voters who voted at home, with a mobile ballot box."),
    "votes_against_all": ("ballots", "Ballots marked 'against all' (против всех, барлығына қарсы)."),
    "votes_against_all_pct": ("percent", "Votes 'against all' as a percentage of the voters who voted."),
    "ballots_invalid": ("ballots", "Ballots found invalid at the count (spoilt or not filled in as the law requires)."),
    "winner_share_pct": ("percent", "The winner's share, in percent, of the voters who voted in the contest, as the source gives it; where it does not fit the votes and turnout of other pages, the note says so."),
    "budget_usd": ("USD", "Public budget for the elections."),
    "cost_per_contest_usd": ("USD", "Public cost of one contest."),
    "campaign_funds_per_candidate_kzt": ("KZT", "State campaign money per candidate."),
}

# Stages of a candidate count, each a moment of the process as the page words it.
STAGES = {
    "nominated": "Put forward (by a party or by self-nomination) by the moment the count was given; during nomination the count is interim.",
    "registered": "Registered by the territorial election commissions at the close of registration (before any withdrawal near the vote).",
    "on_ballot": "On the ballot on election day: registered and not withdrawn (what pages call 'candidates contest' or 'are running' on the day).",
    "refused_registration": "Nominated but refused registration by the commission.",
    "withdrawn": "Registered or nominated, then withdrew before the vote.",
}

GENDERS = {"female": "Women.", "male": "Men."}

# --- Breakdowns --------------------------------------------------------------------------------
# A figure is a total or is broken down by one or more of the dimensions below. Each dimension is
# its own column with its own vocabulary, its categories exclude one another, and a total has every
# breakdown column empty. The frequent ones have a column each; the rarer ones share the
# `dimension` + `category` pair (categories must belong to the dimension named).
NOMINATIONS = {
    "party": "Nominated by a party (all parties together; one party's figure has `party_id` instead and `nomination` empty).",
    "self": "Self-nominated (all of them, whether or not the source says they belong to a party).",
}
INCUMBENCIES = {
    "incumbent": "The sitting akim of the same unit.",
    "newcomer": "Not the sitting akim of the unit before the vote (a civil servant or an akim elsewhere may be one); wider than `previous_post = outsider`.",
}
UNIT_TYPES = {
    "rural_district": "Rural districts (сельский округ, ауылдық округ) only, not villages or towns with their own akim; a page's 'rural districts' that counts every rural-level post is a total (empty).",
    "village": "Villages (село, ауыл) with their own akim.",
    "town": "Towns of district significance.",
}
RARE_DIMENSIONS: dict[str, dict[str, str]] = {
    "occupation": {
        "civil_servant": "Working in the civil service before the vote.",
        "budget_sector": "Working in the public (budget) sector outside the civil service.",
        "commercial_sector": "Working in a business.",
        "public_association": "Working in a public association.",
        "unemployed": "Temporarily not working.",
    },
    "previous_post": {
        "acting_akim": "Acting akim of the unit before the vote.",
        "deputy_akim": "Deputy akim before the vote.",
        "outsider": "Had never worked in the civil service (narrower than `incumbency = newcomer`).",
    },
    "education": {
        "education_teacher": "Trained as a teacher.",
        "education_law": "Trained as a lawyer.",
        "education_agriculture": "Trained in agriculture.",
        "education_economics": "Trained as an economist.",
        "education_engineering": "Trained as an engineer.",
        "education_other": "Other training.",
    },
    "vote_reason": {
        "term_expired": "The akim's term expired.",
        "early_termination": "The akim's powers ended early.",
    },
    "candidates_in_contest": {
        "with_2_candidates": "Two candidates in the contest.",
        "with_3_candidates": "Three candidates in the contest.",
        "with_4_candidates": "Four candidates in the contest.",
        "with_5_candidates": "Five candidates in the contest.",
        "with_6_candidates": "Six candidates in the contest.",
    },
    "party_presence": {
        "with_party_candidates": "At least one party-nominated candidate in the contest.",
        "only_self_nominated": "Every candidate of the contest self-nominated.",
    },
    "commission_level": {
        "territorial": "Territorial election commissions.",
        "precinct": "Precinct election commissions.",
    },
    "observer_body": {
        "sent_by_parties": "Observers sent by political parties.",
        "sent_by_ngos": "Observers sent by public associations and non-profit organisations.",
    },
    "outcome": {
        "won_by_one_vote": "Won by a margin of one vote.",
        "tie": "No winner because of a tie.",
        "repeat": "To be held again (declared invalid, or no winner).",
    },
}
CATEGORIES = {c: meaning for vocabulary in RARE_DIMENSIONS.values() for c, meaning in vocabulary.items()}
assert len(CATEGORIES) == sum(len(v) for v in RARE_DIMENSIONS.values()), "a category belongs to one dimension"
# Every breakdown column of the figures table, in order; a figure with all of them empty is a total.
BREAKDOWNS = ("stage", "nomination", "party_id", "member_of", "gender", "incumbency", "unit_type", "dimension", "category")

SCOPES = {"national": "All of Kazakhstan.", "region": "One oblast.", "district": "One district of an oblast.",
          "contest": "One contest (see `contest_id`)."}
CONTEST_TYPES = {"rural_district": "rural district (сельский округ)", "village": "village", "town": "town of district significance",
                 "district": "district of an oblast (аудан, район): its akim is elected directly since the pilot of 5 November 2023",
                 "city": "city of oblast significance (облыстық маңызы бар қала), a regional centre among them since Semey in 2025"}
# In the order of the preference policy (see akim_elections.preference): earlier kinds are preferred.
SOURCE_KINDS = {
    "official": "An election commission, akimat, ministry or other government body, or the law itself.",
    "news_agency": "A national news agency (Kazinform, Kazakhstan Today, KazTAG, Interfax-Kazakhstan...).",
    "national_media": "A national newspaper, broadcaster or news site.",
    "regional_media": "An oblast or district newspaper, broadcaster or news site.",
    "party": "A political party's own site or channel.",
    "analysis": "A think tank, NGO, observer mission, academic or analytical outlet.",
    "encyclopedia": "Wikipedia, in any language, on wikipedia.org.",
    "dataset": "A data repository or code list (classifiers, ISO code tables).",
    "mirror": "A copy of another site's page on another host (Wikipedia mirrors, copy sites, proxies).",
}
# One rule for every source: where its publication date comes from (see the Coverage and sources page).
PUBLISHED_STATUSES = {
    "shown": "The page itself shows its full date: a dateline, or a sentence dating itself with day, month and year "
             "(«Сегодня, 13 июля 2025 года»). `published` holds that day.",
    "inferred": "The page shows no full date, but its address carries one: a path such as /2021/07/24/ or /2021-07-24-, "
                "a slug ending -05-11-2023 (day, month, year), or /2023/08/ for a month only. `published` holds it at the "
                "precision the address gives (`2023-08` for a month).",
    "not_shown": "Neither: `published` is empty, even where the text names a day without its year or hidden metadata carries a date.",
    "not_checked": "The page could not be looked at again under this rule; `published` holds the date recorded when it was "
                   "first read, if any.",
}
QUALIFIERS = {
    "exact": "The source gives the number as it is.",
    "at_least": "The source says 'more than' or 'over': the true number is at least the value.",
    "at_most": "The source says 'up to' or 'less than': the true number is at most the value.",
    "approximately": "The source says 'about', 'nearly', 'almost' or 'some': the value is rounded.",
}
# What the pages say became of a contest. Set by hand from the pages, never inferred from silence.
CONTEST_STATUSES = {
    "held": "The vote took place: a page reports its result, says it was held, or describes the voting on the day, or a published result shows every contest of the day filled (730 akims elected for the 730 contests of 25 July 2021).",
    "announced_only": "Only pages from before the vote name the contest (a call, a candidate list); none seen reports that the vote took place.",
    "cancelled": "A page says the vote was called off.",
    "repeated": "A page says the vote was held but declared invalid, so a repeat vote was called.",
    "unknown": "The pages leave open whether the vote took place.",
}
# Contest columns that the build fills from the contest's final figures: column -> (measure, stage).
# A contest's numbers live once, in figures (with source, qualifier and the preference policy); the contest row shows them.
CONTEST_FIGURES: dict[str, tuple[str, str]] = {
    "winner_share_pct": ("winner_share_pct", ""),
    "turnout_pct": ("turnout_pct", ""),
    "voters_registered": ("voters_registered", ""),
    "votes_cast": ("votes_cast", ""),
    "candidates": ("candidates", "registered"),
    "votes_against_all": ("votes_against_all", ""),
    "votes_against_all_pct": ("votes_against_all_pct", ""),
    "ballots_invalid": ("ballots_invalid", ""),
    "votes_at_home": ("votes_at_home", ""),
}
# Contest columns that the build copies from the candidate marked elected: column -> candidates column.
CONTEST_WINNER = {"winner_name": "name", "winner_name_latn": "name_latn", "winner_party_id": "party_id", "winner_votes": "votes"}
KATO_MATCHES = {
    "name_ru": "The Russian name, without type words such as 'сельский округ', matches exactly one unit of the district's oblast in KATO.",
    "name_kk": "The Kazakh name, without type words such as 'ауылдық округі', matches exactly one unit of the oblast in KATO.",
    "name_latn": "The name as written in a Latin-script source matches exactly one unit of the oblast in KATO.",
}
DISTRICT_KINDS = {"district": "A district (аудан, район).", "city": "A city of oblast significance with the villages under it (қалалық әкімдік)."}
POST_KINDS = {"rural_district": "A rural district (ауылдық округ, сельский округ) of several villages.",
              "village": "A village or settlement that is its own unit, not part of a rural district (ауыл, кент, село, посёлок; п.а.).",
              "town": "A town of district significance (аудандық маңызы бар қала, г.а.)."}
UNIT_LEVELS = {"sub_district": "A rural district, or a town or village administration, with its own akim.",
               "settlement": "A single settlement (village or town)."}
LANGUAGES = {"kk": "Kazakh (Cyrillic)", "kk-Latn": "Kazakh (Latin)", "ru": "Russian", "ru-Latn": "Russian (Latin transliteration)", "en": "English",
             "ky": "Kyrgyz", "pt": "Portuguese", "it": "Italian", "sv": "Swedish", "uz": "Uzbek", "de": "German", "fr": "French", "zh": "Chinese"}
ELECTION_KINDS = {
    "voting_day": "Votes cast on one day (or, for the indirect rounds of 2013, on a few consecutive days). Where no page gives the day, "
                  "the votes of one oblast are grouped by what is known of the date; votes of different known days never share an election.",
    "period_total": "Not a vote: a total over the voting days of a year or another period, as sources publish it. A single vote never sits here, even where its day is unknown: it belongs to a `voting_day` election of its oblast.",
    "running_total": "Not a vote: a running total since 25 July 2021; each figure gives the date it runs to in `as_of`.",
}
ELECTION_TYPES = {
    "general": "The first nationwide round at the level (25 July 2021 for rural akims, 5 November 2023 for district and city akims).",
    "by_election": "A later election, for a post that fell vacant or whose akim's term ended (the sources seldom say which).",
    "indirect": "Akims chosen by the deputies of the district maslikhat, not by voters.",
    "experimental": "Early experiments before the 2021 reform.",
}
ELECTION_LEVELS = {"rural": "rural districts, villages and towns of district significance",
                   "district": "districts of an oblast (аудан, район)",
                   "city": "cities of oblast (regional) significance, regional centres included"}
# Which contest types an election of each level holds: a contest's type and its election's level agree.
LEVEL_OF_TYPE = {"rural_district": "rural", "village": "rural", "town": "rural", "district": "district", "city": "city"}
assert set(LEVEL_OF_TYPE) == set(CONTEST_TYPES) and set(LEVEL_OF_TYPE.values()) == set(ELECTION_LEVELS), "every contest type has its level"

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KATO_CODE = r"^\d{9}$"
EDTF_PATTERN = edtf.PATTERN
# Patterns too long to read, by the name the codebooks give them.
PATTERN_NAMES = {EDTF_PATTERN: "an ISO 8601-2 (EDTF) date of the forms the description lists"}
# A calendar day or, where only the month is known, a month (ISO 8601 / EDTF level 0: 2021-07-25 or 2023-08).
DAY_OR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"
KATO_EDITION = "NK RK 11-2025, edition of 17 July 2026"


def _enum(vocabulary: dict) -> list[str]:
    return list(vocabulary)


def _id(name: str, what: str, scheme: str) -> dict:
    return {"name": name, "type": "string",
            "description": f"Identifier of the {what}: a lowercase ASCII slug made once from {scheme}; it never changes, even when a value is corrected.",
            "constraints": {"required": True, "unique": True, "pattern": SLUG}}


def _ref(name: str, what: str, required: bool = True) -> dict:
    return {"name": name, "type": "string", "description": f"The {what} (see that table).",
            "constraints": {"required": required, "pattern": SLUG}}


SOURCE_REF = _ref("source_id", "public source that states the values of this row")
NOTE = {"name": "note", "type": "string", "description": "A caveat or definition a user needs about this row, in the project's own words."}


def _bounds(name: str, what: str) -> list[dict]:
    """The first and last day an EDTF date can mean, set by scripts/build.py from it."""
    return [{"name": f"{name}_earliest", "type": "date", "description": f"First day {what} can mean. Set by scripts/build.py from `{name}`.", "x-derived": True},
            {"name": f"{name}_latest", "type": "date", "description": f"Last day {what} can mean. Set by scripts/build.py from `{name}`.", "x-derived": True}]


def _kato(name: str, resource: str, what: str, required: bool = False) -> dict:
    return {"name": name, "type": "string", "description": f"KATO code ({KATO_EDITION}) of the {what} (see the {resource} table).",
            "constraints": {"required": required, "pattern": KATO_CODE}}


def _kato_names(detail: str) -> list[dict]:
    """A KATO row's names as the classifier gives them, and the one Latin form the package makes."""
    return [{"name": "name_kk", "type": "string", "description": f"Kazakh name as KATO gives it{detail}.", "constraints": {"required": True}},
            {"name": "name_ru", "type": "string", "description": f"Russian name as KATO gives it{detail}.", "constraints": {"required": True}},
            {"name": "name_latn", "type": "string", "description": "The Kazakh name in Latin letters, by `akim_elections.translit.kk_latn`.",
             "constraints": {"required": True}}]


def _fk(field: str, resource: str, ref_field: str) -> dict:
    return {"fields": field, "reference": {"resource": resource, "fields": ref_field}}


# --- Tables ------------------------------------------------------------------------------------
def _winner_fields() -> list[dict]:
    """The winner columns of contests: copies of the candidate row marked elected, which is their one home."""
    described = {"winner_name": ("string", "Elected akim, as the source of the candidate row writes the name."),
                 "winner_name_latn": ("string", "The winner's name in Latin letters, made by `akim_elections.translit`."),
                 "winner_party_id": ("string", "Winner's nominating party, or self-nominated (`nur-otan` stands for AMANAT too, the party's name from 2022)."),
                 "winner_votes": ("integer", "Votes for the winner.")}
    fields = []
    for column, (ftype, text) in described.items():
        field = {"name": column, "type": ftype, "x-derived": True,
                 "description": (f"{text} Where the contest has a candidate marked elected, copied by scripts/build.py from that row of "
                                "`candidates`, the winner's one home; without one, as a source gives it (the party of a winner it does not name).")}
        if column == "winner_votes":
            field.update(unit="votes", constraints={"minimum": 0})
        fields.append(field)
    return fields


def _contest_figure_fields() -> list[dict]:
    """The number columns of contests, one per entry of CONTEST_FIGURES, described from the measure they show."""
    fields = []
    for column, (measure, stage) in CONTEST_FIGURES.items():
        unit, meaning = MEASURES[measure]
        at = f" at stage `{stage}`, before any withdrawal: the candidates left on the ballot are the contest's `on_ballot` figure" if stage else ""
        ftype = "number" if unit == "percent" else "integer"
        constraints = {"minimum": 0, "maximum": 100} if unit == "percent" else {"minimum": 1 if measure == "candidates" else 0}
        fields.append({"name": column, "type": ftype, "unit": unit, "constraints": constraints, "x-derived": True,
                       "description": (f"{meaning.rstrip('.')} (measure `{measure}`{at}): the contest's final figure, copied by "
                                       "scripts/build.py from `figures`; never edited here. See `values_inexact` for its precision.")})
    return fields


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
            {"name": "kind", "type": "string", "description": "What sort of publisher this is; its order is the preference policy's.",
             "constraints": {"required": True, "enum": _enum(SOURCE_KINDS)}},
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
        "description": ("Elections that figures and contests refer to. `kind` tells votes (`voting_day`) from the totals sources publish over "
                        "a period or since 2021; filter `kind == 'voting_day'` for votes only. A vote whose day no page gives belongs to "
                        "an election of its oblast and of what is known of its date (`2024-05-rural-akmola`, `xxxx-06-29-rural-turkistan`, "
                        "`undated-rural-pavlodar`)."),
        "primaryKey": ["election_id"],
        "foreignKeys": [_fk("source_id", "sources", "source_id"), _fk("region_id", "regions", "region_id")],
        "fields": [
            _id("election_id", "election", "what is known of its date, its level and, where the day is not known, its oblast "
                "(e.g. 2021-07-25-rural, 2024-05-rural-akmola, xxxx-06-29-rural-turkistan, undated-rural-pavlodar, rural-running-total)"),
            {"name": "name_en", "type": "string", "description": "Name of the election in English.", "constraints": {"required": True}},
            {"name": "kind", "type": "string", "description": "A vote, or a total over votes (see the list).",
             "constraints": {"required": True, "enum": _enum(ELECTION_KINDS)}},
            {"name": "type", "type": "string",
             "description": "Which round a vote belongs to; for a total, the round of the votes it sums, empty where it mixes rounds or a page does not say.",
             "constraints": {"enum": _enum(ELECTION_TYPES)}},
            {"name": "level", "type": "string", "description": "Which akims were chosen.", "constraints": {"required": True, "enum": _enum(ELECTION_LEVELS)}},
            _ref("region_id", "oblast of a vote whose day no page gives (such votes are grouped by oblast); empty for a voting day, "
                 "which may span oblasts, and for totals", required=False),
            {"name": "date", "type": "string",
             "description": ("What is known of the date, in ISO 8601-2 (EDTF): a day `2021-07-25`, a month `2024-05`, a year `2023`, a day "
                             "and month whose year no page gives `XXXX-06-29`, nothing `XXXX-XX-XX`, or a period `2021-07-26/2021-12-31` "
                             "(open-ended: `2021-07-25/..` for a running total, `2022-03-01/..` for a vote known only to be no earlier than a day). "
                             "Filter on `date_earliest` and `date_latest`, never on this text."),
             "constraints": {"required": True, "pattern": EDTF_PATTERN}, "example": "2024-05"},
            {"name": "date_earliest", "type": "date",
             "description": ("First day the election can have been held: the day, or the start of the month, year or period; for a "
                             "date without a year, the first such day after direct elections at the level began (25 July 2021 for rural "
                             "akims, 5 November 2023 for district and city akims) or after the oblast was formed."),
             "constraints": {"required": True}},
            {"name": "date_latest", "type": "date",
             "description": ("Last day the election can have been held: the day, or the end of the month, year or period, or the "
                             "date of a page reporting the vote as held; empty where nothing bounds it.")},
            {"name": "direct", "type": "boolean", "description": "True when voters chose the akims directly.", "constraints": {"required": True}},
            SOURCE_REF,
            NOTE,
        ],
    },
    "regions": {
        "kind": "curated",
        "title": "Regions (oblasts)",
        "description": ("Every oblast that existed on an election day in the package: the 14 of 2021, and Abai, Zhetysu and Ulytau, "
                        "formed on 8 June 2022 from parts of East Kazakhstan, Almaty and Karaganda oblasts."),
        "primaryKey": ["region_id"],
        "foreignKeys": [_fk("formed_from", "regions", "region_id"), _fk("source_id", "sources", "source_id")],
        "fields": [
            _id("region_id", "oblast", "its English name"),
            {"name": "iso_3166_2", "type": "string",
             "description": ("ISO 3166-2 code in force on 25 July 2021 (three letters, 2018–2022). Empty for Abai, Zhetysu and Ulytau: "
                             "they were formed in 2022 and never had a code of that series, so no oblast row carries two codes of 2021."),
             "constraints": {"unique": True, "pattern": r"^KZ-[A-Z]{3}$"}},
            {"name": "iso_3166_2_current", "type": "string",
             "description": "ISO 3166-2 code in force today (two digits, the oblast's KATO prefix; since the ISO 3166-2 change of November 2022), for all 17 oblasts.",
             "constraints": {"required": True, "unique": True, "pattern": r"^KZ-\d{2}$"}},
            {"name": "kato", "type": "string", "description": f"KATO code of the oblast ({KATO_EDITION}).",
             "constraints": {"required": True, "unique": True, "pattern": KATO_CODE}},
            {"name": "name_en", "type": "string", "description": "English name.", "constraints": {"required": True}},
            {"name": "name_kk", "type": "string", "description": "Kazakh name, Cyrillic.", "constraints": {"required": True}},
            {"name": "name_kk_latn", "type": "string", "description": "Kazakh name, Latin alphabet of 2021, made by `akim_elections.translit.kk_latn`.",
             "constraints": {"required": True}},
            {"name": "name_ru", "type": "string", "description": "Russian name (as in 'Акмолинская область' or 'область Абай').", "constraints": {"required": True}},
            {"name": "admin_centre_en", "type": "string", "description": "Administrative centre when the oblast was formed or, for the 14, in 2021.", "constraints": {"required": True}},
            {"name": "valid_from", "type": "date", "description": "First day the oblast existed; empty where it existed before every election of the package."},
            {"name": "valid_to", "type": "date", "description": "Last day the oblast existed; empty where it still exists."},
            _ref("formed_from", "oblast whose territory the oblast was formed from; empty for the 14 oblasts of 2021", required=False),
            {"name": "territory_changed", "type": "date",
             "description": ("Day the oblast lost part of its territory to a new oblast (8 June 2022 for East Kazakhstan, Almaty and Karaganda); "
                             "a figure of the oblast before that day covers more ground than one after it. Empty where the oblast kept its territory.")},
            SOURCE_REF,
            {"name": "other_source_ids", "type": "string",
             "description": "Further sources for this row (ids from the sources table, separated by spaces).",
             "constraints": {"pattern": r"^[a-z0-9-]+( [a-z0-9-]+)*$"}},
            NOTE,
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
            {"name": "aliases", "type": "string", "description": "Other spellings and abbreviations found in sources, separated by ' | '."},
            {"name": "later_names", "type": "string", "description": "Names the party took after 2021, with the year."},
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
            *_bounds("date", "the date"),
            {"name": "event", "type": "string", "description": "What happened, in one line.", "constraints": {"required": True}},
            _ref("election_id", "election the event belongs to, if any", required=False),
            SOURCE_REF,
            NOTE,
        ],
    },
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
            _ref("election_id", "election the figure describes"),
            {"name": "scope", "type": "string", "description": "Level of the place the figure covers.",
             "constraints": {"required": True, "enum": _enum(SCOPES)}},
            _ref("region_id", "oblast (of the election day), for oblast, district and contest figures", required=False),
            _kato("district_kato", "districts", "district, for district and contest figures"),
            {"name": "district_as_written", "type": "string", "description": "The district's name as the source writes it."},
            _ref("contest_id", "contest, for contest figures", required=False),
            {"name": "measure", "type": "string", "description": "What is counted; see the measures list for meaning and unit.",
             "constraints": {"required": True, "enum": _enum(MEASURES)}},
            {"name": "stage", "type": "string", "description": "For candidate counts: the moment of the process the count stands at (see the stages list).",
             "constraints": {"enum": _enum(STAGES)}},
            {"name": "nomination", "type": "string", "description": "How the candidates or winners counted were nominated; empty for all, and empty where `party_id` names the party.",
             "constraints": {"enum": _enum(NOMINATIONS)}},
            _ref("party_id", "nominating party the figure is restricted to (nomination, not membership; the id names the organisation under its 2021 name, so `nur-otan` is AMANAT from 2022, see `parties.later_names`); empty for all", required=False),
            _ref("member_of", "party the people counted belong to, whatever their nomination (membership, as the source states it); empty for all",
                 required=False),
            {"name": "gender", "type": "string", "description": "Gender the figure is restricted to; empty for all.",
             "constraints": {"enum": _enum(GENDERS)}},
            {"name": "incumbency", "type": "string", "description": "Sitting akims or newcomers only; empty for all.",
             "constraints": {"enum": _enum(INCUMBENCIES)}},
            {"name": "unit_type", "type": "string", "description": "Kind of unit whose contests the figure is restricted to; empty for all.",
             "constraints": {"enum": _enum(UNIT_TYPES)}},
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
            *_bounds("as_of", "`as_of`"),
            {"name": "time_of_day", "type": "string", "description": "Local time of day on election day for turnout and other figures reported during the vote (HH:MM).",
             "constraints": {"pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}, "example": "14:00"},
            {"name": "interim", "type": "boolean",
             "description": "True for a figure reported before the final result (during the vote, or a snapshot before a count closed); never preferred over a final one.",
             "constraints": {"required": True}},
            {"name": "value", "type": "number", "description": "The figure as published.", "constraints": {"required": True, "minimum": 0}},
            {"name": "qualifier", "type": "string", "description": "How exact the source says the value is ('more than 2,000' is 2000 with `at_least`).",
             "constraints": {"required": True, "enum": _enum(QUALIFIERS)}},
            {"name": "unit", "type": "string", "description": "Unit of the value; always the unit of the measure.", "constraints": {"required": True}},
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
            _fk("district_kato", "districts", "district_kato"), _fk("kato", "units", "kato"),
            _fk("winner_party_id", "parties", "party_id"), _fk("source_id", "sources", "source_id"),
        ],
        "fields": [
            _id("contest_id", "contest", "its election, its oblast and the place's Latin name without type words"),
            _ref("election_id", "election"),
            _ref("region_id", "oblast on the election day"),
            _kato("district_kato", "districts", "district"),
            {"name": "district_as_written", "type": "string", "description": "The district's name in the source's own words and language; empty where the source does not name it or its wording is not on record (never an English gloss)."},
            {"name": "name_ru", "type": "string", "description": "Rural district, village, town, district or city, in Russian as the source writes it."},
            {"name": "name_kk", "type": "string", "description": "Rural district, village, town, district or city, in Kazakh as the source writes it."},
            {"name": "name_latn", "type": "string",
             "description": ("The place's name in Latin letters, by the package's one scheme (`akim_elections.translit.kk_latn`, the Kazakh Latin "
                             "alphabet of 2021): the Kazakh name KATO gives the contest's unit (for a district or city akim, its district), else the "
                             "source's Kazakh name, else its Russian name; a place named only in Latin letters, with no KATO match, keeps the "
                             "source's spelling. Set by scripts/build.py; never edited by hand."),
             "x-derived": True},
            {"name": "type", "type": "string", "description": "Kind of unit whose akim is elected.", "constraints": {"enum": _enum(CONTEST_TYPES)}},
            _kato("kato", "units", "rural district, village or town, where its name matches one unit of the oblast; empty for a district or city, whose code is `district_kato`"),
            {"name": "kato_match", "type": "string", "description": "Which name gave the KATO code; empty when none matched.",
             "constraints": {"enum": _enum(KATO_MATCHES)}},
            {"name": "status", "type": "string", "description": "What the pages say became of the contest (see the statuses list).",
             "constraints": {"required": True, "enum": _enum(CONTEST_STATUSES)}},
            *_winner_fields(),
            *_contest_figure_fields(),
            {"name": "values_inexact", "type": "string", "x-derived": True,
             "description": ("Columns of this row filled from a figure its source rounds or bounds, with the qualifier "
                             "('votes_cast: at_least'), separated by ' | '; such a value is not an exact count. Set by scripts/build.py.")},
            {"name": "winner_incumbent", "type": "boolean", "description": "True when the winner was the sitting akim."},
            {"name": "winner_gender", "type": "string", "description": "Winner's gender.", "constraints": {"enum": _enum(GENDERS)}},
            {"name": "winner_age", "type": "integer", "description": "Winner's age on election day, as reported.", "unit": "years",
             "constraints": {"minimum": 25, "maximum": 100}},
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
            _ref("contest_id", "contest"),
            {"name": "name", "type": "string", "description": "Candidate's name as the source writes it.", "constraints": {"required": True}},
            {"name": "name_latn", "type": "string", "description": "The name in Latin letters, made by `akim_elections.translit`."},
            _ref("party_id", "nominating party, or self-nominated", required=False),
            {"name": "votes", "type": "integer", "description": "Votes received.", "unit": "votes", "constraints": {"minimum": 0}},
            {"name": "share_pct", "type": "number", "description": "Share of the votes cast.", "unit": "percent", "constraints": {"minimum": 0, "maximum": 100}},
            {"name": "elected", "type": "boolean", "description": "True for the winner."},
            SOURCE_REF,
        ],
    },
    "reconciliations": {
        "kind": "curated",
        "title": "Reconciliations of totals",
        "description": ("Where preferred parts (the oblasts) do not add up to the preferred total (the nation), the recorded "
                        "difference and what is known of its cause. The checks accept exactly this difference and no other."),
        "primaryKey": ["reconciliation_id"],
        "foreignKeys": [_fk("election_id", "elections", "election_id"), _fk("total_figure_id", "figures", "figure_id"),
                        _fk("source_id", "sources", "source_id")],
        "fields": [
            _id("reconciliation_id", "reconciliation", "the election, the measure and what is compared"),
            _ref("election_id", "election"),
            {"name": "measure", "type": "string", "description": "The measure whose parts and total disagree.",
             "constraints": {"required": True, "enum": _enum(MEASURES)}},
            _ref("total_figure_id", "preferred national figure the oblast figures are compared with"),
            {"name": "parts_sum", "type": "number", "description": "Sum of the preferred oblast figures when the difference was recorded.",
             "constraints": {"required": True}},
            {"name": "difference", "type": "number", "description": "Sum of the parts minus the total.", "constraints": {"required": True}},
            {"name": "resolved", "type": "boolean", "description": "True when a source explains the difference.", "constraints": {"required": True}},
            {"name": "explanation", "type": "string", "description": "What is known of the cause, in the project's own words.",
             "constraints": {"required": True}},
            SOURCE_REF,
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
    "districts": {
        "kind": "derived",
        "title": "Districts (derived from KATO)",
        "description": (f"Every district and city of oblast significance in the KATO classifier ({KATO_EDITION}), one canonical name each. "
                        "Built by scripts/build.py from raw/kato; never edit."),
        "primaryKey": ["district_kato"],
        "foreignKeys": [_fk("region_id", "regions", "region_id"), _fk("region_id_2021", "regions", "region_id"),
                        _fk("formed_from", "districts", "district_kato")],
        "fields": [
            _kato("district_kato", "districts", "district", required=True),
            _ref("region_id", "oblast the district belongs to in this KATO edition"),
            _ref("region_id_2021", "oblast the district belonged to on 25 July 2021 (before the 2022 splits)"),
            {"name": "kind", "type": "string", "description": "District or city.", "constraints": {"required": True, "enum": _enum(DISTRICT_KINDS)}},
            *_kato_names(""),
            _kato("formed_from", "districts", "district whose territory the district was split off from after 25 July 2021 (see district_changes)"),
            {"name": "valid_from", "type": "date",
             "description": ("Day the district came into being, for a district formed after 25 July 2021 where a source gives the day the change "
                             "took effect (see district_changes); empty for a district that existed on 25 July 2021, or whose day is not known.")},
            {"name": "valid_to", "type": "date",
             "description": "Last day the district existed; empty, since every district of this KATO edition still exists."},
            {"name": "territory_changed", "type": "string",
             "description": ("Days (ISO dates, separated by spaces) on which part of the district was split off into a new district since "
                             "25 July 2021: the day the change took effect or, where no source gives it, the day the decree was signed (the change "
                             "took effect then or soon after). A figure of the district before such a day covers more ground than one after it. "
                             "Empty where the district kept its territory."),
             "constraints": {"pattern": r"^\d{4}-\d{2}-\d{2}( \d{4}-\d{2}-\d{2})*$"}},
        ],
    },
    "district_changes": {
        "kind": "curated",
        "title": "Districts formed since 2021 (crosswalk)",
        "description": ("Every district or city of oblast significance of the KATO edition that was split off from another after 25 July 2021. "
                        "Each was formed whole from one district, so every unit now in it lay in `formed_from` before the change: this is the "
                        "crosswalk from a unit's current KATO code to its district of an earlier day, used by the checks of contests and figures."),
        "primaryKey": ["district_kato"],
        "foreignKeys": [_fk("district_kato", "districts", "district_kato"), _fk("formed_from", "districts", "district_kato"),
                        _fk("source_id", "sources", "source_id")],
        "fields": [
            _kato("district_kato", "districts", "district formed", required=True),
            _kato("formed_from", "districts", "district it was split off from (its code in this KATO edition)", required=True),
            {"name": "signed", "type": "date", "description": "Day the presidential decree was signed: the change took effect on it or later.",
             "constraints": {"required": True}},
            {"name": "in_force", "type": "date",
             "description": "Day the change took effect; empty where the decree took effect on its first official publication and no source gives that day."},
            SOURCE_REF,
            {"name": "other_source_ids", "type": "string",
             "description": "Further sources for this row (ids from the sources table, separated by spaces).",
             "constraints": {"pattern": r"^[a-z0-9-]+( [a-z0-9-]+)*$"}},
            NOTE,
        ],
    },
    "units": {
        "kind": "derived",
        "title": "Rural districts, villages and towns (derived from KATO)",
        "description": (f"The KATO units ({KATO_EDITION}) that a contest names: code, district and names as KATO gives them. "
                        "Built by scripts/build.py from raw/kato; never edit."),
        "primaryKey": ["kato"],
        "foreignKeys": [_fk("district_kato", "districts", "district_kato"), _fk("district_kato_2021", "districts", "district_kato"),
                        _fk("post_kato", "posts", "kato")],
        "fields": [
            _kato("kato", "units", "unit", required=True),
            _kato("district_kato", "districts", "district the unit lies in", required=True),
            _kato("district_kato_2021", "districts", "district the unit lay in on 25 July 2021 (through district_changes)", required=True),
            _kato("post_kato", "posts", "akim post the unit belongs to: the unit itself, or for a village or town the rural district or "
                  "administration it is part of", required=True),
            {"name": "level", "type": "string", "description": "KATO level of the unit.", "constraints": {"required": True, "enum": _enum(UNIT_LEVELS)}},
            *_kato_names(" (abbreviated type words included)"),
        ],
    },
    "posts": {
        "kind": "derived",
        "title": "Rural-level akim posts (derived from KATO)",
        "description": (f"Every unit of the KATO classifier ({KATO_EDITION}) whose akim is elected at the rural level: rural districts, "
                        "villages and settlements that are their own unit, towns of district significance. It is the KATO edition's "
                        "list, not the list of 2021: units merged, split or renamed since then appear as they are now. "
                        "Built by scripts/build.py from raw/kato; never edit."),
        "primaryKey": ["kato"],
        "foreignKeys": [_fk("district_kato", "districts", "district_kato"), _fk("district_kato_2021", "districts", "district_kato"),
                        _fk("region_id", "regions", "region_id"), _fk("region_id_2021", "regions", "region_id")],
        "fields": [
            _kato("kato", "posts", "post: a sub-district (digits 7-9 zero), or a town KATO lists only as a settlement", required=True),
            _kato("district_kato", "districts", "district the unit lies in", required=True),
            _kato("district_kato_2021", "districts", "district the unit lay in on 25 July 2021 (through district_changes)", required=True),
            _ref("region_id", "oblast the unit belongs to in this KATO edition"),
            _ref("region_id_2021", "oblast the unit belonged to on 25 July 2021 (before the 2022 splits)"),
            {"name": "kind", "type": "string", "description": "Kind of post.", "constraints": {"required": True, "enum": _enum(POST_KINDS)}},
            *_kato_names(" (abbreviated type words included)"),
        ],
    },
    "regional_summary": {
        "kind": "derived",
        "title": "Regional summary (derived)",
        "description": "Final regional figures (the `final` flag) pivoted wide, one row per election and oblast, with each inexact cell named and contest-level coverage. Built by scripts/build.py; never edit.",
        "primaryKey": ["election_id", "region_id"],
        "foreignKeys": [_fk("election_id", "elections", "election_id"), _fk("region_id", "regions", "region_id")],
        "fields": [
            _ref("election_id", "election"),
            _ref("region_id", "oblast"),
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
        _ref("election_id", "election"),
        _ref("region_id", "oblast"),
        {"name": "column", "type": "string", "description": "Column of the regional summary.", "constraints": {"required": True}},
        {"name": "part", "type": "string",
         "description": "`all` where one figure fills the cell; for a cell summed from an oblast's counts by type of unit (it publishes no total), the type of unit of this part.",
         "constraints": {"required": True, "enum": ["all", *UNIT_TYPES]}},
        _ref("figure_id", "final figure in that cell (or in that part of it)"),
        {"name": "qualifier", "type": "string", "description": "How exact that figure is (see the figures table): a cell is exact only when all its figures are.",
         "constraints": {"required": True, "enum": _enum(QUALIFIERS)}},
        _ref("source_id", "source of that figure"),
        {"name": "kind", "type": "string", "description": "Kind of that source (its grade under the preference policy).",
         "constraints": {"required": True, "enum": _enum(SOURCE_KINDS)}},
    ],
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
        _ref("contest_id", "contest"),
        {"name": "column", "type": "string", "description": "Column of the contests table that shows the copied value.",
         "constraints": {"required": True, "enum": [*CONTEST_FIGURES, *CONTEST_WINNER]}},
        _ref("figure_id", "final figure the column copies; empty for a winner column", required=False),
        _ref("candidate_id", "candidate marked elected whose value the column copies; empty for a number column", required=False),
        {"name": "qualifier", "type": "string", "description": "How exact the copied figure is (see the figures table); empty for a candidate's value.",
         "constraints": {"enum": _enum(QUALIFIERS)}},
        _ref("source_id", "source of that figure or candidate"),
        {"name": "kind", "type": "string", "description": "Kind of that source (its grade under the preference policy).",
         "constraints": {"required": True, "enum": _enum(SOURCE_KINDS)}},
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
    {"name": "measures_missing", "type": "string", "description": "Figure columns of this row with no preferred figure, separated by ' | '."},
    {"name": "measures_inexact", "type": "string",
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

# Order in which tables appear in the descriptor (referenced tables first).
TABLE_ORDER = ["sources", "elections", "regions", "districts", "district_changes", "units", "posts", "parties", "events", "figures", "contests", "candidates",
               "reconciliations", "id_map", "regional_summary", "summary_sources", "contest_sources"]
assert set(TABLE_ORDER) == set(TABLES)

VOCABULARIES = {
    "measure": {k: f"{v[1]} Unit: {v[0]}." for k, v in MEASURES.items()},
    "stage": STAGES, "nomination": NOMINATIONS, "gender": GENDERS, "incumbency": INCUMBENCIES, "unit_type": UNIT_TYPES,
    "dimension": {d: ", ".join(f"`{c}`" for c in v) for d, v in RARE_DIMENSIONS.items()}, "category": CATEGORIES, "scope": SCOPES,
    "kind": {**SOURCE_KINDS, **DISTRICT_KINDS, **ELECTION_KINDS}, "type": {**ELECTION_TYPES, **CONTEST_TYPES},
    "level": {**ELECTION_LEVELS, **UNIT_LEVELS}, "language": LANGUAGES, "qualifier": QUALIFIERS,
    "published_status": PUBLISHED_STATUSES, "kato_match": KATO_MATCHES, "status": CONTEST_STATUSES,
}


# Units that count whole things; every other unit (percent, years, candidates per contest, money) is a decimal quantity.
COUNT_UNITS = frozenset(u for u, _ in MEASURES.values()) - {"percent", "years", "candidates per contest", "USD", "KZT"}

# Columns the exports (SQLite, Parquet, xlsx) add after a field of the package, typed so that counts read back as integers.
EXPORT_FIELDS = {"figures": {"value": [
    {"name": "count", "type": "integer", "unit": "count",
     "description": ("`value` as a whole number where the unit counts things (contests, candidates, winners, voters...): read counts here. "
                     "Empty where the unit is percent or another quantity (years, candidates per contest, money); `value` holds those.")}]}}


def unit_of(measure: str) -> str:
    """The unit every figure of ``measure`` must carry."""
    return MEASURES[measure][0]
