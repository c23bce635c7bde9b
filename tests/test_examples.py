"""Every example of README.md and docs/ is run here, and its answer checked, straight from the markdown.

- ```pycon blocks are doctests (the shown output is the expected one; ``...`` stands for any text);
- ```console blocks are commands after ``$ `` followed by their expected output: ``akim-elections`` runs
  in-process, ``sqlite3 FILE "SQL"`` is answered by Python's sqlite3 in the CLI's default format;
- other blocks (install commands, R, shell recipes that need a clone's scripts) are not run; a test makes sure
  no Python, SQL or terminal example hides in them.

The examples run in a scratch folder holding the package's data/ (as a clone has it), one folder per page.
"""

from __future__ import annotations

import doctest
import re
import shlex
import sqlite3

import pytest

from akim_elections.cli import main
from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
RUN = {"pycon", "console"}
NOT_RUN = {"bash", "r", "text", "yaml", "bibtex", ""}


def blocks(page) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    (tmp_path / "data").symlink_to(ROOT / "data")
    (tmp_path / "datapackage.json").symlink_to(ROOT / "datapackage.json")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")
    return tmp_path


def run_pycon(text: str, name: str, globs: dict) -> None:
    test = doctest.DocTestParser().get_doctest(text, globs, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out = []
    runner.run(test, out=out.append, clear_globs=False)
    assert runner.failures == 0, "".join(out)


def sqlite_cli(args: list[str]) -> str:
    """What `sqlite3 FILE "SQL"` prints: rows with | between values, NULL as empty."""
    database, sql = args
    with sqlite3.connect(database) as con:
        rows = con.execute(sql).fetchall()
    return "".join("|".join("" if v is None else str(v) for v in row) + "\n" for row in rows)


def run_command(line: str, capsys) -> str:
    args = shlex.split(line)
    if args[0] == "akim-elections":
        from unittest import mock

        with mock.patch("akim_elections.display.is_terminal", return_value=True):  # an example shows what a terminal shows
            code = main(args[1:])
        captured = capsys.readouterr()
        if code:
            return captured.err.replace(str(ROOT), ".")
        assert not captured.err.strip(), captured.err
        return captured.out
    if args[0] == "sqlite3":
        return sqlite_cli(args[1:])
    raise AssertionError(f"a console example runs a command the test does not know: {line}")


def check_console(text: str, capsys) -> None:
    commands: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"output before any command: {line!r}"
            commands[-1][1].append(line)
    for command, expected in commands:
        got = run_command(command, capsys).rstrip("\n").splitlines()
        want = "\n".join(expected)
        pattern = ".*".join(re.escape(part) for part in want.split("...")) if "..." in want else re.escape(want)
        assert re.fullmatch(pattern, "\n".join(l.rstrip() for l in got), re.S), f"$ {command}\nexpected:\n{want}\ngot:\n" + "\n".join(got)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_examples_of_each_page_give_the_answers_shown(page, scratch, capsys):
    globs: dict = {}
    ran = 0
    for i, (lang, text) in enumerate(blocks(page)):
        if lang == "pycon":
            run_pycon(text, f"{page.name} block {i}", globs)
        elif lang == "console":
            check_console(text, capsys)
        else:
            continue
        ran += 1
    assert ran or not any(lang in RUN for lang, _ in blocks(page))


def test_no_runnable_example_hides_in_a_block_that_is_not_run():
    for page in PAGES:
        for lang, text in blocks(page):
            assert lang in RUN | NOT_RUN, f"{page.name}: a ```{lang} block: make it pycon or console so it is run"
            if lang == "python":
                raise AssertionError(f"{page.name}: a ```python block: write it as pycon with its output")
            if lang in NOT_RUN:
                for line in text.splitlines():
                    stripped = line.strip()
                    assert not stripped.startswith(("sqlite3 ", ">>> ")), f"{page.name}: {line!r} belongs in a console or pycon block"
                    assert not re.match(r"akim-elections (show|tables|cite)\b", stripped), f"{page.name}: {line!r} belongs in a console block"


def test_each_figures_example_filters_on_the_election():
    # figures holds every election: an example without election_id mixes 2013 to 2025 (errors shown are exempt).
    for page in PAGES:
        for lang, text in blocks(page):
            lines = text.splitlines()
            for i, line in enumerate(lines):
                answer = lines[i + 1] if i + 1 < len(lines) else ""
                if lang == "console" and line.startswith("$ ") and re.search(r"show figures|FROM figures", line) \
                        and not answer.startswith("akim-elections:"):
                    assert "election_id" in line, f"{page.name}: {line} mixes elections"


def test_the_sqlite_view_and_canned_queries_answer(tmp_path):
    import json

    from akim_elections.export import CANNED_QUERIES, FINAL_VIEW, NO_BREAKDOWN, export

    out = export("sqlite", tmp_path / "akims.sqlite")
    meta = json.loads((tmp_path / "akims.metadata.json").read_text(encoding="utf-8"))
    assert meta["databases"]["akims"]["queries"] == CANNED_QUERIES
    with sqlite3.connect(out) as con:
        for name, query in CANNED_QUERIES.items():
            assert ":election" in query["sql"], name
            rows = con.execute(query["sql"], {"election": "2021-07-25-rural"}).fetchall()
            assert rows and con.execute(query["sql"], {"election": ""}).fetchall() == rows, name  # empty: the main vote
            assert not con.execute(query["sql"], {"election": "no-such-election"}).fetchall(), name
        per_region = con.execute(f"SELECT region_id, count(*) FROM {FINAL_VIEW} WHERE election_id = '2021-07-25-rural' "
                                 "AND measure = 'turnout_pct' AND scope = 'region' GROUP BY region_id HAVING count(*) > 1").fetchall()
        assert per_region == []
        national = con.execute(f"SELECT value FROM {FINAL_VIEW} WHERE election_id = '2021-07-25-rural' AND scope = 'national' "
                               f"AND measure = 'winners' AND party_id IS NULL AND {NO_BREAKDOWN}").fetchall()
        assert national == [(730,)]

