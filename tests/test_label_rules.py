"""The catalogue for the label rules (akim_elections.checks.rules.labels): each damage, written into a copy, adds offending rows to its rule.

Run in-process like tests/test_relationship_rules.py: each copy's changed tables are loaded and its rule computed, and
every copy's rows go through Great Expectations in one batch.
"""

from __future__ import annotations

import json

import pytest
from test_relationship_rules import assert_damage_adds_rows, catalogue_counts, change
from test_validate import MAIN_ELECTION as MAIN, edit, final, one

from akim_elections.checks import rules
from akim_elections.checks.rules import labels as label_rules
from akim_elections.checks.validate import load_frames, policy_ids, sqlite_copy

LABEL_RULES = [r.id for r in label_rules.label_rules()]
KARAGANDA_SELF = "2021-07-25-rural-karaganda-candidates-registered-self-nominated-ekaraganda-kz-a49d16"
AKMOLA_SELF = "2021-07-25-rural-akmola-candidates-registered-self-nominated-arka-azhary-kz-c16391"


def dated_figure(pkg_rows_sources):
    """A figure with a full-day as_of from a page with a full-day date."""
    rows, published = pkg_rows_sources
    return next(r for r in rows if r["as_of"][:1].isdigit() and len(r["as_of"]) == 10 and len(published.get(r["source_id"], "")) == 10)


def figure_after_its_page(pkg):
    from akim_elections.csvio import read_rows
    published = {s["source_id"]: s["published"] for s in read_rows(pkg / "data" / "sources.csv")}

    def later(rows):
        row = dated_figure((rows, published))
        year = int(published[row["source_id"]][:4]) + 1
        day = f"{year}{published[row['source_id']][4:]}"
        row.update(as_of=day, as_of_earliest=day, as_of_latest=day)
        return rows
    edit(pkg, "figures", later)


def copied_into(election):
    """The first contest of the main election with a KATO code, pasted into another election (a new id, the same post)."""
    def apply(pkg):
        def paste(rows):
            row = dict(next(r for r in rows if r["election_id"] == MAIN and r["unit_kato"] and r["region_id"] == "akmola"))
            row.update(contest_id=row["contest_id"] + "-again", election_id=election)
            return rows + [row]
        edit(pkg, "contests", paste)
    return apply


def on_day(election, day):
    return change("elections", lambda rows: one(rows, election_id=election), date=day, date_earliest=day, date_latest=day)


# damage -> the rule that must gain offending rows
CATALOGUE = {
    "a part filed at a stage its page gives no total for": (
        change("figures", lambda rows: one(rows, figure_id=KARAGANDA_SELF), stage="on_ballot"), "parts-carry-their-whole-stage-and-moment"),
    "a part dated other than its page's total": (
        change("figures", lambda rows: one(rows, figure_id=KARAGANDA_SELF), as_of="2021-07-10", as_of_earliest="2021-07-10",
               as_of_latest="2021-07-10"), "parts-carry-their-whole-stage-and-moment"),
    "self- and party-nominated no longer add up": (
        change("figures", lambda rows: one(rows, figure_id=AKMOLA_SELF), value="211"), "parts-add-up-to-whole"),
    "a vote running on after the page that reports its result": (
        change("elections", lambda rows: one(rows, election_id="2023-08-13-rural"), date="2023-08-13/2023-08-31",
               date_latest="2023-08-31"), "held-within-its-page"),
    "AMANAT named in a 2021 vote": (
        change("contests", lambda rows: one(rows, contest_id="2021-07-25-rural-akmola-bozaigyr"),
               note="The source names the party AMANAT, Nur Otan's later name."), "party-name-bounds-date"),
    "a contest pasted into a second election of the same days": (copied_into("undated-rural-akmola"), "one-vote-one-election"),
    "a plan filed as a count": (
        change("figures", lambda rows: one(rows, measure="contests_planned", region_id="akmola"), measure="contests"), "plan-is-not-a-count"),
    "a contest's figure filed under another oblast": (
        change("figures", lambda rows: one(rows, scope="contest", election_id=MAIN, region_id="almaty-region"), region_id="zhambyl"),
        "figure-agrees-with-its-contest"),
    "a contest's figure filed under another election": (
        change("figures", lambda rows: one(rows, scope="contest", election_id=MAIN, region_id="almaty-region"),
               election_id="2021-rural-by-elections"), "figure-agrees-with-its-contest"),
    "a figure counted a year after its page": (figure_after_its_page, "counted-by-its-page"),
    "a moment typed in the wrong century": (
        change("figures", lambda rows: one(rows, figure_id="2021-07-25-rural-akmola-candidates-nominated-2021-07-07-akmolinform-kz-fa9f4b"),
               as_of="2201-07-07", as_of_earliest="2201-07-07", as_of_latest="2201-07-07"), "dated-within-the-record"),
    "a page published after the last day any page was read": (
        change("sources", lambda rows: one(rows, source_id="qz-inform-kz-7d95fe"), published="2062-12-25"), "dated-within-the-record"),
    "a Russian page declared English": (change("sources", lambda rows: one(rows, language="ru", source_id="7152-kz-4f68d8"), language="en"),
                                        "language-fits-title"),
    "a Russian page declared Kazakh": (change("sources", lambda rows: one(rows, source_id="7152-kz-4f68d8"), language="kk"),
                                       "language-fits-title"),
    "oblast voters typed ten times over": (
        change("figures", lambda rows: final(rows, "region", "voters_registered", "akmola"), value="1001110"), "measure-in-plausible-range"),
    "candidates per oblast with a zero dropped": (
        change("figures", lambda rows: final(rows, "region", "candidates", "akmola", stage="registered"), value="30"),
        "measure-in-plausible-range"),
    "turnout as a fraction": (change("figures", lambda rows: final(rows, "region", "turnout_pct", "kostanay"), value="0.755"),
                              "measure-in-plausible-range"),
    "more contests than the oblast has posts": (
        change("figures", lambda rows: final(rows, "region", "contests", "akmola"), value="950"), "measure-in-plausible-range"),
    "a vote moved onto a Saturday without a word": (on_day("2024-12-15-rural", "2024-12-14"), "weekday-vote-says-why"),
}


@pytest.fixture(scope="module")
def counts(tmp_path_factory, clean_package) -> dict:
    return catalogue_counts(CATALOGUE, LABEL_RULES, tmp_path_factory, clean_package, "label")


@pytest.mark.parametrize("kind", list(CATALOGUE))
def test_damage_adds_offending_rows_to_its_rule(kind, counts):
    assert_damage_adds_rows(CATALOGUE, counts, kind)


def test_every_label_rule_is_registered_and_tripped():
    assert set(LABEL_RULES) <= set(rules.RULE_IDS)
    assert set(LABEL_RULES) - {rule for _, rule in CATALOGUE.values()} == set()


def test_pending_rows_still_fail(clean_package):
    """Every row held back in PENDING is one the rule finds wrong in the data; once fixed, it must leave the list."""
    root = clean_package[0]
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    con = sqlite_copy(load_frames(root, desc)[0], policy_ids(root, desc))
    strict = {r.id: r for r in label_rules._rules()}
    fixed = {}
    for rule_id, subjects in label_rules.PENDING.items():
        rule = strict[rule_id]
        failing = {s for s, expected, observed in con.execute(rule.sql)
                   if observed is None or (observed != expected if rule.compare == "eq" else observed > expected)}
        if gone := set(subjects) - failing:
            fixed[rule_id] = sorted(gone)
    assert fixed == {}, f"fixed in the data, remove from label_rules.PENDING: {fixed}"


@pytest.mark.parametrize(("later_names", "text", "day"), [
    ("AMANAT (from 1 March 2022)", "The source names the party Amanat.", "2022-03-01"),
    ("AMANAT (from 1 March 2022)", "Nominated by Nur Otan.", None),
    ("AMANAT (from 1 March 2022)", "Amanatov was elected.", None),
    ("", "AMANAT", None),
])
def test_renamed_on_reads_later_names(later_names, text, day):
    assert label_rules.renamed_on(later_names, text) == day
