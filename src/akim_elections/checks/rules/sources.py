"""Sources and references: every row cites a source that exists, a source's kind and date agree with its address, every reference names a row."""

from __future__ import annotations

import re

from ...schema import TABLES
from .sql import Rule

# Every curated table whose rows cite a source, with its key (both read from the schema).
_CITING = {name: spec["primaryKey"][0] for name, spec in TABLES.items()
           if spec["kind"] == "curated" and name != "sources" and any(f["name"] == "source_id" for f in spec["fields"])}

# The tables whose rows cite further sources in `other_source_ids` (ids separated by spaces).
_FURTHER = [name for name, spec in TABLES.items() if any(f["name"] == "other_source_ids" for f in spec["fields"])]
# Every source id some row cites (its `source_id` or one of its `other_source_ids`).
_CITED = " UNION ".join([f"SELECT source_id FROM {t}" for t in _CITING] + [
    f"""SELECT j.value FROM {t} x, json_each('["' || REPLACE(IFNULL(x.other_source_ids, ''), ' ', '","') || '"]') j WHERE j.value <> ''"""
    for t in _FURTHER])


def _sources_exist() -> str:
    parts = [f"SELECT '{t}: ' || {key} || ' cites ' || IFNULL(source_id, '(none)') AS subject, 1 AS expected, "
             f"(source_id IN (SELECT source_id FROM sources)) AS observed FROM {t}" for t, key in _CITING.items()]
    parts += [f"""SELECT '{t}: ' || x.{_CITING[t]} || ' cites ' || j.value, 1, (j.value IN (SELECT source_id FROM sources))
            FROM {t} x, json_each('["' || REPLACE(IFNULL(x.other_source_ids, ''), ' ', '","') || '"]') j WHERE j.value <> ''"""
              for t in _FURTHER]
    return " UNION ALL ".join(parts)


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


def _references_exist() -> str:
    """SQL rows: every value of a foreign key (as the schema declares them) that names no row of the table it refers to."""
    parts = []
    for table, spec in TABLES.items():
        ident = " || '/' || ".join(f'x."{k}"' for k in spec["primaryKey"])
        for fk in spec["foreignKeys"]:
            field, ref, ref_field = fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"]
            parts.append(f"""SELECT '{table}: ' || {ident} || ' has {field} ' || x."{field}" || ', not a {ref_field} of {ref}' AS subject,
                                    1 AS expected, 0 AS observed
                             FROM {table} x WHERE x."{field}" IS NOT NULL AND x."{field}" NOT IN (SELECT "{ref_field}" FROM {ref})""")
    return " UNION ALL ".join(parts)


def _host_matches(hosts) -> str:
    return "(" + " OR ".join(f"host(s.url) = '{h}' OR host(s.url) LIKE '%.{h}' OR instr(host(s.url), '{h}') > 0"
                             if "." not in h else f"host(s.url) = '{h}' OR host(s.url) LIKE '%.{h}'" for h in hosts) + ")"


SQL_FUNCTIONS = {"host": host, "url_date": url_date}

RULES: list[Rule] = [
    Rule("sources-exist", "sources", "Every row of every curated table cites a source that exists in the sources table.",
         _sources_exist()),
    Rule("references-exist", "package",
         "Every reference names an existing row: each value of a foreign key the schema declares (a figure's `region_id`, a "
         "contest's `unit_kato`...) is a key of the table it refers to.",
         _references_exist()),
    Rule("every-source-cited", "sources",
         "Every source is cited by some row (its `source_id` or `other_source_ids`): the sources table lists only pages a value "
         "comes from.",
         f"""SELECT s.source_id AS subject, 1 AS expected, (s.source_id IN ({_CITED})) AS observed FROM sources s"""),
    Rule("source-kind-matches-host", "sources",
         "A source's kind agrees with its host: official only from government, akimat or election-commission sites; encyclopedia "
         "only from Wikipedia and its sister projects; known copy sites always mirror.",
         f"""SELECT s.source_id || ' (' || s.publisher_kind || ' at ' || host(s.url) || ')' AS subject, 1 AS expected,
                    (s.publisher_kind <> 'official' OR {_host_matches(OFFICIAL_HOSTS)})
                    AND (s.publisher_kind <> 'encyclopedia' OR {_host_matches(ENCYCLOPEDIA_HOSTS)})
                    AND (s.publisher_kind = 'mirror' OR NOT {_host_matches(COPY_HOSTS)}) AS observed
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
]
