"""Dates: EDTF dates and their bounds agree, elections run forwards, and figures stand within their election's window."""

from __future__ import annotations

from .sql import Rule

FIRST_DIRECT_VOTE = "2021-07-25"
# SQL: the first and last day an EDTF date {d} of the package's forms can mean (see akim_elections.edtf).
_START = "(CASE WHEN instr({d}, '/') > 0 THEN substr({d}, 1, instr({d}, '/') - 1) ELSE {d} END)"
_END = "(CASE WHEN instr({d}, '/') > 0 THEN substr({d}, instr({d}, '/') + 1) ELSE {d} END)"
_LOWER = ("(CASE length(" + _START + ") WHEN 4 THEN " + _START + " || '-01-01' WHEN 7 THEN " + _START + " || '-01' ELSE " + _START + " END)")
_UPPER = ("(CASE WHEN " + _END + " = '..' THEN NULL WHEN length(" + _END + ") = 4 THEN " + _END + " || '-12-31' WHEN length(" + _END
          + ") = 7 THEN date(" + _END + " || '-01', '+1 month', '-1 day') ELSE " + _END + " END)")
# The first and last day election e can have been held on (the last is NULL where no bound is known).
_EARLIEST, _LATEST = "e.date_earliest", "e.date_latest"
# The window of an election's figures: from its call (at most CALL_DAYS before the first day) to REPORT_DAYS
# after its last day; a running total (no last day) has no end.
CALL_DAYS, REPORT_DAYS = 90, 365

RULES: list[Rule] = [
    Rule("dates-agree-with-bounds", "elections",
         "An EDTF date and its first and last possible days agree: the bounds of elections, events and figures are the date's own "
         "(an election's date without a year starts in its `first_year`; rebuild with scripts/build.py after an edit).",
         f"""SELECT election_id AS subject, 1 AS expected,
                   CASE WHEN date LIKE 'XXXX%' THEN date_earliest IS first_year || substr(date, 5) || (CASE WHEN length(date) = 7 THEN '-01' ELSE '' END)
                                                   AND date_latest IS NULL
                        ELSE date_earliest IS {_LOWER.format(d="date")} AND date_latest IS {_UPPER.format(d="date")} END AS observed
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
            FROM elections WHERE election_kind = 'voting_day' AND direct = 1 AND date_earliest >= '{FIRST_DIRECT_VOTE}'
            UNION ALL
            SELECT c.contest_id || ' in ' || c.region_id, 1, c.region_id = e.region_id
            FROM contests c JOIN elections e ON e.election_id = c.election_id WHERE e.region_id IS NOT NULL
            UNION ALL
            SELECT f.figure_id || ' in ' || IFNULL(f.region_id, 'the nation'), 1, IFNULL(f.region_id, '') = e.region_id
            FROM figures f JOIN elections e ON e.election_id = f.election_id WHERE e.region_id IS NOT NULL"""),
    Rule("totals-are-not-votes", "elections",
         "Contests belong to votes, never to a period or running total; a running total's figures say the date they run to.",
         """SELECT c.contest_id || ' in ' || e.election_id AS subject, 1 AS expected, e.election_kind = 'voting_day' AS observed
            FROM contests c JOIN elections e ON e.election_id = c.election_id
            UNION ALL
            SELECT f.figure_id || ' without as_of', 1, f.as_of IS NOT NULL
            FROM figures f JOIN elections e ON e.election_id = f.election_id WHERE e.election_kind = 'running_total'"""),
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
            FROM elections WHERE election_type = 'by_election' AND akim_level = 'rural' AND direct = 1"""),
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
            WHERE f.interim = 0 AND f.as_of_latest < e.date_latest AND e.election_kind = 'voting_day'
            UNION ALL
            SELECT f.figure_id || ' note says interim, flag does not', 1, 0
            FROM figures f WHERE f.interim = 0 AND LOWER(IFNULL(f.note, '')) LIKE '%interim%'"""),
]
