"""Places of the day: the oblasts and districts that existed on an election's day, and how places are named."""

from __future__ import annotations

from ...translit import kk_latn
from .sql import Rule

# The oblasts as the published record has them, which regions.csv must match: 14 on 25 July 2021, and 3 formed by
# decree on 8 June 2022, each from an oblast that lost territory that day. The other rules read regions.csv itself.
OBLASTS_2021, OBLASTS_FORMED, FORMED_ON = 14, 3, "2022-06-08"
# After an oblast was formed from others (regions.valid_from), a district whose KATO prefix is the new oblast's sits in it.
_IN_WRONG_NEW_OBLAST = """EXISTS (SELECT 1 FROM regions n WHERE n.formed_from IS NOT NULL AND substr(n.region_kato, 1, 2) = substr(x.{district}, 1, 2)
                                  AND e.date_earliest >= n.valid_from AND x.region_id <> n.region_id)"""


# The first and last day election e can have been held on (the last is NULL where no bound is known).
_EARLIEST, _LATEST = "e.date_earliest", "e.date_latest"
# The day the oblast of district d was formed (NULL for an oblast of 2021, whose districts' oblast never changed).
_SPLIT_DAY = "(SELECT s.valid_from FROM regions s WHERE s.region_id = d.region_id)"
# Where an election's date may fall on either side of that day, the oblast is the one the source names.
_ACROSS_SPLIT = f"({_LATEST} IS NULL OR ({_EARLIEST} < {_SPLIT_DAY} AND {_LATEST} >= {_SPLIT_DAY}))"
# The oblast a row names existed while its election can have been held, and a district of a new oblast sits in it.
_REGION_OF_DAY = """
    SELECT '{t}: ' || x.{pk} || ' in ' || x.region_id AS subject, 1 AS expected,
           ((r.valid_from IS NULL OR e.date_latest IS NULL OR e.date_latest >= r.valid_from) AND (r.valid_to IS NULL OR e.date_earliest <= r.valid_to)
            AND NOT """ + _IN_WRONG_NEW_OBLAST + """) AS observed
    FROM {t} x JOIN regions r ON r.region_id = x.region_id JOIN elections e ON e.election_id = x.election_id"""
# A row {x} with a district d lies in the oblast d belonged to on its election e's day: the oblast of 2021 before the 2022
# splits, the new one after; on a day no source gives, either (the oblast is the one the source names).
_IN_OBLAST_OF_DAY = f"""(CASE WHEN {_ACROSS_SPLIT} THEN {{x}}.region_id IN (d.region_id, d.region_id_2021)
                             WHEN e.date_earliest >= {_SPLIT_DAY} THEN {{x}}.region_id = d.region_id
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
# Languages of the sources table written in Latin letters.
LATIN_SCRIPT_LANGUAGES = ("kk-Latn", "ru-Latn", "en", "pt", "it", "sv", "uz", "de", "fr")
CYRILLIC = "[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]"  # a GLOB class: the Russian and Kazakh Cyrillic letters


# Python functions the rules' SQL calls, registered on the SQLite connection by the validation.
def latin(name: str | None) -> str | None:
    """The package's one Latin form of a Cyrillic name (``translit.kk_latn``), for SQL."""
    return None if name is None else kk_latn(name)


SQL_FUNCTIONS = {"latin": latin}

RULES: list[Rule] = [
    Rule("oblasts-of-every-day", "regions",
         "The 14 oblasts of 2021 exist from before the first election; Abai, Zhetysu and Ulytau from 8 June 2022, formed from "
         "East Kazakhstan, Almaty and Karaganda, whose territory changed that day; no other oblast.",
         f"""SELECT 'oblasts' AS subject, {OBLASTS_2021 + OBLASTS_FORMED} AS expected, (SELECT COUNT(*) FROM regions) AS observed
            UNION ALL SELECT 'oblasts of 2021', {OBLASTS_2021}, (SELECT COUNT(*) FROM regions WHERE valid_from IS NULL)
            UNION ALL SELECT 'oblasts formed {FORMED_ON}', {OBLASTS_FORMED}, (SELECT COUNT(*) FROM regions WHERE valid_from = '{FORMED_ON}')
            UNION ALL SELECT 'oblasts formed from another', {OBLASTS_FORMED}, (SELECT COUNT(*) FROM regions WHERE formed_from IS NOT NULL)
            UNION ALL SELECT 'oblasts that lost territory', {OBLASTS_FORMED}, (SELECT COUNT(*) FROM regions WHERE territory_changed IS NOT NULL)
            UNION ALL SELECT n.region_id || ' formed from ' || IFNULL(n.formed_from, '(none)') || ', which changed on ' || IFNULL(n.valid_from, '(none)'),
                             1, IFNULL(o.territory_changed = n.valid_from, 0)
            FROM regions n LEFT JOIN regions o ON o.region_id = n.formed_from WHERE n.valid_from IS NOT NULL OR n.formed_from IS NOT NULL"""),
    Rule("oblast-codes-agree", "regions",
         "An oblast's current ISO 3166-2 code is `KZ-` and the first two digits of its KATO code, and it has a code of the 2021 "
         "series exactly when it existed on 25 July 2021.",
         """SELECT region_id || ' (' || iso_3166_2_current || ', KATO ' || region_kato || ', 2021 code ' || IFNULL(iso_3166_2, 'none') || ')' AS subject,
                   1 AS expected,
                   (iso_3166_2_current = 'KZ-' || substr(region_kato, 1, 2)) AND ((iso_3166_2 IS NOT NULL) = (valid_from IS NULL)) AS observed
            FROM regions"""),
    Rule("oblast-of-the-day", "contests",
         "Every contest and figure sits in an oblast that existed on its election day, and after 8 June 2022 a district of Abai, "
         "Zhetysu or Ulytau sits in that oblast.",
         _REGION_OF_DAY.format(t="contests", pk="contest_id", district="district_kato") + " UNION ALL "
         + _REGION_OF_DAY.format(t="figures", pk="figure_id", district="district_kato")),
    Rule("unit-in-its-district", "contests",
         "A contest's unit (its KATO code) lay in the contest's district on election day, and that district in the contest's oblast: "
         "for a unit of a district formed since 2021, the district it was split off from until the change took effect "
         "(see district_changes); a district of Abai, Zhetysu or Ulytau sits in the oblast it was part of before 8 June 2022.",
         f"""SELECT c.contest_id || ' unit ' || c.unit_kato || ' in district ' || c.district_kato AS subject, 1 AS expected,
                    {_UNIT_IN_DISTRICT_OF_DAY.format(x="c")} AS observed
            FROM contests c JOIN elections e ON e.election_id = c.election_id JOIN units u ON u.unit_kato = c.unit_kato
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
                   c.name_latn IS COALESCE((SELECT u.name_latn FROM units u WHERE u.unit_kato = c.unit_kato),
                                           CASE WHEN c.post_type IN ('district', 'city') THEN
                                                (SELECT d.name_latn FROM districts d WHERE d.district_kato = c.district_kato) END,
                                           latin(c.name_kk), latin(c.name_ru), c.name_latn)
                   AND c.winner_name_latn IS latin(c.winner_name) AS observed
            FROM contests c
            UNION ALL SELECT 'candidates: ' || candidate_id, 1, name_latn IS latin(name) FROM candidates
            UNION ALL SELECT 'regions: ' || region_id, 1, name_kk_latn = latin(name_kk) FROM regions
            UNION ALL SELECT 'districts: ' || district_kato, 1, name_latn = latin(name_kk) FROM districts
            UNION ALL SELECT 'units: ' || unit_kato, 1, name_latn = latin(name_kk) FROM units
            UNION ALL SELECT 'posts: ' || post_kato, 1, name_latn = latin(name_kk) FROM posts"""),
]
