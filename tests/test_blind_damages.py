"""Twenty slips a tired curator could make, written down before the rule list was read (issue 27): how many does the package catch?

Each damage is made to the curated inputs of a copy, the copy is rebuilt as a curator would (scripts/build.py: preferred
flags, derived columns and tables, hashes), and every check of `akim-elections validate` runs on it: files, Frictionless, derived tables, loading and every
rule, all copies' rules in one Great Expectations batch. The clean package passes everything, so any failure is a catch.
A damage the package catches names the check that must report it; a damage it misses says why no rule can see it. The
test fails when an expected catch is missed, so the catch rate can only rise.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest
from conftest import ROOT, copy_package, load_script, write_rows
from test_relationship_rules import change as relationship_change
from test_validate import descriptor, final, one

from akim_elections import schema
from akim_elections.csvio import read_rows

from akim_elections.checks.validate import (check_derived, check_files, check_structure, checks_frame, gx_unexpected, load_frames,
                                     policy_ids, results_per_rule)

pytestmark = pytest.mark.slow


def quoted(scope, measure, region="", **dims):
    """A finder of the curated row of a figure to quote (its flags are the build's: they are read in data/)."""
    figure_id = final(read_rows(ROOT / "data" / "figures.csv"), scope, measure, region, **dims)["figure_id"]
    return lambda rows: one(rows, figure_id=figure_id)


def edit(pkg, table, change):
    """Apply change(rows) -> rows to a curated input of the copy, as a curator edits it."""
    path = pkg / "curated" / f"{table}.csv"
    write_rows(path, schema.input_fields(table), change(read_rows(path)))


def change(table, finder, **values):
    return relationship_change(table, finder, edit=edit, **values)


def pasted(table, finder, **values):
    """A row pasted again below the table, with these values changed."""
    def apply(pkg):
        edit(pkg, table, lambda rows: rows + [{**finder(rows), **values}])
    return apply


def times_ten(table, finder, column="value"):
    def apply(pkg):
        def scaled(rows):
            row = finder(rows)
            row[column] = f"{float(row[column]) * 10:g}"
            return rows
        edit(pkg, table, scaled)
    return apply


def counted_after_its_page(pkg):
    """A figure's as_of set five days after its page's own date."""
    published = {s["source_id"]: s["published"] for s in read_rows(pkg / "data" / "sources.csv")}

    def later(rows):
        row = next(r for r in rows if r["as_of"][:1].isdigit() and len(published.get(r["source_id"], "")) == 10)
        row["as_of"] = (dt.date.fromisoformat(published[row["source_id"]]) + dt.timedelta(days=5)).isoformat()
        return rows
    edit(pkg, "figures", later)


def second_elected(rows):
    contest = one(rows, elected="true")["contest_id"]
    one(rows, contest_id=contest, elected="false")["elected"] = "true"
    return rows


CONTEST = "2021-07-25-rural-akmola-bozaigyr"
FORT = "2024-09-08-rural-mangystau-fort-sevcenko"
TALGAR = "2024-12-15-rural-almaty-region-talgar"
# name -> (damage, the (table, check) that must report it, or None and why no check can)
BLIND = {
    "1 a figure's stage typo'd": (
        change("figures", quoted("region", "candidates", "akmola", stage="registered"), stage="registred"),
        ("figures", "frictionless:constraint-error"), ""),
    "2 a contest's turnout with its decimal moved": (
        times_ten("figures", lambda rows: one(rows, figure_id="2023-11-05-district-atyrau-isatai-turnout-pct-tamasha-info-com-a15891")),
        ("figures", "percent-within-0-100"), ""),
    "3 a contest's voters with a zero dropped": (
        change("figures", lambda rows: one(rows, figure_id="2021-07-25-rural-mangystau-aksukur-voters-registered-ru-ult-kz-bc8caf"),
               value="687"), None,
        "687 voters (for 6,877) is an ordinary rural contest (the data hold rural contests of 132 to 42,774 voters); with no votes cast or turnout "
        "for this contest, nothing else depends on the number"),
    "4 a figure dated after its page": (counted_after_its_page, ("figures", "counted-by-its-page"), ""),
    "5 a contest's oblast typo'd": (change("contests", lambda rows: one(rows, contest_id=CONTEST), region_id="akmla"),
                                    ("package", "references-exist"), ""),
    "6 a contest moved to a real but wrong oblast": (change("contests", lambda rows: one(rows, contest_id=CONTEST), region_id="aktobe"),
                                                     ("contests", "unit-in-its-district"), ""),
    "7 a contest row pasted twice": (pasted("contests", lambda rows: one(rows, contest_id=CONTEST)),
                                     ("contests", "frictionless:primary-key"), ""),
    "8 a contest pasted with a new id, the same post and vote": (
        pasted("contests", lambda rows: one(rows, contest_id=CONTEST), contest_id=CONTEST + "-2"), ("contests", "one-vote-one-election"), ""),
    "9 a candidate's votes above the votes cast": (
        change("candidates", lambda rows: one(rows, candidate_id=FORT + "-aidos-elemesov"), votes="3020"),
        ("contests", "votes-le-voters"), ""),
    "10 a winner's share with its decimal moved": (  # no candidate row gives a share: the winner's share is a contest figure
        times_ten("figures", lambda rows: one(rows, scope="contest", measure="winner_share_pct", contest_id=TALGAR)),
        ("figures", "percent-within-0-100"), ""),
    "11 a vote moved a day onto a Monday": (
        change("elections", lambda rows: one(rows, election_id="2024-12-15-rural"), date="2024-12-16"),
        ("elections", "weekday-vote-says-why"), ""),
    "12 a page's year typo'd into the future": (
        change("sources", lambda rows: one(rows, source_id="qz-inform-kz-7d95fe"), published="2062-12-25"),
        ("elections", "dated-within-the-record"), ""),
    "13 a figure of an election that does not exist": (
        change("figures", quoted("region", "winners", "akmola"), election_id="2021-07-52-rural"),
        ("package", "references-exist"), ""),
    "14 a rural contest filed under the district akims' vote": (
        change("contests", lambda rows: one(rows, contest_id=CONTEST), election_id="2023-11-05-district"),
        ("contests", "contest-type-fits-level"), ""),
    "15 two candidates elected in one contest": (lambda pkg: edit(pkg, "candidates", second_elected),
                                                 ("candidates", "one-winner-per-contest"), ""),
    "16 a figure typed negative": (change("figures", quoted("region", "winners", "akmola"), value="-95"),
                                   ("figures", "frictionless:constraint-error"), ""),
    "17 a figure's unit not its measure's": (change("figures", quoted("region", "turnout_pct", "kostanay"), value_unit="voters"),
                                            ("figures", "unit-per-measure"), ""),
    "18 a Russian page declared Kazakh": (change("sources", lambda rows: one(rows, source_id="7152-kz-4f68d8"), language="kk"),
                                          ("sources", "language-fits-title"), ""),
    "19 a candidate's party typo'd": (change("candidates", lambda rows: one(rows, party_id="nur-otan"), party_id="nur_otan"),
                                      ("package", "references-exist"), ""),
    "20 an election's period typed backwards": (  # its bounds are the build's, from the date: the build refuses it
        change("elections", lambda rows: one(rows, election_id="2021-rural-kyzylorda"), date="2021-08-02/2021-07-26"),
        ("build", "ValueError"), ""),
}
CAUGHT_AT_LEAST = sum(1 for _, catcher, _ in BLIND.values() if catcher)


def rebuilt(pkg):
    """Rebuild the copy's derived data and descriptor, as a curator runs scripts/build.py after an edit."""
    outputs = load_script("build").build(pkg)
    for path, data in outputs.items():
        if path.parent == pkg / "data" or path == pkg / "datapackage.json":
            path.write_bytes(data)


@pytest.fixture(scope="module")
def failures(tmp_path_factory) -> dict[str, set]:
    """name -> the (table, check) pairs that fail on its damaged, rebuilt copy."""
    out, parts = {}, {}
    for i, (name, (damage, _, _)) in enumerate(BLIND.items()):
        pkg = copy_package(tmp_path_factory.mktemp(f"blind{i}") / "pkg")
        shutil.copytree(ROOT / "curated", pkg / "curated")
        damage(pkg)
        try:
            rebuilt(pkg)
        except (KeyError, ValueError) as exc:  # the build itself refuses the damage
            out[name] = {("build", type(exc).__name__)}
            continue
        desc = descriptor(pkg)
        results = check_files(pkg, desc) + check_structure(pkg) + check_derived(pkg, desc)
        frames, load_failures = load_frames(pkg, desc)
        out[name] = {(r.table, r.rule) for r in results + load_failures if not r.passed}
        if not load_failures:
            parts[name] = checks_frame(frames, policy_ids(pkg, desc))
    checks = pd.concat(parts.values(), ignore_index=True)
    unexpected, errors = gx_unexpected(checks)
    start = 0
    for name, part in parts.items():
        out[name] |= {(r.table, r.rule) for r in results_per_rule(checks.iloc[start:start + len(part)], unexpected, errors) if not r.passed}
        start += len(part)
    return out


@pytest.mark.parametrize("name", [n for n, (_, catcher, _) in BLIND.items() if catcher])
def test_the_slip_is_reported_by_its_check(name, failures):
    assert BLIND[name][1] in failures[name], f"{name}: not reported by {BLIND[name][1]}; reported: {sorted(failures[name])}"


def test_catch_rate_and_every_miss_explained(failures):
    caught = [name for name in BLIND if failures[name]]
    missed = [name for name in BLIND if not failures[name]]
    assert len(caught) >= CAUGHT_AT_LEAST, f"caught {len(caught)} of {len(BLIND)}"
    assert all(BLIND[name][2] for name in missed), f"a miss without its reason: {[n for n in missed if not BLIND[n][2]]}"


def test_the_catalogue_is_twenty_slips_each_caught_or_explained():
    assert len(BLIND) == 20
    assert all(bool(catcher) != bool(why) for _, catcher, why in BLIND.values())
    assert CAUGHT_AT_LEAST / len(BLIND) >= 0.9
