import csv
import io
import subprocess
import sys

import pytest

from akim_elections import display
from akim_elections.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "akim_elections.cli", *args], capture_output=True, text=True)


@pytest.fixture(autouse=True)
def terminal(monkeypatch):
    """The in-process tests read what a person at a terminal sees (pytest's captured stdout is not a terminal)."""
    monkeypatch.setattr(display, "is_terminal", lambda: True)


def test_tables_lists_every_table_with_its_kind():
    out = run("tables")
    assert out.returncode == 0
    assert "figures" in out.stdout and "derived" in out.stdout


def test_show_prints_rows_and_the_shape(capsys):
    assert main(["show", "regions", "-n", "2"]) == 0
    text = capsys.readouterr().out
    assert "akmola" in text and "[2 of 17 rows x" in text


def test_show_fits_a_100_column_terminal_with_ids_whole(monkeypatch, capsys):
    import akim_elections as ae

    monkeypatch.setenv("COLUMNS", "100")
    assert main(["show", "contests"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 100
    for contest_id in ae.load("contests").contest_id.head(10):
        assert any(line.startswith(contest_id + " ") for line in lines), contest_id
    assert "more columns: pick with --columns, or see all with --long" in lines[-1]


def test_show_columns_where_and_long(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["show", "figures", "--where", "measure=winners", "--where", "scope=national",
                 "--where", "election_id=2021-07-25-rural", "--where", "party_id=nur-otan", "--where", "member_of=",
                 "--columns", "party_id,value"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["party_id", "value"] and out[1].split() == ["nur-otan", "627"]
    assert out[-1] == "[1 of 1 rows x 2 columns]"
    assert main(["show", "regions", "-n", "1", "--long"]) == 0
    record = capsys.readouterr().out.splitlines()
    assert record[0].split() == ["region_id", "abai"] or record[0].startswith("region_id ")
    assert any(line.startswith("iso_3166_2 ") for line in record) and record[-1] == "[1 of 17 rows]"


def test_show_where_with_a_value_no_row_has_names_the_values_and_the_nearest(capsys):
    assert main(["show", "figures", "--where", "measure=turnout"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "no row has measure='turnout' (did you mean measure=turnout_pct?)" in err[0]
    assert "values of measure: " in err[0] and "winners" in err[0]


def test_show_where_booleans_in_any_case(capsys):
    counts = []
    for spelling in ("true", "True", "TRUE"):
        assert main(["show", "figures", "--where", f"preferred={spelling}", "--where", "measure=winners", "-n", "1"]) == 0
        counts.append(capsys.readouterr().out.splitlines()[-1])
    assert len(set(counts)) == 1 and not counts[0].startswith("[0 of 0")


def test_tables_shows_rows_descriptions_and_named_winners(monkeypatch, capsys):
    import akim_elections as ae

    monkeypatch.setenv("COLUMNS", "100")
    assert main(["tables"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 100
    contests = ae.load("contests")
    line = next(line for line in lines if line.startswith("contests "))
    assert f" {len(contests)}  curated  {contests.winner_name.notna().sum()} of {len(contests)} with a named winner." in line
    assert any(line.startswith("sources ") and "Every public page a value comes from." in line for line in lines)


def test_bad_input_is_one_line_naming_the_problem():
    out = run("show", "winners")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "unknown table 'winners'" in out.stderr and "figures" in out.stderr


def test_validate_of_a_folder_without_a_package_is_a_clear_error(tmp_path):
    out = run("validate", str(tmp_path))
    assert out.returncode == 2
    assert "holds no datapackage.json" in out.stderr


def test_the_readme_starts_with_the_two_commands():
    from conftest import ROOT

    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```bash") + 1: lines.index("```")]
    assert [line.split("#")[0].strip() for line in block] == ["bash scripts/main.sh", "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_validate_writes_data_docs_whole(validated_with_data_docs):
    docs, status, out = validated_with_data_docs
    assert status == 0
    assert (docs / "index.html").is_file() and f"Data Docs written to {docs}" in out
    assert [p.name for p in docs.parent.iterdir()] == ["docs"]  # no temporary folder beside it


def test_data_docs_interrupted_leave_nothing(tmp_path, monkeypatch):
    import pytest

    from akim_elections.checks import validate
    from conftest import ROOT

    def half_written(root, data_docs=None, rule_results=None):
        (data_docs / "index.html").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "validate", half_written)
    with pytest.raises(KeyboardInterrupt):
        main(["validate", str(ROOT), "--data-docs", str(tmp_path / "docs")])
    assert list(tmp_path.iterdir()) == []


def test_a_reader_that_stops_early_ends_the_command_quietly():
    """`show ... | head -1`: exit 0, nothing on stderr, as cat(1) does."""
    shell = f"set -o pipefail; {sys.executable} -m akim_elections.cli show posts -n 2000 | head -1"
    out = subprocess.run(["bash", "-c", shell], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr == "" and out.stdout.startswith("post_kato,")


def test_show_into_a_pipe_prints_whole_rows_as_csv():
    import akim_elections as ae

    out = run("show", "contests", "-n", "3")  # stdout is a pipe
    assert out.returncode == 0 and out.stderr == ""
    rows = list(csv.reader(io.StringIO(out.stdout)))
    contests = ae.load("contests")
    assert rows[0] == list(contests.columns) and len(rows) == 4
    assert [r[0] for r in rows[1:]] == list(contests.contest_id.head(3))
    assert all(len(r) == len(contests.columns) for r in rows)


def test_show_format_csv_on_a_terminal_too(capsys):
    assert main(["show", "regions", "-n", "1", "--format", "csv", "--columns", "region_id,region_kato"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "region_id,region_kato"


@pytest.mark.parametrize("argv, words", [
    (["show", "contest"], "did you mean 'contests'?"),
    (["show", "Contests"], "did you mean 'contests'?"),
    (["show", "figures", "--where", "mesure=winners"], "(did you mean 'measure'?)"),
    (["show", "figures", "--columns", "measure,vlaue"], "(did you mean 'value'?)"),
    (["show", "figures", "--where", "measure=winner"], "(did you mean measure=winners?)"),
])
def test_misspelt_names_get_a_did_you_mean(argv, words, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err, err


def test_verify_says_ok_with_the_fingerprint(capsys):
    from akim_elections.citation import data_fingerprint

    assert main(["verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: all ") and f"data fingerprint {data_fingerprint()}" in out


def test_cite_shows_version_and_fingerprint(capsys):
    import akim_elections as ae
    from akim_elections.citation import data_fingerprint

    for style in ("apa", "bibtex"):
        assert main(["cite", "--style", style]) == 0
        out = capsys.readouterr().out
        assert ae.__version__ in out and data_fingerprint() in out


def test_show_all_rows(capsys):
    import akim_elections as ae

    assert main(["show", "regions", "-n", "all", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(ae.load("regions")) + 1


def test_data_docs_carry_a_manifest_so_force_may_replace_them_and_nothing_else(validated_with_data_docs):
    import pytest

    from akim_elections.cli import DATA_DOCS
    from akim_elections.outputs import MANIFEST, check_folder

    docs, _, _ = validated_with_data_docs
    assert (docs / MANIFEST).is_file()
    check_folder(docs, DATA_DOCS)  # an earlier output of the command: --force may replace it
    with pytest.raises(ValueError, match="was written by akim-elections validate --data-docs, not akim-elections export"):
        check_folder(docs, "export")
