"""One-off import of the research notes into the curated tables (sources, figures, contests, candidates).

The research notes (../shared/research and the research rounds kept under raw/) record facts with a
free attribute vocabulary. This script maps every attribute onto the package's short list of
measures and dimensions (src/akim_elections/schema.py), gives each source a stable id, and writes
the curated CSVs. After the import the curated tables are edited by hand; run this again only to
re-import from scratch (it refuses to overwrite without --force).

Figures that are not numbers (lists, dates, "just over 40") are not carried over; they are listed
in raw/import_skipped.csv with the reason, so nothing disappears silently.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections import schema  # noqa: E402
from akim_elections.csvio import write_rows  # noqa: E402
from akim_elections.translit import fix_lookalikes, kk_latn  # noqa: E402

REGION_IDS = {
    "akmola": "akmola", "aktobe": "aktobe", "almaty": "almaty-region", "almaty oblast": "almaty-region",
    "atyrau": "atyrau", "east kazakhstan": "east-kazakhstan", "zhambyl": "zhambyl", "jambyl": "zhambyl",
    "west kazakhstan": "west-kazakhstan", "karaganda": "karaganda", "kostanay": "kostanay",
    "kyzylorda": "kyzylorda", "mangystau": "mangystau", "pavlodar": "pavlodar",
    "north kazakhstan": "north-kazakhstan", "turkistan": "turkistan",
}

PARTY_IDS = {
    "nur otan": "nur-otan", "auyl": "auyl", "adal": "adal", "ak zhol": "ak-zhol",
    "people's party of kazakhstan": "peoples-party", "people's party of kazakhstan (npk/qhp)": "peoples-party",
    "people's party": "peoples-party", "osdp": "osdp", "osdp (jsdp)": "osdp", "self-nominated": "self-nominated",
}

MAIN = "2021-07-25-rural"

# Election of a fact, from the research notes' election_date (or a per-attribute override below).
ELECTION_BY_DATE = {
    "2021-07-25": MAIN,
    "2013-08-05/2013-08-09": "2013-08-indirect-rural",
    "2017-08": "2017-08-indirect-rural",
    "2023-11-05": "2023-11-05-district",
    "2023-11-04/2023-11-05": "2023-11-05-district",
    "2023-08-13": "2023-08-13-rural",
    "2023-08-20": "2023-08-20-rural",
    "2024-02-11": "2024-02-11-rural",
    "2001-10": "2001-10-experimental-rural",
    "1999": "1999-chemolgan-experimental",
    "2005-08-12": "2005-08-12-experimental-district",
    "2021": "2021-all-rural",
    "2021-07-25/2023-08-13": "direct-rural-cumulative",
    "2021-07-25/2023-09-01": "direct-rural-cumulative",
    "2021/2023": "direct-rural-cumulative",
    "2023": "direct-rural-cumulative",
}
# as_of of cumulative figures: the end of the period they count.
AS_OF_BY_DATE = {"2021-07-25/2023-08-13": "2023-08-13", "2021-07-25/2023-09-01": "2023-09-01"}

SUBGROUP_WORDS = {
    "civil_servants": "civil_servant", "commercial": "commercial_sector", "budget_sector": "budget_sector",
    "temporarily_unemployed": "unemployed", "public_associations": "public_association",
    "teachers": "education_teacher", "lawyers": "education_law", "agricultural": "education_agriculture",
    "economists": "education_economics", "engineers": "education_engineering", "other": "education_other",
}

# attribute (without ':suffix') -> figure dimensions. "party" in a value means: take the party from the suffix.
A = dict
ATTRIBUTES: dict[str, dict] = {
    "contests": A(measure="contests"),
    "contests_rural_okrugs": A(measure="contests", subgroup="rural_district"),
    "contests_rural_okrug": A(measure="contests", subgroup="rural_district"),
    "contests_villages": A(measure="contests", subgroup="village"),
    "contests_town": A(measure="contests", subgroup="town"),
    "contests_term_expired": A(measure="contests", subgroup="term_expired"),
    "contests_term_expiry": A(measure="contests", subgroup="term_expired"),
    "contests_early_termination": A(measure="contests", subgroup="early_termination"),
    "contests_2021_total": A(measure="contests", election="2021-all-rural"),
    "akims_to_be_elected_2021": A(measure="contests", election="2021-all-rural"),
    "akims_to_be_elected_2021_later": A(measure="contests", election="2021-by-elections-rural"),
    "akims_elected_2021_total": A(measure="winners", election="2021-all-rural"),
    "by_elections_planned_october": A(measure="contests", election="2021-by-elections-rural"),
    "repeat_elections": A(measure="contests", subgroup="repeat"),
    "contests_won_by_one_vote": A(measure="contests", subgroup="won_by_one_vote"),
    "contests_no_winner_tie": A(measure="contests", subgroup="tie"),
    "okrugs_with_2_candidates": A(measure="contests", subgroup="with_2_candidates"),
    "okrugs_with_2_nominees": A(measure="contests", skip="contests by number of nominees (not registered candidates) have no subgroup"),
    "okrugs_with_3_nominees": A(measure="contests", skip="contests by number of nominees (not registered candidates) have no subgroup"),
    "candidates_registered_rural_okrug": A(measure="candidates", stage="registered", subgroup="rural_district"),
    "okrugs_with_3_candidates": A(measure="contests", subgroup="with_3_candidates"),
    "okrugs_with_4_candidates": A(measure="contests", subgroup="with_4_candidates"),
    "okrugs_with_5_candidates": A(measure="contests", subgroup="with_5_candidates"),
    "okrugs_with_party_candidates": A(measure="contests", subgroup="with_party_candidates"),
    "okrugs_only_self_nominated_candidates": A(measure="contests", subgroup="only_self_nominated"),
    "okrugs_only_self_nominees": A(measure="contests", subgroup="only_self_nominated", stage_note="nominated"),
    "candidates_nominated": A(measure="candidates", stage="nominated"),
    "candidates_nominated_interim": A(measure="candidates", stage="nominated", interim=True),
    "candidates_registered": A(measure="candidates", stage="registered"),
    "candidates_registered_interim": A(measure="candidates", stage="registered", interim=True),
    "candidates_found_eligible": A(measure="candidates", stage="registered", interim=True),
    "candidates_found_ineligible": A(measure="candidates", stage="refused_registration", interim=True),
    "candidates_competed": A(measure="candidates", stage="on_ballot"),
    "candidates_on_ballot": A(measure="candidates", stage="on_ballot"),
    "candidates_refused_registration": A(measure="candidates", stage="refused_registration"),
    "candidates_withdrew": A(measure="candidates", stage="withdrawn"),
    "candidates_withdrawn": A(measure="candidates", stage="withdrawn"),
    "candidates_self_nominated": A(measure="candidates", stage="auto", party="self-nominated"),
    "candidates_nominated_self": A(measure="candidates", stage="nominated", party="self-nominated"),
    "candidates_party_nominated": A(measure="candidates", stage="auto", subgroup="party_nominated"),
    "candidates_nominated_party": A(measure="candidates", stage="nominated", subgroup="party_nominated"),
    "candidates_nominated_by_parties": A(measure="candidates", stage="nominated", subgroup="party_nominated"),
    "candidates_registered_by_parties": A(measure="candidates", stage="registered", subgroup="party_nominated"),
    "candidates_by_party": A(measure="candidates", stage="auto", party="suffix"),
    "candidates_nominated_by_party": A(measure="candidates", stage="nominated", party="suffix"),
    "candidates_registered_by_party": A(measure="candidates", stage="registered", party="suffix"),
    "candidates_female": A(measure="candidates", stage="auto", gender="female"),
    "candidates_male": A(measure="candidates", stage="auto", gender="male"),
    "candidates_nominated_female": A(measure="candidates", stage="nominated", gender="female"),
    "candidates_nominated_male": A(measure="candidates", stage="nominated", gender="male"),
    "candidates_female_pct": A(measure="candidates_pct", stage="auto", gender="female"),
    "candidates_male_pct": A(measure="candidates_pct", stage="auto", gender="male"),
    "candidates_self_nominated_pct": A(measure="candidates_pct", stage="auto", party="self-nominated"),
    "candidates_party_nominated_pct": A(measure="candidates_pct", stage="auto", subgroup="party_nominated"),
    "candidates_registered_pct_of_nominated": A(measure="registration_rate_pct"),
    "candidates_occupation": A(measure="candidates", stage="nominated", subgroup="suffix"),
    "candidates_public_administration": A(measure="candidates", stage="auto", subgroup="civil_servant"),
    "candidates_incumbent": A(measure="candidates", stage="auto", subgroup="incumbent"),
    "candidates_per_seat": A(measure="candidates_per_contest"),
    "candidates_per_seat_avg": A(measure="candidates_per_contest"),
    "min_candidates_per_contest": A(measure="candidates_per_contest_min"),
    "candidates_avg_age": A(measure="candidate_age_mean"),
    "candidates_average_age": A(measure="candidate_age_mean"),
    "candidates_mean_age": A(measure="candidate_age_mean"),
    "candidates_min_age": A(measure="candidate_age_min"),
    "candidates_youngest_age": A(measure="candidate_age_min"),
    "candidates_max_age": A(measure="candidate_age_max"),
    "candidates_oldest_age": A(measure="candidate_age_max"),
    "candidate_min_age": A(measure="candidate_age_min_legal"),
    "winners": A(measure="winners"),
    "winners_total": A(measure="winners"),
    "akims_elected": A(measure="winners"),
    "akims_elected_cumulative": A(measure="winners", election="direct-rural-cumulative"),
    "akims_elected_cumulative_share_pct": A(measure="akims_elected_pct", election="direct-rural-cumulative"),
    "winners_by_party": A(measure="winners", party="suffix"),
    "winners_self_nominated": A(measure="winners", party="self-nominated"),
    "winners_female": A(measure="winners", gender="female"),
    "winners_incumbent": A(measure="winners", subgroup="incumbent"),
    "winners_new": A(measure="winners", subgroup="newcomer"),
    "winners_incumbent_pct": A(measure="winners_pct", subgroup="incumbent"),
    "akims_renewed_pct": A(measure="winners_pct", subgroup="newcomer"),
    "winners_renewal_pct": A(measure="winners_pct", subgroup="newcomer"),
    "winners_civil_servants": A(measure="winners", subgroup="civil_servant"),
    "winners_budget_sector": A(measure="winners", subgroup="budget_sector"),
    "winners_commercial_sector": A(measure="winners", subgroup="commercial_sector"),
    "winners_unemployed": A(measure="winners", subgroup="unemployed"),
    "winners_deputy_akim": A(measure="winners", subgroup="deputy_akim"),
    "winners_acting_akim": A(measure="winners", subgroup="acting_akim"),
    "winners_outsider": A(measure="winners", subgroup="outsider"),
    "winners_by_education": A(measure="winners", subgroup="suffix"),
    "winners_share_pct": A(measure="winners_pct", party="suffix"),
    "winners_party_member": A(measure="winners", party="suffix", subgroup="party_member"),
    "winners_party_member_pct": A(measure="winners_pct", party="suffix", subgroup="party_member"),
    "winners_self_nominated_affiliated": A(measure="winners", party="suffix", subgroup="self_nominated_affiliated"),
    "winners_party_count": A(measure="winning_parties"),
    "winning_parties_count": A(measure="winning_parties"),
    "winners_min_age": A(measure="winner_age_min"),
    "winners_youngest_age": A(measure="winner_age_min"),
    "winners_max_age": A(measure="winner_age_max"),
    "winners_oldest_age": A(measure="winner_age_max"),
    "winners_average_age": A(measure="winner_age_mean"),
    "winners_mean_age": A(measure="winner_age_mean"),
    "parties_nominating": A(measure="nominating_parties"),
    "voters_registered": A(measure="voters_registered"),
    "voters_expected": A(measure="voters_registered", approx=True),
    "voters_voted": A(measure="votes_cast"),
    "voters_voted_interim": A(measure="votes_cast", interim=True),
    "turnout_pct": A(measure="turnout_pct"),
    "turnout_interim_pct": A(measure="turnout_pct", interim=True),
    "turnout_pct_interim": A(measure="turnout_pct", interim=True),
    "turnout_pct_lower_bound": A(measure="turnout_pct", approx=True),
    "turnout_min_region_pct": A(measure="turnout_pct_lowest_region"),
    "turnout_pct_min": A(measure="turnout_pct_lowest_region"),
    "voters_share_of_14_oblasts_pct": A(measure="voters_pct_of_oblasts"),
    "residents_in_election_areas": A(measure="residents"),
    "polling_stations": A(measure="polling_stations"),
    "polling_stations_share_of_oblast_pct": A(measure="polling_stations_pct"),
    "election_commissions": A(measure="election_commissions"),
    "territorial_commissions": A(measure="election_commissions", subgroup="territorial"),
    "precinct_commissions": A(measure="election_commissions", subgroup="precinct"),
    "commission_members": A(measure="commission_members"),
    "pec_members": A(measure="commission_members", subgroup="precinct"),
    "districts": A(measure="districts"),
    "districts_involved": A(measure="districts"),
    "districts_with_contests": A(measure="districts"),
    "settlements_covered": A(measure="settlements"),
    "settlements_voting": A(measure="settlements"),
    "regions": A(measure="regions"),
    "akim_posts_total": A(measure="akim_posts"),
    "rural_level_akims_total": A(measure="akim_posts"),
    "rural_okrugs_total": A(measure="akim_posts", subgroup="rural_district"),
    "rural_population_share_pct": A(measure="rural_population_pct"),
    "term_years": A(measure="term_years"),
    "signature_threshold_pct": A(measure="signature_threshold_pct"),
    "campaign_length_days": A(measure="campaign_days"),
    "election_budget_2021_usd": A(measure="budget_usd", election="2021-all-rural"),
    "cost_per_election_usd": A(measure="cost_per_contest_usd", election="2021-all-rural"),
    "campaign_funds_per_candidate_rural_okrug": A(measure="campaign_funds_per_candidate_kzt", subgroup="rural_district"),
    "campaign_funds_per_candidate_town": A(measure="campaign_funds_per_candidate_kzt", subgroup="town"),
    "experimental_direct_elections_villages": A(measure="contests"),
    "experimental_direct_elections": A(measure="contests"),
    "experimental_district_akim_elections": A(measure="contests"),
    "byelection_contests": A(measure="contests", election="2021-by-elections-rural"),
    "byelection_candidates_nominated": A(measure="candidates", stage="nominated", election="2021-by-elections-rural"),
    "byelection_candidates_registered": A(measure="candidates", stage="registered", election="2021-by-elections-rural"),
    "byelection_candidates_party_nominated": A(measure="candidates", stage="nominated", subgroup="party_nominated", election="2021-by-elections-rural"),
    "byelection_candidates_self_nominated": A(measure="candidates", stage="nominated", party="self-nominated", election="2021-by-elections-rural"),
    "byelection_voters_voted": A(measure="votes_cast", election="2021-by-elections-rural"),
    "byelection_turnout_pct": A(measure="turnout_pct", election="2021-by-elections-rural"),
    "byelection_winners_by_party": A(measure="winners", party="suffix", election="2021-by-elections-rural"),
}

# Attributes that are not numeric figures, or not figures of a whole place; each with the reason.
NOT_FIGURES = {
    "law_signed_date": "a date: kept in the events table",
    "direct_election_decree_date": "a date: kept in the events table",
    "by_election_period": "a date range: kept in the elections table",
    "districts_with_most_candidates": "a list of names, not a number",
    "candidates_most_common_profession": "a word, not a number",
    "only_self_nominated_candidates": "a yes/no remark about a district, not a count",
    "candidates_max_per_okrug": "a range ('5-6'), not one number",
    "voters_registered_3_okrugs": "a total over three named contests, not over a place in the scope list",
    "voters_registered_max_okrug": "a contest-level value: kept in the contests table",
    "voters_registered_min_okrug": "a contest-level value: kept in the contests table",
    "turnout_rank_among_regions": "a rank, not a measure of the vote",
    "candidates_nominated_on_day": "a one-day flow of nominations, not a stock",
    "police_deployed": "policing, outside the scope of the package",
    "observers_party": "observers, outside the measure list for now",
    "observers_ngo": "observers, outside the measure list for now",
    "candidate_proxies": "candidates' proxies, outside the measure list for now",
    "self_nominees_collected_signatures": "signature collection, outside the measure list for now",
    "candidates_incumbent_other_okrug": "a count of sitting akims running elsewhere; no subgroup for it",
    "candidates_removed": "removal without the stage being stated",
    "candidates_nominated_after_checks": "an intermediate count between nomination and registration",
    "winners_new_cumulative": "a running total across several elections without a stated period",
    "winners_total_cumulative": "a running total across several elections without a stated period",
    "winners_self_nominated_cumulative": "a running total across several elections without a stated period",
    "winners_female_cumulative": "a running total across several elections without a stated period",
    "winners_new_cumulative_pct": "a running total across several elections without a stated period",
    "contests_settlements": "'settlements' is not one of the contest types of the schema",
}

NATIONAL_NEWS = (
    "inform.kz", "kazinform", "tengrinews", "zakon.kz", "kazpravda", "egemen.kz", "vlast.kz", "azattyq",
    "sputnik", "kursiv", "astanatimes", "24.kg", "khabar", "baq.kz", "orda.kz", "vecher.kz", "astanatv",
    "qazaqstan.tv", "ult.kz", "dknews", "informburo", "kazakhstan-news", "adyrna", "abai.kz", "exclusive.kz",
    "24.kz", "caravan", "liter.kz", "total.kz", "forbes.kz", "nur.kz", "kaztag", "interfax", "ratel",
)
REFERENCE = ("wikipedia", "wiki", "github.com", "iiab.me", "gtool.pro", "wikizero", "stringtranslate", "pages.dev")
ANALYSIS = ("thediplomat", "eurasianet", "cabar", "osce", "rferl", "carnegie", "ipr.kz", "cpc", "rus.azattyq")
OFFICIAL = ("election.gov.kz", "gov.kz", "akorda", "adilet", "parlam")
PARTY = ("nurotan", "amanat")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def source_id_for(url: str) -> str:
    host = urlparse(url).netloc.lower().removeprefix("www.") or "source"
    return f"{slug(host)}-{hashlib.sha1(url.encode()).hexdigest()[:6]}"


def source_kind(url: str) -> str:
    host = urlparse(url).netloc.lower()
    for kind, needles in (("party", PARTY), ("official", OFFICIAL), ("reference", REFERENCE),
                          ("analysis", ANALYSIS), ("news_agency", NATIONAL_NEWS)):
        if any(n in host for n in needles):
            return kind
    return "regional_news"


QUOTED = re.compile(r"'[^']+'|«[^»]+»|\"[^\"]+\"|‘[^’]+’|“[^”]+”")


def own_words(note: str) -> str:
    """Drop quoted source sentences from a research note; keep our own words.

    A quoted fragment of four words or more is taken to be the source's sentence and removed;
    shorter ones are names or labels (a party, a village) and stay.
    """
    def drop_sentences(m: re.Match) -> str:
        return "" if len(m.group(0).split()) >= 4 else m.group(0)

    note = re.sub(r"\braw( label)?:\s*", "", note)
    note = QUOTED.sub(drop_sentences, note)
    note = re.sub(r"\(\s*\)|\s*;\s*(?=;|$)|:\s*(?=;|$)", "", note)
    return re.sub(r"\s+", " ", note).strip(" ;,:=")


def parse_value(raw: str) -> float | None:
    raw = raw.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        return float(raw)
    if re.fullmatch(r"\d+,\d+", raw):  # decimal comma
        return float(raw.replace(",", "."))
    return None


def fmt_number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def as_of_from(attribute: str, note: str) -> str:
    m = re.search(r"_at_(\d{2})(\d{2})$", attribute)
    if m:
        return f"{m.group(1)}:{m.group(2)}"
    m = re.search(r"as of (\d{1,2}):(\d{2})", note) or re.search(r"at (\d{1,2}):(\d{2}) on 25 July", note)
    if m:
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    m = re.search(r"as of (\d{1,2}) July 2021", note)
    if m:
        return f"2021-07-{int(m.group(1)):02d}"
    return ""


def resolve_stage(spec_stage: str | None, attribute: str, note: str) -> str:
    if spec_stage != "auto":
        return spec_stage or ""
    low = note.lower()
    if "of registered" in low or "registered" in low.split("nominat")[0]:
        return "registered"
    if "nominat" in low or "snapshot" in low:
        return "nominated"
    return "registered"


def map_fact(row: dict) -> tuple[dict | None, str]:
    attribute = row["attribute"].strip()
    base, _, suffix = attribute.partition(":")
    base_key = re.sub(r"_at_\d{4}$", "", base)
    if base_key in NOT_FIGURES:
        return None, NOT_FIGURES[base_key]
    spec = ATTRIBUTES.get(base_key) or ATTRIBUTES.get(base)
    if spec is None:
        return None, f"attribute {attribute!r} has no mapping"
    if spec.get("skip"):
        return None, spec["skip"]
    value = parse_value(row["value"])
    if value is None:
        return None, f"value {row['value']!r} is not a number"
    note = row.get("note", "")
    party = spec.get("party") or ""
    if party == "suffix":
        party = PARTY_IDS.get(suffix.lower(), "")
        if not party:
            return None, f"party {suffix!r} is not one of the parties (kept out rather than guessed)"
    subgroup = spec.get("subgroup") or ""
    if subgroup == "suffix":
        subgroup = SUBGROUP_WORDS.get(suffix, "")
        if not subgroup:
            return None, f"subgroup {suffix!r} has no vocabulary entry"
    election_date = row.get("election_date", "").strip()
    election = spec.get("election") or ELECTION_BY_DATE.get(election_date)
    if not election:
        if base.startswith("byelection") or "by-election" in note:
            election = "2021-by-elections-rural"
        else:
            return None, f"no election for date {election_date!r}"
    as_of = as_of_from(attribute, note) or AS_OF_BY_DATE.get(election_date, "")
    interim = spec.get("interim") or "_interim" in base or bool(re.search(r"_at_\d{4}$", base))
    if interim and not as_of:
        as_of = "interim"
    if "snapshot" in note.lower() and not as_of:
        as_of = "interim"
    measure = spec["measure"]
    region = REGION_IDS.get(row["region"].strip().lower(), "") if row.get("region") else ""
    if row["region"].strip() and not region:
        return None, f"unknown region {row['region']!r}"
    scope = row["level"].strip()
    if scope not in schema.SCOPES:
        return None, f"unknown level {scope!r}"
    return {
        "election_id": election, "scope": scope, "region_id": region,
        "district": fix_lookalikes(row.get("district", "").strip()) if scope == "district" else "",
        "measure": measure, "stage": resolve_stage(spec.get("stage"), base, note) if measure.startswith("candidates") and measure not in ("candidates_per_contest", "candidates_per_contest_min") else "",
        "party_id": party, "gender": spec.get("gender") or "", "subgroup": subgroup, "as_of": as_of,
        "value": fmt_number(value), "unit": schema.unit_of(measure), "approx": bool(spec.get("approx")),
    }, ""


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


GROUP = ("election_id", "scope", "region_id", "district", "measure", "stage", "party_id", "gender", "subgroup", "as_of")


def choose_preferred(figures: list[dict], source_dates: dict[str, str], overrides: dict[str, str]) -> None:
    """Mark one figure per group preferred and say why in its note.

    Rule: a hand override (overrides: figure_id -> reason) wins; else the value most sources give;
    ties go to the exact (not rounded) figure, then to the latest-published source.
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for f in figures:
        groups[tuple(f[k] for k in GROUP)].append(f)
    for members in groups.values():
        for f in members:
            f["preferred"] = "false"
        chosen = [f for f in members if f["figure_id"] in overrides]
        if chosen:
            winner, reason = chosen[0], overrides[chosen[0]["figure_id"]]
        else:
            counts = Counter(f["value"] for f in members)
            winner = max(members, key=lambda f: (counts[f["value"]], not f["approx"], source_dates.get(f["source_id"], ""), f["figure_id"]))
            distinct = len(counts)
            if len(members) == 1:
                reason = ""
            elif distinct == 1:
                reason = f"Preferred: all {len(members)} sources agree."
            elif counts[winner["value"]] > 1 and counts[winner["value"]] > sorted(counts.values())[-2 if distinct > 1 else -1] - 0:
                reason = f"Preferred: {counts[winner['value']]} of {len(members)} sources give this value."
            else:
                reason = "Preferred: sources disagree and none is repeated; the exact figure from the latest-published source is used."
        winner["preferred"] = "true"
        if reason:
            winner["note"] = (winner["note"] + " " + reason).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--research", type=Path, default=ROOT.parent / "shared" / "research")
    parser.add_argument("--rounds", type=Path, default=ROOT / "raw" / "research_rounds",
                        help="folder of later research rounds, one subfolder each with facts.csv")
    parser.add_argument("--force", action="store_true", help="overwrite the curated tables")
    args = parser.parse_args(argv)
    out = ROOT / "data"
    if (out / "figures.csv").exists() and not args.force:
        print("import_research: data/figures.csv exists; the curated tables are edited by hand now. "
              "Pass --force to overwrite them from the research notes.", file=sys.stderr)
        return 2

    fact_files = [args.research / "facts_2021.csv"] + sorted(args.rounds.glob("*/facts.csv"))
    sources: dict[str, dict] = {}
    figures: list[dict] = []
    skipped: list[dict] = []
    topics: dict[str, Counter] = defaultdict(Counter)
    for path in fact_files:
        for row in read_csv(path):
            url = row["source_url"].strip()
            if not url:
                skipped.append({"fact_id": row["fact_id"], "file": path.parent.name, "reason": "no source URL"})
                continue
            mapped, why = map_fact(row)
            if mapped is None:
                skipped.append({"fact_id": row["fact_id"], "file": path.parent.name, "reason": why})
                continue
            sid = source_id_for(url)
            sources.setdefault(sid, {
                "source_id": sid, "url": url, "publisher": row["source_publisher"].strip() or urlparse(url).netloc,
                "published": row["source_date"].strip() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["source_date"].strip()) else "",
                "language": row["language"].strip() or "ru", "kind": source_kind(url),
            })
            place = mapped["region_id"] or "kazakhstan"
            topics[sid][(mapped["election_id"], place)] += 1
            figures.append({"figure_id": slug(row["fact_id"]), **mapped, "source_id": sid,
                            "note": own_words(row.get("note", ""))})
    counts = Counter(f["figure_id"] for f in figures)
    dupes = [k for k, v in counts.items() if v > 1]
    if dupes:
        raise SystemExit(f"import_research: duplicate fact ids {dupes[:5]}; give each research round its own prefix")
    for sid, topic in topics.items():
        (election, place), _ = topic.most_common(1)[0]
        sources[sid]["title"] = f"Figures on {place.replace('-', ' ').title()} for the election {election}"
    choose_preferred(figures, {k: v["published"] for k, v in sources.items()}, OVERRIDES)
    for f in figures:
        f.pop("approx")
    fields = {name: [f["name"] for f in schema.TABLES[name]["fields"]] for name in schema.TABLES}
    write_rows(out / "figures.csv", fields["figures"], sorted(figures, key=lambda f: f["figure_id"]))
    write_rows(out / "sources.csv", fields["sources"], sorted(sources.values(), key=lambda s: s["source_id"]))
    write_rows(ROOT / "raw" / "import_skipped.csv", ["file", "fact_id", "reason"], sorted(skipped, key=lambda s: (s["file"], s["fact_id"])))
    print(f"import_research: {len(figures)} figures, {len(sources)} sources, {len(skipped)} facts not carried over")
    return 0


# Hand decisions on which figure is preferred, with the reason (figure_id -> reason).
OVERRIDES: dict[str, str] = {}

if __name__ == "__main__":
    raise SystemExit(main())
