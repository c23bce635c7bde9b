"""Research facts to figures: mapping, stages, times, elections, and the choice of the preferred figure."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from akim_elections import schema
from akim_elections.translit import fix_lookalikes

from .common import PARTY_IDS, REGION_IDS, fmt_number, parse_value, read_csv, slug
from .decisions import FIGURE_FIXES, REJECTED
from .vocabulary import AS_OF_BY_DATE, ATTRIBUTES, ELECTION_BY_DATE, LATER_ATTRIBUTES, LATER_PERIODS, NOT_FIGURES, SUBGROUP_WORDS


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


def resolve_stage(spec_stage: str | None, attribute: str, note: str, interim: bool) -> str:
    """Stage of a candidate count whose attribute does not say it: read the note, else 'registered'.

    Interim counts without a stated stage were taken during nomination, so they are 'nominated'.
    """
    if spec_stage != "auto":
        return spec_stage or ""
    low = re.sub(r"(self|party)[- ]nominat\w*", "", note.lower())
    if re.search(r"\bnot (yet )?registered", low):
        return "nominated"
    if "registered" in low:
        return "registered"
    if "nominat" in low or "snapshot" in low or interim:
        return "nominated"
    return "registered"
    if "nominat" in low or "snapshot" in low or interim:
        return "nominated"
    return "registered"


def map_fact(row: dict) -> tuple[dict | None, str]:
    attribute = row["attribute"].strip()
    base, _, suffix = attribute.partition(":")
    base_key = re.sub(r"_at_\d{4}$", "", base)
    if base == "unmapped_later":
        return None, f"later total {suffix!r}: its attribute or period does not name one measure of one election"
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
    election = row.get("_election") or spec.get("election") or ELECTION_BY_DATE.get(election_date) or election_from_date(election_date)
    if not election:
        if base.startswith("byelection") or "by-election" in note:
            election = "2021-by-elections-rural"
        else:
            return None, f"no election for date {election_date!r}"
    as_of = row.get("_as_of") or as_of_from(attribute, note) or AS_OF_BY_DATE.get(election_date, "") or cumulative_as_of(election_date)
    interim = spec.get("interim") or "_interim" in base or bool(re.search(r"_at_\d{4}$", base))
    if interim and not as_of:
        as_of = "interim"
    if re.search(r"snapshot|\binterim\b", note.lower()) and not as_of:
        as_of = "interim"
    measure = spec["measure"]
    region = REGION_IDS.get(row["region"].strip().lower(), "") if row.get("region") else ""
    if row["region"].strip() and not region:
        return None, f"unknown region {row['region']!r}"
    scope = row["level"].strip()
    if scope not in schema.SCOPES:
        return None, f"unknown level {scope!r}"
    figure = _figure(election, scope, region, row, measure, spec, base, note, as_of, party, subgroup, value)
    figure.update(FIGURE_FIXES.get(slug(row["fact_id"]), {}))
    return figure, ""


def _figure(election, scope, region, row, measure, spec, base, note, as_of, party, subgroup, value) -> dict:
    return {
        "election_id": election, "scope": scope, "region_id": region,
        "district": fix_lookalikes(row.get("district", "").strip()) if scope == "district" else "",
        "measure": measure, "stage": resolve_stage(spec.get("stage"), base, note, bool(as_of)) if measure.startswith("candidates") and measure not in ("candidates_per_contest", "candidates_per_contest_min") else "",
        "party_id": party, "gender": spec.get("gender") or "", "subgroup": subgroup, "as_of": as_of,
        "value": fmt_number(value), "unit": schema.unit_of(measure), "approx": bool(spec.get("approx")),
    }


def later_totals_as_facts(path: Path) -> list[dict]:
    """Rows of later_totals.csv in the facts format, where the period names one election."""
    out = []
    for i, row in enumerate(read_csv(path), start=1):
        period = next((p for p in sorted(LATER_PERIODS, key=len, reverse=True) if row["period"].startswith(p)), None)
        base, _, suffix = row["attribute"].partition(":")
        attribute = LATER_ATTRIBUTES.get(base, "")
        if base == "winners_by_party":
            attribute = "winners_by_party:" + suffix if suffix != "party-nominated" else "winners_party_nominated"
        if period is None or not attribute:
            attribute = f"unmapped_later:{row['attribute']}:{row['period']}"
        election, as_of = LATER_PERIODS.get(period, ("", ""))
        out.append({"fact_id": f"lt-{i:03d}", "level": row["scope"], "region": row["region"],
                    "district": row["region"] if row["scope"] == "district" else "", "okrug": "",
                    "attribute": attribute, "value": row["value"], "unit": row["unit"], "election_date": "",
                    "_election": election, "_as_of": as_of, "source_url": row["source_url"], "source_publisher": "",
                    "source_date": "", "language": "", "note": row["note"]})
    return out


def election_from_date(date: str) -> str:
    """Election of a date written as the research notes do; '' where it names no single election."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return f"{date}-rural"  # a voting day; its elections row is made by import_elections
    if re.fullmatch(r"2021-07-25/(\d{4}-\d{2}(-\d{2})?)?", date):
        return "direct-rural-cumulative"
    m = re.fullmatch(r"(\d{4})-01-01/\1-12-31|(\d{4})-\d{2}", date)
    if m:
        return f"{m.group(1) or m.group(2)}-all-rural"
    return ""


def cumulative_as_of(date: str) -> str:
    m = re.fullmatch(r"2021-07-25/(\d{4}-\d{2}(-\d{2})?)?", date)
    if not m:
        return ""
    return m.group(1) or "interim"


GROUP = ("election_id", "scope", "region_id", "contest_id", "measure", "stage", "party_id", "gender", "subgroup", "as_of")


def group_key(figure: dict) -> tuple:
    """What a figure describes. A district counts as one place under all its spellings when its KATO code is known."""
    return (*(figure[k] for k in GROUP), figure.get("district_kato") or figure["district"])


def choose_preferred(figures: list[dict], source_dates: dict[str, str], overrides: dict[str, str]) -> None:
    """Mark one figure per group preferred and say why in its note.

    Rule: a hand override (overrides: figure_id -> reason) wins; else the value most sources give;
    ties go to the exact (not rounded) figure, then to the latest-published source.
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for f in figures:
        f["preferred"] = "false"
        f["rejected"] = "true" if f["figure_id"] in REJECTED else "false"
        if f["figure_id"] in REJECTED:
            f["note"] = (f["note"] + " Rejected: " + REJECTED[f["figure_id"]]).strip()
            continue
        groups[group_key(f)].append(f)
    for members in groups.values():
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
