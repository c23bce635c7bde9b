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
