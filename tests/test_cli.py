import subprocess
import sys

from akim_elections.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "akim_elections.cli", *args], capture_output=True, text=True)


def test_tables_lists_every_table_with_its_kind():
    out = run("tables")
    assert out.returncode == 0
    assert "figures" in out.stdout and "derived" in out.stdout


def test_show_prints_rows_and_the_shape(capsys):
    assert main(["show", "regions", "-n", "2"]) == 0
    text = capsys.readouterr().out
    assert "akmola" in text and "[14 rows x" in text


def test_bad_input_is_one_line_naming_the_problem():
    out = run("show", "winners")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "unknown table 'winners'" in out.stderr and "figures" in out.stderr


def test_validate_of_a_folder_without_a_package_is_a_clear_error(tmp_path):
    out = run("validate", str(tmp_path))
    assert out.returncode == 2
    assert "holds no datapackage.json" in out.stderr


def test_the_readme_example_runs_and_prints_the_national_tally(capsys):
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Use it\s+```python\n(.*?)```", readme, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "627" in out and "730" in out


def test_the_readme_starts_with_the_two_commands():
    from conftest import ROOT

    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```bash") + 1: lines.index("```")]
    assert [line.split("#")[0].strip() for line in block] == ["bash scripts/main.sh", "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
