"""Places of the day: ISO codes of both eras, and the source's own spelling of districts."""

from akim_elections.csvio import read_rows
from conftest import ROOT


def test_every_oblast_has_todays_iso_code_matching_its_kato():
    regions = read_rows(ROOT / "data" / "regions.csv")
    assert len(regions) == 17
    for r in regions:
        assert r["iso_3166_2_current"] == "KZ-" + r["kato"][:2], r["region_id"]
        # an oblast has a 2021 code exactly when it existed in 2021
        assert bool(r["iso_3166_2"]) == (not r["valid_from"]), r["region_id"]


def test_district_as_written_is_in_the_script_of_its_source():
    language = {s["source_id"]: s["language"] for s in read_rows(ROOT / "data" / "sources.csv")}
    for row in read_rows(ROOT / "data" / "contests.csv"):
        written = row["district_as_written"]
        if written and language[row["source_id"]] in ("ru", "kk"):
            # Cyrillic, or Kazakh in a Latin alphabet (aýdany); an all-ASCII name is an English gloss
            assert not written.isascii(), f"{row['contest_id']}: {written!r} is not the page's own wording"
