"""The election's arithmetic, each rule written once: id, table, meaning, and the SQL that measures it.

Every cross-table rule is a query over an in-memory SQLite copy of the package returning rows of
(subject, expected, observed). Great Expectations then checks, per rule, that observed equals
expected ("eq") or does not exceed it ("le"); offending rows are the report's examples. Column rules
(ranges, uniqueness) come from the schema itself, see ``akim_elections.validate``.

Plain data and strings: importing this module costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .places import FORMED_2022, FORMED_ON, OBLAST_BY_PREFIX
from .schema import BREAKDOWNS, RARE_DIMENSIONS

MAIN = "2021-07-25-rural"
NATIONAL_CONTESTS = 730
# The published national results the package holds itself to (preferred figures must equal them).
PARTY_TALLY = {"nur-otan": 627, "auyl": 33, "adal": 15, "ak-zhol": 11, "peoples-party": 10, "osdp": 1}
CANDIDATES = {"registered": 2297, "self-nominated": 1419, "party_nominated": 878, "male": 1839, "female": 458}
OBLASTS = ("akmola", "aktobe", "almaty-region", "atyrau", "east-kazakhstan", "zhambyl", "west-kazakhstan",
           "karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "north-kazakhstan", "turkistan")
OBLASTS_2022 = tuple(FORMED_2022)  # formed on FORMED_ON
CONTEST_TYPES = ("rural_district", "village", "town")


@dataclass(frozen=True)
class Rule:
    id: str
    table: str
    meaning: str
    sql: str
    compare: str = "eq"  # "eq": observed = expected; "le": observed <= expected


_FINAL = "final = 1 AND as_of_date IS NULL"  # a figure to quote, of the election as a whole


def _breakdown(t: str = "", **dims) -> str:
    """SQL: the figure (alias ``t``) has exactly these breakdowns and every other breakdown empty."""
    return " AND ".join(f"{t}{c} IS NULL" if dims.get(c) is None else f"{t}{c} = '{dims[c]}'" for c in BREAKDOWNS)


def _total(t: str = "", *free: str) -> str:
    """SQL: every breakdown of ``t`` empty except the columns in ``free``."""
    return " AND ".join(f"{t}{c} IS NULL" for c in BREAKDOWNS if c not in free)


def _same_breakdown(a: str, b: str, *free: str) -> str:
    """SQL: figures ``a`` and ``b`` have the same breakdowns, except the columns in ``free``."""
    return " AND ".join(f"IFNULL({a}{c},'') = IFNULL({b}{c},'')" for c in BREAKDOWNS if c not in free)


def _final(scope: str = "national", measure: str = "contests", *, region: str | None = None, **dims) -> str:
    """SQL for the final figure of the main election with exactly this breakdown."""
    where = " AND ".join([
        f"election_id = '{MAIN}'", f"scope = '{scope}'", f"measure = '{measure}'", _FINAL, _breakdown(**dims),
        region if region else "region_id IS NULL",
    ])
    return f"(SELECT value FROM figures WHERE {where})"


# Oblast contest count: the preferred total, or else the sum of its preferred counts by type of unit.
_REGION_CONTESTS = f"""
    SELECT r.region_id,
           COALESCE({_final("region", "contests", region="region_id = r.region_id")},
                    (SELECT SUM(value) FROM figures f WHERE f.election_id = '{MAIN}' AND f.scope = 'region'
                       AND f.region_id = r.region_id AND f.measure = 'contests' AND f.final = 1 AND f.as_of_date IS NULL
                       AND f.unit_type IN {CONTEST_TYPES} AND {_total("f.", "unit_type")})) AS contests
    FROM regions r"""

_PREFERRED_FINAL = f"""
    SELECT * FROM figures WHERE election_id = '{MAIN}' AND {_FINAL}"""

# A district is one place under all its spellings: its KATO code.
_DISTRICT = "IFNULL({t}district_kato, '')"
# The same thing (see akim_elections.preference.GROUP); a fact adds its value and its source.
def _group(t: str = "") -> str:
    return (f"{t}election_id, {t}scope, IFNULL({t}region_id,''), IFNULL({t}district_kato,''), IFNULL({t}contest_id,''), {t}measure, "
            + "".join(f"IFNULL({t}{c},''), " for c in BREAKDOWNS) + f"IFNULL({t}as_of_date,''), IFNULL({t}time_of_day,'')")


_GROUP = _group()
_FACT = _GROUP + ", value, source_id"

_CURATED_WITH_SOURCES = ("elections", "regions", "parties", "events", "figures", "contests", "candidates", "reconciliations")
_PK = {"elections": "election_id", "regions": "region_id", "parties": "party_id", "events": "event_id", "figures": "figure_id",
       "contests": "contest_id", "candidates": "candidate_id", "reconciliations": "reconciliation_id"}
# After the 2022 splits a district of a new oblast sits in it (the district's KATO prefix names the oblast).
_IN_WRONG_NEW_OBLAST = " OR ".join(f"(substr(x.{{district}}, 1, 2) = '{prefix}' AND x.region_id <> '{region}')"
                                   for prefix, region in OBLAST_BY_PREFIX.items() if region in FORMED_2022)
# The day a row's oblast must have existed on: its election's first day.
_REGION_OF_DAY = """
    SELECT '{t}: ' || x.{pk} || ' in ' || x.region_id AS subject, 1 AS expected,
           e.date_start IS NULL  -- a day no source gives: the oblast is the one the source names
           OR ((r.valid_from IS NULL OR e.date_start >= r.valid_from) AND (r.valid_to IS NULL OR e.date_start <= r.valid_to)
               AND NOT (e.date_start >= '""" + FORMED_ON + """' AND x.{district} IS NOT NULL AND (""" + _IN_WRONG_NEW_OBLAST + """))) AS observed
    FROM {t} x JOIN regions r ON r.region_id = x.region_id JOIN elections e ON e.election_id = x.election_id"""


def _sources_exist() -> str:
    parts = [f"SELECT '{t}: ' || {_PK[t]} || ' cites ' || IFNULL(source_id, '(none)') AS subject, 1 AS expected, "
             f"(source_id IN (SELECT source_id FROM sources)) AS observed FROM {t}" for t in _CURATED_WITH_SOURCES]
    return " UNION ALL ".join(parts)


RULES: list[Rule] = [
    Rule("national-contests", "figures", f"The preferred national number of contests on 25 July 2021 is {NATIONAL_CONTESTS}.",
         f"SELECT 'national contests' AS subject, {NATIONAL_CONTESTS} AS expected, {_final()} AS observed"),
    Rule("national-winners", "figures", f"The preferred national number of winners on 25 July 2021 is {NATIONAL_CONTESTS}.",
         f"SELECT 'national winners' AS subject, {NATIONAL_CONTESTS} AS expected, {_final(measure='winners')} AS observed"),
    Rule("national-party-tally", "figures",
         "Preferred national winners by party: Nur Otan 627, Auyl 33, Adal 15, Ak Zhol 11, People's Party 10, OSDP 1.",
         " UNION ALL ".join(f"SELECT 'winners {p}', {n}, {_final(measure='winners', party_id=p)}" for p, n in PARTY_TALLY.items())),
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
         "Registered candidates: 2,297 = 1,419 self-nominated + 878 party-nominated = 1,839 men + 458 women.",
         f"""SELECT 'registered' AS subject, {CANDIDATES['registered']} AS expected, {_final(measure='candidates', stage='registered')} AS observed
            UNION ALL SELECT 'registered self-nominated', {CANDIDATES['self-nominated']}, {_final(measure='candidates', stage='registered', nomination='self')}
            UNION ALL SELECT 'registered party-nominated', {CANDIDATES['party_nominated']}, {_final(measure='candidates', stage='registered', nomination='party')}
            UNION ALL SELECT 'registered men', {CANDIDATES['male']}, {_final(measure='candidates', stage='registered', gender='male')}
            UNION ALL SELECT 'registered women', {CANDIDATES['female']}, {_final(measure='candidates', stage='registered', gender='female')}
            UNION ALL SELECT 'self + party = registered', {_final(measure='candidates', stage='registered')},
                {_final(measure='candidates', stage='registered', nomination='self')} + {_final(measure='candidates', stage='registered', nomination='party')}
            UNION ALL SELECT 'men + women = registered', {_final(measure='candidates', stage='registered')},
                {_final(measure='candidates', stage='registered', gender='male')} + {_final(measure='candidates', stage='registered', gender='female')}"""),
    Rule("oblasts-of-every-day", "regions",
         "The 14 oblasts of 2021 exist from before the first election; Abai, Zhetysu and Ulytau from 8 June 2022; no other oblast.",
         f"""SELECT 'oblasts' AS subject, 17 AS expected, (SELECT COUNT(*) FROM regions) AS observed
            UNION ALL SELECT 'oblasts of 2021', 14, (SELECT COUNT(*) FROM regions WHERE region_id IN {OBLASTS} AND valid_from IS NULL)
            UNION ALL SELECT 'oblasts formed {FORMED_ON}', 3, (SELECT COUNT(*) FROM regions WHERE region_id IN {OBLASTS_2022} AND valid_from = '{FORMED_ON}')"""),
    Rule("oblast-of-the-day", "contests",
         "Every contest and figure sits in an oblast that existed on its election day, and after 8 June 2022 a district of Abai, "
         "Zhetysu or Ulytau sits in that oblast.",
         _REGION_OF_DAY.format(t="contests", pk="contest_id", district="district_kato") + " UNION ALL "
         + _REGION_OF_DAY.format(t="figures", pk="figure_id", district="district_kato")),
    Rule("regional-contests-sum", "figures",
         "The oblasts' preferred contest counts add up to the national count plus the difference recorded in reconciliations.",
         f"""SELECT 'sum of oblast contests' AS subject,
                    {_final()} + IFNULL((SELECT difference FROM reconciliations WHERE election_id = '{MAIN}' AND measure = 'contests'), 0) AS expected,
                    (SELECT SUM(contests) FROM ({_REGION_CONTESTS})) AS observed
            UNION ALL
            SELECT 'recorded parts_sum is the current sum', (SELECT SUM(contests) FROM ({_REGION_CONTESTS})), parts_sum
            FROM reconciliations WHERE election_id = '{MAIN}' AND measure = 'contests'"""),
    Rule("regional-party-tally", "figures",
         "In each oblast, winners by party never exceed the winners; where self-nominated winners are known they add up exactly.",
         f"""SELECT w.region_id || ' parties <= winners' AS subject, w.value AS expected, SUM(p.value) AS observed
            FROM ({_PREFERRED_FINAL}) w JOIN ({_PREFERRED_FINAL}) p ON p.region_id = w.region_id
            WHERE w.scope = 'region' AND w.measure = 'winners' AND {_total("w.")}
              AND p.scope = 'region' AND p.measure = 'winners' AND p.party_id IS NOT NULL AND {_total("p.", "party_id")}
            GROUP BY w.region_id
            UNION ALL
            SELECT w.region_id || ' parties + self-nominated = winners', -(SUM(p.value) + s.value), -w.value
            FROM ({_PREFERRED_FINAL}) w JOIN ({_PREFERRED_FINAL}) p ON p.region_id = w.region_id
            JOIN ({_PREFERRED_FINAL}) s ON s.region_id = w.region_id AND s.scope = 'region' AND s.measure = 'winners'
             AND {_breakdown("s.", nomination="self")}
            WHERE w.scope = 'region' AND w.measure = 'winners' AND {_total("w.")}
              AND p.scope = 'region' AND p.measure = 'winners' AND p.party_id IS NOT NULL AND {_total("p.", "party_id")}
            GROUP BY w.region_id""", "le"),
    Rule("regional-party-vs-national", "figures", "Summed over oblasts, each party's winners never exceed its national tally.",
         f"""SELECT 'winners ' || r.party_id AS subject, n.value AS expected, SUM(r.value) AS observed
            FROM ({_PREFERRED_FINAL}) r JOIN ({_PREFERRED_FINAL}) n ON n.party_id = r.party_id
            WHERE r.scope = 'region' AND r.measure = 'winners' AND r.party_id IS NOT NULL AND {_total("r.", "party_id")}
              AND n.scope = 'national' AND n.measure = 'winners' AND {_total("n.", "party_id")}
            GROUP BY r.party_id""", "le"),
    Rule("registered-le-nominated", "figures",
         "For the same place and breakdown, registered candidates never exceed nominated ones, and those on the ballot never exceed registered ones.",
         f"""SELECT a.figure_id || ' (' || a.stage || ' vs ' || b.figure_id || ')' AS subject, b.value AS expected, a.value AS observed
            FROM ({_PREFERRED_FINAL}) a JOIN ({_PREFERRED_FINAL}) b
              ON a.measure = 'candidates' AND b.measure = 'candidates' AND a.scope = b.scope
             AND IFNULL(a.region_id,'') = IFNULL(b.region_id,'') AND {_DISTRICT.format(t='a.')} = {_DISTRICT.format(t='b.')}
             AND IFNULL(a.contest_id,'') = IFNULL(b.contest_id,'')
             AND {_same_breakdown("a.", "b.", "stage")}
            WHERE (a.stage = 'registered' AND b.stage = 'nominated') OR (a.stage = 'on_ballot' AND b.stage = 'registered')""", "le"),
    Rule("interim-le-final-turnout", "figures", "Turnout at a time of day never exceeds the final turnout of the same place.",
         f"""SELECT i.figure_id || ' at ' || i.time_of_day AS subject, f.value AS expected, i.value AS observed
            FROM figures i JOIN figures f
              ON i.election_id = f.election_id AND i.scope = f.scope AND IFNULL(i.region_id,'') = IFNULL(f.region_id,'')
             AND {_DISTRICT.format(t='i.')} = {_DISTRICT.format(t='f.')} AND IFNULL(i.contest_id,'') = IFNULL(f.contest_id,'')
            WHERE i.measure = 'turnout_pct' AND f.measure = 'turnout_pct' AND i.preferred = 1 AND f.preferred = 1
              AND i.time_of_day IS NOT NULL AND f.interim = 0 AND f.time_of_day IS NULL AND f.as_of_date IS NULL""", "le"),
    Rule("percent-within-0-100", "figures", "Every figure in percent lies within 0 to 100.",
         """SELECT figure_id AS subject, 100 AS expected, value AS observed FROM figures WHERE unit = 'percent'
            UNION ALL SELECT figure_id, 0, -value FROM figures WHERE unit = 'percent'""", "le"),
    Rule("votes-le-voters", "contests",
         "In a contest, the winner's votes never exceed the votes cast, and the votes cast never exceed the registered voters.",
         """SELECT contest_id || ' winner_votes <= votes_cast' AS subject, votes_cast AS expected, winner_votes AS observed
              FROM contests WHERE winner_votes IS NOT NULL AND votes_cast IS NOT NULL
            UNION ALL SELECT contest_id || ' votes_cast <= voters_registered', voters_registered, votes_cast
              FROM contests WHERE votes_cast IS NOT NULL AND voters_registered IS NOT NULL
            UNION ALL SELECT c.contest_id || ' candidates'' votes <= votes_cast', c.votes_cast, SUM(k.votes)
              FROM contests c JOIN candidates k ON k.contest_id = c.contest_id
              WHERE c.votes_cast IS NOT NULL AND k.votes IS NOT NULL GROUP BY c.contest_id""", "le"),
    Rule("one-winner-per-contest", "candidates", "Every contest whose candidates' results are listed has exactly one elected candidate.",
         """SELECT contest_id AS subject, 1 AS expected, SUM(CASE WHEN elected = 1 THEN 1 ELSE 0 END) AS observed
            FROM candidates GROUP BY contest_id HAVING COUNT(elected) > 0"""),
    Rule("contests-within-oblast-count", "contests",
         "The contests listed for an oblast never exceed its preferred contest count (and equal it where every winner is named).",
         f"""SELECT rc.region_id AS subject, rc.contests AS expected,
                    (SELECT COUNT(*) FROM contests c WHERE c.election_id = '{MAIN}' AND c.region_id = rc.region_id) AS observed
            FROM ({_REGION_CONTESTS}) rc WHERE rc.contests IS NOT NULL
            UNION ALL
            SELECT rc.region_id || ' complete', -rc.contests,
                   -(SELECT COUNT(*) FROM contests c WHERE c.election_id = '{MAIN}' AND c.region_id = rc.region_id)
            FROM ({_REGION_CONTESTS}) rc
            WHERE rc.contests = (SELECT COUNT(*) FROM contests c WHERE c.election_id = '{MAIN}' AND c.region_id = rc.region_id
                                 AND c.winner_name IS NOT NULL)""", "le"),
    Rule("one-preferred-per-group", "figures",
         "Exactly one preferred figure per election x scope x place x measure x breakdown x time (none where all are rejected); a rejected figure is never preferred.",
         f"""SELECT MIN(figure_id) || ' and its group' AS subject,
                    MAX(CASE WHEN rejected = 0 THEN 1 ELSE 0 END) AS expected, SUM(preferred) AS observed
            FROM figures GROUP BY {_GROUP}
            UNION ALL SELECT figure_id || ' rejected and preferred', 0, 1 FROM figures WHERE rejected = 1 AND preferred = 1"""),
    Rule("one-fact-one-row", "figures",
         "No two figures share election, place, measure, breakdown, time, value and source (a user who counts rows never counts one fact twice).",
         f"""SELECT MIN(figure_id) || ' and ' || (COUNT(*) - 1) || ' more' AS subject, 1 AS expected, COUNT(*) AS observed
            FROM figures GROUP BY {_FACT} HAVING COUNT(*) > 1"""),
    Rule("preferred-follows-policy", "figures",
         "The preferred flags are what the preference policy (akim_elections.preference) gives; rebuild with scripts/build.py after an edit.",
         """SELECT f.figure_id || CASE WHEN f.preferred = 1 THEN ' is preferred, the policy prefers another' ELSE ' is not preferred, the policy prefers it' END AS subject,
                   (f.figure_id IN (SELECT figure_id FROM policy)) AS expected, f.preferred AS observed
            FROM figures f"""),
    Rule("no-mirror-preferred", "figures",
         "A figure from a mirror or copy is never preferred where another, non-rejected figure for the same thing comes from any other kind of source.",
         f"""SELECT p.figure_id || ' (mirror) over ' || MIN(o.figure_id) AS subject, 0 AS expected, COUNT(*) AS observed
            FROM figures p JOIN sources ps ON ps.source_id = p.source_id
            JOIN figures o ON o.figure_id <> p.figure_id AND o.rejected = 0
             AND ({_group("o.")}) = ({_group("p.")})
            JOIN sources os ON os.source_id = o.source_id AND os.kind <> 'mirror'
            WHERE p.preferred = 1 AND ps.kind = 'mirror' GROUP BY p.figure_id"""),
    Rule("sources-exist", "sources", "Every row of every curated table cites a source that exists in the sources table.",
         _sources_exist() + """ UNION ALL
            SELECT 'regions: ' || r.region_id || ' cites ' || j.value, 1, (j.value IN (SELECT source_id FROM sources))
            FROM regions r, json_each('["' || REPLACE(IFNULL(r.other_source_ids, ''), ' ', '","') || '"]') j WHERE j.value <> ''"""),
    Rule("figure-dimensions", "figures",
         "A figure's place matches its scope (national: no oblast; oblast: an oblast; district: a district; contest: a contest), "
         "and only candidate counts carry a stage.",
         """SELECT figure_id AS subject, 1 AS expected,
                   CASE scope WHEN 'national' THEN region_id IS NULL AND contest_id IS NULL
                              WHEN 'region' THEN region_id IS NOT NULL AND district_kato IS NULL AND contest_id IS NULL
                              WHEN 'district' THEN region_id IS NOT NULL AND district_kato IS NOT NULL AND contest_id IS NULL
                              WHEN 'contest' THEN contest_id IS NOT NULL ELSE 0 END
                   AND (stage IS NULL OR measure LIKE 'candidates%') AS observed
            FROM figures"""),
    Rule("breakdowns-exclusive", "figures",
         "A figure's breakdowns say one thing each: `party_id` names a nominating party (never self-nomination) and leaves "
         "`nomination` empty; `category` is set exactly when `dimension` is, and belongs to it.",
         """SELECT figure_id AS subject, 1 AS expected,
                   (party_id IS NULL OR (party_id <> 'self-nominated' AND nomination IS NULL))
                   AND (dimension IS NULL) = (category IS NULL)
                   AND (dimension IS NULL OR """ + " OR ".join(
                       f"(dimension = '{d}' AND category IN ({', '.join(repr(c) for c in v)}))" for d, v in RARE_DIMENSIONS.items()) + """) AS observed
            FROM figures"""),
    Rule("final-follows-policy", "figures",
         "`final` marks exactly the preferred figures that are not interim and not at a time of day; rebuild with scripts/build.py after an edit.",
         """SELECT figure_id AS subject, (preferred = 1 AND interim = 0 AND time_of_day IS NULL) AS expected, final AS observed FROM figures"""),
    Rule("interim-agrees", "figures",
         "A snapshot of a single vote (an `as_of_date` before its count closed) is interim, and so is a figure whose note calls it interim.",
         """SELECT f.figure_id AS subject, 1 AS expected,
                   (f.interim = 1 OR ((f.as_of_date IS NULL OR e.type = 'cumulative') AND LOWER(IFNULL(f.note, '')) NOT LIKE '%interim%')) AS observed
            FROM figures f JOIN elections e ON e.election_id = f.election_id"""),
    Rule("unit-per-measure", "figures", "Each figure carries its measure's unit, so a measure always has one unit.",
         """SELECT f.figure_id || ' (' || f.measure || ' in ' || f.unit || ')' AS subject, 1 AS expected,
                   (f.unit = (SELECT m.unit FROM measures m WHERE m.measure = f.measure)) AS observed
            FROM figures f"""),
    Rule("dates-match-precision", "elections",
         "A date known to the month is the month's first day, one known to the year is 1 January, and an unknown date is empty.",
         """SELECT election_id AS subject, 1 AS expected,
                   CASE date_precision WHEN 'day' THEN date_start IS NOT NULL WHEN 'month' THEN substr(date_start, 9, 2) = '01'
                        WHEN 'year' THEN substr(date_start, 6, 5) = '01-01' ELSE date_start IS NULL AND date_end IS NULL END AS observed
            FROM elections
            UNION ALL
            SELECT event_id, 1, CASE date_precision WHEN 'month' THEN substr(date, 9, 2) = '01' WHEN 'year' THEN substr(date, 6, 5) = '01-01'
                                                    ELSE date_precision = 'day' END FROM events
            UNION ALL
            SELECT figure_id, 1, (as_of_date IS NULL) = (as_of_precision IS NULL)
                   AND (as_of_precision IS NOT 'month' OR substr(as_of_date, 9, 2) = '01') FROM figures"""),
    Rule("election-dates", "elections", "An election's period runs forwards and lies between 1990 and 2030.",
         """SELECT election_id AS subject, 1 AS expected,
                   (date_end IS NULL OR date_start IS NULL OR date_end >= date_start)
                   AND (date_start IS NULL OR date_start BETWEEN '1990-01-01' AND '2030-12-31')
                   AND (date_end IS NULL OR date_end BETWEEN '1990-01-01' AND '2030-12-31') AS observed
            FROM elections"""),
]

RULE_IDS = [r.id for r in RULES]
assert len(set(RULE_IDS)) == len(RULE_IDS)
