"""Contests and candidates: a contest's result agrees with itself, with its candidates and with its oblast's count."""

from __future__ import annotations

from ...schema import LEVEL_OF_POST_TYPE, MAIN_ELECTION
from .sql import _REGION_CONTESTS, _TOLERANCE, Rule

# A contest whose vote is on record: what no page from before the vote can give.
_HAS_RESULT = ("EXISTS (SELECT 1 FROM candidates k WHERE k.contest_id = {c}.contest_id AND (k.elected = 1 OR k.votes IS NOT NULL)) "
               "OR {c}.votes_cast IS NOT NULL OR {c}.turnout_pct IS NOT NULL OR {c}.winner_share_pct IS NOT NULL "
               "OR {c}.votes_against_all IS NOT NULL OR {c}.votes_against_all_pct IS NOT NULL OR {c}.ballots_invalid IS NOT NULL "
               "OR {c}.votes_at_home IS NOT NULL")

RULES: list[Rule] = [
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
                    (SELECT COUNT(*) FROM contests c WHERE c.election_id = '{MAIN_ELECTION}' AND c.region_id = rc.region_id) AS observed
            FROM ({_REGION_CONTESTS}) rc WHERE rc.contests IS NOT NULL
            UNION ALL
            SELECT rc.region_id || ' complete', -rc.contests,
                   -(SELECT COUNT(*) FROM contests c WHERE c.election_id = '{MAIN_ELECTION}' AND c.region_id = rc.region_id)
            FROM ({_REGION_CONTESTS}) rc
            WHERE rc.contests = (SELECT COUNT(*) FROM contests c WHERE c.election_id = '{MAIN_ELECTION}' AND c.region_id = rc.region_id
                                 AND c.winner_name IS NOT NULL)""", "le"),
    Rule("contest-type-fits-level", "contests",
         "A contest's type and its election's level agree: rural districts, villages and towns in a rural election, districts in a "
         "district election, cities of oblast significance in a city election.",
         """SELECT c.contest_id || ' (' || c.post_type || ') in a ' || e.akim_level || ' election' AS subject, 1 AS expected,
                   (CASE c.post_type """ + " ".join(f"WHEN '{t}' THEN '{lvl}'" for t, lvl in LEVEL_OF_POST_TYPE.items()) + """ END) = e.akim_level AS observed
            FROM contests c JOIN elections e ON e.election_id = c.election_id WHERE c.post_type IS NOT NULL"""),
    Rule("district-contest-is-its-district", "contests",
         "A district or city akim's contest is placed by its district alone: no sub-district unit, and a `district_kato` that "
         "KATO lists as a district for a district akim and as a city for a city akim, in the contest's oblast.",
         """SELECT c.contest_id || ' (' || c.post_type || ' in ' || IFNULL(c.district_kato, 'no district') || ')' AS subject, 1 AS expected,
                   (c.unit_kato IS NULL AND d.district_type IS c.post_type AND d.region_id IS c.region_id) AS observed
            FROM contests c LEFT JOIN districts d ON d.district_kato = c.district_kato WHERE c.post_type IN ('district', 'city')"""),
    Rule("winner-is-elected", "contests",
         "Where a contest has a candidate marked elected, its winner columns are that candidate's, spelt the same (name, Latin "
         "name, gender, age, incumbency, party, votes); a contest that names a winner while its candidates are listed has one of "
         "them marked elected.",
         """SELECT c.contest_id || ' winner ' || IFNULL(c.winner_name, '(none)') AS subject, 1 AS expected,
                   (c.winner_name IS k.name AND c.winner_name_latn IS k.name_latn AND c.winner_party_id IS k.party_id
                    AND c.winner_votes IS k.votes AND c.winner_gender IS k.gender AND c.winner_age IS k.age
                    AND c.winner_incumbent IS k.incumbent) AS observed
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
         """SELECT c.contest_id AS subject, c.candidates_registered AS expected, COUNT(k.candidate_id) AS observed
            FROM contests c JOIN candidates k ON k.contest_id = c.contest_id WHERE c.candidates_registered IS NOT NULL GROUP BY c.contest_id""", "le"),
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
]
