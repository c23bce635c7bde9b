"""What the Coverage and sources page shows: what is known per oblast, the akim posts, the places of the day, the sources."""

from __future__ import annotations

import csv
from collections import Counter

from .data import (N_, MAIN, district_name, _, english, in_language, kind_label, lang, ROOT, count_words, fmt, oblast_names, quote, regional_rows, schema, source_link,
                   table)


# Column headers and cells for the codes of schema.RURAL_POST_TYPES and schema.PUBLISHED_STATUSES.
POST_KIND_LABELS = {"rural_district": N_("rural district"), "village": N_("village"), "town": N_("town")}
STATUS_LABELS = {"shown": N_("shown"), "inferred": N_("inferred"), "not_shown": N_("not shown"), "not_checked": N_("not checked")}


def oblast_rows() -> list[list]:
    return [[r["oblast"], _("{part} of {whole}").format(part=int(r['measures_known']), whole=len(schema.SUMMARY_COLUMNS)), fmt(r["contests_listed"]),
             fmt(r["contests_with_winner"]), fmt(r["winner_coverage_pct"], pct=True)] for r in regional_rows()]


def posts() -> dict:
    """Posts by oblast and kind (KATO edition), and how many of them a known contest names, by the year of its election."""
    posts = table("posts")
    units = dict(zip(table("units").unit_kato, table("units").post_kato))
    contests = table("contests").dropna(subset=["unit_kato"])
    # An election whose year no page gives counts under "year unknown".
    e = table("elections")
    years = {i: str(lo.year) if hi == hi and lo.year == hi.year else _("year unknown") for i, lo, hi in zip(e.election_id, e.date_earliest, e.date_latest)}
    region_of = dict(zip(posts.post_kato, posts.region_id))
    seen = {(region_of[units[c.unit_kato]], years[c.election_id], units[c.unit_kato]) for c in contests.itertuples()}
    year_list = sorted({y for _r, y, _p in seen})
    known = {(r, y): sum(1 for rr, yy, _p in seen if (rr, yy) == (r, y)) for r in region_of.values() for y in year_list}
    oblasts = oblast_names()
    by_oblast = posts.groupby("region_id").post_type.value_counts().unstack(fill_value=0)
    order = sorted(by_oblast.index, key=oblasts.__getitem__)
    kind_rows = [[oblasts[r], int(by_oblast.loc[r].sum()), *(int(by_oblast.loc[r].get(k, 0)) for k in schema.RURAL_POST_TYPES)] for r in order]
    all_ = "**" + _("all") + "**"
    kind_total = [all_, len(posts), *(int((posts.post_type == k).sum()) for k in schema.RURAL_POST_TYPES)]
    year_rows = [[oblasts[r], *(known[(r, y)] or "" for y in year_list)] for r in order]
    year_total = [all_, *(sum(known[(r, y)] for r in by_oblast.index) for y in year_list)]
    published = quote("akim_posts")
    return {"count": len(posts), "published": published, "fewer": published - len(posts),
            "kinds": [_(POST_KIND_LABELS[k]) for k in schema.RURAL_POST_TYPES], "kind_rows": [*kind_rows, kind_total],
            "years": year_list, "year_rows": [*year_rows, year_total]}


def statuses() -> list[list]:
    """Contests by what the pages say became of them (schema.CONTEST_STATUSES)."""
    counts = table("contests").status.value_counts()
    return [[f"`{k}`", int(counts.get(k, 0)), lang.schema_text(v)] for k, v in schema.CONTEST_STATUSES.items()]


def places() -> dict:
    """The places of the day: the 2022 oblasts, the districts formed since 2021 (the crosswalk) and the two ISO code series."""
    regions = table("regions").sort_values("name_en")
    names = oblast_names()
    new = regions[regions.formed_from.notna()]
    changed = regions[regions.territory_changed.notna()]
    changes = table("district_changes").sort_values("district_kato")
    return {
        "new_count": count_words(len(new)), "old_count": len(regions) - len(new), "changes_count": count_words(len(changes)),
        "changed": [names[r] for r in changed.region_id],
        "formed_on": new.valid_from.min(),
        "new_rows": [[names[r.region_id], names[r.formed_from], r.valid_from.date().isoformat(), r.iso_3166_2_current] for r in new.itertuples()],
        "change_rows": [[district_name(c.district_kato), c.district_kato, district_name(c.formed_from), c.signed.date().isoformat(),
                         c.in_force.date().isoformat() if c.in_force == c.in_force else _("not known"), source_link(c.source_id)]
                        for c in changes.itertuples()],
        "iso_rows": [[names[r.region_id], r.iso_3166_2 if isinstance(r.iso_3166_2, str) else _("none (formed in 2022)"), r.iso_3166_2_current]
                     for r in regions.itertuples()],
    }


def sources() -> dict:
    s = table("sources").sort_values(["publisher", "source_id"])
    kinds, statuses_ = s.publisher_kind.value_counts(), s.published_status.value_counts()
    return {
        "rows": [[r.publisher, r.language, r.published if isinstance(r.published, str) else _(STATUS_LABELS[r.published_status]),
                  kind_label(r.publisher_kind), f"[{r.source_id}]({r.url})", in_language(r.title, r.language) if isinstance(r.title, str) else f"({english(r.title_en)})"]
                 for r in s.itertuples()],
        "kind_rows": [[kind_label(k), int(kinds.get(k, 0)), lang.schema_text(v)] for k, v in schema.PUBLISHER_KINDS.items()],
        "status_rows": [[_(STATUS_LABELS[k]), int(statuses_.get(k, 0)), lang.schema_text(v)] for k, v in schema.PUBLISHED_STATUSES.items()],
    }


def read_whole() -> dict:
    """The pages read whole: per page, the rows that cite it and the figures it states that raw/left_out.csv lists instead."""
    s = table("sources")
    whole = s[s.read_whole.astype(bool)].sort_values("source_id")
    with (ROOT / "raw" / "left_out.csv").open(encoding="utf-8", newline="") as fh:
        left = list(csv.DictReader(fh))
    left_by_source, reasons = Counter(r["source_id"] for r in left), Counter(r["reason"] for r in left)
    taken = Counter()
    for name in ("figures", "contests", "candidates"):  # every row that names the page as its source
        taken.update(table(name).source_id.dropna())
    rows = [[f"[{r.source_id}]({r.url})", r.publisher, taken[r.source_id], left_by_source[r.source_id],
             taken[r.source_id] + left_by_source[r.source_id]] for r in whole.itertuples()]
    return {"count": len(whole), "of": len(s), "taken": sum(r[2] for r in rows), "left": len(left),
            "rows": rows, "reason_rows": [[n, f"`{reason}`"] for reason, n in reasons.most_common()]}


def skipped() -> dict:
    """What the import from the sourced records left out, by reason (raw/research/import_skipped.csv)."""
    with (ROOT / "raw" / "research" / "import_skipped.csv").open(encoding="utf-8", newline="") as fh:
        reasons = Counter(row["reason"] for row in csv.DictReader(fh))
    return {"total": sum(reasons.values()), "rows": [[n, english(reason)] for reason, n in reasons.most_common()]}


def context() -> dict:
    contests = table("contests")
    regional = regional_rows()
    return {"summary_columns": len(schema.SUMMARY_COLUMNS), "oblast_rows": oblast_rows(),
            "main_named": int(((contests.election_id == MAIN) & contests.winner_name.notna()).sum()),
            "party_oblasts": sum(1 for r in regional if r["winners_nur_otan"] is not None), "oblasts": len(regional),
            "posts": posts(), "statuses": statuses(), "places": places(), "sources": sources(), "read_whole": read_whole(), "skipped": skipped()}
