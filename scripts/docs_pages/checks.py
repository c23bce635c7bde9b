"""What the Conflicts and Validation pages show: the groups of figures that disagree, the rules and their last run."""

from __future__ import annotations

import sys

from .data import (MAIN, ROOT, _, day, english, describe, district_name, fmt_q, names, oblast_names, quote, source_kind, source_link,
                   table)


def disagreements() -> list[dict]:
    """Every group of figures (one election, place, measure, breakdown and time) whose values differ or hold a rejected one."""
    from akim_elections.build import preference

    group_cols = list(preference.GROUP)
    g = table("figures").astype({c: "object" for c in group_cols}).fillna({c: "" for c in group_cols})
    regions, elections = oblast_names(), names("elections", "election_id")
    sections = []
    for key, grp in g.groupby(group_cols, sort=True, observed=True):
        if grp["value"].nunique() < 2 and not grp["rejected"].any():
            continue
        d = dict(zip(group_cols, key))
        place = _("Kazakhstan") if d["scope"] == "national" else regions.get(d["region_id"], d["region_id"])
        if d["district_kato"]:
            place += ", " + district_name(d["district_kato"])
        when = d["time_of_day"] and _("at {time}").format(time=d["time_of_day"]) or d["as_of"] and _("as of {date}").format(date=day(d["as_of"]))
        what = describe(d["measure"], **d) + (f"; {when}" if when else "")
        rows = [[fmt_q(r.value, r.qualifier), "**" + _("preferred") + "**" if r.preferred else (_("rejected") if r.rejected else (_("interim") if r.interim else "")),
                 source_kind(r.source_id), source_link(r.source_id), english(r.note)]
                for r in grp.sort_values(["preferred", "value"], ascending=[False, True]).itertuples()]
        sections.append({"heading": f"{place}: {what} ({english(elections.get(d['election_id'], d['election_id']))})", "rows": rows})
    return sections


def rejected_part() -> dict:
    """An example of a rival rejected because the oblast's parts add up only without it: the first such district count."""
    f = table("figures")
    r = f[(f.election_id == MAIN) & (f.scope == "district") & (f.measure == "contests") & f.rejected].iloc[0]
    return {"district": district_name(r.district_kato), "rejected": r.value,
            "kept": quote("contests", region=r.region_id, district_kato=r.district_kato), "oblast": quote("contests", region=r.region_id)}


def conflicts() -> dict:
    from akim_elections.build import preference

    return {"sections": disagreements(), "example": rejected_part(),
            "overrides": [[f"`{k}`", v] for k, v in preference.OVERRIDES.items()]}


def catalogue_size() -> int:
    """How many ways the test suite damages a copy of the package (its three damage catalogues, imported)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import test_label_rules
        import test_relationship_rules
        import test_validate
    finally:
        sys.path.remove(str(ROOT / "tests"))
    return len(test_validate.CATALOGUE) + len(test_relationship_rules.CATALOGUE) + len(test_label_rules.CATALOGUE)


def table_link(name: str) -> str:
    """A table named by its id, linked to its codebook page (an id, the same in every language)."""
    return f"[{name}](data/{name}.md)"


def validation() -> dict:
    from akim_elections.checks import rules
    from akim_elections.checks.validate import format_report, validate

    results = validate(ROOT)

    def rule_rows(kind):
        return [[f"`{r.id}`", table_link(r.table), english(r.meaning), _("equal") if r.compare == "eq" else _("not above")] for r in rules.RULES if r.kind == kind]

    return {"published_rules": rule_rows(rules.PUBLISHED), "consistency_rules": rule_rows(rules.CONSISTENCY),
            "report": format_report(results, "."),
            "damages": catalogue_size()}
