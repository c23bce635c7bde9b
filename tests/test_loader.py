import json
import socket
import subprocess
import sys

import pandas as pd
import pytest

import akim_elections as ae
from akim_elections import schema
from conftest import ROOT

# A list field keeps its text as written (items joined by its `delimiter`): pandas has no list dtype that survives CSV, SQLite or xlsx.
EXPECTED_KIND = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string", "list": "string"}


@pytest.mark.parametrize("table", schema.TABLE_ORDER)
def test_every_table_loads_with_the_dtypes_its_schema_declares(table):
    frame = ae.load(table)
    assert len(frame) > 0
    fields = schema.TABLES[table]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    for field in fields:
        dtype = frame[field["name"]].dtype
        if field.get("constraints", {}).get("enum"):
            assert isinstance(dtype, pd.CategoricalDtype), field["name"]
            assert list(dtype.categories) == field["constraints"]["enum"]
        elif field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(dtype), field["name"]
        else:
            assert str(dtype) == EXPECTED_KIND[field["type"]], (field["name"], str(dtype))


def test_counts_are_nullable_integers_and_shares_are_floats():
    contests = ae.load("contests")
    assert str(contests["voters_registered"].dtype) == "Int64"
    assert contests["voters_registered"].isna().any()  # unknown stays empty, not 0
    assert contests["turnout_pct"].dtype == "float64"


def test_unknown_table_names_the_valid_ones():
    with pytest.raises(ValueError) as err:
        ae.load("winners")
    message = str(err.value)
    assert "'winners'" in message
    for name in schema.TABLE_ORDER:
        assert name in message


def test_loading_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the loader tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for table in ae.tables():
        ae.load(table)


def test_import_is_light():
    code = ("import sys, akim_elections as ae; ae.tables(); "
            "heavy = [m for m in ('great_expectations', 'frictionless', 'pandas') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_path_and_descriptor_agree():
    desc = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert ae.tables() == [r["name"] for r in desc["resources"]]
    assert ae.path("figures").name == "figures.csv"
    assert ae.descriptor()["version"] == ae.__version__


def test_a_header_that_drifts_from_the_schema_is_a_one_line_error(package_copy):
    csv = package_copy / "data" / "parties.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("party_id,", "party,", 1), encoding="utf-8")
    with pytest.raises(ae.DataPackageError, match="differ from the schema") as err:
        ae.load("parties", root=package_copy)
    assert "\n" not in str(err.value)


def test_a_missing_file_is_a_clear_error(package_copy):
    (package_copy / "data" / "events.csv").unlink()
    with pytest.raises(ae.DataPackageError, match="events.csv is missing"):
        ae.load("events", root=package_copy)


def test_a_table_read_before_is_not_read_again_and_each_caller_gets_its_own_copy(package_copy, monkeypatch):
    first = ae.load("parties", root=package_copy)
    first.loc[0, "name_en"] = "changed by the caller"
    reads = []
    real = type(package_copy).read_bytes
    monkeypatch.setattr(type(package_copy), "read_bytes", lambda self: reads.append(self.name) or real(self))
    again = ae.load("parties", root=package_copy)
    assert reads == [] and again.loc[0, "name_en"] != "changed by the caller"


def test_a_file_changed_after_it_was_loaded_is_read_and_checked_again(package_copy):
    ae.load("contests", root=package_copy)
    csv = package_copy / "data" / "contests.csv"
    csv.write_bytes(b"".join(csv.read_bytes().splitlines(keepends=True)[:16]))  # truncated after the first load
    with pytest.raises(ae.DataPackageError, match="contests"):
        ae.load("contests", root=package_copy)
