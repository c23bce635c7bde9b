"""diff tells schema changes from row changes, lists with "and N more", follows an id map, exits like diff(1)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from akim_elections.cli import main
from akim_elections.csvio import read_rows
from akim_elections.diff import ID_MAP, diff, format_markdown, format_text
from conftest import copy_package, write_rows


def edit_rows(pkg: Path, table: str, change) -> None:
    path = pkg / "data" / f"{table}.csv"
    rows = read_rows(path)
    for row in rows:
        change(row)
    write_rows(path, list(rows[0]), rows)


def edit_descriptor(pkg: Path, table: str, change) -> None:
    path = pkg / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    change(next(r for r in desc["resources"] if r["name"] == table)["schema"])
    path.write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")


def add_column(pkg: Path, table: str, column: str, value: str) -> None:
    path = pkg / "data" / f"{table}.csv"
    rows = read_rows(path)
    write_rows(path, [*rows[0], column], [{**r, column: value} for r in rows])
    edit_descriptor(pkg, table, lambda s: s["fields"].append({"name": column, "type": "string", "description": "test"}))


def rename_column(pkg: Path, table: str, old: str, new: str) -> None:
    path = pkg / "data" / f"{table}.csv"
    rows = read_rows(path)
    write_rows(path, [new if c == old else c for c in rows[0]], [{(new if k == old else k): v for k, v in r.items()} for r in rows])
    edit_descriptor(pkg, table, lambda s: next(f for f in s["fields"] if f["name"] == old).update(name=new))


@pytest.fixture
def pair(tmp_path):
    return copy_package(tmp_path / "old"), copy_package(tmp_path / "new")


def test_equal_packages_exit_0(pair, capsys):
    assert main(["diff", str(pair[0]), str(pair[1])]) == 0
    assert "no differences" in capsys.readouterr().out


def test_an_added_column_is_one_schema_line_and_changes_no_row(pair, capsys):
    old, new = pair
    add_column(new, "figures", "checked", "yes")
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "figures: column checked added" in out and out.count("checked") == 1
    assert "changed" not in out and "no row changes" in out


def test_a_renamed_column_is_reported_as_renamed_once(pair):
    old, new = pair
    rename_column(new, "contests", "name_ru", "place_ru")
    report = diff(str(old), str(new))
    assert report.schema == ["contests: column name_ru renamed to place_ru"]
    assert not report.tables["contests"]


def test_a_rename_the_schema_declares_holds_even_when_values_changed(pair):
    old, new = pair
    rename_column(new, "contests", "name_ru", "place_ru")
    first = read_rows(new / "data" / "contests.csv")[0]["contest_id"]
    edit_rows(new, "contests", lambda r: r.update(place_ru="Другое имя") if r["contest_id"] == first else None)
    assert "contests: column name_ru removed" in diff(str(old), str(new)).schema  # undeclared: values differ, so not a rename
    edit_descriptor(new, "contests", lambda s: next(f for f in s["fields"] if f["name"] == "place_ru").update({"x-formerly": ["name_ru"]}))
    report = diff(str(old), str(new))
    assert report.schema == ["contests: column name_ru renamed to place_ru"]
    assert list(report.tables["contests"].changed) == [first] and set(report.tables["contests"].changed[first]) == {"place_ru"}


def test_removed_columns_and_type_changes_are_schema_changes(pair):
    old, new = pair
    edit_descriptor(new, "candidates", lambda s: next(f for f in s["fields"] if f["name"] == "votes").update(type="number"))
    assert diff(str(old), str(new)).schema == ["candidates: column votes type integer -> number"]
    add_column(old, "contests", "legacy", "x")  # the old package had a column the new one lacks
    assert "contests: column legacy removed" in diff(str(old), str(new)).schema


def test_row_changes_are_counted_per_table_with_and_n_more(pair):
    old, new = pair
    edit_rows(new, "figures", lambda r: r.update(note=r["note"] + " (revised)"))
    edit_rows(new, "sources", lambda r: r.update(publisher="X") if r["source_id"].startswith("24-kz") else None)
    report = diff(str(old), str(new))
    text = format_text(report)
    figures = len(read_rows(new / "data" / "figures.csv"))
    assert f"figures: 0 added, 0 removed, 0 renamed, {figures} changed" in text
    assert f"... and {figures - 10} more" in text
    assert text.count("~ ") == 10 + min(10, len(report.tables["sources"].changed))


def test_added_and_removed_rows_are_listed(pair):
    old, new = pair
    path = new / "data" / "events.csv"
    rows = read_rows(path)
    write_rows(path, list(rows[0]), rows[1:] + [{**rows[0], "event_id": "a-new-event"}])
    report = diff(str(old), str(new)).tables["events"]
    assert report.added == ["a-new-event"] and report.removed == [rows[0]["event_id"]]


def test_markdown_is_a_changelog_section(pair, capsys):
    old, new = pair
    add_column(new, "contests", "district_id", "")
    edit_rows(new, "parties", lambda r: r.update(note="revised"))
    assert main(["diff", str(old), str(new), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"## Changes from {old} to {new}")
    assert "### Schema" in out and "- `contests`: column `district_id` added" in out
    assert "| `parties` | 0 | 0 | 0 |" in out and "#### `parties`" in out


def test_renamed_ids_are_matched_through_the_id_map(pair):
    old, new = pair
    contests = read_rows(new / "data" / "contests.csv")
    renames = {c["contest_id"]: c["contest_id"] + "-x" for c in contests[:3]}
    edit_rows(new, "contests", lambda r: r.update(contest_id=renames.get(r["contest_id"], r["contest_id"])))
    edit_rows(new, "figures", lambda r: r.update(contest_id=renames.get(r["contest_id"], r["contest_id"])))
    edit_rows(new, "candidates", lambda r: r.update(contest_id=renames.get(r["contest_id"], r["contest_id"])))
    without = diff(str(old), str(new)).tables["contests"]
    assert len(without.added) == 3 and len(without.removed) == 3

    write_rows(new / ID_MAP, ["table", "old_id", "new_id"], [{"table": "contests", "old_id": a, "new_id": b} for a, b in renames.items()])
    report = diff(str(old), str(new))
    assert sorted(report.tables["contests"].renamed) == sorted(renames.items())
    assert not report.tables["contests"].added and not report.tables["contests"].removed
    assert not report.tables["figures"] and not report.tables["candidates"]  # references to renamed ids follow the map


def test_a_key_of_several_columns_follows_the_renames_of_each(pair):
    old, new = pair
    summary = read_rows(new / "data" / "regional_summary.csv")
    election = summary[0]["election_id"]
    rows_of_it = {f"{r['election_id']}/{r['region_id']}" for r in summary if r["election_id"] == election}
    edit_rows(new, "regional_summary", lambda r: r.update(election_id="renamed-election") if r["election_id"] == election else None)
    assert set(diff(str(old), str(new)).tables["regional_summary"].removed) == rows_of_it

    write_rows(new / ID_MAP, ["table", "old_id", "new_id"], [{"table": "elections", "old_id": election, "new_id": "renamed-election"}])
    part = diff(str(old), str(new)).tables["regional_summary"]
    assert not part.removed and not part.added and {a for a, _b in part.renamed} == rows_of_it


def test_a_malformed_id_map_is_one_line(pair, capsys):
    old, new = pair
    write_rows(new / ID_MAP, ["table", "old", "new"], [{"table": "contests", "old": "a", "new": "b"}])
    assert main(["diff", str(old), str(new)]) == 2
    assert "needs columns table, old_id, new_id" in capsys.readouterr().err


def test_git_refs_are_read_from_the_repository(tmp_path, monkeypatch, capsys):
    """A throw-away repository with two commits: diff HEAD~1 HEAD reports the change."""
    repo = copy_package(tmp_path / "repo")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=repo, check=True)
    add_column(repo, "regions", "capital_kk", "")
    subprocess.run([*git, "commit", "-qam", "two"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1", "HEAD"]) == 1
    assert "regions: column capital_kk added" in capsys.readouterr().out
    assert main(["diff", "HEAD", str(repo)]) == 0


def test_the_markdown_of_equal_packages_says_so(pair):
    assert "No changes" in format_markdown(diff(str(pair[0]), str(pair[1])))


def test_a_column_the_descriptor_does_not_declare_is_a_difference(pair, capsys):
    old, new = pair
    path = new / "data" / "parties.csv"
    rows = read_rows(path)
    write_rows(path, [*rows[0], "colour"], [{**r, "colour": "blue"} for r in rows])  # the descriptor is left as it was
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert f"parties: column colour in {new}'s CSV is not declared in its descriptor" in out


def test_a_declared_column_missing_from_the_csv_is_a_difference(pair, capsys):
    old, new = pair
    path = old / "data" / "parties.csv"
    rows = read_rows(path)
    write_rows(path, [c for c in rows[0] if c != "name_en"], [{k: v for k, v in r.items() if k != "name_en"} for r in rows])
    report = diff(str(old), str(new))
    assert report.different
    assert f"parties: column name_en declared in {old}'s descriptor is missing from its CSV" in report.schema
    assert main(["diff", str(old), str(new)]) == 1
    assert "name_en declared" in capsys.readouterr().out


def test_a_long_value_is_shown_where_it_changed(pair):
    old, new = pair
    first = read_rows(new / "data" / "sources.csv")[0]["source_id"]
    long_title = "A very long English title of a page that goes on and on about the akim elections in Zhetysu region"
    edit_rows(old, "sources", lambda r: r.update(title_en=long_title) if r["source_id"] == first else None)
    edit_rows(new, "sources", lambda r: r.update(title_en=long_title.replace("Zhetysu region", "Almaty oblast")) if r["source_id"] == first else None)
    text = format_text(diff(str(old), str(new)))
    line = next(x for x in text.splitlines() if first in x and "title_en" in x)
    assert "Zhetysu region" in line and "Almaty oblast" in line and "A very long" not in line


def test_a_ref_asked_outside_a_repository_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "v0.2.0", "v0.3.0"]) == 2
    err = capsys.readouterr().err
    assert "is not in a git repository" in err and err.count("\n") == 1
