import json
import shutil

import pytest

from akim_elections import schema
from akim_elections.errors import DataPackageError
from akim_elections.csvio import read_rows
from conftest import ROOT, load_script, write_rows

build = load_script("build")


def inputs_copy(target):
    """What the build reads: the curated inputs and the KATO classifier (the districts are built from it)."""
    shutil.copytree(ROOT / "curated", target / "curated")
    shutil.copytree(ROOT / "raw" / "kato", target / "raw" / "kato")
    return target


def main_in(root, *argv) -> int:
    """scripts/build.py's command run on another copy of the package."""
    build.ROOT = root
    try:
        return build.main(list(argv))
    finally:
        build.ROOT = ROOT


def write(outputs):
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_build_is_deterministic_and_up_to_date():
    first = build.build(ROOT)
    second = build.build(ROOT)
    assert first == second
    for path, data in first.items():
        assert path.read_bytes() == data, f"{path.name} is stale: run python scripts/build.py"


def test_build_twice_in_a_copy_gives_byte_identical_files(tmp_path):
    inputs_copy(tmp_path)
    outputs = []
    for _ in range(2):
        written = build.build(tmp_path)
        write(written)
        outputs.append({p.name: p.read_bytes() for p in written})
    assert outputs[0] == outputs[1]


def test_no_curated_file_holds_a_derived_column():
    assert sorted(p.stem for p in (ROOT / "curated").glob("*.csv")) == sorted(schema.CURATED)
    for name in schema.CURATED:
        header = (ROOT / "curated" / f"{name}.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        derived = [f["name"] for f in schema.TABLES[name]["fields"] if f.get("x-derived")]
        assert header == schema.input_fields(name) and not set(header) & set(derived), name


def test_data_is_the_curated_columns_plus_the_derived_ones():
    for name in schema.CURATED:  # row for row, whatever order the build gives them (elections come out by date)
        inputs, published = read_rows(ROOT / "curated" / f"{name}.csv"), read_rows(ROOT / "data" / f"{name}.csv")
        key = lambda row: [row[k] for k in schema.TABLES[name]["primaryKey"]]  # noqa: E731
        assert sorted(({c: row[c] for c in schema.input_fields(name)} for row in published), key=key) == sorted(inputs, key=key), name


def test_editing_a_curated_file_then_building_changes_data(tmp_path):
    inputs_copy(tmp_path)
    write(build.build(tmp_path))
    path = tmp_path / "curated" / "elections.csv"
    rows = read_rows(path)
    election = next(r for r in rows if r["date"] == "2021-07-25")
    election["date"] = "2021-07"
    write_rows(path, schema.input_fields("elections"), rows)
    write(build.build(tmp_path))
    built = {r["election_id"]: r for r in read_rows(tmp_path / "data" / "elections.csv")}[election["election_id"]]
    assert (built["date"], built["date_earliest"], built["date_latest"]) == ("2021-07", "2021-07-01", "2021-07-31")


def test_a_period_typed_backwards_stops_the_build_in_one_line(tmp_path, capsys):
    inputs_copy(tmp_path)
    path = tmp_path / "curated" / "elections.csv"
    rows = read_rows(path)
    next(r for r in rows if r["election_id"] == "2021-rural-kyzylorda")["date"] = "2021-08-02/2021-07-26"
    write_rows(path, schema.input_fields("elections"), rows)
    assert main_in(tmp_path, "--check") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("build: 2021-rural-kyzylorda: date '2021-08-02/2021-07-26' is not a date")


def test_a_derived_column_in_a_curated_file_stops_the_build_in_one_line(tmp_path, capsys):
    inputs_copy(tmp_path)
    path = tmp_path / "curated" / "contests.csv"
    write_rows(path, [*schema.input_fields("contests"), "winner_party_id"], read_rows(path))
    assert main_in(tmp_path, "--check") == 1
    err = capsys.readouterr().err
    assert err == "build: curated/contests.csv: remove the derived column(s) winner_party_id (the build writes them to data/)\n"


def test_summary_covers_all_14_oblasts_of_the_main_election():
    rows = [r for r in read_rows(ROOT / "data" / "regional_summary.csv") if r["election_id"] == "2021-07-25-rural"]
    assert len(rows) == 14
    for row in rows:
        known = sum(1 for column, *_ in build.schema.SUMMARY_COLUMNS if row[column])
        assert int(row["measures_known"]) == known


def test_a_row_with_an_unquoted_comma_stops_the_build_in_one_line_and_writes_nothing(tmp_path, capsys):
    copy = inputs_copy(tmp_path / "copy")
    write(build.build(copy))
    events = copy / "curated" / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + ",a note, with a comma\n"  # two cells more than the header
    events.write_text("".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in (copy / "data").iterdir()}
    assert main_in(copy) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "events.csv: row 1 has" in err and "quote a value that holds a comma" in err
    assert {p: p.read_bytes() for p in (copy / "data").iterdir()} == before


def test_elections_come_out_oldest_first_whatever_order_they_are_typed_in(tmp_path):
    root = inputs_copy(tmp_path)
    path = root / "curated" / "elections.csv"
    rows = read_rows(path)
    write_rows(path, list(rows[0]), rows[::-1])
    write(build.build(root))
    built = read_rows(root / "data" / "elections.csv")
    keys = [(e["date_earliest"], e["date_latest"] or "9999", e["election_id"]) for e in built]
    assert keys == sorted(keys) and len(built) == len(rows)


def test_every_code_of_the_descriptor_carries_its_meaning():
    """A user holding only datapackage.json reads what each code means in the field's `categories`, in the enum's order."""
    desc = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    coded = [(r["name"], f) for r in desc["resources"] for f in r["schema"]["fields"] if f.get("constraints", {}).get("enum")]
    assert len(coded) > 25
    for table, field in coded:
        assert [c["value"] for c in field["categories"]] == field["constraints"]["enum"], f"{table}.{field['name']}"
        assert all(c["label"].strip() for c in field["categories"]), f"{table}.{field['name']} has a code without meaning"
    measures = {c["value"]: c["label"] for c in next(f for t, f in coded if (t, f["name"]) == ("figures", "measure"))["categories"]}
    assert measures["voters_pct_of_oblasts"].endswith("Unit: percent.")


def test_a_code_without_a_meaning_stops_the_build_in_one_line():
    field = {"name": "qualifier", "constraints": {"enum": ["exact", "roughly"]}}
    with pytest.raises(DataPackageError, match="roughly have no meaning"):
        build._categories("figures", field)
