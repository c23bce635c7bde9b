"""Generate the documentation pages and charts from the data package, at build time.

Every number on the site comes from data/ through this module; nothing is typed by hand. Called by
the mkdocs hook (scripts/docs_hook.py); ``generate()`` returns {path under docs/: text or bytes}.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import akim_elections as ae  # noqa: E402
from akim_elections import citation, preference, rules, schema  # noqa: E402

MAIN = rules.MAIN
GEO = ROOT / "raw" / "geo" / "kaz_adm1_2018_geokz.geojson"
PARTY_ORDER = ["nur-otan", "auyl", "adal", "ak-zhol", "peoples-party", "osdp", "self-nominated"]


# --- data access ---------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def table(name: str):
    return ae.load(name, ROOT)


def names(table_name: str, key: str, label: str = "name_en") -> dict:
    frame = table(table_name)
    return dict(zip(frame[key], frame[label]))


def oblast_names() -> dict:
    """Oblasts as a reader names them: "Almaty oblast", never a bare "Almaty" that reads as the city."""
    return {k: f"{v} oblast" for k, v in names("regions", "region_id").items()}


def _final_group(scope: str, measure: str, region: str | None, election: str, dims: dict):
    """All final figures (any source) of one election x place x measure x breakdown."""
    f = table("figures")
    mask = (f.election_id == election) & (f.scope == scope) & (f.measure == measure)
    mask &= ~f.interim & f.time_of_day.isna() & f.as_of.isna()
    mask &= (f.region_id == region) if region else f.region_id.isna()
    for dim in schema.BREAKDOWNS:
        mask &= (f[dim] == dims[dim]) if dims.get(dim) else f[dim].isna()
    return f[mask]


def preferred(scope: str = "national", measure: str = "contests", region: str | None = None, election: str = MAIN, **dims):
    """Value of the final figure (the `final` flag) with exactly this breakdown, or None."""
    hits = _final_group(scope, measure, region, election, dims)
    hits = hits[hits.final]
    return None if hits.empty else float(hits.iloc[0]["value"])


KIND_LABELS = {"official": "official", "news_agency": "news agency", "national_media": "national media",
               "regional_media": "regional media", "party": "party", "analysis": "analysis or NGO",
               "encyclopedia": "encyclopedia", "dataset": "dataset", "mirror": "mirror or copy"}


def grade(scope: str = "national", measure: str = "contests", region: str | None = None, election: str = MAIN, **dims) -> str:
    """The kind of the best source behind a figure, in words: what a reviewer will ask first."""
    hits = _final_group(scope, measure, region, election, dims)
    hits = hits[hits.preferred]
    if hits.empty:
        return "no figure"
    kinds = table("sources").set_index("source_id")["kind"]
    best = str(kinds[hits.iloc[0]["source_id"]])
    if best in ("encyclopedia", "mirror", "dataset"):
        others = "encyclopedias and mirrors only" if best != "dataset" else "datasets only"
        return f"{KIND_LABELS[best]}: {others}; no official, agency or newspaper page found"
    return KIND_LABELS[best]


def _words(sentence: str) -> str:
    return sentence.rstrip(".").replace("`", "")


# The breakdown columns of a figure, read from the group the preference policy compares (one definition).
BREAKDOWN = [c for c in preference.GROUP if c in schema.VOCABULARIES and c not in ("measure", "scope", "dimension")]


def describe(measure: str, /, **dims) -> str:
    """What a figure measures, in words: 'Akims elected; nominated by Nur Otan; Women'. Never a code."""
    parts = [_words(schema.MEASURES[measure][1])]
    party = dims.get("party_id")
    if isinstance(party, str) and party:
        parts.append("nominated by " + names("parties", "party_id").get(party, party))
    member = dims.get("member_of")
    if isinstance(member, str) and member:
        parts.append("members of " + names("parties", "party_id").get(member, member))
    for dim in BREAKDOWN:
        value = dims.get(dim)
        if isinstance(value, str) and value:
            text = _words(schema.VOCABULARIES[dim].get(value, value.replace("_", " ")))
            parts.append(text[0].lower() + text[1:])
    return "; ".join(parts)


QUALIFIER_WORDS = {"exact": "", "at_least": "more than ", "at_most": "up to ", "approximately": "about "}


def fmt_q(value, qualifier: str = "exact", pct: bool = False) -> str:
    """A value with the precision its source gives ('more than 2,000')."""
    return QUALIFIER_WORDS.get(qualifier, "") + fmt(value, pct)


def district_name(code) -> str:
    if not isinstance(code, str):
        return ""
    return str(table("districts").set_index("district_kato").loc[code, "name_latn"])


def fmt(value, pct: bool = False) -> str:
    if value is None or value != value:
        return "—"
    if pct:
        return f"{value:.1f}%"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def source_link(source_id: str) -> str:
    s = table("sources").set_index("source_id").loc[source_id]
    return f"[{s['publisher']}]({s['url']})"


# Front matter of a page of wide tables: the page drops its table of contents to give the tables the room.
WIDE_PAGE = "---\nhide:\n  - toc\n---\n\n"


def wide(text: str) -> str:
    """A cell of free text that must get room to read (the site's stylesheet gives `.wide` a minimum width)."""
    return f'<span class="wide">{text}</span>' if text else ""


def md_table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    for row in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |")
    return "\n".join(out) + "\n"


# --- charts --------------------------------------------------------------------------------------
def svg(spec: dict) -> bytes:
    import vl_convert as vlc

    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "config": {"font": "sans-serif", "view": {"stroke": None}}, **spec}
    return vlc.vegalite_to_svg(spec).encode("utf-8")


def bar_chart(values: list[dict], x: str, y: str, title: str, x_title: str, color: str = "#00897b") -> bytes:
    return svg({
        "title": title, "width": 520, "height": {"step": 22},
        "data": {"values": values},
        "mark": {"type": "bar", "color": color},
        "encoding": {"y": {"field": y, "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": x, "type": "quantitative", "title": x_title}},
    })


NO_FIGURE = "no figure found"
NO_CONTEST = "city of republican significance: no rural akims"


@lru_cache(maxsize=None)
def _shapes() -> tuple[dict, ...]:
    """The oblast outlines, lightened: slivers dropped (Akmola carries two tiny stray parts), coordinates rounded."""
    geo = json.loads(GEO.read_text(encoding="utf-8"))
    shapes = []
    for feature in geo["features"]:
        polygons = feature["geometry"]["coordinates"]
        if feature["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        kept = [[[[round(x, 2), round(y, 2)] for x, y in ring] for ring in poly] for poly in polygons if len(poly[0]) > 40]
        shapes.append({"iso": feature["properties"]["ISO_3166_2"], "name": feature["properties"]["ADM1_EN"],
                       "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    return tuple(shapes)


def map_chart(rows: list[dict], field: str, title: str, legend: str) -> bytes:
    """A map of every outline of the day: oblasts with a value shaded, the others grey and named in the legend.

    ``rows`` are the oblasts of the election (``iso``, ``oblast``, ``field``), with or without a value. Every map
    draws the same outlines with the same projection, so two maps of one day line up.
    """
    by_iso = {r["iso"]: r for r in rows}
    features = []
    for shape in _shapes():
        row = by_iso.get(shape["iso"])
        value = row.get(field) if row else None
        status = "" if value is not None else (NO_FIGURE if row else NO_CONTEST)
        features.append({"type": "Feature", "geometry": shape["geometry"],
                         "properties": {"oblast": row["oblast"] if row else shape["name"] + " (city)", "value": value, "status": status}})
    base = {"mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.6}}
    return svg({
        "title": title, "width": 620, "height": 360,
        "projection": {"type": "mercator"},
        "data": {"values": features},
        "layer": [
            {**base, "transform": [{"filter": "datum.properties.value == null"}],
             "encoding": {"color": {"field": "properties.status", "type": "nominal", "title": None,
                                    "scale": {"domain": [NO_FIGURE, NO_CONTEST], "range": ["#bdbdbd", "#e6e6e6"]},
                                    "legend": {"orient": "bottom", "direction": "vertical", "symbolType": "square", "labelLimit": 0}},
                          "tooltip": [{"field": "properties.oblast", "title": "oblast"}, {"field": "properties.status", "title": legend}]}},
            {**base, "transform": [{"filter": "datum.properties.value != null"}],
             "encoding": {"color": {"field": "properties.value", "type": "quantitative", "title": legend, "scale": {"scheme": "tealblues"}},
                          "tooltip": [{"field": "properties.oblast", "title": "oblast"}, {"field": "properties.value", "title": legend}]}},
        ],
        "resolve": {"scale": {"color": "independent"}, "legend": {"color": "independent"}},
    })


UNKNOWN_PART = "not broken down by any source"
PARTY_NOT_GIVEN = "party-nominated, party not given"


def nomination_parts(label: str, scope: str, region: str | None = None) -> list[dict]:
    """Registered candidates of one place split by nomination, as far as sources split them.

    Parts are the self-nominated and each party's candidates (or, where no source names the parties, the
    party-nominated together); what the registered total leaves over is drawn as its own "unknown" part,
    so a bar never looks complete when it is not.
    """
    def get(**dims):
        return preferred(scope, "candidates", region=region, stage="registered", **dims)

    parties = names("parties", "party_id")
    parts = [("self-nominated", get(nomination="self"))]
    by_party = [(parties[p], get(party_id=p)) for p in PARTY_ORDER if p != "self-nominated"]
    if any(v is not None for _, v in by_party):
        parts += by_party
    else:
        parts.append((PARTY_NOT_GIVEN, get(nomination="party")))
    parts = [(k, v) for k, v in parts if v is not None]
    total, known = get(), sum(v for _, v in parts)
    if total is not None and total > known:
        parts.append((UNKNOWN_PART, total - known))
    return [{"place": label, "nomination": k, "candidates": v, "order": i} for i, (k, v) in enumerate(parts)]


def nomination_chart(groups: list[list[dict]], title: str) -> bytes:
    parties = names("parties", "party_id")
    domain = ["self-nominated", *(parties[p] for p in PARTY_ORDER if p != "self-nominated"), PARTY_NOT_GIVEN, UNKNOWN_PART]
    colours = ["#ffb300", "#1e88e5", "#43a047", "#8e24aa", "#f4511e", "#6d4c41", "#00acc1", "#5c6bc0", "#d9d9d9"]
    return svg({
        "title": title, "width": 480, "height": {"step": 22},
        "data": {"values": [part for group in groups for part in group]}, "mark": {"type": "bar", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {"y": {"field": "place", "type": "nominal", "title": None, "sort": None},
                     "x": {"field": "candidates", "type": "quantitative", "stack": "zero", "title": "registered candidates"},
                     "order": {"field": "order"},
                     "color": {"field": "nomination", "type": "nominal", "title": "nominated by", "scale": {"domain": domain, "range": colours},
                               "legend": {"labelLimit": 0}},
                     "tooltip": [{"field": "place"}, {"field": "nomination"}, {"field": "candidates"}]},
    })


# --- pages ---------------------------------------------------------------------------------------
def regional_rows() -> list[dict]:
    summary = table("regional_summary")
    summary = summary.astype(object).where(summary.notna(), None)  # missing -> None, numbers -> Python numbers
    regions = table("regions").set_index("region_id")
    oblasts = oblast_names()
    out = []
    for _, row in summary[summary.election_id == MAIN].iterrows():
        r = regions.loc[row["region_id"]]
        out.append({"region_id": row["region_id"], "oblast": oblasts[row["region_id"]], "iso": r["iso_3166_2"], **{c: row[c] for c in summary.columns}})
    return out


HEADLINE = [
    ("Contests (akim posts put to the vote)", dict(measure="contests")),
    ("Winners", dict(measure="winners")),
    ("Candidates registered", dict(measure="candidates", stage="registered")),
    ("… of them self-nominated", dict(measure="candidates", stage="registered", nomination="self")),
    ("… of them women", dict(measure="candidates", stage="registered", gender="female")),
    ("Winners nominated by Nur Otan", dict(measure="winners", party_id="nur-otan")),
    ("Polling stations", dict(measure="polling_stations")),
    ("Registered voters", dict(measure="voters_registered")),
    ("Turnout (preferred national figure)", dict(measure="turnout_pct")),
]


def headline() -> str:
    rows = [[label, fmt(preferred(**q), pct=q["measure"].endswith("_pct")), grade(**q)] for label, q in HEADLINE]
    return md_table(["25 July 2021", "figure", "best source behind it"], rows)


def package_counts() -> str:
    counts = {name: len(table(name)) for name in ae.tables(ROOT)}
    return (f"The package holds **{counts['figures']:,} figures** from **{counts['sources']} sources**, "
            f"**{counts['contests']} contests** named by a source and **{counts['candidates']} candidates**, "
            f"for {counts['elections']} election events (version {ae.__version__}).")


def _nominated_by(party: str) -> dict:
    """The breakdown of figures for one party's nominees (self-nomination is a nomination, not a party)."""
    return {"nomination": "self"} if party == "self-nominated" else {"party_id": party}


def results_page() -> dict:
    parties = names("parties", "party_id")
    tally = [{"id": p, "party": parties[p], "winners": preferred(measure="winners", **_nominated_by(p))} for p in PARTY_ORDER]
    tally = [t for t in tally if t["winners"] is not None]
    known = sum(t["winners"] for t in tally)
    winners = preferred(measure="winners")
    regional = regional_rows()

    files = {}
    files["assets/charts/winners_by_party.svg"] = bar_chart(tally, "winners", "party", "Winners by nominating party, 25 July 2021", "winners")
    files["assets/charts/candidates_by_nomination.svg"] = nomination_chart(
        [nomination_parts("Kazakhstan", "national")], "Registered candidates by way of nomination (national)")
    files["assets/charts/candidates_by_oblast.svg"] = nomination_chart(
        [nomination_parts(r["oblast"], "region", r["region_id"]) for r in regional],
        "Registered candidates by way of nomination, by oblast")
    turnout = [{"oblast": r["oblast"], "turnout": r["turnout_pct"], "iso": r["iso"]} for r in regional if r["turnout_pct"] is not None]
    files["assets/charts/turnout_by_oblast.svg"] = bar_chart(turnout, "turnout", "oblast", "Final turnout by oblast, percent", "turnout, %")
    files["assets/charts/map_turnout.svg"] = map_chart(regional, "turnout_pct", "Final turnout by oblast, 25 July 2021", "turnout, %")
    files["assets/charts/map_contests.svg"] = map_chart(regional, "contests", "Contests by oblast, 25 July 2021", "contests")

    by_oblast = md_table(
        ["oblast", "contests", "candidates registered", "self-nominated", "winners", "Nur Otan", "women elected", "turnout"],
        [[r["oblast"], fmt(r["contests"]), fmt(r["candidates_registered"]), fmt(r["candidates_registered_self_nominated"]),
          fmt(r["winners"]), fmt(r["winners_nur_otan"]), fmt(r["winners_female"]), fmt(r["turnout_pct"], pct=True)] for r in regional])
    party_rows = [[t["party"], fmt(t["winners"]), f"{100 * t['winners'] / winners:.1f}%" if winners else "—",
                   grade(measure="winners", **_nominated_by(t["id"]))] for t in tally]
    recon = table("reconciliations")
    recon_text = "".join(f"\n!!! warning \"The oblast counts add up to {fmt(r.parts_sum)}, not {fmt(preferred())}\"\n    {r.explanation}\n"
                         for r in recon.itertuples() if r.election_id == MAIN)
    page = f"""{WIDE_PAGE}# 25 July 2021: the first nationwide direct vote

{headline()}
Each figure is the one the package prefers where sources differ; see [Conflicts](conflicts.md) for the policy.
The last column grades the best source found for it. The national results of 25 July 2021 by party, the
79.1 % turnout and the 730 winners are stated only by Wikipedia and its copies among the pages found; no
results page of the Central Election Commission, of a news agency or of a newspaper giving them has been found.

## Winners by party

{md_table(["party", "winners", "share of all winners", "best source behind it"], party_rows)}
The parties' tallies add up to {fmt(known)} of {fmt(winners)} winners. No national source found says how the
remaining {fmt(winners - known) if winners else '—'} seats divide; most are probably self-nominated winners, but the package
does not fill the gap with a guess.

![Bar chart of winners by nominating party; Nur Otan leads with {fmt(preferred(measure='winners', party_id='nur-otan'))} winners.](assets/charts/winners_by_party.svg)

## Candidates

![Bar chart of registered candidates: self-nominated against party-nominated.](assets/charts/candidates_by_nomination.svg)

![Stacked bars per oblast of registered self-nominated and party-nominated candidates, for the oblasts whose sources give both or either.](assets/charts/candidates_by_oblast.svg)

## By oblast

{by_oblast}
A dash means no source with that figure has been found yet (see [Coverage](coverage.md)).
{recon_text}
![Bar chart of final turnout by oblast.](assets/charts/turnout_by_oblast.svg)

![Map of Kazakhstan's oblasts of 2021 shaded by final turnout; the three cities of republican significance held no contests.](assets/charts/map_turnout.svg)

![Map of Kazakhstan's oblasts of 2021 shaded by the number of contests.](assets/charts/map_contests.svg)

Boundaries: geokz by Alexander Rodionov (CC BY 4.0, <https://github.com/arodionoff/geokz>), based on OCHA HDX COD-AB
Kazakhstan (UNHCR, with city outlines from © OpenStreetMap contributors). The maps are rendered pictures; the
boundary data are not redistributed. The licence of the upstream COD-AB layer could not be checked, so the package
publishes only these rendered maps (an image made from OpenStreetMap data needs attribution only).
"""
    files["results.md"] = page + named_winners_section()
    return files


def named_winners_section() -> str:
    contests = table("contests")
    named = contests[(contests.election_id == MAIN) & contests.winner_name.notna()].sort_values(["region_id", "district_kato", "contest_id"])
    regions, parties = oblast_names(), names("parties", "party_id")
    rows = [[regions[c.region_id], district_name(c.district_kato), c.name_ru if isinstance(c.name_ru, str) else c.name_kk,
             f"{c.winner_name} ({c.winner_name_latn})" if isinstance(c.winner_name_latn, str) and c.winner_name_latn != c.winner_name else c.winner_name,
             parties.get(c.winner_party_id, "—") if isinstance(c.winner_party_id, str) else "—", source_link(c.source_id)]
            for c in named.itertuples()]
    listed = int((contests.election_id == MAIN).sum())
    return f"""
## Contests with a named winner

{len(named)} of the {fmt(preferred())} contests have a winner named by a source found so far ({listed} contests are listed
in the [contests table](data/contests.md), most without a result). Names are kept as the source writes them.

{md_table(["oblast", "district", "rural district, village or town", "winner", "party", "source"], rows)}
Hold an official list? See CONTRIBUTING.md in the repository: each row needs only its public source.
"""


def codebook_pages() -> dict:
    desc = ae.descriptor(ROOT)
    files = {}
    overview = ["# The tables\n", package_counts() + "\n",
                "Curated tables are edited by hand and reviewed; derived tables are built by `scripts/build.py`. "
                "The curated tables were first made from the sourced records kept in the repository's `raw/research/`, "
                "by a one-off import that git history keeps.\n"]
    rows = []
    for res in desc["resources"]:
        frame = table(res["name"])
        rows.append([f"[{res['name']}]({res['name']}.md)", res.get("x-kind", ""), len(frame), res["description"]])
        files[f"data/{res['name']}.md"] = table_page(res, frame)
    overview.append(md_table(["table", "kind", "rows", "what one row is"], rows))
    overview.append("\nThe descriptor [`datapackage.json`](../datapackage.json) "
                    "holds the same information for machines (Frictionless Data Package).\n")
    files["data/index.md"] = "\n".join(overview)
    return files


def table_page(res: dict, frame) -> str:
    sch = res["schema"]
    fk = {f["fields"]: f["reference"] for f in sch.get("foreignKeys", [])}
    rows = []
    for field in sch["fields"]:
        c = field.get("constraints", {})
        constraints = []
        if c.get("required"):
            constraints.append("required")
        if c.get("unique"):
            constraints.append("unique")
        if "minimum" in c or "maximum" in c:
            constraints.append(f"{c.get('minimum', '')}–{c.get('maximum', '')}")
        if c.get("pattern"):
            constraints.append(schema.PATTERN_NAMES.get(c["pattern"], f"pattern `{c['pattern']}`"))
        if c.get("enum"):
            constraints.append("one of: " + ", ".join(f"`{v}`" for v in c["enum"][:8]) + (f" … ({len(c['enum'])} values)" if len(c["enum"]) > 8 else ""))
        if field["name"] in fk:
            ref = fk[field["name"]]
            constraints.append(f"→ [{ref['resource']}]({ref['resource']}.md).{ref['fields']}")
        values = frame[field["name"]].dropna()
        example = str(values.iloc[0]) if len(values) else ""
        if len(example) > 40:
            example = example[:39] + "…"
        described = field["description"] + (f" Example: `{example}`" if example else "")
        kind = field["type"] + (f", in {field['unit']}" if field.get("unit") else "")
        rows.append([f"`{field['name']}`", kind, "; ".join(constraints), wide(described)])
    vocab = ""
    if res["name"] == "figures":
        vocab = "\n## Measures\n\n" + md_table(["measure", "unit", "meaning"], [[f"`{m}`", u, wide(d)] for m, (u, d) in schema.MEASURES.items()])
        for title, column, vocabulary in (("Nominations", "nomination", schema.NOMINATIONS), ("Incumbency", "incumbency", schema.INCUMBENCIES),
                                          ("Types of unit", "unit_type", schema.UNIT_TYPES)):
            vocab += f"\n## {title}\n\n" + md_table([column, "meaning"], [[f"`{k}`", v] for k, v in vocabulary.items()])
        vocab += "\n## Rarer dimensions\n\n" + md_table(["dimension", "category", "meaning"],
                                                       [[f"`{d}`", f"`{c}`", m] for d, v in schema.RARE_DIMENSIONS.items() for c, m in v.items()])
        vocab += "\n## Stages\n\n" + md_table(["stage", "meaning"], [[f"`{k}`", v] for k, v in schema.STAGES.items()])
    return f"""{WIDE_PAGE}# {res['name']}

{res['description']}

- **Kind:** {res.get('x-kind', '')} · **Rows:** {len(frame):,} · **Primary key:** `{', '.join(sch['primaryKey'])}`
- **Download:** [{res['path']}]({res['name']}.csv) (UTF-8 CSV)

## Fields

{md_table(["field", "type", "constraints", "description"], rows)}{vocab}"""


def coverage_grid() -> bytes:
    """Measure x oblast: a filled cell where the package has a preferred figure, coloured by the kind of its source."""
    oblasts = oblast_names()
    cells = table("summary_sources")
    cells = cells[cells.election_id == MAIN]
    # A cell summed from parts has a source per part: colour it by the weakest, as a reviewer would grade it.
    rank = {k: i for i, k in enumerate(schema.SOURCE_KINDS)}
    cells = {key: max(grp["kind"], key=rank.__getitem__) for key, grp in cells.groupby(["region_id", "column"])}
    regional = regional_rows()
    values = []
    for column, _measure, _breakdown, description in schema.SUMMARY_COLUMNS:
        for r in regional:
            key = (r["region_id"], column)
            kind = KIND_LABELS[cells[key]] if key in cells else NO_FIGURE
            values.append({"figure": _words(description), "oblast": oblasts[r["region_id"]], "source": kind})
    domain = [KIND_LABELS[k] for k in schema.SOURCE_KINDS] + [NO_FIGURE]
    colours = ["#00695c", "#26a69a", "#5c6bc0", "#9fa8da", "#ab47bc", "#ffb300", "#ff7043", "#a1887f", "#bcaaa4", "#ffffff"]
    return svg({
        "title": "What the package knows per oblast, 25 July 2021 (preferred figures)",
        "data": {"values": values}, "width": {"step": 30}, "height": {"step": 20},
        "mark": {"type": "rect", "stroke": "#9e9e9e", "strokeWidth": 0.5},
        "encoding": {"x": {"field": "oblast", "type": "nominal", "sort": None, "title": None, "axis": {"labelAngle": -50, "orient": "top", "labelLimit": 0}},
                     "y": {"field": "figure", "type": "nominal", "sort": None, "title": None, "axis": {"labelLimit": 0}},
                     "color": {"field": "source", "type": "nominal", "title": "kind of source behind the figure",
                               "scale": {"domain": domain, "range": colours[:len(domain)]}, "legend": {"symbolType": "square", "symbolStrokeColor": "#9e9e9e", "labelLimit": 0}},
                     "tooltip": [{"field": "oblast"}, {"field": "figure"}, {"field": "source"}]},
    })


def posts_section() -> str:
    """Posts by oblast (KATO edition), and how many of them a known contest names, by the year of its election."""
    posts = table("posts")
    units = dict(zip(table("units").kato, table("units").post_kato))
    contests = table("contests").dropna(subset=["kato"])
    # An election whose year no page gives counts under "year unknown".
    e = table("elections")
    years = {i: str(lo.year) if hi == hi and lo.year == hi.year else "year unknown" for i, lo, hi in zip(e.election_id, e.date_earliest, e.date_latest)}
    region_of = dict(zip(posts.kato, posts.region_id))
    seen = {(region_of[units[c.kato]], years[c.election_id], units[c.kato]) for c in contests.itertuples()}
    year_list = sorted({y for _r, y, _p in seen})
    known = {(r, y): sum(1 for rr, yy, _p in seen if (rr, yy) == (r, y)) for r in region_of.values() for y in year_list}
    published = int(preferred(measure="akim_posts"))
    oblasts = oblast_names()
    by_oblast = posts.groupby("region_id").kind.value_counts().unstack(fill_value=0)
    order = sorted(by_oblast.index, key=oblasts.__getitem__)
    kind_rows = [[oblasts[r], int(by_oblast.loc[r].sum()), *(int(by_oblast.loc[r].get(k, 0)) for k in schema.POST_KINDS)] for r in order]
    kind_total = ["**all**", len(posts), *(int((posts.kind == k).sum()) for k in schema.POST_KINDS)]
    # Two narrow tables rather than one wide one, so that neither needs to scroll at desktop width.
    year_rows = [[oblasts[r], *(known[(r, y)] or "" for y in year_list)] for r in order]
    year_total = ["**all**", *(sum(known[(r, y)] for r in by_oblast.index) for y in year_list)]
    return f"""## Akim posts and the contests known for them

The [posts](data/posts.md) table lists {len(posts):,} rural-level akim posts in the KATO edition of the package
(oblasts as they are now). The preferred published figure for the elections of 25 July 2021 is {published:,} posts:
the edition has {published - len(posts)} fewer. The difference is not explained unit by unit: the KATO edition is of
2025/2026 and cannot tell which units were merged, split, renamed or upgraded since 2021, nor which posts were
vacant or not up for election on a given day.

{md_table(["oblast", "posts", *(k.replace("_", " ") for k in schema.POST_KINDS)], [*kind_rows, kind_total])}
Posts with at least one known contest, by the year of its election:

{md_table(["oblast", *year_list], [*year_rows, year_total])}
"""


def status_section() -> str:
    """Contests by what the pages say became of them (schema.CONTEST_STATUSES)."""
    contests = table("contests")
    counts = contests.status.value_counts()
    rows = [[f"`{k}`", int(counts.get(k, 0)), v] for k, v in schema.CONTEST_STATUSES.items()]
    return f"""## Contests by status

Each contest has a `status`, from what the pages say: a contest known only from notices before the vote is
`announced_only` until a page reports the vote.

{md_table(["status", "contests", "meaning"], rows)}"""
def _count_words(n: int) -> str:
    return ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")[n] if n <= 10 else f"{n:,}"


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def places_section() -> str:
    """The places of the day: the 2022 oblasts, the districts formed since 2021 (the crosswalk) and the two ISO code series."""
    regions = table("regions").sort_values("name_en")
    names = oblast_names()
    districts = table("districts")
    district_en = dict(zip(districts.district_kato, districts.name_latn))
    new = regions[regions.formed_from.notna()]
    changed = regions[regions.territory_changed.notna()]
    region_rows = [[names[r.region_id], names[r.formed_from], r.valid_from.date().isoformat(), r.iso_3166_2_current] for r in new.itertuples()]
    changes = table("district_changes").sort_values("district_kato")
    change_rows = [[district_en[c.district_kato], c.district_kato, district_en[c.formed_from], c.signed.date().isoformat(),
                    c.in_force.date().isoformat() if c.in_force == c.in_force else "not known", source_link(c.source_id)]
                   for c in changes.itertuples()]
    iso_rows = [[names[r.region_id], r.iso_3166_2 if isinstance(r.iso_3166_2, str) else "none (formed in 2022)", r.iso_3166_2_current]
                for r in regions.itertuples()]
    return f"""## Places of the day

Every contest and figure sits in the oblast and district it belonged to on its election day, while KATO codes are
those of the package's KATO edition. Two kinds of change since 25 July 2021 matter:

- On 8 June 2022 {_count_words(len(new))} oblasts were formed from parts of others, which kept their ids: a time series of
  {_and_list([names[r] for r in changed.region_id])} has a break on that day, given in `regions.territory_changed`, and
  each new oblast names the one it came from in `formed_from`. A district's `region_id_2021` is its oblast before that day.

{md_table(["oblast", "formed from", "since", "ISO 3166-2"], region_rows)}
- Since 2021, {_count_words(len(changes))} districts and cities of oblast significance were split off, each whole from one district.
  The [district_changes](data/district_changes.md) table is the crosswalk: every unit now in such a district lay
  in `formed_from` until the change took effect (`units.district_kato_2021` and `posts.district_kato_2021` apply it
  to 25 July 2021). A 2021 contest in a unit of Zhanasemey district is thus filed under the city of Semey.
  The old district's `territory_changed` gives the day it lost ground.

{md_table(["district", "KATO", "split off from", "decree signed", "in force", "source"], change_rows)}
A rural district moved from one district to another that both existed in 2021 is not in this table: the KATO
edition shows where units are now, not where they were.

Regions carry two ISO 3166-2 codes: `iso_3166_2`, the three-letter code in force on 25 July 2021, and
`iso_3166_2_current`, the two-digit code in force now. The three oblasts formed in 2022 never had a code of the
first series, so they have only the current one; the other 14 have both.

{md_table(["oblast", "ISO 3166-2 of 2021", "ISO 3166-2 now"], iso_rows)}
"""


def coverage_page() -> str:
    regional = regional_rows()
    rows = [[r["oblast"], f"{int(r['measures_known'])} of {len(schema.SUMMARY_COLUMNS)}", fmt(r["contests_listed"]),
             fmt(r["contests_with_winner"]), fmt(r["winner_coverage_pct"], pct=True)] for r in regional]
    sources = table("sources").sort_values(["publisher", "source_id"])
    src_rows = [[s.publisher, s.language, s.published if isinstance(s.published, str) else s.published_status.replace("_", " "),
                 KIND_LABELS[s.kind], f"[{s.source_id}]({s.url})", s.title if isinstance(s.title, str) else f"({s.title_en})"]
                for s in sources.itertuples()]
    kinds = sources.kind.value_counts()
    kind_rows = [[KIND_LABELS[k], int(kinds.get(k, 0)), v] for k, v in schema.SOURCE_KINDS.items()]
    statuses = sources.published_status.value_counts()
    status_rows = [[k.replace("_", " "), int(statuses.get(k, 0)), v] for k, v in schema.PUBLISHED_STATUSES.items()]
    contests = table("contests")
    named = contests[(contests.election_id == MAIN) & contests.winner_name.notna()]
    return f"""{WIDE_PAGE}# Coverage and sources

{package_counts()}

## What is known per oblast (25 July 2021)

The regional summary has {len(schema.SUMMARY_COLUMNS)} figures per oblast. Each cell of the grid is one of them:
coloured by the kind of the source behind it (for a figure summed from parts, the weakest of their sources),
white where no source with that figure has been found.

![Grid of the {len(schema.SUMMARY_COLUMNS)} summary figures by oblast, each cell coloured by the kind of its best source or white where the figure is missing.](assets/charts/coverage_grid.svg)

"Known" counts the figures with a preferred value. Contest coverage is the share of an oblast's contests
whose winner is named in the contests table.

{md_table(["oblast", "figures known", "contests listed", "with named winner", "winner coverage"], rows)}
So far {len(named)} of {fmt(preferred())} contests of 25 July 2021 have a named winner. Results by party are known
for {sum(1 for r in regional if r['winners_nur_otan'] is not None)} of 14 oblasts.

{posts_section()}
{status_section()}
{places_section()}
## Sources

Every source is a page as it lives, cited with its own headline (in brackets, an English gloss where the page as
read showed no headline) and its publication date, by the rule below.

{md_table(["kind", "sources", "what it is"], kind_rows)}

{md_table(["publisher", "language", "published", "kind", "link", "title"], src_rows)}
### Publication dates

One rule, applied the same to every source, says where `published` comes from (`published_status`):

{md_table(["status", "sources", "meaning"], status_rows)}
A date in a page's address is only as precise as the address: `2023-08` is a month, not its first day. The validation
checks the rule wherever the address decides it (the rule `published-status-rule`).

`accessed` is the day the source's row was first added to the package: the page was read on or before that day, and
may have changed since.
{skipped_section()}"""


def skipped_section() -> str:
    """What the import from the sourced records left out, by reason (raw/research/import_skipped.csv)."""
    path = ROOT / "raw" / "research" / "import_skipped.csv"
    import csv
    from collections import Counter

    with path.open(encoding="utf-8", newline="") as fh:
        reasons = Counter(row["reason"] for row in csv.DictReader(fh))
    rows = [[n, reason] for reason, n in reasons.most_common()]
    return ("\n## Records not carried over\n\n"
            f"{sum(reasons.values())} rows of the sourced records in `raw/research/` are not in the tables, each for a stated reason "
            "(the list, row by row, is `raw/research/import_skipped.csv` in the repository):\n\n"
            + md_table(["rows", "reason"], rows))


RUNNING_TOTAL = "rural-running-total"


def day(value) -> str:
    """An EDTF date in words a reader takes at once: 2024-05-05, 2024-05, 2024, "29 June, year not given"."""
    if not isinstance(value, str) or value == "XXXX-XX-XX":
        return "date not given"
    if value.startswith("XXXX-"):
        month_day = value[5:]
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        month = months[int(month_day[:2]) - 1]
        return f"{int(month_day[3:])} {month}, year not given" if len(month_day) == 5 else f"{month}, year not given"
    return value.replace("/..", " onwards").replace("/", " to ")


def voting_days():
    """Direct elections held on one known day since 25 July 2021, oldest first (rural, district and city akims)."""
    e = table("elections")
    days = e[e.direct.fillna(False).astype(bool) & (e.kind == "voting_day") & (e.date_earliest == e.date_latest)
             & (e.date_earliest >= e.set_index("election_id").loc[MAIN, "date_earliest"])]
    return days.sort_values(["date_earliest", "election_id"])


def day_rows() -> list[dict]:
    """Per voting day: the contests a source says were held, and the contests the package lists by name."""
    contests = table("contests")
    rows = []
    for e in voting_days().itertuples():
        mine = contests[contests.election_id == e.election_id]
        rows.append({"date": e.date, "election": e.name_en, "level": e.level,
                     "held": preferred(measure="contests", election=e.election_id),
                     "listed": len(mine), "named": int(mine.winner_name.notna().sum())})
    return rows


def timeline_chart(rows: list[dict]) -> bytes:
    values = [{"date": r["date"], "contests": r[k], "series": label, "election": r["election"]}
              for r in rows for k, label in (("held", "held, as a source states"), ("listed", "listed in the package"))
              if r[k] is not None]
    return svg({
        "title": "Voting days since 25 July 2021: contests per day", "width": 620, "height": 260,
        "data": {"values": values},
        "mark": {"type": "point", "filled": True, "size": 60},
        "encoding": {"x": {"field": "date", "type": "temporal", "title": None},
                     "y": {"field": "contests", "type": "quantitative", "scale": {"type": "symlog"}, "title": "contests (log scale)"},
                     "color": {"field": "series", "type": "nominal", "title": None, "scale": {"range": ["#00897b", "#ff7043"]},
                               "legend": {"orient": "bottom", "labelLimit": 0}},
                     "shape": {"field": "series", "type": "nominal", "legend": None},
                     "tooltip": [{"field": "election"}, {"field": "series"}, {"field": "contests"}]},
    })


def running_chart(rows: list[dict]) -> bytes:
    f = table("figures")
    stated = f[(f.election_id == RUNNING_TOTAL) & (f.scope == "national") & (f.measure == "winners") & ~f.rejected
               & f.as_of_latest.notna() & f[list(schema.BREAKDOWNS)].isna().all(axis=1)]
    values = [{"date": r.as_of_latest.date().isoformat(), "akims": float(r.value), "series": "running total a source states"}
              for r in stated.itertuples()]
    held = listed = 0
    for r in rows:
        held += r["held"] or 0
        listed += r["listed"]
        values += [{"date": r["date"], "akims": held, "series": "contests with a count in the package, summed"},
                   {"date": r["date"], "akims": listed, "series": "contests listed by name, summed"}]
    return svg({
        "title": "Akims elected since 25 July 2021: the sources' running totals and what the package holds", "width": 620, "height": 260,
        "data": {"values": values},
        "mark": {"type": "line", "point": True, "interpolate": "step-after"},
        "encoding": {"x": {"field": "date", "type": "temporal", "title": None},
                     "y": {"field": "akims", "type": "quantitative", "title": "akims (contests)"},
                     "color": {"field": "series", "type": "nominal", "title": None, "scale": {"domain": ["running total a source states", "contests with a count in the package, summed", "contests listed by name, summed"], "range": ["#5c6bc0", "#00897b", "#ff7043"]},
                               "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 0}},
                     "tooltip": [{"field": "date", "type": "temporal"}, {"field": "series"}, {"field": "akims"}]},
    })


def later_page() -> str:
    f = table("figures")
    elections = table("elections").set_index("election_id")
    cumulative = f[(f.election_id == RUNNING_TOTAL) & (f.scope == "national") & ~f.rejected]
    rows = []
    for r in cumulative.sort_values(["as_of_latest", "measure", "figure_id"], na_position="last").itertuples():
        what = describe(r.measure, **r._asdict())
        rows.append([day(r.as_of), what, fmt_q(r.value, r.qualifier), source_link(r.source_id)])
    contests = table("contests")
    per = []
    later = elections[(elections.date_earliest >= elections.loc[MAIN, "date_earliest"]) & (elections.index != MAIN)]
    # Oldest first; votes no page bounds (a date without a year, or none) and the running total come last.
    for eid in later.assign(unbounded=later.date_latest.isna()).sort_values(["unbounded", "date_earliest", "date"]).index:
        e = elections.loc[eid]
        n_fig = int((f.election_id == eid).sum())
        n_con = int((contests.election_id == eid).sum())
        named = int(((contests.election_id == eid) & contests.winner_name.notna()).sum())
        per.append([day(e["date"]), e["name_en"], e["kind"].replace("_", " "), n_fig, n_con, named])
    days = day_rows()
    day_table = md_table(["date", "election", "akims of", "contests held (source)", "listed in the package", "with named winner"],
                         [[d["date"], d["election"], d["level"].replace("_", " "), fmt(d["held"]), d["listed"], d["named"]] for d in days])
    district = [d for d in days if d["level"] != "rural"]
    district_text = (md_table(["date", "election", "contests held (source)", "listed", "with named winner"],
                              [[d["date"], d["election"], fmt(d["held"]), d["listed"], d["named"]] for d in district])
                     if district else "None in the package yet.\n")
    return f"""# Since 2021

## Voting days

{len(days)} voting days of direct akim elections are in the package, each with the contests a source says
were held that day and the contests the package lists by name. A day missing here is a day no source found
has been recorded for, not a day without elections.

![Timeline of the voting days since 25 July 2021, with the contests held per day as sources state them and the contests the package lists.](assets/charts/later_timeline.svg)

![Step lines: the running totals of akims elected that sources state, against the contests the package counts and lists, summed over the voting days.](assets/charts/later_running.svg)

{day_table}
## District and city akims

{district_text}
## About these elections

After 25 July 2021 rural akims are elected whenever a term ends or a post falls vacant, on voting days
spread over every year. The package records these elections as they are found: each voting day is an
election of its own (`kind` `voting_day`). A vote whose day no source gives belongs to an election of its
oblast and of what is known of its date: a month (`2024-05-rural-akmola`), a year, a day and month without a
year (`xxxx-06-29-rural-turkistan`), or nothing (`undated-rural-pavlodar`); `date` holds that in EDTF and
`date_earliest`/`date_latest` the days it can mean. Totals a source publishes over a year are elections of
kind `period_total`; running totals belong to `rural-running-total` (kind `running_total`), with the date
they run to in `as_of`.

## Running totals (national)

{md_table(["up to", "measure", "value", "source"], rows)}
Figures that disagree (for example the round numbers of a speech against a count) are all listed; see
[Conflicts](conflicts.md) for which one the package prefers.

## Elections in the package

{md_table(["date", "election", "kind", "figures", "contests", "with named winner"], per)}"""


def conflicts_page() -> str:
    f = table("figures")
    group_cols = list(preference.GROUP)
    g = f.astype({c: "object" for c in group_cols}).fillna({c: "" for c in group_cols})
    kinds = table("sources").set_index("source_id")["kind"]
    sections = []
    regions = oblast_names()
    elections = names("elections", "election_id")
    for key, grp in g.groupby(group_cols, sort=True, observed=True):
        if grp["value"].nunique() < 2 and not grp["rejected"].any():
            continue
        d = dict(zip(group_cols, key))
        place = "Kazakhstan" if d["scope"] == "national" else regions.get(d["region_id"], d["region_id"])
        if d["district_kato"]:
            place += ", " + district_name(d["district_kato"])
        when = d["time_of_day"] and f"at {d['time_of_day']}" or d["as_of"] and f"as of {day(d['as_of'])}"
        what = describe(d["measure"], **d) + (f"; {when}" if when else "")
        rows = []
        for r in grp.sort_values(["preferred", "value"], ascending=[False, True]).itertuples():
            mark = "**preferred**" if r.preferred else ("rejected" if r.rejected else ("interim" if r.interim else ""))
            rows.append([fmt_q(r.value, r.qualifier), mark, KIND_LABELS[kinds[r.source_id]], source_link(r.source_id),
                         r.note if isinstance(r.note, str) else ""])
        sections.append(f"### {place}: {what} ({elections.get(d['election_id'], d['election_id'])})\n\n" + md_table(["value", "status", "kind of source", "source", "note"], rows))
    overrides = (md_table(["figure", "why it is preferred against the policy"], [[f"`{k}`", v] for k, v in preference.OVERRIDES.items()])
                 if preference.OVERRIDES else "None at present: every preferred figure follows the rules above.\n")
    headline_grades = md_table(["25 July 2021", "figure", "best source behind it"],
                               [[label, fmt(preferred(**q), pct=q["measure"].endswith("_pct")), grade(**q)] for label, q in HEADLINE])
    intro = f"""# Conflicts

Where sources give different values for the same thing, the package keeps all of them, each with its source.
Figures judged wrong are marked *rejected*, with the reason in their note, and are never preferred.
Where an oblast's parts add up to its total and a rival figure would break the sum (Aksu district: 9 contests
in a district list that adds up to the oblast's 71, against 3 elsewhere), the rival is rejected with that reason.
The figures to quote are marked *final*: preferred, not interim, not at a time of day.

## The preference policy

Of the figures for one election, place, measure, breakdown and time, the package marks one *preferred*, by
these rules in turn (written once, in `akim_elections.preference`, and applied by the build; the validation
fails if a flag is edited by hand):

1. a figure judged wrong is never preferred;
2. a final figure goes before an interim one (a count during the vote or before a stage closed);
3. an exact figure goes before one its source rounds or bounds ("about", "more than");
4. the better kind of source goes first: official, then news agency, national media, regional media, party,
   analysis or NGO, encyclopedia, dataset, and last a mirror or copy of another page;
5. the earliest publication on or after the election day goes first, then pages known only to the month of
   that day, then pages published before the vote (latest first), then pages that show no date;
6. anything still tied goes by figure id.

Hand decisions that set the policy aside live in one place (`preference.OVERRIDES`), each with its reason:

{overrides}
## How good the headline figures' sources are

{headline_grades}
## Groups that disagree

{len(sections)} groups of figures disagree or contain a rejected figure.
"""
    return intro + "\n" + "\n".join(sections)


def validation_page() -> str:
    from akim_elections.validate import format_report, validate

    results = validate(ROOT)

    def rule_rows(kind):
        return [[f"`{r.id}`", r.table, r.meaning, "equal" if r.compare == "eq" else "not above"] for r in rules.RULES if r.kind == kind]

    column_rules = sorted({(r.table, r.rule, r.meaning) for r in results if r.stage == "rules" and r.rule not in rules.RULE_IDS})
    return f"""# Validation

`akim-elections validate [FOLDER]` checks a copy of the package in three steps and exits non-zero on any failure:

1. **File format**: UTF-8 without byte-order mark, LF line ends, no blank lines, every file present.
2. **Structure** (Frictionless): types, constraints, primary and foreign keys, bytes and SHA-256 hashes.
3. **Meaning** (Great Expectations): column rules derived from the schema, and rules of how tables and figures relate,
   each computed as SQL over an in-memory SQLite copy and checked by Great Expectations in one batch.

The rules are of two kinds, reported apart: **published totals** pin a value to the published record (730 contests,
627 Nur Otan winners, 2,297 candidates); **consistency** rules say that the package agrees with itself (parts never
exceed their whole, a winner is the elected candidate, a date lies in its election's window...). Both fail validation.

## Published totals

{md_table(["rule", "table", "what it enforces", "observed must be"], rule_rows(rules.PUBLISHED))}
## Consistency

{md_table(["rule", "table", "what it enforces", "observed must be"], rule_rows(rules.CONSISTENCY))}
## Column rules from the schema

{md_table(["table", "rule", "what it enforces"], [list(c) for c in column_rules])}
## Latest run (at this site's build)

```text
{format_report(results, ".")}
```

Great Expectations' own HTML report of the same run is published beside this site:
<a href="data-docs/index.html">Data Docs</a> (built by `bash scripts/main.sh`).

## With Great Expectations alone

The build writes a Great Expectations file project into `gx/`: one expectation suite per table (run on `data/*.csv`),
a suite for the rules (run on their results, which `akim-elections validate . --rule-results gx/uncommitted/rule_results.csv`
writes, since Great Expectations cannot join CSV files itself), and a checkpoint `akim-elections`. From the repository root:

```text
akim-elections validate . --rule-results gx/uncommitted/rule_results.csv
python -c "import great_expectations as gx; c = gx.get_context(mode='file', project_root_dir='.'); print(c.checkpoints.get('akim-elections').run().success); c.build_data_docs()"
```

The test suite damages copies of the package in {_catalogue_size()} ways (duplicate keys, dangling references, a party
tally changed, a file saved as cp1251, a winner who is not the elected candidate, a district in another oblast, …) and
checks that each is caught by the rule named above.
"""


def _catalogue_size() -> int:
    total = 0
    for name in ("test_validate.py", "test_relationship_rules.py"):
        text = (ROOT / "tests" / name).read_text(encoding="utf-8")
        block = text.split("CATALOGUE = {", 1)[1].split("\n}\n", 1)[0]
        total += sum(1 for line in block.splitlines() if line.startswith('    "'))
    return total


def _version_line() -> str:
    released = ae._version.__release_date__
    if released:
        return f"Version {ae.__version__}, released {released}."
    return f"Version {ae.__version__}: a development version, between releases (it has no release date)."


def cite_page() -> str:
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    return f"""# Cite

{_version_line()} Cite the version you used, with its data fingerprint `{citation.data_fingerprint(ae.descriptor(ROOT))}`: one digest over the
tables' sha256 hashes in `datapackage.json`, so a reader can tell whether their copy holds the same data
(`akim-elections verify` recomputes it). From Python: `akim_elections.cite()` or `akim_elections.cite("bibtex")`;
from the shell: `akim-elections cite --style bibtex`.

## APA

{citation.apa()}

## BibTeX

```bibtex
{citation.bibtex()}
```

## CITATION.cff

```yaml
{cff}```

The data are under CC BY 4.0: keep the `sources` table with any copy, so each figure stays credited to the page
it comes from.
"""


def changelog_page() -> str:
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def timeline() -> str:
    events = table("events").sort_values(["date", "event_id"])
    rows = [[day(e.date), e.event, source_link(e.source_id)] for e in events.itertuples()]
    return md_table(["date", "event", "source"], rows)


def holdings() -> str:
    """What the package holds and lacks, counted from the data so the home page never overstates it."""
    contests = table("contests")
    main = contests[contests.election_id == MAIN]
    total = preferred()
    regional = regional_rows()
    n = len(regional)

    def oblasts_with(column: str) -> int:
        return sum(1 for r in regional if r[column] is not None)

    votes = preferred(measure="votes_cast")
    later = contests[contests.election_id != MAIN]
    return "\n".join([
        f"- **Contest results:** a named winner for {int(main.winner_name.notna().sum())} of the {fmt(total)} contests of 25 July 2021;"
        f" {len(main)} contests are listed by name.",
        f"- **Per oblast:** the number of contests for {oblasts_with('contests')} of {n} oblasts, final turnout for"
        f" {oblasts_with('turnout_pct')}, registered candidates for {oblasts_with('candidates_registered')},"
        f" winners by party for {oblasts_with('winners_nur_otan')}.",
        f"- **Nationally:** votes cast {'— no source found' if votes is None else fmt(votes)};"
        f" winners by party for {fmt(sum(v for v in (preferred(measure='winners', party_id=p) for p in PARTY_ORDER) if v))} of {fmt(preferred(measure='winners'))} winners.",
        f"- **Since 2021:** {len(later)} contests of later elections, {int(later.winner_name.notna().sum())} with a named winner"
        " (see [Since 2021](later.md) for how that compares with the running totals).",
    ]) + "\n"


SNIPPETS = {"headline": headline, "package_counts": package_counts, "timeline": timeline, "holdings": holdings}


def downloads() -> dict[str, bytes]:
    """The package itself, at the same relative paths, so the site's download links work offline and from disk."""
    files = {"datapackage.json": (ROOT / "datapackage.json").read_bytes()}
    for res in ae.descriptor(ROOT)["resources"]:
        files[res["path"]] = (ROOT / res["path"]).read_bytes()
    return files


def generate() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    files.update(downloads())
    files.update(results_page())
    files.update(codebook_pages())
    files["coverage.md"] = coverage_page()
    files["assets/charts/coverage_grid.svg"] = coverage_grid()
    files["later.md"] = later_page()
    files["assets/charts/later_timeline.svg"] = timeline_chart(day_rows())
    files["assets/charts/later_running.svg"] = running_chart(day_rows())
    files["conflicts.md"] = conflicts_page()
    files["validation.md"] = validation_page()
    files["cite.md"] = cite_page()
    files["changelog.md"] = changelog_page()
    return files
