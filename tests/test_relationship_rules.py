"""The catalogue for the rules of how tables relate: each damage, written into a copy, adds offending rows to its rule.

In-process: each copy's changed tables are loaded and its rule computed; every copy's rows then go through Great
Expectations in one batch (no Frictionless, no new process).
Every damage is to a curated value the build keeps as it is (a value, a name, a date, a kind), or to a contest column the
rules read as it stands on disk (a copy of a figure or of the elected candidate), never to something only the build reads
(preferred flags, derived tables, hashes).
"""

from __future__ import annotations

import re

import pytest
from conftest import copy_package
from test_validate import batch_results, edit, final, one

from akim_elections.checks import released, rules
from akim_elections.csvio import read_rows
from akim_elections.schema import MAIN_ELECTION

NEW_RULES = ["unit-in-its-district", "figure-district-in-oblast", "district-as-written-in-source-script", "name-latn-follows-scheme", "winner-is-elected", "elected-has-most-votes",
             "candidate-count-covers-list", "shares-agree-with-counts", "winners-le-contests", "district-contests-within-oblast",
             "share-agrees-with-counts", "national-turnout-among-oblasts", "oblasts-reconcile-with-nation", "as-of-in-election-window",
             "by-election-after-first-direct-vote", "dates-agree-with-bounds", "interim-agrees-with-as-of", "source-kind-matches-host",
             "id-map-resolves", "id-map-moves-gone-ids", "released-id-lives", "national-candidates-add-up", "published-status-rule",
             "ballots-within-votes-cast", "status-agrees-with-result",
             "district-contest-is-its-district"]


def offending_rows(results) -> dict[str, int]:
    """rule id -> number of offending rows."""
    out = {}
    for result in results:
        match = re.match(r"(\d+) of", result.observed)
        out[result.rule] = int(match.group(1)) if match else (0 if result.passed else 1)
    return out


def change(table, finder, edit=edit, **values):
    """A damage: the row finder(rows) of table gets values, written by edit (the published table; or a curated input)."""
    def apply(pkg):
        def rows_changed(rows):
            finder(rows).update(values)
            return rows
        edit(pkg, table, rows_changed)
    return apply


FORT = "2024-09-08-rural-mangystau-fort-sevcenko"
TALGAR = "2024-12-15-rural-almaty-region-talgar"

def reconcile_with_a_figure_not_to_quote(pkg):
    figure = next(f["figure_id"] for f in read_rows(pkg / "data" / "figures.csv") if f["final"] == "false")
    edit(pkg, "reconciliations", lambda rows: [{**rows[0], "total_figure_id": figure}, *rows[1:]])


def released_then_deleted(pkg):
    """A release of the copy's ids (a synthetic releases/ids-0.0.1.csv), after which a candidate is deleted without an id_map row."""
    released.write(pkg, "0.0.1")
    edit(pkg, "candidates", lambda rows: rows[1:])


def mapped_to_itself(rows):
    row = one(rows, table="contests")
    row["new_id"] = row["old_id"]
    return rows


def mapped_though_a_row(pkg):
    first, second = (row["contest_id"] for row in read_rows(pkg / "data" / "contests.csv")[:2])
    edit(pkg, "id_map", lambda rows: [*rows, {**rows[0], "table": "contests", "old_id": first, "new_id": second}])


# damage -> the rule that must gain offending rows
CATALOGUE = {
    "unit moved to another district after 2022": (
        change("contests", lambda rows: one(rows, contest_id="2023-05-21-rural-north-kazakhstan-cerkas"), unit_kato="596643000"),
        "unit-in-its-district"),
    "2021 contest filed under the district its unit lies in today, formed in 2024": (
        change("contests", lambda rows: one(rows, contest_id="2021-07-25-rural-east-kazakhstan-ainabulak"), district_kato="104100000"),
        "unit-in-its-district"),
    "district change dated before the 2021 vote": (
        change("district_changes", lambda rows: one(rows, district_kato="104100000"), signed="2020-12-28", in_force="2021-01-01"),
        "unit-in-its-district"),
    "2021 figure filed under a district formed in 2024": (
        change("figures", lambda rows: one(rows, election_id=MAIN_ELECTION, scope="district", district_kato="101000000"), district_kato="104100000"),
        "figure-district-in-oblast"),
    "crosswalk row cites a source that does not exist": (
        change("district_changes", lambda rows: one(rows, district_kato="104500000"), other_source_ids="no-such-source"),
        "sources-exist"),
    "English gloss for the district a Cyrillic page names": (
        change("contests", lambda rows: one(rows, contest_id="2021-07-25-rural-akmola-bozaigyr"), district_as_written="Shortandy district"),
        "district-as-written-in-source-script"),
    "Russian name of the district for a Kazakh page's wording": (
        change("contests", lambda rows: one(rows, contest_id="2021-07-25-rural-akmola-bozaigyr"), district_as_written="Шортандинский район"),
        "district-as-written-in-source-script"),
    "Cyrillic name of the district for a Latin-script page's wording": (
        change("contests", lambda rows: one(rows, contest_id="2021-07-25-rural-turkistan-abai"), district_as_written="Келес ауданы"),
        "district-as-written-in-source-script"),
    "contest's Latin name from the Russian where KATO gives the Kazakh": (
        change("contests", lambda rows: one(rows, contest_id="2021-07-25-rural-east-kazakhstan-ainabulak"), name_latn="Ainabulakskii selskii okrug"),
        "name-latn-follows-scheme"),
    "oblast's Latin name in an English spelling": (
        change("regions", lambda rows: one(rows, region_id="zhetysu"), name_kk_latn="Zhetysu"),
        "name-latn-follows-scheme"),
    "oblast that lost territory in 2022 recorded as unchanged": (
        change("regions", lambda rows: one(rows, region_id="karaganda"), territory_changed=""), "oblasts-of-every-day"),
    "contest filed under the wrong oblast for its district": (
        change("contests", lambda rows: one(rows, contest_id="2023-05-21-rural-north-kazakhstan-cerkas"), region_id="pavlodar"),
        "unit-in-its-district"),
    "district figure filed under another oblast": (
        change("figures", lambda rows: one(rows, election_id=MAIN_ELECTION, scope="district", region_id="almaty-region", measure="contests"),
               region_id="akmola"), "figure-district-in-oblast"),
    "winner named is not the elected candidate": (
        change("contests", lambda rows: one(rows, contest_id=FORT), winner_name="Айдос Елемесов"), "winner-is-elected"),
    "winner spelt otherwise than the elected candidate": (
        change("contests", lambda rows: one(rows, contest_id=TALGAR), winner_name="Арыстанбек Абилхаирулы"), "winner-is-elected"),
    "winner's age otherwise than the elected candidate's": (
        change("contests", lambda rows: one(rows, contest_id=FORT), winner_age="54"), "winner-is-elected"),
    "district akim's contest placed in a city": (
        change("contests", lambda rows: one(rows, contest_id="2023-11-05-district-aktobe-uil"), district_kato="151000000"),
        "district-contest-is-its-district"),
    "district akim's contest given a rural unit": (
        change("contests", lambda rows: one(rows, contest_id="2023-11-05-district-aktobe-uil"), unit_kato="154851000"),
        "district-contest-is-its-district"),
    "more against-all ballots than votes cast": (
        change("contests", lambda rows: one(rows, contest_id=TALGAR), votes_against_all="12876"), "ballots-within-votes-cast"),
    "more invalid ballots than votes cast": (
        change("contests", lambda rows: one(rows, ballots_invalid="239"), ballots_invalid="4000"), "ballots-within-votes-cast"),
    "contest with a result filed as announced only": (
        change("contests", lambda rows: one(rows, contest_id=TALGAR), status="announced_only"), "status-agrees-with-result"),
    "a losing candidate given the most votes": (
        change("candidates", lambda rows: one(rows, contest_id=FORT, name_latn="Gibrat Muhambet"), votes="1800"), "elected-has-most-votes"),
    "fewer candidates than listed": (change("contests", lambda rows: one(rows, contest_id=FORT), candidates_registered="2"),
                                     "candidate-count-covers-list"),
    "turnout that its counts do not give": (
        change("contests", lambda rows: one(rows, contest_id="since-2022-03-rural-pavlodar-kenes"), turnout_pct="60.4"),
        "shares-agree-with-counts"),
    "more winners than contests": (change("figures", lambda rows: final(rows, "region", "winners", "atyrau"), value="19"),
                                   "winners-le-contests"),
    "district contests above the oblast's": (
        change("figures", lambda rows: one(rows, figure_id="2021-07-25-rural-kyzylorda-siely-contests-qz-inform-kz-432521"),
               value="30"), "district-contests-within-oblast"),
    "share that its counts do not give": (
        change("figures", lambda rows: one(rows, figure_id="2021-07-25-rural-kz-winners-pct-nur-otan-cryer-org-uk-0874d7"), value="80.1"),
        "share-agrees-with-counts"),
    "national turnout outside the oblasts'": (change("figures", lambda rows: final(rows, "national", "turnout_pct"), value="99.9"),
                                              "national-turnout-among-oblasts"),
    "oblast winners beyond the nation's": (change("figures", lambda rows: final(rows, "region", "winners", "akmola"), value="600"),
                                           "oblasts-reconcile-with-nation"),
    "figure dated years after its election": (
        change("figures", lambda rows: one(rows, figure_id="2021-07-25-rural-akmola-candidates-nominated-2021-07-07-akmolinform-kz-fa9f4b"),
               as_of="2024-07-07", as_of_earliest="2024-07-07", as_of_latest="2024-07-07"), "as-of-in-election-window"),
    "by-election dated before the first direct vote": (
        change("elections", lambda rows: one(rows, election_id="2021-11-04-rural"), date="2021-05-04", date_earliest="2021-05-04",
               date_latest="2021-05-04"),
        "by-election-after-first-direct-vote"),
    "month-precise period ending in another month": (
        change("elections", lambda rows: one(rows, election_id="2017-08-rural-indirect"), date_latest="2017-10-01"), "dates-agree-with-bounds"),
    "an open period bounded from another day": (
        change("elections", lambda rows: one(rows, election_id="xxxx-06-29-rural-turkistan"), date_earliest="2022-06-30"),
        "dates-agree-with-bounds"),
    "an event's bounds not its date's": (
        change("events", lambda rows: one(rows, date="2001-10"), date_latest="2001-11-30"), "dates-agree-with-bounds"),
    "an undated vote without its oblast": (
        change("elections", lambda rows: one(rows, election_id="undated-rural-akmola"), region_id=""), "undated-vote-has-its-oblast"),
    "a contest outside its election's oblast": (
        change("contests", lambda rows: one(rows, election_id="undated-rural-akmola"), region_id="pavlodar"), "undated-vote-has-its-oblast"),
    "a contest filed under a period total": (
        change("contests", lambda rows: one(rows, contest_id="2021-rural-kyzylorda-akkum"), election_id="2021-rural-by-elections"),
        "totals-are-not-votes"),
    "interim figure without a time": (
        change("figures", lambda rows: one(rows, election_id=MAIN_ELECTION, scope="region", measure="turnout_pct", time_of_day="14:00",
                                           region_id="kostanay"), time_of_day=""), "interim-agrees-with-as-of"),
    "news site filed as official": (change("sources", lambda rows: one(rows, publisher_kind="national_media"), publisher_kind="official"),
                                    "source-kind-matches-host"),
    "wiki copy filed as encyclopedia": (
        change("sources", lambda rows: next(r for r in rows if "atozwiki.com" in r["url"]), publisher_kind="encyclopedia"), "source-kind-matches-host"),
    "dated address marked not shown": (
        change("sources", lambda rows: one(rows, source_id="astanatimes-com-c9db58"), published="", published_status="not_shown"),
        "published-status-rule"),
    "inferred date other than the address's": (
        change("sources", lambda rows: one(rows, source_id="ru-ult-kz-bc8caf"), published="2021-07-26"), "published-status-rule"),
    "month-only address given a day as inferred": (
        change("sources", lambda rows: one(rows, source_id="astanatimes-com-c9db58"), published="2023-08-13"), "published-status-rule"),
    "page shows a date outside its address's month": (
        change("sources", lambda rows: one(rows, source_id="astanatimes-com-2cb959"), published="2025-11-01"), "published-status-rule"),
    "not shown but dated": (
        change("sources", lambda rows: one(rows, source_id="kt-kz-d91939"), published="2021-07-25"), "published-status-rule"),
    "published after it was read": (
        change("sources", lambda rows: one(rows, source_id="7-su-kz-8fce50"), accessed="2024-12-31"), "published-status-rule"),
    "id mapped to a row that does not exist": (change("id_map", lambda rows: one(rows, table="candidates"), new_id="no-such-candidate"),
                                               "id-map-resolves"),
    "a released id deleted without an id_map row": (released_then_deleted, "released-id-lives"),
    "an id mapped to itself": (lambda pkg: edit(pkg, "id_map", mapped_to_itself), "id-map-moves-gone-ids"),
    "an id mapped away that is still a row": (mapped_though_a_row, "id-map-moves-gone-ids"),
    "oblast's current ISO code not its KATO prefix": (
        change("regions", lambda rows: one(rows, region_id="akmola"), iso_3166_2_current="KZ-99"), "oblast-codes-agree"),
    "oblast of 2022 given a code of 2021": (
        change("regions", lambda rows: one(rows, region_id="abai"), iso_3166_2="KZ-ABA"), "oblast-codes-agree"),
    "reconciliation against a figure that is not final": (reconcile_with_a_figure_not_to_quote, "reconciled-total-is-final"),
    "a source no row cites": (
        lambda pkg: edit(pkg, "sources", lambda rows: rows + [{**rows[0], "source_id": "example-org-000000", "url": "https://example.org/x"}]),
        "every-source-cited"),
    "national candidates no longer add up by gender": (
        change("figures", lambda rows: final(rows, "national", "candidates", stage="registered", gender="male"), value="1840"),
        "national-candidates-add-up"),
}


def catalogue_counts(catalogue: dict, clean_rules, tmp_path_factory, clean_package, prefix: str) -> dict:
    """kind (and "clean") -> rule id -> offending rows, every damaged copy's rule checked in one Great Expectations batch."""
    copies = {"clean": (clean_package[0], [r for r in rules.RULES if r.id in set(clean_rules)])}
    for i, (kind, (damage, rule_id)) in enumerate(catalogue.items()):
        pkg = copy_package(tmp_path_factory.mktemp(f"{prefix}{i}") / "pkg")
        damage(pkg)
        copies[kind] = (pkg, [r for r in rules.RULES if r.id == rule_id])
    return {name: offending_rows(results) for name, results in batch_results(copies, clean_package).items()}


@pytest.fixture(scope="module")
def counts(tmp_path_factory, clean_package) -> dict:
    return catalogue_counts(CATALOGUE, {rule for _, rule in CATALOGUE.values()}, tmp_path_factory, clean_package, "damage")


def assert_damage_adds_rows(catalogue: dict, counts: dict, kind: str) -> None:
    """The damage `kind` of a catalogue gives its rule more offending rows than the clean package has."""
    rule = catalogue[kind][1]
    after, before = counts[kind][rule], counts["clean"][rule]
    assert after > before, f"{kind}: {rule} has {after} offending rows, as many as the clean package"


@pytest.mark.parametrize("kind", list(CATALOGUE))
def test_damage_adds_offending_rows_to_its_rule(kind, counts):
    assert_damage_adds_rows(CATALOGUE, counts, kind)


def test_every_relationship_rule_is_tripped_by_some_damage():
    assert set(NEW_RULES) <= set(rules.RULE_IDS)
    assert set(NEW_RULES) - {rule for _, rule in CATALOGUE.values()} == set()

