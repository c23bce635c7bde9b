"""One figure per thing: the preference policy's flags, one row per fact, and what a figure's columns may hold together."""

from __future__ import annotations

from ...schema import BREAKDOWNS, RARE_DIMENSIONS
from .sql import Rule


# The same thing (see akim_elections.build.preference.GROUP); a fact adds its value and its source.
def _group(t: str = "") -> str:
    return (f"{t}election_id, {t}scope, IFNULL({t}region_id,''), IFNULL({t}district_kato,''), IFNULL({t}contest_id,''), {t}measure, "
            + "".join(f"IFNULL({t}{c},''), " for c in BREAKDOWNS) + f"IFNULL({t}as_of,''), IFNULL({t}time_of_day,'')")


_GROUP = _group()
_FACT = _GROUP + ", value, source_id"


RULES: list[Rule] = [
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
         "The preferred flags are what the preference policy (akim_elections.build.preference) gives; rebuild with scripts/build.py after an edit.",
         """SELECT f.figure_id || CASE WHEN f.preferred = 1 THEN ' is preferred, the policy prefers another' ELSE ' is not preferred, the policy prefers it' END AS subject,
                   (f.figure_id IN (SELECT figure_id FROM policy)) AS expected, f.preferred AS observed
            FROM figures f"""),
    Rule("no-mirror-preferred", "figures",
         "A figure from a mirror or copy is never preferred where another, non-rejected figure for the same thing comes from any other kind of source.",
         f"""SELECT p.figure_id || ' (mirror) over ' || MIN(o.figure_id) AS subject, 0 AS expected, COUNT(*) AS observed
            FROM figures p JOIN sources ps ON ps.source_id = p.source_id
            JOIN figures o ON o.figure_id <> p.figure_id AND o.rejected = 0
             AND ({_group("o.")}) = ({_group("p.")})
            JOIN sources os ON os.source_id = o.source_id AND os.publisher_kind <> 'mirror'
            WHERE p.preferred = 1 AND ps.publisher_kind = 'mirror' GROUP BY p.figure_id"""),
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
         """SELECT f.figure_id || ' (' || f.measure || ' in ' || f.value_unit || ')' AS subject, 1 AS expected,
                   (f.value_unit = (SELECT m.unit FROM measures m WHERE m.measure = f.measure)) AS observed
            FROM figures f"""),
]
