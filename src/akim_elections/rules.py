"""The election's arithmetic, each rule written once: id, table, meaning, and the SQL that measures it.

Every cross-table rule is a query over an in-memory SQLite copy of the package returning rows of
(subject, expected, observed). Great Expectations then checks, per rule, that observed equals
expected ("eq") or does not exceed it ("le"); offending rows are the report's examples. Column rules
(ranges, uniqueness) come from the schema itself, see ``akim_elections.validate``.

Plain data and strings: importing this module costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .places import FORMED_2022, FORMED_ON, OBLAST_BY_PREFIX
from .schema import BREAKDOWNS, LEVEL_OF_TYPE, RARE_DIMENSIONS
from .translit import kk_latn

MAIN = "2021-07-25-rural"
NATIONAL_CONTESTS = 730
# The published national results the package holds itself to (preferred figures must equal them).
PARTY_TALLY = {"nur-otan": 627, "auyl": 33, "adal": 15, "ak-zhol": 11, "peoples-party": 10, "osdp": 1}
CANDIDATES = {"registered": 2297, "self-nominated": 1419, "party_nominated": 878, "male": 1839, "female": 458}
OBLASTS = ("akmola", "aktobe", "almaty-region", "atyrau", "east-kazakhstan", "zhambyl", "west-kazakhstan",
           "karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "north-kazakhstan", "turkistan")
OBLASTS_2022 = tuple(FORMED_2022)  # formed on FORMED_ON
CONTEST_TYPES = ("rural_district", "village", "town")
CONSISTENCY, PUBLISHED = "consistency", "published total"


@dataclass(frozen=True)
class Rule:
    id: str
    table: str
    meaning: str
    sql: str
    compare: str = "eq"  # "eq": observed = expected; "le": observed <= expected
    kind: str = CONSISTENCY  # CONSISTENCY: the package agrees with itself; PUBLISHED: a value pinned to the published record


FINAL_SQL = "final = 1 AND as_of IS NULL"  # a figure to quote, of the election as a whole


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
        f"election_id = '{MAIN}'", f"scope = '{scope}'", f"measure = '{measure}'", FINAL_SQL, _breakdown(**dims),
        region if region else "region_id IS NULL",
    ])
    return f"(SELECT value FROM figures WHERE {where})"


# Oblast contest count: the preferred total, or else the sum of its preferred counts by type of unit.
_REGION_CONTESTS = f"""
    SELECT r.region_id,
           COALESCE({_final("region", "contests", region="region_id = r.region_id")},
                    (SELECT SUM(value) FROM figures f WHERE f.election_id = '{MAIN}' AND f.scope = 'region'
                       AND f.region_id = r.region_id AND f.measure = 'contests' AND f.final = 1 AND f.as_of IS NULL
                       AND f.unit_type IN {CONTEST_TYPES} AND {_total("f.", "unit_type")})) AS contests
    FROM regions r"""

_PREFERRED_FINAL = f"""
    SELECT * FROM figures WHERE election_id = '{MAIN}' AND {FINAL_SQL}"""

# A district is one place under all its spellings: its KATO code.
_DISTRICT = "IFNULL({t}district_kato, '')"
# The same thing (see akim_elections.preference.GROUP); a fact adds its value and its source.
def _group(t: str = "") -> str:
    return (f"{t}election_id, {t}scope, IFNULL({t}region_id,''), IFNULL({t}district_kato,''), IFNULL({t}contest_id,''), {t}measure, "
            + "".join(f"IFNULL({t}{c},''), " for c in BREAKDOWNS) + f"IFNULL({t}as_of,''), IFNULL({t}time_of_day,'')")


_GROUP = _group()
_FACT = _GROUP + ", value, source_id"

_CURATED_WITH_SOURCES = ("elections", "regions", "district_changes", "parties", "events", "figures", "contests", "candidates", "reconciliations")
_PK = {"elections": "election_id", "regions": "region_id", "district_changes": "district_kato", "parties": "party_id", "events": "event_id", "figures": "figure_id",
       "contests": "contest_id", "candidates": "candidate_id", "reconciliations": "reconciliation_id"}
# After the 2022 splits a district of a new oblast sits in it (the district's KATO prefix names the oblast).
_IN_WRONG_NEW_OBLAST = " OR ".join(f"(substr(x.{{district}}, 1, 2) = '{prefix}' AND x.region_id <> '{region}')"
                                   for prefix, region in OBLAST_BY_PREFIX.items() if region in FORMED_2022)


# The first and last day election e can have been held on (the last is NULL where no bound is known).
_EARLIEST, _LATEST = "e.date_earliest", "e.date_latest"
# Where an election's date may fall on either side of the 2022 splits, the oblast is the one the source names.
_ACROSS_SPLIT = f"({_LATEST} IS NULL OR ({_EARLIEST} < '{FORMED_ON}' AND {_LATEST} >= '{FORMED_ON}'))"
# The oblast a row names existed while its election can have been held, and a district of a new oblast sits in it.
_REGION_OF_DAY = """
    SELECT '{t}: ' || x.{pk} || ' in ' || x.region_id AS subject, 1 AS expected,
           ((r.valid_from IS NULL OR e.date_latest IS NULL OR e.date_latest >= r.valid_from) AND (r.valid_to IS NULL OR e.date_earliest <= r.valid_to)
            AND NOT (e.date_earliest >= '""" + FORMED_ON + """' AND x.{district} IS NOT NULL AND (""" + _IN_WRONG_NEW_OBLAST + """))) AS observed
    FROM {t} x JOIN regions r ON r.region_id = x.region_id JOIN elections e ON e.election_id = x.election_id"""


def _sources_exist() -> str:
    parts = [f"SELECT '{t}: ' || {_PK[t]} || ' cites ' || IFNULL(source_id, '(none)') AS subject, 1 AS expected, "
             f"(source_id IN (SELECT source_id FROM sources)) AS observed FROM {t}" for t in _CURATED_WITH_SOURCES]
    return " UNION ALL ".join(parts)


FIRST_DIRECT_VOTE = "2021-07-25"
# SQL: the first and last day an EDTF date {d} of the package's forms can mean (see akim_elections.edtf).
_START = "(CASE WHEN instr({d}, '/') > 0 THEN substr({d}, 1, instr({d}, '/') - 1) ELSE {d} END)"
_END = "(CASE WHEN instr({d}, '/') > 0 THEN substr({d}, instr({d}, '/') + 1) ELSE {d} END)"
_LOWER = ("(CASE length(" + _START + ") WHEN 4 THEN " + _START + " || '-01-01' WHEN 7 THEN " + _START + " || '-01' ELSE " + _START + " END)")
_UPPER = ("(CASE WHEN " + _END + " = '..' THEN NULL WHEN length(" + _END + ") = 4 THEN " + _END + " || '-12-31' WHEN length(" + _END
          + ") = 7 THEN date(" + _END + " || '-01', '+1 month', '-1 day') ELSE " + _END + " END)")

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
    Rule("oblasts-of-every-day", "regions",
         "The 14 oblasts of 2021 exist from before the first election; Abai, Zhetysu and Ulytau from 8 June 2022, formed from "
         "East Kazakhstan, Almaty and Karaganda, whose territory changed that day; no other oblast.",
         f"""SELECT 'oblasts' AS subject, 17 AS expected, (SELECT COUNT(*) FROM regions) AS observed
            UNION ALL SELECT 'oblasts of 2021', 14, (SELECT COUNT(*) FROM regions WHERE region_id IN {OBLASTS} AND valid_from IS NULL)
            UNION ALL SELECT 'oblasts formed {FORMED_ON}', 3, (SELECT COUNT(*) FROM regions WHERE region_id IN {OBLASTS_2022} AND valid_from = '{FORMED_ON}')
            UNION ALL SELECT 'oblasts formed from another', 3, (SELECT COUNT(*) FROM regions WHERE formed_from IS NOT NULL)
            UNION ALL SELECT 'oblasts that lost territory', 3, (SELECT COUNT(*) FROM regions WHERE territory_changed IS NOT NULL)
            """ + "".join(f"""UNION ALL SELECT '{new} formed from {old}, which changed on {FORMED_ON}', 1,
                (SELECT formed_from = '{old}' FROM regions WHERE region_id = '{new}')
                AND (SELECT territory_changed = '{FORMED_ON}' FROM regions WHERE region_id = '{old}')
            """ for new, old in FORMED_2022.items())),
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
              AND i.time_of_day IS NOT NULL AND f.interim = 0 AND f.time_of_day IS NULL AND f.as_of IS NULL""", "le"),
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
            FROM regions r, json_each('["' || REPLACE(IFNULL(r.other_source_ids, ''), ' ', '","') || '"]') j WHERE j.value <> ''
            UNION ALL
            SELECT 'district_changes: ' || x.district_kato || ' cites ' || j.value, 1, (j.value IN (SELECT source_id FROM sources))
            FROM district_changes x, json_each('["' || REPLACE(IFNULL(x.other_source_ids, ''), ' ', '","') || '"]') j WHERE j.value <> ''"""),
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
    Rule("unit-per-measure", "figures", "Each figure carries its measure's unit, so a measure always has one unit.",
         """SELECT f.figure_id || ' (' || f.measure || ' in ' || f.unit || ')' AS subject, 1 AS expected,
                   (f.unit = (SELECT m.unit FROM measures m WHERE m.measure = f.measure)) AS observed
            FROM figures f"""),
    Rule("dates-agree-with-bounds", "elections",
         "An EDTF date and its first and last possible days agree: the bounds of an election lie within what its date allows (a day "
         "and month without a year keep that day and month), and the bounds of events and figures are the date's own (rebuild with "
         "scripts/build.py after an edit).",
         f"""SELECT election_id AS subject, 1 AS expected,
                   CASE WHEN date LIKE 'XXXX-__-__' AND date <> 'XXXX-XX-XX' THEN substr(date_earliest, 6) = substr(date, 6)
                                                            AND (date_latest IS NULL OR substr(date_latest, 6) = substr(date, 6))
                        WHEN date LIKE 'XXXX-__' THEN substr(date_earliest, 6, 2) = substr(date, 6, 2)
                                                      AND (date_latest IS NULL OR substr(date_latest, 6, 2) = substr(date, 6, 2))
                        WHEN date = 'XXXX-XX-XX' THEN 1
                        ELSE date_earliest >= {_LOWER.format(d="date")} AND (({_UPPER.format(d="date")}) IS NULL AND date_latest IS NULL
                                                                        OR date_latest <= {_UPPER.format(d="date")}) END AS observed
            FROM elections
            UNION ALL
            SELECT event_id, 1, date_earliest IS {_LOWER.format(d="date")} AND date_latest IS {_UPPER.format(d="date")} FROM events
            UNION ALL
            SELECT figure_id, 1, CASE WHEN as_of IS NULL OR as_of LIKE 'XXXX%' THEN as_of_earliest IS NULL AND as_of_latest IS NULL
                                      ELSE as_of_earliest IS {_LOWER.format(d="as_of")} AND as_of_latest IS {_UPPER.format(d="as_of")} END
            FROM figures"""),
    Rule("election-dates", "elections", "An election's possible days run forwards and lie between 1990 and 2030.",
         """SELECT election_id AS subject, 1 AS expected,
                   (date_latest IS NULL OR date_latest >= date_earliest)
                   AND date_earliest BETWEEN '1990-01-01' AND '2030-12-31'
                   AND (date_latest IS NULL OR date_latest BETWEEN '1990-01-01' AND '2030-12-31') AS observed
            FROM elections"""),
    Rule("undated-vote-has-its-oblast", "elections",
         "A direct vote since 2021 whose day is not known belongs to one oblast (`region_id`), and every contest and figure of an "
         "election with an oblast lies in it; a vote on a known day names no oblast.",
         f"""SELECT election_id AS subject, 1 AS expected,
                   (region_id IS NOT NULL) = (date_latest IS NULL OR date_latest <> date_earliest) AS observed
            FROM elections WHERE kind = 'voting_day' AND direct = 1 AND date_earliest >= '{FIRST_DIRECT_VOTE}'
            UNION ALL
            SELECT c.contest_id || ' in ' || c.region_id, 1, c.region_id = e.region_id
            FROM contests c JOIN elections e ON e.election_id = c.election_id WHERE e.region_id IS NOT NULL
            UNION ALL
            SELECT f.figure_id || ' in ' || IFNULL(f.region_id, 'the nation'), 1, IFNULL(f.region_id, '') = e.region_id
            FROM figures f JOIN elections e ON e.election_id = f.election_id WHERE e.region_id IS NOT NULL"""),
    Rule("totals-are-not-votes", "elections",
         "Contests belong to votes, never to a period or running total; a running total's figures say the date they run to.",
         """SELECT c.contest_id || ' in ' || e.election_id AS subject, 1 AS expected, e.kind = 'voting_day' AS observed
            FROM contests c JOIN elections e ON e.election_id = c.election_id
            UNION ALL
            SELECT f.figure_id || ' without as_of', 1, f.as_of IS NOT NULL
            FROM figures f JOIN elections e ON e.election_id = f.election_id WHERE e.kind = 'running_total'"""),
]


# --- how tables and figures relate: places, contests and candidates, parts and wholes, dates, sources -----
def _same_place(a: str, b: str) -> str:
    return (f"{a}.election_id = {b}.election_id AND {a}.scope = {b}.scope AND IFNULL({a}.region_id,'') = IFNULL({b}.region_id,'') "
            f"AND IFNULL({a}.district_kato,'') = IFNULL({b}.district_kato,'') AND IFNULL({a}.contest_id,'') = IFNULL({b}.contest_id,'')")


# Every preferred final figure of any election (not only 25 July 2021), exact ones only where a value is compared.
_USE = f"(SELECT * FROM figures WHERE preferred = 1 AND {FINAL_SQL})"
_USE_EXACT = f"(SELECT * FROM figures WHERE preferred = 1 AND qualifier = 'exact' AND {FINAL_SQL})"
# A percentage agrees with its counts within the rounding of the value given (whole percent or one decimal).
_TOLERANCE = "(CASE WHEN {v} = ROUND({v}) THEN 0.5 ELSE 0.05 END + 1e-9)"
# A row {x} with a district d lies in the oblast d belonged to on its election e's day: the oblast of 2021 before the 2022
# splits, the new one after; on a day no source gives, either (the oblast is the one the source names).
_IN_OBLAST_OF_DAY = f"""(CASE WHEN {_ACROSS_SPLIT} THEN {{x}}.region_id IN (d.region_id, d.region_id_2021)
                             WHEN e.date_earliest >= '{FORMED_ON}' THEN {{x}}.region_id = d.region_id
                             ELSE {{x}}.region_id = d.region_id_2021 END)"""
# A district formed after 2021 (a row ch of district_changes) exists from the day its change took effect; where no source gives
# that day, from the day the decree was signed. Before it took effect its units lay in ch.formed_from; on a day between the
# signature and an unknown day in force, either district holds them.
_NEW_DISTRICT_FROM = "COALESCE(ch.in_force, ch.signed)"
_OLD_DISTRICT_UNTIL = "COALESCE(ch.in_force, '9999-12-31')"
# A place passes where some day the election can have been held on fits it.
_DISTRICT_EXISTS = f"(ch.district_kato IS NULL OR {_LATEST} IS NULL OR {_LATEST} >= {_NEW_DISTRICT_FROM})"


def _district_existed(table: str, pk: str) -> str:
    """SQL rows: each row of ``table`` with a district, and whether that district existed on its election's day."""
    return f"""SELECT x.{pk} || ' district ' || x.district_kato || ' existed', 1, {_DISTRICT_EXISTS}
            FROM {table} x JOIN elections e ON e.election_id = x.election_id
            LEFT JOIN district_changes ch ON ch.district_kato = x.district_kato WHERE x.district_kato IS NOT NULL"""


# The unit u lay in the district {x}.district_kato on the day: its district of this KATO edition, or through the crosswalk the
# district it was split off from.
_UNIT_IN_DISTRICT_OF_DAY = f"""(({{x}}.district_kato = u.district_kato AND {_DISTRICT_EXISTS})
    OR ({{x}}.district_kato = ch.formed_from AND {_EARLIEST} < {_OLD_DISTRICT_UNTIL}))"""
# The window of an election's figures: from its call (at most CALL_DAYS before the first day) to REPORT_DAYS
# after its last day; a running total (no last day) has no end.
CALL_DAYS, REPORT_DAYS = 90, 365
# A contest whose vote is on record: what no page from before the vote can give.
_HAS_RESULT = ("EXISTS (SELECT 1 FROM candidates k WHERE k.contest_id = {c}.contest_id AND (k.elected = 1 OR k.votes IS NOT NULL)) "
               "OR {c}.votes_cast IS NOT NULL OR {c}.turnout_pct IS NOT NULL OR {c}.winner_share_pct IS NOT NULL "
               "OR {c}.votes_against_all IS NOT NULL OR {c}.votes_against_all_pct IS NOT NULL OR {c}.ballots_invalid IS NOT NULL "
               "OR {c}.votes_at_home IS NOT NULL")
# Languages of the sources table written in Latin letters.
LATIN_SCRIPT_LANGUAGES = ("kk-Latn", "ru-Latn", "en", "pt", "it", "sv", "uz", "de", "fr")
CYRILLIC = "[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]"  # a GLOB class: the Russian and Kazakh Cyrillic letters
# Hosts whose pages are the state's own: government portals, akimats, the election commission, missions abroad.
OFFICIAL_HOSTS = ("gov.kz", "akimat", "election.gov.kz", "kazakhstanun.org", "mfa.kz", "egov.kz", "adilet.zan.kz", "zan.kz")
ENCYCLOPEDIA_HOSTS = ("wikipedia.org", "wikimedia.org", "wikidata.org")
# Sites that only republish other pages (wiki copies, news aggregators): always a mirror.
COPY_HOSTS = ("atozwiki.com", "wiki3.en-us.nina.az", "s.gtool.pro", "iiab.me", "homeraccommodations.com", "ru24.pro", "smi24.kz",
              "kazakhstan-news.info", "web.archive.org", "archive.ph", "archive.today")


def host(url: str | None) -> str | None:
    """The lower-case host of a URL (SQL function ``host``)."""
    if not url or "://" not in url:
        return None
    return url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()


# Kazakh letters read as their Russian neighbours, so that one name spelled in either language compares equal.
_NAME_FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")


def name_key(name: str | None) -> str | None:
    """A person's name with its words sorted and Kazakh letters folded (SQL function ``name_key``)."""
    if name is None:
        return None
    return " ".join(sorted(name.lower().replace("ё", "е").translate(_NAME_FOLD).split()))


# A date in a page's address: /2021/07/24/, /2021-07-24-, /2023/08/ (a month), or a slug ending -05-11-2023 (day first).
_PATH_DATE = re.compile(r"/((?:19|20)\d\d)([/-])(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?=[/?#.-]|$)")
_SLUG_DATE = re.compile(r"-(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\d\d)(?=[/?#.]|$)")


def url_date(url: str | None) -> str | None:
    """The date a URL's path carries, as 2021-07-24 or 2023-08 (month only); None without one (SQL function ``url_date``)."""
    if not url or "://" not in url:
        return None
    rest = url.split("://", 1)[1]
    path = rest[rest.index("/"):] if "/" in rest else ""
    if match := _PATH_DATE.search(path):
        year, _, month, day = match.groups()
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    if match := _SLUG_DATE.search(path):
        day, month, year = match.groups()
        return f"{year}-{month}-{day}"
    return None


# Python functions the rules' SQL calls, registered on the SQLite connection by the validation.
def latin(name: str | None) -> str | None:
    """The package's one Latin form of a Cyrillic name (``translit.kk_latn``), for SQL."""
    return None if name is None else kk_latn(name)


SQL_FUNCTIONS = {"host": host, "name_key": name_key, "url_date": url_date, "latin": latin}


def _host_matches(hosts) -> str:
    return "(" + " OR ".join(f"host(s.url) = '{h}' OR host(s.url) LIKE '%.{h}' OR instr(host(s.url), '{h}') > 0"
                             if "." not in h else f"host(s.url) = '{h}' OR host(s.url) LIKE '%.{h}'" for h in hosts) + ")"


def _id_map_resolves() -> str:
    from .schema import TABLES
    parts = []
    for table, spec in TABLES.items():
        if len(spec["primaryKey"]) == 1:
            key = spec["primaryKey"][0]
            parts.append(f"""SELECT 'id_map: {table} ' || m.old_id || ' -> ' || m.new_id AS subject, 1 AS expected,
                                    (m.new_id IN (SELECT {key} FROM {table})
                                     OR EXISTS (SELECT 1 FROM id_map n WHERE n."table" = m."table" AND n.old_id = m.new_id
                                                AND n.version > m.version)) AS observed
                             FROM id_map m WHERE m."table" = '{table}' AND m.new_id IS NOT NULL""")
    return " UNION ALL ".join(parts) + """ UNION ALL
        SELECT 'id_map: ' || "table" || ' names no table', 1, 0 FROM id_map WHERE "table" NOT IN (""" + ", ".join(
        f"'{t}'" for t, spec in TABLES.items() if len(spec["primaryKey"]) == 1) + ")"


RULES += [
    # 1. place hierarchy of the day
    Rule("unit-in-its-district", "contests",
         "A contest's unit (its KATO code) lay in the contest's district on election day, and that district in the contest's oblast: "
         "for a unit of a district formed since 2021, the district it was split off from until the change took effect "
         "(see district_changes); a district of Abai, Zhetysu or Ulytau sits in the oblast it was part of before 8 June 2022.",
         f"""SELECT c.contest_id || ' unit ' || c.kato || ' in district ' || c.district_kato AS subject, 1 AS expected,
                    {_UNIT_IN_DISTRICT_OF_DAY.format(x="c")} AS observed
            FROM contests c JOIN elections e ON e.election_id = c.election_id JOIN units u ON u.kato = c.kato
            LEFT JOIN district_changes ch ON ch.district_kato = u.district_kato
            WHERE c.district_kato IS NOT NULL
            UNION ALL
            SELECT c.contest_id || ' district ' || c.district_kato || ' in ' || c.region_id, 1, {_IN_OBLAST_OF_DAY.format(x="c")}
            FROM contests c JOIN districts d ON d.district_kato = c.district_kato JOIN elections e ON e.election_id = c.election_id
            UNION ALL
            {_district_existed("contests", "contest_id")}"""),
    Rule("figure-district-in-oblast", "figures",
         "A figure's district existed on its election day and lay in the figure's oblast then.",
         f"""SELECT f.figure_id || ' district ' || f.district_kato || ' in ' || f.region_id AS subject, 1 AS expected,
                    {_IN_OBLAST_OF_DAY.format(x="f")} AS observed
            FROM figures f JOIN districts d ON d.district_kato = f.district_kato JOIN elections e ON e.election_id = f.election_id
            UNION ALL
            {_district_existed("figures", "figure_id")}"""),
    Rule("district-as-written-in-source-script", "contests",
         "A district's name as written is in the script and language of its source: Latin letters only on a page in a Latin-script "
         "language, Cyrillic only on a Cyrillic one, no Russian 'район' on a Kazakh page and no Kazakh 'аудан' on a Russian one, "
         "so no gloss stands in for the page's own wording.",
         " UNION ALL ".join(f"""SELECT x.{pk} || ' ' || x.district_as_written AS subject, 1 AS expected,
                    (CASE WHEN s.language IN {LATIN_SCRIPT_LANGUAGES} THEN x.district_as_written NOT GLOB '*{CYRILLIC}*'
                          ELSE x.district_as_written NOT GLOB '*[A-Za-z]*' END
                     AND NOT (s.language = 'kk' AND x.district_as_written LIKE '%район%')
                     AND NOT (s.language = 'ru' AND x.district_as_written LIKE '%аудан%')) AS observed
            FROM {t} x JOIN sources s ON s.source_id = x.source_id WHERE x.district_as_written IS NOT NULL"""
                            for t, pk in (("contests", "contest_id"), ("figures", "figure_id")))),
    Rule("name-latn-follows-scheme", "contests",
         "Every Latin name follows the one scheme, `akim_elections.translit.kk_latn`: KATO names and oblast names from their Kazakh "
         "form, people from the name as written, and a contest's place from the Kazakh name KATO gives its unit or district, else "
         "the source's Kazakh, else its Russian name (a place named only in Latin letters keeps the source's spelling).",
         """SELECT 'contests: ' || c.contest_id AS subject, 1 AS expected,
                   c.name_latn IS COALESCE((SELECT u.name_latn FROM units u WHERE u.kato = c.kato),
                                           CASE WHEN c.type IN ('district', 'city') THEN
                                                (SELECT d.name_latn FROM districts d WHERE d.district_kato = c.district_kato) END,
                                           latin(c.name_kk), latin(c.name_ru), c.name_latn)
                   AND c.winner_name_latn IS latin(c.winner_name) AS observed
            FROM contests c
            UNION ALL SELECT 'candidates: ' || candidate_id, 1, name_latn IS latin(name) FROM candidates
            UNION ALL SELECT 'regions: ' || region_id, 1, name_kk_latn = latin(name_kk) FROM regions
            UNION ALL SELECT 'districts: ' || district_kato, 1, name_latn = latin(name_kk) FROM districts
            UNION ALL SELECT 'units: ' || kato, 1, name_latn = latin(name_kk) FROM units
            UNION ALL SELECT 'posts: ' || kato, 1, name_latn = latin(name_kk) FROM posts"""),
    Rule("contest-type-fits-level", "contests",
         "A contest's type and its election's level agree: rural districts, villages and towns in a rural election, districts in a "
         "district election, cities of oblast significance in a city election.",
         """SELECT c.contest_id || ' (' || c.type || ') in a ' || e.level || ' election' AS subject, 1 AS expected,
                   (CASE c.type """ + " ".join(f"WHEN '{t}' THEN '{lvl}'" for t, lvl in LEVEL_OF_TYPE.items()) + """ END) = e.level AS observed
            FROM contests c JOIN elections e ON e.election_id = c.election_id WHERE c.type IS NOT NULL"""),
    # 2. contest and candidates
    Rule("winner-is-elected", "contests",
         "Where a contest has a candidate marked elected, its winner columns are that candidate's, spelt the same (name, Latin "
         "name, party, votes); a contest that names a winner while its candidates are listed has one of them marked elected.",
         """SELECT c.contest_id || ' winner ' || IFNULL(c.winner_name, '(none)') AS subject, 1 AS expected,
                   (c.winner_name IS k.name AND c.winner_name_latn IS k.name_latn AND c.winner_party_id IS k.party_id
                    AND c.winner_votes IS k.votes) AS observed
            FROM contests c JOIN candidates k ON k.contest_id = c.contest_id AND k.elected = 1
            UNION ALL
            SELECT c.contest_id || ' names a winner, no candidate is elected', 1, 0
            FROM contests c WHERE c.winner_name IS NOT NULL
              AND EXISTS (SELECT 1 FROM candidates k WHERE k.contest_id = c.contest_id)
              AND NOT EXISTS (SELECT 1 FROM candidates k WHERE k.contest_id = c.contest_id AND k.elected = 1)"""),
    Rule("elected-has-most-votes", "candidates", "Where votes are given, the elected candidate has at least as many as every other candidate.",
         """SELECT w.candidate_id || ' vs ' || o.candidate_id AS subject, w.votes AS expected, o.votes AS observed
            FROM candidates w JOIN candidates o ON o.contest_id = w.contest_id AND o.candidate_id <> w.candidate_id
            WHERE w.elected = 1 AND w.votes IS NOT NULL AND o.votes IS NOT NULL""", "le"),
    Rule("candidate-count-covers-list", "contests", "A contest's number of candidates is at least the number of candidates listed for it.",
         """SELECT c.contest_id AS subject, c.candidates AS expected, COUNT(k.candidate_id) AS observed
            FROM contests c JOIN candidates k ON k.contest_id = c.contest_id WHERE c.candidates IS NOT NULL GROUP BY c.contest_id""", "le"),
    Rule("shares-agree-with-counts", "contests",
         "A contest's turnout is its votes cast over its registered voters, and a winner's or candidate's share is the votes over "
         "the votes cast, within the rounding of the percentage given.",
         f"""SELECT contest_id || ' turnout ' || turnout_pct AS subject, {_TOLERANCE.format(v="turnout_pct")} AS expected,
                    ABS(turnout_pct - 100.0 * votes_cast / voters_registered) AS observed
            FROM contests WHERE turnout_pct IS NOT NULL AND votes_cast IS NOT NULL AND voters_registered > 0
            UNION ALL
            SELECT contest_id || ' winner share ' || winner_share_pct, {_TOLERANCE.format(v="winner_share_pct")},
                   ABS(winner_share_pct - 100.0 * winner_votes / votes_cast)
            FROM contests WHERE winner_share_pct IS NOT NULL AND winner_votes IS NOT NULL AND votes_cast > 0
            UNION ALL
            SELECT k.candidate_id || ' share ' || k.share_pct, {_TOLERANCE.format(v="k.share_pct")}, ABS(k.share_pct - 100.0 * k.votes / c.votes_cast)
            FROM candidates k JOIN contests c ON c.contest_id = k.contest_id
            WHERE k.share_pct IS NOT NULL AND k.votes IS NOT NULL AND c.votes_cast > 0""", "le"),
    Rule("ballots-within-votes-cast", "contests",
         "A contest's ballots against all, invalid ballots and votes at home are each no more than its votes cast.",
         """SELECT contest_id || ' against all ' || votes_against_all AS subject, votes_cast AS expected, votes_against_all AS observed
            FROM contests WHERE votes_against_all IS NOT NULL AND votes_cast IS NOT NULL
            UNION ALL
            SELECT contest_id || ' invalid ' || ballots_invalid, votes_cast, ballots_invalid
            FROM contests WHERE ballots_invalid IS NOT NULL AND votes_cast IS NOT NULL
            UNION ALL
            SELECT contest_id || ' at home ' || votes_at_home, votes_cast, votes_at_home
            FROM contests WHERE votes_at_home IS NOT NULL AND votes_cast IS NOT NULL""", "le"),
    Rule("status-agrees-with-result", "contests",
         "A contest with a result (an elected candidate, candidates' votes, votes cast, turnout, a winner's share or ballots counted) "
         "has the status `held` or `repeated`; one announced only, cancelled or of unknown fate has none.",
         f"""SELECT c.contest_id || ' is ' || c.status || ' with a result' AS subject, 0 AS expected, 1 AS observed
            FROM contests c WHERE c.status NOT IN ('held', 'repeated') AND ({_HAS_RESULT.format(c="c")})"""),
    # 3. parts and wholes
    Rule("winners-le-contests", "figures", "In every place and election, the preferred winners never exceed the preferred contests.",
         f"""SELECT a.figure_id AS subject, b.value AS expected, a.value AS observed
            FROM {_USE} a JOIN {_USE} b ON {_same_place("a", "b")} AND {_same_breakdown("a.", "b.")}
            WHERE a.measure = 'winners' AND b.measure = 'contests' AND {_total("a.", "stage")}""", "le"),
    Rule("district-contests-within-oblast", "figures",
         "On 25 July 2021 an oblast's districts' preferred contest counts add up to no more than the oblast's, and to exactly "
         "the oblast's where every district of the oblast (not the cities) has a count.",
         f"""SELECT rc.region_id || ' districts' AS subject, rc.contests AS expected, SUM(f.value) AS observed
            FROM ({_REGION_CONTESTS}) rc JOIN {_USE} f ON f.region_id = rc.region_id
            WHERE rc.contests IS NOT NULL AND f.election_id = '{MAIN}' AND f.scope = 'district' AND f.measure = 'contests'
              AND {_total("f.", "stage")} AND f.stage IS NULL
            GROUP BY rc.region_id
            UNION ALL
            SELECT rc.region_id || ' districts (every district counted)', -rc.contests, -SUM(f.value)
            FROM ({_REGION_CONTESTS}) rc JOIN {_USE} f ON f.region_id = rc.region_id
            WHERE rc.contests IS NOT NULL AND f.election_id = '{MAIN}' AND f.scope = 'district' AND f.measure = 'contests'
              AND {_total("f.", "stage")} AND f.stage IS NULL
              AND NOT EXISTS (SELECT 1 FROM districts d WHERE d.region_id_2021 = rc.region_id AND d.kind = 'district' AND d.formed_from IS NULL
                              AND d.district_kato NOT IN (SELECT g.district_kato FROM {_USE} g WHERE g.election_id = '{MAIN}'
                                  AND g.scope = 'district' AND g.measure = 'contests' AND g.district_kato IS NOT NULL))
            GROUP BY rc.region_id""", "le"),
    Rule("share-agrees-with-counts", "figures",
         "A preferred share (of contests, candidates or winners) is its part's count over the whole's count, where both are preferred "
         "and exact, within the rounding of the share.",
         f"""SELECT s.figure_id AS subject, {_TOLERANCE.format(v="s.value")} AS expected, ABS(s.value - 100.0 * a.value / b.value) AS observed
            FROM {_USE_EXACT} s JOIN {_USE_EXACT} a ON a.measure || '_pct' = s.measure
              AND {_same_place("s", "a")} AND {_same_breakdown("s.", "a.")}
            JOIN {_USE_EXACT} b ON b.measure = a.measure AND {_same_place("a", "b")} AND IFNULL(b.stage,'') = IFNULL(a.stage,'') AND {_total("b.", "stage")}
            WHERE s.measure IN ('contests_pct', 'candidates_pct', 'winners_pct') AND b.value > 0 AND NOT ({_total("s.", "stage")})""", "le"),
    Rule("national-turnout-among-oblasts", "figures",
         "The preferred national turnout of an election lies within its oblasts' range, and within 1 point of their voter-weighted "
         "mean where every oblast with a turnout has its registered voters.",
         f"""SELECT n.figure_id || ' outside the oblasts (' || MIN(r.value) || ' to ' || MAX(r.value) || ')' AS subject, 0 AS expected,
                    NOT (n.value BETWEEN MIN(r.value) - 0.05 AND MAX(r.value) + 0.05) AS observed
            FROM {_USE} n JOIN {_USE} r ON r.election_id = n.election_id AND r.scope = 'region' AND r.measure = 'turnout_pct'
              AND {_total("r.", "stage")}
            WHERE n.scope = 'national' AND n.measure = 'turnout_pct' AND {_total("n.", "stage")}
            GROUP BY n.figure_id HAVING COUNT(*) > 1
            UNION ALL
            SELECT n.figure_id || ' near the voter-weighted mean', 1, ABS(n.value - SUM(r.value * v.value) / SUM(v.value))
            FROM {_USE} n JOIN {_USE} r ON r.election_id = n.election_id AND r.scope = 'region' AND r.measure = 'turnout_pct'
              AND {_total("r.", "stage")}
            LEFT JOIN {_USE} v ON v.election_id = r.election_id AND v.scope = 'region' AND v.region_id = r.region_id
              AND v.measure = 'voters_registered' AND {_total("v.", "stage")}
            WHERE n.scope = 'national' AND n.measure = 'turnout_pct' AND {_total("n.", "stage")}
            GROUP BY n.figure_id HAVING COUNT(*) > 1 AND COUNT(v.value) = COUNT(*)""", "le"),
    Rule("oblasts-reconcile-with-nation", "reconciliations",
         "The oblasts' preferred winners and registered candidates add up to no more than the national figure plus the difference "
         "recorded in reconciliations, and to exactly that once all 14 oblasts have a figure.",
         f"""SELECT n.measure || ' ' || IFNULL(n.stage, '') || ': oblasts <= nation' AS subject,
                    n.value + IFNULL((SELECT MAX(difference, 0) FROM reconciliations x WHERE x.election_id = n.election_id
                                      AND x.measure = n.measure), 0) AS expected,
                    SUM(r.value) AS observed
            FROM {_USE} n JOIN {_USE} r ON r.election_id = n.election_id AND r.scope = 'region' AND r.measure = n.measure
              AND IFNULL(r.stage,'') = IFNULL(n.stage,'') AND {_total("r.", "stage")}
            WHERE n.election_id = '{MAIN}' AND n.scope = 'national' AND {_total("n.", "stage")}
              AND (n.measure = 'winners' OR (n.measure = 'candidates' AND n.stage = 'registered'))
            GROUP BY n.figure_id
            UNION ALL
            SELECT n.measure || ' ' || IFNULL(n.stage, '') || ': all oblasts = nation', -(n.value + IFNULL((SELECT difference FROM reconciliations x
                       WHERE x.election_id = n.election_id AND x.measure = n.measure), 0)), -SUM(r.value)
            FROM {_USE} n JOIN {_USE} r ON r.election_id = n.election_id AND r.scope = 'region' AND r.measure = n.measure
              AND IFNULL(r.stage,'') = IFNULL(n.stage,'') AND {_total("r.", "stage")}
            WHERE n.election_id = '{MAIN}' AND n.scope = 'national' AND {_total("n.", "stage")}
              AND (n.measure = 'winners' OR (n.measure = 'candidates' AND n.stage = 'registered'))
            GROUP BY n.figure_id HAVING COUNT(DISTINCT r.region_id) >= {len(OBLASTS)}""", "le"),
    # 4. dates
    Rule("as-of-in-election-window", "figures",
         f"A figure's moment (`as_of`) lies in its election's window: from the call ({CALL_DAYS} days before its first possible day "
         f"at most) to {REPORT_DAYS} days after its last possible day (no end for a running total or an election no page bounds).",
         f"""SELECT f.figure_id || ' as of ' || f.as_of AS subject, 1 AS expected,
                    (f.as_of_latest >= date(e.date_earliest, '-{CALL_DAYS} days')
                     AND (e.date_latest IS NULL OR f.as_of_earliest <= date(e.date_latest, '+{REPORT_DAYS} days'))) AS observed
            FROM figures f JOIN elections e ON e.election_id = f.election_id
            WHERE f.as_of_latest IS NOT NULL"""),
    Rule("by-election-after-first-direct-vote", "elections",
         f"A direct rural by-election takes place after the first nationwide direct vote of rural akims ({FIRST_DIRECT_VOTE}).",
         f"""SELECT election_id AS subject, 1 AS expected,
                   date_earliest >= '{FIRST_DIRECT_VOTE}' AND (date_latest IS NULL OR date_latest > '{FIRST_DIRECT_VOTE}') AS observed
            FROM elections WHERE type = 'by_election' AND level = 'rural' AND direct = 1"""),
    Rule("interim-agrees-with-as-of", "figures",
         "A figure marked interim says when it stands (a time of day, or an `as_of` moment, `XXXX-XX-XX` where no page gives it); "
         "a figure whose moment ends before its vote's last possible day is interim; so is one whose note calls it interim.",
         """SELECT f.figure_id || ' interim without a time' AS subject, 1 AS expected, 0 AS observed
            FROM figures f WHERE f.interim = 1 AND f.as_of IS NULL AND f.time_of_day IS NULL
            UNION ALL
            SELECT f.figure_id || ' moment unknown but not interim', 1, 0
            FROM figures f WHERE f.interim = 0 AND f.as_of = 'XXXX-XX-XX'
            UNION ALL
            SELECT f.figure_id || ' dated ' || f.as_of || ' before the vote, not interim', 1, 0
            FROM figures f JOIN elections e ON e.election_id = f.election_id
            WHERE f.interim = 0 AND f.as_of_latest < e.date_latest AND e.kind = 'voting_day'
            UNION ALL
            SELECT f.figure_id || ' note says interim, flag does not', 1, 0
            FROM figures f WHERE f.interim = 0 AND LOWER(IFNULL(f.note, '')) LIKE '%interim%'"""),
    # 5. sources and ids
    Rule("source-kind-matches-host", "sources",
         "A source's kind agrees with its host: official only from government, akimat or election-commission sites; encyclopedia "
         "only from Wikipedia and its sister projects; known copy sites always mirror.",
         f"""SELECT s.source_id || ' (' || s.kind || ' at ' || host(s.url) || ')' AS subject, 1 AS expected,
                    (s.kind <> 'official' OR {_host_matches(OFFICIAL_HOSTS)})
                    AND (s.kind <> 'encyclopedia' OR {_host_matches(ENCYCLOPEDIA_HOSTS)})
                    AND (s.kind = 'mirror' OR NOT {_host_matches(COPY_HOSTS)}) AS observed
            FROM sources s"""),
    Rule("published-status-rule", "sources",
         "A source's publication date follows the one rule of `published_status`: a date in the address is never 'not shown'; "
         "'inferred' is the address's date, at its precision; a date the page shows lies within the address's date; "
         "'shown' and 'inferred' carry a date, 'not shown' none; and no page was published after it was read (`accessed`).",
         """SELECT s.source_id || ' (' || s.published_status || ', published ' || IFNULL(s.published, 'empty')
                   || ', address ' || IFNULL(url_date(s.url), 'undated') || ', accessed ' || s.accessed || ')' AS subject, 1 AS expected,
                   (url_date(s.url) IS NULL OR s.published_status <> 'not_shown')
                   AND (s.published_status <> 'inferred' OR s.published IS url_date(s.url))
                   AND (s.published IS NULL OR url_date(s.url) IS NULL OR substr(s.published, 1, length(url_date(s.url))) = url_date(s.url))
                   AND (s.published_status NOT IN ('shown', 'inferred') OR s.published IS NOT NULL)
                   AND (s.published_status <> 'not_shown' OR s.published IS NULL)
                   AND (s.published IS NULL OR s.accessed IS NULL OR s.published <= s.accessed) AS observed
            FROM sources s"""),
    Rule("id-map-resolves", "id_map", "Every id that id_map maps to is a row of the table it names (or is mapped on again later).",
         _id_map_resolves()),
]

# The rules for labels (stage, moment, date, level, range) live in their own module.
from .label_rules import SQL_FUNCTIONS as _LABEL_FUNCTIONS, label_rules  # noqa: E402  (its rules build on this module's)

RULES += label_rules()
SQL_FUNCTIONS.update(_LABEL_FUNCTIONS)
RULE_IDS = [r.id for r in RULES]
assert len(set(RULE_IDS)) == len(RULE_IDS)


# --- column rules, derived from the schema: each table's key, required values and ranges -----------
def _column_rules(name: str, spec: dict) -> list[Rule]:
    key = spec["primaryKey"]
    columns = ", ".join(f'"{k}"' for k in key)
    ident = " || '/' || ".join(f"IFNULL(CAST(\"{k}\" AS TEXT), '')" for k in key)
    out = [Rule("-".join(key) + "-unique", name, f"{' x '.join(key)} identifies each row once.",
                f"SELECT '{name}: ' || {ident} || ' appears ' || COUNT(*) || ' times' AS subject, 1 AS expected, COUNT(*) AS observed "
                f"FROM {name} GROUP BY {columns} HAVING COUNT(*) > 1")]
    for f in spec["fields"]:
        c, column = f.get("constraints", {}), f["name"]
        if c.get("required") and column not in key:
            out.append(Rule(f"{column}-required", name, f"{column} is never empty.",
                            f"SELECT 'row ' || {ident} || ' has no {column}' AS subject, 1 AS expected, 0 AS observed FROM {name} WHERE \"{column}\" IS NULL"))
        if f["type"] in ("integer", "number") and ("minimum" in c or "maximum" in c):
            lo, hi = c.get("minimum"), c.get("maximum")
            parts = [f"SELECT 'row ' || {ident} || ' {column} = ' || {column} AS subject, {hi} AS expected, {column} AS observed "
                     f"FROM {name} WHERE {column} IS NOT NULL"] if hi is not None else []
            parts += [f"SELECT 'row ' || {ident} || ' {column} = ' || {column}, {-lo}, -{column} FROM {name} WHERE {column} IS NOT NULL"] \
                if lo is not None else []
            out.append(Rule(f"{column}-range", name, f"{column} lies within {lo if lo is not None else '-inf'} to {hi if hi is not None else 'inf'}.",
                            " UNION ALL ".join(parts), "le"))
    return out


def column_rules() -> list[Rule]:
    """The schema's own rules for every table, in the same form as the cross-table rules."""
    from .schema import TABLES

    return [rule for name, spec in TABLES.items() for rule in _column_rules(name, spec)]
