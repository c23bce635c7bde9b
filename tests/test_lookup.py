"""ae.figure answers the common question with a plain number, or a one-line error; ae.figures shows the sources."""

from __future__ import annotations

import pytest

import akim_elections as ae
from akim_elections.csvio import read_rows
from conftest import write_rows
from akim_elections.schema import BREAKDOWNS
from conftest import record_sizes_and_hashes


def test_the_national_total_and_a_party_tally_are_plain_ints():
    total, nur_otan = ae.figure("winners"), ae.figure("winners", party="nur-otan")
    assert (total, nur_otan) == (730, 627)
    assert type(total) is int and type(nur_otan) is int


def test_a_share_is_a_float():
    turnout = ae.figure("turnout_pct")
    assert type(turnout) is float and 0 < turnout <= 100


def test_a_region_gives_the_regional_figure():
    frame = ae.load("figures")
    row = frame[(frame.scope == "region") & (frame.region_id == "akmola") & (frame.measure == "contests")
                & frame.final & frame.election_id.eq("2021-07-25-rural") & frame[list(BREAKDOWNS)].isna().all(axis=1)
                & frame.as_of.isna()]
    assert ae.figure("contests", region="akmola") == int(row.value.iloc[0])


def test_breakdowns_are_given_by_column_name():
    assert ae.figure("candidates", stage="registered") == 2297


@pytest.mark.parametrize("kwargs, error, words", [
    ({"measure": "winner"}, ae.NoFigureError, "no figure has measure='winner'"),
    ({"measure": "winners", "party": "nur-otn"}, ae.NoFigureError, "no figure has party_id='nur-otn'"),
    ({"measure": "candidates"}, ae.NoFigureError, "only broken down by stage"),
])
def test_no_match_is_a_one_line_lookup_error(kwargs, error, words):
    with pytest.raises(error) as err:
        ae.figure(**kwargs)
    assert words in str(err.value) and "\n" not in str(err.value)
    assert isinstance(err.value, LookupError) and isinstance(err.value, ValueError)


def test_an_unknown_keyword_names_the_columns():
    with pytest.raises(TypeError, match="unknown figure column 'colour'.*measure"):
        ae.figure("winners", colour="red")


def test_figures_lists_every_source_with_url_publisher_and_title():
    rows = ae.figures("candidates", stage="registered")
    assert len(rows) > 1 and {"url", "publisher", "title"} <= set(rows.columns)
    assert rows.preferred.iloc[0] and rows.url.notna().all()
    assert set(rows.value) == {2297}


def _figures_with_qualifier(package_copy, qualifier_of_total: str):
    """The package with the preferred national 730 winners given the qualifier ``qualifier_of_total``."""
    path = package_copy / "data" / "figures.csv"
    rows = read_rows(path)
    for r in rows:
        total = r["scope"] == "national" and r["measure"] == "winners" and not r["party_id"] and r["preferred"] == "true" \
            and r["election_id"] == "2021-07-25-rural" and not any(r[c] for c in BREAKDOWNS) and r["interim"] == "false" and not r["as_of"]
        if total:
            r["qualifier"] = qualifier_of_total
    write_rows(path, list(rows[0]), rows)
    record_sizes_and_hashes(package_copy)
    return package_copy


def test_a_bound_is_not_returned_as_a_bare_number(package_copy):
    root = _figures_with_qualifier(package_copy, "at_least")
    with pytest.raises(ae.InexactFigureError, match="at_least 730.*qualifier='at_least'"):
        ae.figure("winners", root=root)
    assert ae.figure("winners", qualifier="at_least", root=root) == 730
    assert ae.figure("winners", party="nur-otan", root=root) == 627


def test_an_exact_qualifier_changes_nothing(package_copy):
    root = _figures_with_qualifier(package_copy, "exact")
    assert ae.figure("winners", root=root) == 730


def test_two_preferred_figures_are_ambiguous_and_say_how_to_narrow(package_copy):
    path = package_copy / "data" / "figures.csv"
    rows = read_rows(path)
    twin = next(r for r in rows if r["scope"] == "national" and r["measure"] == "winners" and r["party_id"] == "nur-otan"
                and not r["member_of"])
    rows.append({**twin, "figure_id": twin["figure_id"] + "-twin", "district_as_written": "somewhere"})
    write_rows(path, list(rows[0]), rows)
    record_sizes_and_hashes(package_copy)
    with pytest.raises(ae.AmbiguousFigureError, match="2 final figures.*differ in district_as_written"):
        ae.figure("winners", party="nur-otan", root=package_copy)


def test_a_running_total_is_asked_for_by_its_moment_alone():
    """`as_of` picks the figure; the bounds the build derives from it are never extra criteria."""
    frame = ae.load("figures")
    row = frame[(frame.election_id == "rural-running-total") & (frame.measure == "winners") & (frame.as_of == "2025-11-28")
                & frame.final & frame[list(BREAKDOWNS)].isna().all(axis=1)]
    assert ae.figure("winners", election="rural-running-total", as_of="2025-11-28") == int(row.value.iloc[0])


def test_figure_takes_every_dimension_as_a_keyword():
    assert ae.figure("winners", party="nur-otan") == 627
    assert ae.figure("candidates", stage="registered", nomination="self") == 1419
    assert ae.figure("candidates", stage="registered", party="self-nominated") == 1419  # the same question, in the old words
    assert ae.figure("contests", region="almaty-region", vote_reason="term_expired") == 60
    assert ae.figure("contests", region="north-kazakhstan", post_type="town") == 1
    with pytest.raises(ae.NoFigureError):
        ae.figure("winners", member_of="nur-otan", nomination="party")


def test_figures_of_counts_read_back_as_integers():
    rows = ae.figures("winners", party="nur-otan")
    assert str(rows["value"].dtype) == "Int64"
    assert rows.loc[0, "value"] == 627


@pytest.mark.parametrize("name", ["amanat", "AMANAT", "Nur Otan", "Нур Отан", "«Нұр Отан»"])
def test_a_party_named_as_the_parties_table_writes_it_means_its_id(name):
    assert ae.figure("winners", party=name) == ae.figure("winners", party="nur-otan")


def test_a_figure_that_exists_only_for_oblasts_says_so_and_how_to_ask():
    with pytest.raises(ae.NoFigureError, match=r"such figures exist only at scope region \(pass region=\.\.\.\)"):
        ae.figure("winners", gender="female")
