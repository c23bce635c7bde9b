"""The preference policy, rule by rule, on figures built here (synthetic; they never reach data/)."""

from __future__ import annotations

import pytest

from akim_elections.build import preference
from akim_elections.schema import BREAKDOWNS

ELECTIONS = [{"election_id": "e", "date_earliest": "2021-07-25"}]


def figure(fid: str, source: str, **over) -> dict:
    row = {"figure_id": fid, "election_id": "e", "scope": "national", "region_id": "", "district_kato": "", "contest_id": "",
           "measure": "winners", **{c: "" for c in BREAKDOWNS}, "as_of": "", "time_of_day": "",
           "interim": "false", "qualifier": "exact", "rejected": "false", "value": "730", "source_id": source}
    return {**row, **over}


def source(sid: str, kind: str, published: str = "") -> dict:
    return {"source_id": sid, "publisher_kind": kind, "published": published}


def chosen(figures, sources):
    return preference.preferred_ids(figures, sources, ELECTIONS)


def test_a_better_kind_of_source_wins_whatever_the_row_order():
    sources = [source("wiki", "encyclopedia"), source("agency", "news_agency"), source("copy", "mirror")]
    rows = [figure("a", "copy"), figure("b", "wiki"), figure("c", "agency")]
    assert chosen(rows, sources) == {"c"}
    assert chosen(list(reversed(rows)), sources) == {"c"}


@pytest.mark.parametrize("loser, reason", [
    ({"rejected": "true"}, "a rejected figure is never preferred"),
    ({"interim": "true"}, "a final figure goes before an interim one"),
    ({"qualifier": "at_least"}, "an exact figure goes before a bound"),
])
def test_each_rule_outranks_the_kind_of_source(loser, reason):
    sources = [source("official", "official"), source("paper", "regional_media")]
    rows = [figure("a", "official", **loser), figure("b", "paper")]
    assert chosen(rows, sources) == {"b"}, reason


def test_earliest_publication_after_the_vote_then_pages_before_it_then_undated():
    sources = [source("late", "regional_media", "2021-08-01"), source("early", "regional_media", "2021-07-26"),
               source("before", "regional_media", "2021-07-20"), source("undated", "regional_media")]
    rows = [figure("a", "late"), figure("b", "early"), figure("c", "before"), figure("d", "undated")]
    assert chosen(rows, sources) == {"b"}
    assert chosen([r for r in rows if r["figure_id"] != "b"], sources) == {"a"}
    assert chosen([r for r in rows if r["figure_id"] in ("c", "d")], sources) == {"c"}


def test_one_choice_per_group_and_none_where_all_are_rejected():
    sources = [source("s", "news_agency")]
    rows = [figure("total", "s"), figure("party", "s", party_id="nur-otan", value="627"),
            figure("noon", "s", time_of_day="12:00", value="40"), figure("bad", "s", measure="contests", rejected="true")]
    assert chosen(rows, sources) == {"total", "party", "noon"}


def test_a_hand_override_beats_the_rules_but_not_a_rejection(monkeypatch):
    sources = [source("agency", "news_agency"), source("paper", "regional_media")]
    rows = [figure("a", "agency"), figure("b", "paper")]
    monkeypatch.setattr(preference, "OVERRIDES", {"b": "the paper prints the commission's protocol"})
    assert chosen(rows, sources) == {"b"}
    rows[1]["rejected"] = "true"
    assert chosen(rows, sources) == {"a"}


def test_with_flags_sets_every_row_and_leaves_the_input_alone():
    rows = [figure("a", "s"), figure("b", "s", value="731")]
    flagged = preference.with_flags(rows, [source("s", "official")], ELECTIONS)
    assert [r["preferred"] for r in flagged] == ["true", "false"]
    assert "preferred" not in rows[0]


def test_a_page_known_only_to_the_month_of_the_vote_ranks_between_pages_after_and_before_it():
    sources = [source("after", "news_agency", "2021-07-26"), source("month", "news_agency", "2021-07"),
               source("before", "news_agency", "2021-07-24"), source("undated", "news_agency")]
    rows = [figure("a", "after"), figure("m", "month"), figure("b", "before"), figure("u", "undated")]
    assert chosen(rows, sources) == {"a"}
    assert chosen(rows[1:], sources) == {"m"}
    assert chosen(rows[2:], sources) == {"b"}


def test_final_is_never_set_on_an_interim_figure():
    rows = [{"figure_id": "a", "election_id": "e", "interim": "true", "time_of_day": "", "rejected": "false", "qualifier": "exact",
             "source_id": "s", **{c: "" for c in ("scope", "region_id", "district_kato", "contest_id", "measure", "as_of")},
             **{c: "" for c in BREAKDOWNS}}]
    flagged = preference.with_flags(rows, [{"source_id": "s", "publisher_kind": "official", "published": ""}], [{"election_id": "e", "date_earliest": ""}])
    assert flagged[0]["preferred"] == "true" and flagged[0]["final"] == "false"
