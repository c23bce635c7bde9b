"""Published totals: the national results of 25 July 2021 the package holds itself to, and their arithmetic."""

from __future__ import annotations

from .sql import _PREFERRED_FINAL, PUBLISHED, Rule, _breakdown, _final, _total

NATIONAL_CONTESTS = 730
# The published national results the package holds itself to (preferred figures must equal them).
PARTY_TALLY = {"nur-otan": 627, "auyl": 33, "adal": 15, "ak-zhol": 11, "peoples-party": 10, "osdp": 1}
CANDIDATES = {"registered": 2297, "self-nominated": 1419, "party_nominated": 878, "male": 1839, "female": 458}

RULES: list[Rule] = [
    Rule("national-contests", "figures", f"The preferred national number of contests on 25 July 2021 is {NATIONAL_CONTESTS}.",
         f"SELECT 'national contests' AS subject, {NATIONAL_CONTESTS} AS expected, {_final()} AS observed", kind=PUBLISHED),
    Rule("national-winners", "figures", f"The preferred national number of winners on 25 July 2021 is {NATIONAL_CONTESTS}.",
         f"SELECT 'national winners' AS subject, {NATIONAL_CONTESTS} AS expected, {_final(measure='winners')} AS observed", kind=PUBLISHED),
    Rule("national-party-tally", "figures",
         "Preferred national winners by party: Nur Otan 627, Auyl 33, Adal 15, Ak Zhol 11, People's Party 10, OSDP 1.",
         " UNION ALL ".join(f"SELECT 'winners {p}', {n}, {_final(measure='winners', party_id=p)}" for p, n in PARTY_TALLY.items()), kind=PUBLISHED),
    Rule("national-parties-add-up", "figures",
         "Winners of all parties never exceed the national winners; with self-nominated winners known, they add up exactly.",
         f"""SELECT 'party winners <= national winners' AS subject, {_final(measure='winners')} AS expected,
                    (SELECT SUM(value) FROM ({_PREFERRED_FINAL}) WHERE scope = 'national' AND measure = 'winners'
                       AND party_id IS NOT NULL AND {_total("", "party_id")}) AS observed
            UNION ALL
            SELECT 'parties + self-nominated = national winners', {_final(measure='winners')},
                   (SELECT SUM(value) FROM ({_PREFERRED_FINAL}) WHERE scope = 'national' AND measure = 'winners'
                       AND (party_id IS NOT NULL AND {_total("", "party_id")} OR {_breakdown(nomination="self")}))
            WHERE {_final(measure='winners', nomination='self')} IS NOT NULL""", "le"),
    Rule("national-candidates", "figures",
         "Registered candidates: 2,297, of them 1,419 self-nominated and 878 party-nominated, 1,839 men and 458 women.",
         f"""SELECT 'registered' AS subject, {CANDIDATES['registered']} AS expected, {_final(measure='candidates', stage='registered')} AS observed
            UNION ALL SELECT 'registered self-nominated', {CANDIDATES['self-nominated']}, {_final(measure='candidates', stage='registered', nomination='self')}
            UNION ALL SELECT 'registered party-nominated', {CANDIDATES['party_nominated']}, {_final(measure='candidates', stage='registered', nomination='party')}
            UNION ALL SELECT 'registered men', {CANDIDATES['male']}, {_final(measure='candidates', stage='registered', gender='male')}
            UNION ALL SELECT 'registered women', {CANDIDATES['female']}, {_final(measure='candidates', stage='registered', gender='female')}""",
         kind=PUBLISHED),
    Rule("national-candidates-add-up", "figures",
         "The preferred national registered candidates add up: self-nominated + party-nominated = men + women = all registered.",
         f"""SELECT 'self + party = registered' AS subject, {_final(measure='candidates', stage='registered')} AS expected,
                {_final(measure='candidates', stage='registered', nomination='self')} + {_final(measure='candidates', stage='registered', nomination='party')}
            UNION ALL SELECT 'men + women = registered', {_final(measure='candidates', stage='registered')},
                {_final(measure='candidates', stage='registered', gender='male')} + {_final(measure='candidates', stage='registered', gender='female')}"""),
]
