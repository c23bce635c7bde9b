import shutil

from akim_elections.csvio import read_rows
from conftest import ROOT, load_script

build = load_script("build")


def test_build_is_deterministic_and_up_to_date():
    first = build.build(ROOT)
    second = build.build(ROOT)
    assert first == second
    for path, data in first.items():
        assert path.read_bytes() == data, f"{path.name} is stale: run python scripts/build.py"


def test_build_twice_in_a_copy_gives_byte_identical_files(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "raw" / "kato", tmp_path / "raw" / "kato")  # the districts are built from KATO
    outputs = []
    for _ in range(2):
        written = build.build(tmp_path)
        for path, data in written.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        outputs.append({p.name: p.read_bytes() for p in written})
    assert outputs[0] == outputs[1]


def test_summary_covers_all_14_oblasts_of_the_main_election():
    rows = [r for r in read_rows(ROOT / "data" / "regional_summary.csv") if r["election_id"] == "2021-07-25-rural"]
    assert len(rows) == 14
    for row in rows:
        known = sum(1 for column, *_ in build.schema.SUMMARY_COLUMNS if row[column])
        assert int(row["measures_known"]) == known


def test_a_row_with_an_unquoted_comma_stops_the_build_in_one_line_and_writes_nothing(tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", ".tools", ".wheelhouse", "site", "artifacts"))
    events = copy / "data" / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + ",a note, with a comma\n"  # two cells more than the header
    events.write_text("".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in (copy / "data").iterdir()}
    build = load_script("build")
    build.ROOT = copy
    assert build.main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "events.csv: row 1 has" in err and "quote a value that holds a comma" in err
    assert {p: p.read_bytes() for p in (copy / "data").iterdir()} == before
