"""The controlled vocabularies: every value a coded column may take, with its meaning (codebook, enums, docs).

Each is a dict value -> meaning; the field that uses one declares it as its enum (see ``fields._enum``)."""

from __future__ import annotations

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
    "akim_posts": ("akim posts", "All akim posts of rural level (villages, rural districts, towns of district significance), elected or not; a page that calls them all 'rural districts' still counts this, with `post_type` empty."),
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
BREAKDOWNS = ("stage", "nomination", "party_id", "member_of", "gender", "incumbency", "post_type", "dimension", "category")

SCOPES = {"national": "All of Kazakhstan.", "region": "One oblast.", "district": "One district of an oblast.",
          "contest": "One contest (see `contest_id`)."}
# In the order of the preference policy (see akim_elections.build.preference): earlier kinds are preferred.
PUBLISHER_KINDS = {
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
    "at_most": "The source says 'up to', 'less than', 'almost' or 'nearly': the true number is at most the value.",
    "approximately": "The source says 'about', 'around' or 'some': the value is rounded, either way.",
}
# What the pages say became of a contest. Set by hand from the pages, never inferred from silence.
CONTEST_STATUSES = {
    "held": "The vote took place: a page reports its result, says it was held, or describes the voting on the day, or a published result shows every contest of the day filled (730 akims elected for the 730 contests of 25 July 2021).",
    "announced_only": "Only pages from before the vote name the contest (a call, a candidate list); none seen reports that the vote took place.",
    "cancelled": "A page says the vote was called off.",
    "repeated": "A page says the vote was held but declared invalid, so a repeat vote was called.",
    "unknown": "The pages leave open whether the vote took place.",
}
KATO_MATCHES = {
    "name_ru": "The Russian name, without type words such as 'сельский округ', matches exactly one unit of the district's oblast in KATO.",
    "name_kk": "The Kazakh name, without type words such as 'ауылдық округі', matches exactly one unit of the oblast in KATO.",
    "name_latn": "The name as written in a Latin-script source matches exactly one unit of the oblast in KATO.",
}
DISTRICT_TYPES = {"district": "A district (аудан, район).", "city": "A city of oblast significance with the villages under it (қалалық әкімдік)."}
# Kinds of akim post, one vocabulary for every table (posts and figures hold the rural three).
POST_TYPES = {"rural_district": "A rural district (ауылдық округ, сельский округ) of several villages.",
              "village": "A village or settlement that is its own unit, not part of a rural district (ауыл, кент, село, посёлок; п.а.).",
              "town": "A town of district significance (аудандық маңызы бар қала, г.а.).",
              "district": "district of an oblast (аудан, район): its akim is elected directly since the pilot of 5 November 2023",
              "city": "city of oblast significance (облыстық маңызы бар қала), a regional centre among them since Semey in 2025"}
RURAL_POST_TYPES = ["rural_district", "village", "town"]
# The parts of a regional summary cell (summary_sources.part): the whole cell, or one type of rural unit it was summed from.
SUMMARY_PARTS = {"all": "One figure fills the cell.", **{t: POST_TYPES[t] for t in RURAL_POST_TYPES}}
KATO_LEVELS = {"sub_district": "A rural district, or a town or village administration, with its own akim.",
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
AKIM_LEVELS = {"rural": "rural districts, villages and towns of district significance",
                   "district": "districts of an oblast (аудан, район)",
                   "city": "cities of oblast (regional) significance, regional centres included"}
# Which posts an election of each level fills: a contest's post_type and its election's akim_level agree.
LEVEL_OF_POST_TYPE = {"rural_district": "rural", "village": "rural", "town": "rural", "district": "district", "city": "city"}
assert set(LEVEL_OF_POST_TYPE) == set(POST_TYPES) and set(LEVEL_OF_POST_TYPE.values()) == set(AKIM_LEVELS), "every post type has its level"

VOCABULARIES = {
    "measure": {k: f"{v[1]} Unit: {v[0]}." for k, v in MEASURES.items()},
    "stage": STAGES, "nomination": NOMINATIONS, "gender": GENDERS, "incumbency": INCUMBENCIES, "post_type": POST_TYPES,
    "dimension": {d: ", ".join(f"`{c}`" for c in v) for d, v in RARE_DIMENSIONS.items()}, "category": CATEGORIES, "scope": SCOPES,
    "publisher_kind": PUBLISHER_KINDS, "district_type": DISTRICT_TYPES, "election_kind": ELECTION_KINDS, "election_type": ELECTION_TYPES,
    "akim_level": AKIM_LEVELS, "kato_level": KATO_LEVELS, "language": LANGUAGES, "qualifier": QUALIFIERS,
    "published_status": PUBLISHED_STATUSES, "kato_match": KATO_MATCHES, "status": CONTEST_STATUSES,
    "winner_gender": GENDERS, "part": SUMMARY_PARTS,
}


# Units that count whole things; every other unit (percent, years, candidates per contest, money) is a decimal quantity.
COUNT_UNITS = frozenset(u for u, _ in MEASURES.values()) - {"percent", "years", "candidates per contest", "USD", "KZT"}
