"""raw/left_out.csv: the figures a page read whole states and the package does not take, each with a documented reason."""

import csv

from akim_elections.csvio import read_rows
from conftest import ROOT


def _left_out_reasons():
    # The reasons are defined once, in the table of raw/README.md that documents left_out.csv.
    text = (ROOT / "raw" / "README.md").read_text(encoding="utf-8")
    table = text.split("## left_out.csv", 1)[1].split("| reason | meaning |", 1)[1].split("\n\n", 1)[0]
    return {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}


def test_left_out_figures_belong_to_pages_read_whole_and_give_a_known_reason():
    read_whole = {r["source_id"] for r in read_rows(ROOT / "data" / "sources.csv") if r["read_whole"] == "true"}
    reasons = _left_out_reasons()
    assert {"not_akim_elections", "no_scope", "forecast_or_plan", "unclear_subject", "same_as_figure", "other"} <= reasons
    with open(ROOT / "raw" / "left_out.csv", encoding="utf-8", newline="") as fh:
        left_out = list(csv.DictReader(fh))
    assert left_out and list(left_out[0]) == ["source_id", "value", "what", "reason"]
    for i, row in enumerate(left_out, start=2):
        assert row["source_id"] in read_whole, f"left_out.csv line {i}: {row['source_id']!r} is not a source read whole"
        assert row["reason"] in reasons, f"left_out.csv line {i}: reason {row['reason']!r} is not in raw/README.md"
        assert row["value"].strip() and row["what"].strip(), f"left_out.csv line {i}: value and what are required"
