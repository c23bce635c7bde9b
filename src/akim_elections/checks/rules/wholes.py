"""Parts and wholes: oblasts add up to the nation, districts to their oblast, parts to their total, shares to counts."""

from __future__ import annotations

from ...quote import FINAL_SQL, sql as quote_sql
from ...schema import BREAKDOWNS, MAIN_ELECTION
from .sql import _PREFERRED_FINAL, _REGION_CONTESTS, _TOLERANCE, Rule, _breakdown, _final, _total

# A district is one place under all its spellings: its KATO code.
_DISTRICT = "IFNULL({t}district_kato, '')"


def _same_breakdown(a: str, b: str, *free: str) -> str:
    """SQL: figures ``a`` and ``b`` have the same breakdowns, except the columns in ``free``."""
    return " AND ".join(f"IFNULL({a}{c},'') = IFNULL({b}{c},'')" for c in BREAKDOWNS if c not in free)


def _same_place(a: str, b: str) -> str:
    return (f"{a}.election_id = {b}.election_id AND {a}.scope = {b}.scope AND IFNULL({a}.region_id,'') = IFNULL({b}.region_id,'') "
            f"AND IFNULL({a}.district_kato,'') = IFNULL({b}.district_kato,'') AND IFNULL({a}.contest_id,'') = IFNULL({b}.contest_id,'')")


# Every preferred final figure of any election (not only 25 July 2021), exact ones only where a value is compared.
_USE = f"(SELECT * FROM figures WHERE preferred = 1 AND {FINAL_SQL})"
_USE_EXACT = f"(SELECT * FROM figures WHERE preferred = 1 AND qualifier = 'exact' AND {FINAL_SQL})"


RULES: list[Rule] = [
    Rule("regional-contests-sum", "figures",
         "The oblasts' preferred contest counts add up to the national count plus the difference recorded in reconciliations.",
         f"""SELECT 'sum of oblast contests' AS subject,
                    {_final()} + IFNULL((SELECT difference FROM reconciliations WHERE election_id = '{MAIN_ELECTION}' AND measure = 'contests'), 0) AS expected,
                    (SELECT SUM(contests) FROM ({_REGION_CONTESTS})) AS observed
            UNION ALL
            SELECT 'recorded parts_sum is the current sum', (SELECT SUM(contests) FROM ({_REGION_CONTESTS})), parts_sum
            FROM reconciliations WHERE election_id = '{MAIN_ELECTION}' AND measure = 'contests'"""),
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
         """SELECT figure_id AS subject, 100 AS expected, value AS observed FROM figures WHERE value_unit = 'percent'
            UNION ALL SELECT figure_id, 0, -value FROM figures WHERE value_unit = 'percent'""", "le"),
    Rule("winners-le-contests", "figures", "In every place and election, the preferred winners never exceed the preferred contests.",
         f"""SELECT a.figure_id AS subject, b.value AS expected, a.value AS observed
            FROM {_USE} a JOIN {_USE} b ON {_same_place("a", "b")} AND {_same_breakdown("a.", "b.")}
            WHERE a.measure = 'winners' AND b.measure = 'contests' AND {_total("a.", "stage")}""", "le"),
    Rule("district-contests-within-oblast", "figures",
         "On 25 July 2021 an oblast's districts' preferred contest counts add up to no more than the oblast's, and to exactly "
         "the oblast's where every district of the oblast (not the cities) has a count.",
         f"""SELECT rc.region_id || ' districts' AS subject, rc.contests AS expected, SUM(f.value) AS observed
            FROM ({_REGION_CONTESTS}) rc JOIN {_USE} f ON f.region_id = rc.region_id
            WHERE rc.contests IS NOT NULL AND f.election_id = '{MAIN_ELECTION}' AND f.scope = 'district' AND f.measure = 'contests'
              AND {_total("f.", "stage")} AND f.stage IS NULL
            GROUP BY rc.region_id
            UNION ALL
            SELECT rc.region_id || ' districts (every district counted)', -rc.contests, -SUM(f.value)
            FROM ({_REGION_CONTESTS}) rc JOIN {_USE} f ON f.region_id = rc.region_id
            WHERE rc.contests IS NOT NULL AND f.election_id = '{MAIN_ELECTION}' AND f.scope = 'district' AND f.measure = 'contests'
              AND {_total("f.", "stage")} AND f.stage IS NULL
              AND NOT EXISTS (SELECT 1 FROM districts d WHERE d.region_id_2021 = rc.region_id AND d.district_type = 'district' AND d.formed_from IS NULL
                              AND d.district_kato NOT IN (SELECT g.district_kato FROM {_USE} g WHERE g.election_id = '{MAIN_ELECTION}'
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
                    n.value + IFNULL((SELECT MAX(difference, 0) FROM reconciliations x WHERE x.total_figure_id = n.figure_id), 0) AS expected,
                    SUM(r.value) AS observed
            FROM {_USE} n JOIN {_USE} r ON r.election_id = n.election_id AND r.scope = 'region' AND r.measure = n.measure
              AND IFNULL(r.stage,'') = IFNULL(n.stage,'') AND {_total("r.", "stage")}
            WHERE n.election_id = '{MAIN_ELECTION}' AND n.scope = 'national' AND {_total("n.", "stage")}
              AND (n.measure = 'winners' OR (n.measure = 'candidates' AND n.stage = 'registered'))
            GROUP BY n.figure_id
            UNION ALL
            SELECT n.measure || ' ' || IFNULL(n.stage, '') || ': all oblasts = nation', -(n.value + IFNULL((SELECT difference FROM reconciliations x
                       WHERE x.total_figure_id = n.figure_id), 0)), -SUM(r.value)
            FROM {_USE} n JOIN {_USE} r ON r.election_id = n.election_id AND r.scope = 'region' AND r.measure = n.measure
              AND IFNULL(r.stage,'') = IFNULL(n.stage,'') AND {_total("r.", "stage")}
            WHERE n.election_id = '{MAIN_ELECTION}' AND n.scope = 'national' AND {_total("n.", "stage")}
              AND (n.measure = 'winners' OR (n.measure = 'candidates' AND n.stage = 'registered'))
            GROUP BY n.figure_id HAVING COUNT(DISTINCT r.region_id) >= (SELECT COUNT(*) FROM regions WHERE valid_from IS NULL)""", "le"),
    Rule("reconciled-total-is-final", "reconciliations",
         "A reconciliation compares the oblasts with a figure to quote: its `total_figure_id` is a final figure of the election as a "
         "whole, of the reconciliation's election and measure.",
         f"""SELECT r.reconciliation_id || ' against ' || r.total_figure_id AS subject, 1 AS expected,
                    EXISTS (SELECT 1 FROM figures f WHERE f.figure_id = r.total_figure_id AND {quote_sql("f.")}
                            AND f.election_id = r.election_id AND f.measure = r.measure) AS observed
            FROM reconciliations r"""),
]
