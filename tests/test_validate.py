"""The corruption catalogue: each kind of damage, injected into a copy, is caught by the right rule."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from akim_elections.csvio import read_rows
from conftest import write_rows
from akim_elections.checks import released
from akim_elections.checks.rules import RULE_IDS, RULES
from akim_elections.quote import is_to_quote
from akim_elections.schema import BREAKDOWNS, MAIN_ELECTION
from akim_elections.checks.validate import (check_derived, check_files, check_structure, checks_frame, format_report,
                                     gx_unexpected, load_frames, policy_ids, results_per_rule, validate)


# --- helpers that damage a copy ------------------------------------------------------------------
def edit(pkg, table, change):
    """Apply change(rows) -> rows to a table, keeping the package's CSV dialect."""
    path = pkg / "data" / f"{table}.csv"
    rows = read_rows(path)
    fields = list(rows[0].keys())
    rows = change(rows)
    write_rows(path, list(rows[0].keys()) if rows else fields, rows)


def rehash(pkg):
    """Record the new bytes and hashes, as a user who rebuilt the descriptor would."""
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    for res in desc["resources"]:
        data = (pkg / res["path"]).read_bytes()
        res["bytes"], res["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (pkg / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def one(rows, **match):
    hits = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert hits, f"no row matches {match}"
    return hits[0]


def final(rows, scope, measure, region="", **dims):
    """The figure to quote (akim_elections.quote) of the main election, with exactly this place and breakdown."""
    wanted = {**{c: "" for c in BREAKDOWNS}, **dims}
    return one([r for r in rows if is_to_quote(r)], election_id=MAIN_ELECTION, scope=scope, region_id=region, measure=measure, **wanted)


def set_value(table, row_finder, column, value):
    def change(rows):
        row_finder(rows)[column] = value
        return rows
    return lambda pkg: edit(pkg, table, change)


def text_edit(table, transform):
    def apply(pkg):
        path = pkg / "data" / f"{table}.csv"
        path.write_bytes(transform(path.read_bytes()))
    return apply


def descriptor_edit(change):
    """Apply change(desc) to the copy's datapackage.json."""
    def apply(pkg):
        desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
        change(desc)
        (pkg / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return apply


def range_on_text(desc):
    """A minimum on a text column, which Table Schema does not allow."""
    fields = next(r for r in desc["resources"] if r["name"] == "parties")["schema"]["fields"]
    next(f for f in fields if f["name"] == "name_en").setdefault("constraints", {})["minimum"] = "a"


def add_row(table, make):
    def change(rows):
        return rows + [make(rows)]
    return lambda pkg: edit(pkg, table, change)


def second_winner(rows):
    contest = one(rows, elected="true")["contest_id"]
    one(rows, contest_id=contest, elected="false")["elected"] = "true"
    return rows


def extra_contest(rows):
    row = dict(one(rows, election_id=MAIN_ELECTION, region_id="mangystau"))
    row["contest_id"] = row["contest_id"] + "-copy"
    return row


def national_self_nominated(rows):
    row = dict(final(rows, "national", "winners", party_id="nur-otan"))
    row.update(figure_id="x-self", party_id="", nomination="self", value="40")
    return row


def eighteenth_region(rows):
    row = dict(one(rows, region_id="akmola"))
    row.update(region_id="atlantis", iso_3166_2="KZ-ATL", kato="990000000")
    return row


def second_preferred(rows):
    # another figure of the same group as the preferred national contests count
    row = one(rows, election_id=MAIN_ELECTION, scope="national", measure="contests", **{c: "" for c in BREAKDOWNS},
              interim="false", time_of_day="", as_of="", preferred="false", rejected="false")
    row["preferred"] = "true"
    return rows


def swapped_preference(rows):
    """The preferred national contests figure and another one of its group trade flags: still one per group."""
    group = dict(election_id=MAIN_ELECTION, scope="national", measure="contests", **{c: "" for c in BREAKDOWNS},
                 interim="false", time_of_day="", as_of="", rejected="false")
    one(rows, preferred="true", **group)["preferred"] = "false"
    one(rows, preferred="false", **group)["preferred"] = "true"
    return rows


def mirror_preferred(pkg):
    """A mirror's figure is made preferred over an agency's figure for the same thing."""
    kinds = {s["source_id"]: s["publisher_kind"] for s in read_rows(pkg / "data" / "sources.csv")}

    def change(rows):
        from akim_elections.build.preference import group_key
        for mirror in (r for r in rows if kinds[r["source_id"]] == "mirror" and r["preferred"] == "false" and r["rejected"] == "false"):
            peers = [r for r in rows if group_key(r) == group_key(mirror) and r["preferred"] == "true" and kinds[r["source_id"]] != "mirror"]
            if peers:
                peers[0]["preferred"], mirror["preferred"] = "false", "true"
                return rows
        raise AssertionError("no figure from a mirror with a better-sourced twin")
    edit(pkg, "figures", change)


def duplicate_fact(rows):
    row = dict(final(rows, "national", "contests"))
    row.update(figure_id=row["figure_id"] + "-again", preferred="false")
    return row


def contest_votes(rows):
    row = rows[0]
    row.update(voters_registered="10", votes_cast="20")
    return rows


# kind -> (damage, rehash afterwards?, expected (table, rule) among the failures)
CATALOGUE = {
    "duplicate primary key": (add_row("figures", lambda rows: dict(rows[0])), True, ("figures", "frictionless:primary-key")),
    "dangling foreign key": (set_value("figures", lambda rows: one(rows, scope="region"), "region_id", "atlantis"), True,
                             ("package", "references-exist")),
    "negative votes": (set_value("candidates", lambda rows: one(rows, elected="false"), "votes", "-5"), True, ("candidates", "frictionless:constraint-error")),
    "turnout 104": (set_value("figures", lambda rows: final(rows, "region", "turnout_pct", "kostanay"), "value", "104"), True,
                    ("figures", "percent-within-0-100")),
    "share above 100": (set_value("candidates", lambda rows: one(rows, elected="true"), "share_pct", "101"), True,
                        ("candidates", "frictionless:constraint-error")),
    "two winners in one contest": (lambda pkg: edit(pkg, "candidates", second_winner), True, ("candidates", "one-winner-per-contest")),
    "regional contest count drifts": (set_value("figures", lambda rows: final(rows, "region", "contests", "akmola"), "value", "96"), True,
                                      ("figures", "regional-contests-sum")),
    "party tally changed": (set_value("figures", lambda rows: final(rows, "national", "winners", party_id="nur-otan"), "value", "628"), True,
                            ("figures", "national-party-tally")),
    "two preferred figures": (lambda pkg: edit(pkg, "figures", second_preferred), True, ("figures", "one-preferred-per-group")),
    "figure without a source": (set_value("figures", lambda rows: rows[0], "source_id", ""), True,
                                ("figures", "frictionless:constraint-error")),
    "impossible date": (set_value("elections", lambda rows: one(rows, election_id=MAIN_ELECTION), "date_earliest", "2021-02-30"), True,
                        ("elections", "loadable")),
    "unknown party": (set_value("figures", lambda rows: final(rows, "national", "winners", party_id="auyl"), "party_id", "green-party"), True,
                      ("package", "references-exist")),
    "CSV saved as cp1251": (text_edit("regions", lambda b: b.decode("utf-8").encode("cp1251", errors="replace")), False,
                            ("regions", "file-format")),
    "truncated file": (text_edit("figures", lambda b: b[: len(b) // 2]), False, ("figures", "file-format")),
    "missing file": (lambda pkg: (pkg / "data" / "events.csv").unlink(), False, ("events", "file-format")),
    "file changed after its hash was recorded": (set_value("sources", lambda rows: rows[0], "title", "a title edited by hand"), False,
                                                 ("sources", "frictionless:hash-count")),
    "descriptor Frictionless rejects": (descriptor_edit(range_on_text), False, ("datapackage.json", "frictionless:package-error")),
    "extra column": (text_edit("parties", lambda b: b.replace(b"\n", b",x\n")), True, ("parties", "frictionless:extra-label")),
    "renamed column": (text_edit("parties", lambda b: b.replace(b"name_en", b"name_english", 1)), True,
                       ("parties", "frictionless:incorrect-label")),
    "blank line inside a table": (text_edit("events", lambda b: b.replace(b"\n", b"\n\n", 3)), True, ("events", "file-format")),
    "byte-order mark": (text_edit("parties", lambda b: b"\xef\xbb\xbf" + b), True, ("parties", "file-format")),
    "number with a thousands separator": (set_value("figures", lambda rows: final(rows, "national", "candidates", stage="registered"),
                                                    "value", "2,297"), True, ("figures", "loadable")),
    "registered above nominated": (set_value("figures", lambda rows: final(rows, "region", "candidates", "akmola", stage="registered"),
                                             "value", "400"), True, ("figures", "registered-le-nominated")),
    "interim turnout above final": (set_value("figures", lambda rows: one(rows, region_id="kostanay", scope="region", measure="turnout_pct",
                                                                          time_of_day="14:00", preferred="true"), "value", "99"), True,
                                    ("figures", "interim-le-final-turnout")),
    "unit differs from the measure's": (set_value("figures", lambda rows: final(rows, "region", "turnout_pct", "kostanay"), "value_unit", "voters"),
                                        True, ("figures", "unit-per-measure")),
    "city contest filed in a district election": (set_value("contests", lambda rows: one(rows, post_type="city"), "election_id",
                                                             "2023-11-05-district"), True, ("contests", "contest-type-fits-level")),
    "more contests listed than the oblast held": (add_row("contests", extra_contest), True, ("contests", "contests-within-oblast-count")),
    "national candidates no longer add up": (set_value("figures", lambda rows: final(rows, "national", "candidates", stage="registered",
                                                                                     nomination="self"), "value", "1420"), True,
                                             ("figures", "national-candidates")),
    "rejected figure made preferred": (set_value("figures", lambda rows: one(rows, rejected="true"), "preferred", "true"), True,
                                       ("figures", "one-preferred-per-group")),
    "eighteenth oblast": (add_row("regions", eighteenth_region), True, ("regions", "oblasts-of-every-day")),
    "2021 contest in an oblast formed in 2022": (set_value("contests", lambda rows: one(rows, election_id=MAIN_ELECTION, region_id="east-kazakhstan"),
                                                           "region_id", "abai"), True, ("contests", "oblast-of-the-day")),
    "one fact in two rows": (add_row("figures", duplicate_fact), True, ("figures", "one-fact-one-row")),
    "preferred flags swapped by hand": (lambda pkg: edit(pkg, "figures", swapped_preference), True, ("figures", "preferred-follows-policy")),
    "mirror preferred over an agency": (mirror_preferred, True, ("figures", "no-mirror-preferred")),
    "month-known vote bounded outside its month": (set_value("elections", lambda rows: one(rows, date="2024-05"), "date_latest", "2024-06-15"),
                                                   True, ("elections", "dates-agree-with-bounds")),
    "national contests changed": (set_value("figures", lambda rows: final(rows, "national", "contests"), "value", "731"), True,
                                  ("figures", "national-contests")),
    "national winners changed": (set_value("figures", lambda rows: final(rows, "national", "winners"), "value", "729"), True,
                                 ("figures", "national-winners")),
    "self-nominated winners break the total": (add_row("figures", national_self_nominated), True, ("figures", "national-parties-add-up")),
    "oblast party tally exceeds its winners": (set_value("figures", lambda rows: final(rows, "region", "winners", "aktobe", party_id="nur-otan"),
                                                         "value", "30"), True, ("figures", "regional-party-tally")),
    "oblast tallies exceed the national one": (set_value("figures", lambda rows: final(rows, "region", "winners", "aktobe", party_id="adal"),
                                                         "value", "20"), True, ("figures", "regional-party-vs-national")),
    "more votes than voters": (lambda pkg: edit(pkg, "contests", contest_votes), True, ("contests", "votes-le-voters")),
    "national figure placed in an oblast": (set_value("figures", lambda rows: final(rows, "national", "contests"), "region_id", "akmola"), True,
                                            ("figures", "figure-dimensions")),
    "election ends before it starts": (set_value("elections", lambda rows: one(rows, election_id="2021-rural-by-elections"), "date_latest",
                                                 "2021-07-01"), True, ("elections", "election-dates")),
    "derived table edited by hand": (set_value("regional_summary", lambda rows: one(rows, region_id="akmola", election_id=MAIN_ELECTION),
                                              "contests", "99"), True, ("regional_summary", "derived-up-to-date")),
    "a party and self-nomination on one figure": (set_value("figures", lambda rows: final(rows, "national", "winners", party_id="auyl"),
                                                           "nomination", "self"), True, ("figures", "breakdowns-exclusive")),
    "final flag set by hand on a rejected figure": (set_value("figures", lambda rows: one(rows, rejected="true"), "final", "true"), True,
                                                    ("figures", "final-follows-policy")),
    "further source that does not exist": (set_value("regions", lambda rows: one(rows, region_id="akmola"), "other_source_ids", "no-such-page"),
                                           True, ("sources", "sources-exist")),
}


# --- running the catalogue ------------------------------------------------------------------------
# Each damage is run through the one layer of validate() that owns its rule, in-process; the damages caught by the
# rules are checked by Great Expectations in one batch, each in its own copy and attributed to its own rows.
# The end-to-end tests further down run validate() itself once per layer, to prove it wires every layer in.
def layer(rule: str) -> str:
    if rule == "file-format":
        return "file"
    if rule.startswith("frictionless:"):
        return "structure"
    if rule in ("loadable", "derived-up-to-date"):
        return rule
    return "rules"


def damaged(kind: str, target) -> object:
    """A copy of the package at target with the catalogue's damage of this kind."""
    from conftest import copy_package

    damage, recompute_hashes, _ = CATALOGUE[kind]
    pkg = copy_package(target)
    damage(pkg)
    if recompute_hashes:
        rehash(pkg)
    return pkg


def descriptor(pkg) -> dict:
    return json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))


def layer_results(pkg, rule: str) -> list:
    """The results of the layer of validate() that reports rule (every layer but the rules)."""
    desc = descriptor(pkg)
    run = {"file": lambda: check_files(pkg, desc), "structure": lambda: check_structure(pkg),
           "loadable": lambda: load_frames(pkg, desc)[1], "derived-up-to-date": lambda: check_derived(pkg, desc)}
    return run[layer(rule)]()


def changed_frames(pkg, clean_package) -> dict:
    """The frames of the copy at pkg: the clean ones, with every table whose file differs from the clean copy's loaded again."""
    clean, clean_frames = clean_package
    desc = descriptor(pkg)
    changed = [r for r in desc["resources"] if (pkg / r["path"]).read_bytes() != (clean / r["path"]).read_bytes()]
    frames, failures = load_frames(pkg, {**desc, "resources": changed})
    assert not failures, f"{pkg}: {format_report(failures)}"
    return {**clean_frames, **frames}


def batch_results(copies: dict, clean_package) -> dict:
    """name -> the results of the rules for its copy, from {name: (copy, rules to compute)}, all in one GX batch.

    A damage changes a table or two: the other tables come from the clean copy, loaded once. The rules are
    independent SQL queries over the same tables, so a copy computes only the rules it is about.
    """
    parts = {name: checks_frame(changed_frames(pkg, clean_package), policy_ids(pkg, descriptor(pkg)), wanted, released.read(pkg))
             for name, (pkg, wanted) in copies.items()}
    checks = pd.concat(parts.values(), ignore_index=True)
    unexpected, errors = gx_unexpected(checks)
    out, start = {}, 0
    for name, part in parts.items():
        computed = {(r.table, r.id) for r in copies[name][1]}
        out[name] = [r for r in results_per_rule(checks.iloc[start:start + len(part)], unexpected, errors)
                     if (r.table, r.rule) in computed]
        start += len(part)
    return out


@pytest.fixture(scope="module")
def rules_layer(tmp_path_factory, clean_package) -> dict:
    """kind -> the rules' results for the copy with its damage (the damages that the rules should catch)."""
    copies = {}
    for i, (kind, (_, _, (table, rule))) in enumerate(CATALOGUE.items()):
        if layer(rule) == "rules":
            wanted = [r for r in RULES if (r.table, r.id) == (table, rule)]
            assert wanted, f"{kind}: no rule {table} :: {rule}"
            copies[kind] = (damaged(kind, tmp_path_factory.mktemp(f"damage{i}") / "pkg"), wanted)
    return batch_results(copies, clean_package)


@pytest.fixture(scope="module")
def clean_results(tmp_path_factory):
    from conftest import copy_package

    return validate(copy_package(tmp_path_factory.mktemp("clean") / "pkg"))


def test_the_clean_package_passes(clean_results):
    failed = [r for r in clean_results if not r.passed]
    assert failed == [], format_report(clean_results)


def test_every_rule_is_reported_on_the_clean_package(clean_results):
    assert set(RULE_IDS) <= {r.rule for r in clean_results}


@pytest.mark.parametrize("kind", list(CATALOGUE))
def test_corruption_is_caught_by_the_right_rule(kind, tmp_path, request):
    *_, (table, rule) = CATALOGUE[kind]
    if layer(rule) == "rules":
        results = request.getfixturevalue("rules_layer")[kind]
    else:
        results = layer_results(damaged(kind, tmp_path / "pkg"), rule)
    failures = {(r.table, r.rule) for r in results if not r.passed}
    assert (table, rule) in failures, f"{kind}: expected {table} :: {rule} to fail; report:\n{format_report(results)}"


def test_every_arithmetic_rule_is_tripped_by_some_corruption():
    # The rules of how tables relate and of labels have their own catalogues, run in-process (tests/test_relationship_rules.py,
    # tests/test_label_rules.py).
    from test_label_rules import CATALOGUE as LABEL_CATALOGUE
    from test_relationship_rules import CATALOGUE as RELATIONSHIP_CATALOGUE

    tripped = ({rule for *_, (_, rule) in CATALOGUE.values()} | {rule for _, rule in RELATIONSHIP_CATALOGUE.values()}
               | {rule for _, rule in LABEL_CATALOGUE.values()})
    assert set(RULE_IDS) - tripped == set(), "a rule that no corruption trips is a defect"


def test_the_report_names_table_rule_and_offending_values(package_copy):
    set_value("figures", lambda rows: final(rows, "national", "winners", party_id="nur-otan"), "value", "628")(package_copy)
    rehash(package_copy)
    report = format_report(validate(package_copy))
    assert "FAIL figures :: national-party-tally" in report
    assert "winners nur-otan: expected 627, observed 628" in report
    # The party's share of the winners (85.9 % of 730) no longer agrees with its count either.
    assert "FAIL figures :: share-agrees-with-counts" in report
    assert report.rstrip().endswith("2 failed")


# One damage for each layer before the rules, each in a table of its own: validate() itself reports every one.
EVERY_LAYER = ["extra column", "number with a thousands separator", "derived table edited by hand", "missing file"]


def test_cli_exit_status_and_every_layer_end_to_end(package_copy, capsys):
    from akim_elections.cli import main

    assert main(["validate", str(package_copy)]) == 0
    capsys.readouterr()
    assert [layer(CATALOGUE[kind][2][1]) for kind in EVERY_LAYER] == ["structure", "loadable", "derived-up-to-date", "file"]
    for kind in EVERY_LAYER[:-1]:
        CATALOGUE[kind][0](package_copy)
    rehash(package_copy)
    CATALOGUE[EVERY_LAYER[-1]][0](package_copy)  # the missing file last: a descriptor cannot record its hash
    assert main(["validate", str(package_copy)]) == 1
    report = capsys.readouterr().out
    for kind in EVERY_LAYER:
        table, rule = CATALOGUE[kind][2]
        assert f"FAIL {table} :: {rule} " in report, f"{kind}: validate did not report {table} :: {rule}\n{report}"
