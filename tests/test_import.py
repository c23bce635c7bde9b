"""The research import's judgement calls, pinned by small cases."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from research_import.common import own_words, parse_value, slug, source_id_for  # noqa: E402
from research_import.contests import core_name, district_core, load_kato_districts, match_district  # noqa: E402
from research_import.figures import choose_preferred, map_fact, resolve_stage  # noqa: E402

KATO = ROOT.parent / "shared" / "kato" / "kato_NK-RK-11-2025_2026-07-17_kz-tax-rates.csv"


def fact(**kw):
    base = {"fact_id": "T-1", "level": "region", "region": "Akmola", "district": "", "okrug": "", "attribute": "contests",
            "value": "95", "unit": "", "election_date": "2021-07-25", "source_url": "https://example.org/a", "note": ""}
    return {**base, **kw}


def test_quoted_source_sentences_are_dropped_but_names_stay():
    note = "chair said 'all rural akims will be elected today in the oblast'; party «Nur Otan»; the oblast's figure"
    out = own_words(note)
    assert "will be elected" not in out
    assert "«Nur Otan»" in out and "oblast's figure" in out


@pytest.mark.parametrize("raw, value", [("95", 95.0), ("1 209 817", 1209817.0), ("79,1", 79.1), (">90", None), ("just over 40", None)])
def test_values_are_numbers_as_published_or_nothing(raw, value):
    assert parse_value(raw) == value


def test_ids_are_stable_ascii_slugs():
    assert slug("Şardara Ūlytau") == "sardara-ulytau"
    assert source_id_for("https://www.inform.kz/x") == source_id_for("https://www.inform.kz/x")
    assert source_id_for("https://www.inform.kz/x").startswith("inform-kz-")


@pytest.mark.parametrize("note, stage", [
    ("Registered self-nominated candidates", "registered"),
    ("Self-nominated (nominated, not registered)", "nominated"),
    ("Nominated by political parties", "nominated"),
    ("nominated by six political parties (of registered)", "registered"),
    ("Self-nominated candidates", "registered"),
])
def test_stage_of_a_candidate_count_is_read_from_the_note(note, stage):
    assert resolve_stage("auto", "candidates_self_nominated", note, interim=False) == stage


def test_interim_figures_get_their_time_and_never_pass_for_final():
    figure, _ = map_fact(fact(attribute="turnout_pct_at_1400", value="63.7"))
    assert figure["measure"] == "turnout_pct" and figure["as_of"] == "14:00"
    figure, _ = map_fact(fact(attribute="candidates_nominated", value="300", note="snapshot: as of 7 July 2021"))
    assert figure["as_of"] == "2021-07-07"


def test_non_numbers_and_unknown_parties_are_skipped_with_a_reason():
    assert map_fact(fact(value="all districts"))[0] is None
    figure, why = map_fact(fact(attribute="winners_by_party:Green", value="3"))
    assert figure is None and "Green" in why


def test_the_most_repeated_value_is_preferred_and_says_why():
    figures = [dict(figure_id=f"f{i}", election_id="e", scope="national", region_id="", district="", contest_id="",
                    measure="contests", stage="", party_id="", gender="", subgroup="", as_of="", value=v, source_id=f"s{i}",
                    approx=False, note="") for i, v in enumerate(["730", "733", "730"])]
    choose_preferred(figures, {}, {})
    preferred = [f for f in figures if f["preferred"] == "true"]
    assert len(preferred) == 1 and preferred[0]["value"] == "730"
    assert "2 of 3 sources" in preferred[0]["note"]


def test_place_names_match_across_languages():
    assert core_name("Бозайгырский сельский округ") == core_name("Бозайғыр ауылдық округі")
    assert district_core("Kurmangazy") == district_core("Курмангазинский район")
    assert district_core("Eńbekshiqazaq") == district_core("Енбекшиказахский район")


@pytest.mark.skipif(not KATO.exists(), reason="needs ../shared/kato")
def test_districts_link_to_kato_only_when_unambiguous():
    districts = load_kato_districts(KATO)
    assert match_district(districts, "atyrau", "Kurmangazy") == "234600000"
    assert match_district(districts, "pavlodar", "город Павлодар") == "551000000"
    assert match_district(districts, "pavlodar", "Pavlodar") == ""  # the city or the district: ambiguous
