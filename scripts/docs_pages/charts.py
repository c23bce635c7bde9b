"""The site's charts: Vega-Lite specifications drawn from the data, rendered to SVG at build time.

``files()`` returns every chart as {path under docs/: SVG bytes}; the pages link them by that path.
"""

from __future__ import annotations

import json
from functools import lru_cache

from .data import (N_, MAIN, NO_FIGURE, _, kind_label, lang, PARTY_ORDER, ROOT, RUNNING_TOTAL, _words, day_rows, names, party_tally,
                   oblast_names, quote, regional_rows, schema, table)

GEO = ROOT / "raw" / "geo" / "kaz_adm1_2018_geokz.geojson"
NO_CONTEST = N_("city of republican significance: no rural akims")
UNKNOWN_PART = N_("not broken down by any source")
PARTY_NOT_GIVEN = N_("party-nominated, party not given")
SELF_NOMINATED = N_("self-nominated")


def svg(spec: dict) -> bytes:
    import vl_convert as vlc

    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "config": {"font": "sans-serif", "view": {"stroke": None}}, **spec}
    return vlc.vegalite_to_svg(spec, **lang.chart_locale()).encode("utf-8")


def bar_chart(values: list[dict], x: str, y: str, title: str, x_title: str, color: str = "#00897b") -> bytes:
    """Bars with their values written at their ends: the chart reads without its colour or its axis."""
    return svg({
        "title": title, "width": 520, "height": {"step": 22},
        "data": {"values": values},
        "encoding": {"y": {"field": y, "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": x, "type": "quantitative", "title": x_title}},
        "layer": [{"mark": {"type": "bar", "color": color}},
                  {"mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                   "encoding": {"text": {"field": x, "type": "quantitative", "format": ",~r"}}}],
    })


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
        status = "" if value is not None else _(NO_FIGURE if row else NO_CONTEST)
        features.append({"type": "Feature", "geometry": shape["geometry"],
                         "properties": {"oblast": row["oblast"] if row else _("{name} (city)").format(name=shape["name"]), "value": value, "status": status}})
    base = {"mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.6}}
    return svg({
        "title": title, "width": 620, "height": 360,
        "projection": {"type": "mercator"},
        "data": {"values": features},
        "layer": [
            {**base, "transform": [{"filter": "datum.properties.value == null"}],
             "encoding": {"color": {"field": "properties.status", "type": "nominal", "title": None,
                                    "scale": {"domain": [_(NO_FIGURE), _(NO_CONTEST)], "range": ["#bdbdbd", "#e6e6e6"]},
                                    "legend": {"orient": "bottom", "direction": "vertical", "symbolType": "square", "labelLimit": 0}},
                          "tooltip": [{"field": "properties.oblast", "title": _("oblast")}, {"field": "properties.status", "title": legend}]}},
            {**base, "transform": [{"filter": "datum.properties.value != null"}],
             "encoding": {"color": {"field": "properties.value", "type": "quantitative", "title": legend, "scale": {"scheme": "tealblues"}},
                          "tooltip": [{"field": "properties.oblast", "title": _("oblast")}, {"field": "properties.value", "title": legend}]}},
        ],
        "resolve": {"scale": {"color": "independent"}, "legend": {"color": "independent"}},
    })


def nomination_parts(label: str, region: str | None = None) -> list[dict]:
    """Registered candidates of one place (the country, or an oblast) split by nomination, as far as sources split them.

    Parts are the self-nominated and each party's candidates (or, where no source names the parties, the
    party-nominated together); what the registered total leaves over is drawn as its own "unknown" part,
    so a bar never looks complete when it is not.
    """
    def get(**breakdown):
        return quote("candidates", region=region, stage="registered", **breakdown)

    parties = names("parties", "party_id")
    parts = [(_(SELF_NOMINATED), get(nomination="self"))]
    by_party = [(parties[p], get(party=p)) for p in PARTY_ORDER if p != "self-nominated"]
    if any(v is not None for _, v in by_party):
        parts += by_party
    else:
        parts.append((_(PARTY_NOT_GIVEN), get(nomination="party")))
    parts = [(k, v) for k, v in parts if v is not None]
    total, known = get(), sum(v for _, v in parts)
    if total is not None and total > known:
        parts.append((_(UNKNOWN_PART), total - known))
    return [{"place": label, "nomination": k, "candidates": v, "order": i} for i, (k, v) in enumerate(parts)]


# Outline patterns, one per part of a stacked bar or per line, for readers who do not see the colours.
DASHES = [[1, 0], [6, 2], [2, 2], [8, 2, 2, 2], [1, 3], [10, 4], [4, 1, 1, 1], [3, 6], [12, 2, 2, 2, 2, 2]]


def nomination_chart(groups: list[list[dict]], title: str) -> bytes:
    parties = names("parties", "party_id")
    domain = [_(SELF_NOMINATED), *(parties[p] for p in PARTY_ORDER if p != "self-nominated"), _(PARTY_NOT_GIVEN), _(UNKNOWN_PART)]
    colours = ["#ffb300", "#1e88e5", "#43a047", "#8e24aa", "#f4511e", "#6d4c41", "#00acc1", "#5c6bc0", "#d9d9d9"]
    return svg({
        "title": title, "width": 480, "height": {"step": 22},
        "data": {"values": [part for group in groups for part in group]}, "mark": {"type": "bar", "stroke": "#212121", "strokeWidth": 1},
        "encoding": {"y": {"field": "place", "type": "nominal", "title": None, "sort": None},
                     "x": {"field": "candidates", "type": "quantitative", "stack": "zero", "title": _("registered candidates")},
                     "order": {"field": "order"},
                     "color": {"field": "nomination", "type": "nominal", "title": _("nominated by"), "scale": {"domain": domain, "range": colours},
                               "legend": {"labelLimit": 0}},
                     # Without colour, the outline tells the parts apart (the legend shows it too).
                     "strokeDash": {"field": "nomination", "type": "nominal", "scale": {"domain": domain, "range": DASHES[:len(domain)]}},
                     "tooltip": [{"field": "place"}, {"field": "nomination"}, {"field": "candidates"}]},
    })


def grid_label(kind: str) -> str:
    """A kind of source as the grid's legend names it: its number in the cells, then its name (1 official)."""
    return f"{list(schema.PUBLISHER_KINDS).index(kind) + 1} {kind_label(kind)}"


def coverage_grid() -> bytes:
    """Measure x oblast: a filled cell where the package has a preferred figure, coloured by the kind of its source."""
    oblasts = oblast_names()
    cells = table("summary_sources")
    cells = cells[cells.election_id == MAIN]
    # A cell summed from parts has a source per part: colour it by the weakest, as a reviewer would grade it.
    rank = {k: i for i, k in enumerate(schema.PUBLISHER_KINDS)}
    cells = {key: max(grp["publisher_kind"], key=rank.__getitem__) for key, grp in cells.groupby(["region_id", "column"])}
    values = []
    for column, _measure, _breakdown, description in schema.SUMMARY_COLUMNS:
        for r in regional_rows():
            key = (r["region_id"], column)
            kind, mark = (grid_label(cells[key]), str(rank[cells[key]] + 1)) if key in cells else (_(NO_FIGURE), "")
            values.append({"figure": _words(lang.schema_text(description)), "oblast": oblasts[r["region_id"]], "source": kind, "mark": mark})
    domain = [grid_label(k) for k in schema.PUBLISHER_KINDS] + [_(NO_FIGURE)]
    colours = ["#00695c", "#26a69a", "#5c6bc0", "#9fa8da", "#ab47bc", "#ffb300", "#ff7043", "#a1887f", "#bcaaa4", "#ffffff"]
    return svg({
        "title": _("What the package knows per oblast, 25 July 2021 (preferred figures)"),
        "data": {"values": values}, "width": {"step": 30}, "height": {"step": 20},
        "layer": [{"mark": {"type": "rect", "stroke": "#9e9e9e", "strokeWidth": 0.5}},
                  # The kind's number in its cell (and before its name in the legend): the grid reads without colour.
                  {"mark": {"type": "text", "fontSize": 9}, "encoding": {"text": {"field": "mark"}, "color": {"value": "#000000"}}}],
        "encoding": {"x": {"field": "oblast", "type": "nominal", "sort": None, "title": None, "axis": {"labelAngle": -50, "orient": "top", "labelLimit": 0}},
                     "y": {"field": "figure", "type": "nominal", "sort": None, "title": None, "axis": {"labelLimit": 0}},
                     "color": {"field": "source", "type": "nominal", "title": _("kind of source behind the figure"),
                               "scale": {"domain": domain, "range": colours[:len(domain)]}, "legend": {"symbolType": "square", "symbolStrokeColor": "#9e9e9e", "labelLimit": 0}},
                     "tooltip": [{"field": "oblast"}, {"field": "figure"}, {"field": "source"}]},
    })


def timeline_chart(rows: list[dict]) -> bytes:
    values = [{"date": r["date"], "contests": r[k], "series": label, "election": r["election"]}
              for r in rows for k, label in (("held", _("held, as a source states")), ("listed", _("listed in the package")))
              if r[k] is not None]
    return svg({
        "title": _("Voting days since 25 July 2021: contests per day"), "width": 620, "height": 260,
        "data": {"values": values},
        "mark": {"type": "point", "filled": True, "size": 60},
        "encoding": {"x": {"field": "date", "type": "temporal", "title": None},
                     "y": {"field": "contests", "type": "quantitative", "scale": {"type": "symlog"}, "title": _("contests (log scale)")},
                     "color": {"field": "series", "type": "nominal", "title": None, "scale": {"range": ["#00897b", "#ff7043"]},
                               "legend": {"orient": "bottom", "labelLimit": 0}},
                     "shape": {"field": "series", "type": "nominal", "legend": None},
                     "tooltip": [{"field": "election"}, {"field": "series"}, {"field": "contests"}]},
    })


RUNNING_SERIES = [N_("running total a source states"), N_("contests with a count in the package, summed"), N_("contests listed by name, summed")]


def running_chart(rows: list[dict]) -> bytes:
    series = [_(s) for s in RUNNING_SERIES]
    f = table("figures")
    stated = f[(f.election_id == RUNNING_TOTAL) & (f.scope == "national") & (f.measure == "winners") & ~f.rejected
               & f.as_of_latest.notna() & f[list(schema.BREAKDOWNS)].isna().all(axis=1)]
    values = [{"date": r.as_of_latest.date().isoformat(), "akims": float(r.value), "series": series[0]}
              for r in stated.itertuples()]
    held = listed = 0
    for r in rows:
        held += r["held"] or 0
        listed += r["listed"]
        values += [{"date": r["date"], "akims": held, "series": series[1]},
                   {"date": r["date"], "akims": listed, "series": series[2]}]
    return svg({
        "title": _("Akims elected since 25 July 2021: the sources' running totals and what the package holds"), "width": 620, "height": 260,
        "data": {"values": values},
        "mark": {"type": "line", "point": True, "interpolate": "step-after"},
        "encoding": {"x": {"field": "date", "type": "temporal", "title": None},
                     "y": {"field": "akims", "type": "quantitative", "title": _("akims (contests)")},
                     "color": {"field": "series", "type": "nominal", "title": None, "scale": {"domain": series, "range": ["#5c6bc0", "#00897b", "#ff7043"]},
                               "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 0}},
                     "strokeDash": {"field": "series", "type": "nominal", "scale": {"domain": series, "range": DASHES[:3]}},
                     "shape": {"field": "series", "type": "nominal", "scale": {"domain": series, "range": ["circle", "square", "triangle-up"]}},
                     "tooltip": [{"field": "date", "type": "temporal"}, {"field": "series"}, {"field": "akims"}]},
    })


def files() -> dict[str, bytes]:
    """Every chart of the site in the page's language (``lang.current``), at the path its page links."""
    regional = regional_rows()
    turnout = [{"oblast": r["oblast"], "turnout": r["turnout_pct"], "iso": r["iso"]} for r in regional if r["turnout_pct"] is not None]
    days = day_rows()
    charts = {
        "winners_by_party": bar_chart(party_tally(), "winners", "party", _("Winners by nominating party, 25 July 2021"), _("winners")),
        "candidates_by_nomination": nomination_chart([nomination_parts(_("Kazakhstan"))], _("Registered candidates by way of nomination (national)")),
        "candidates_by_oblast": nomination_chart([nomination_parts(r["oblast"], r["region_id"]) for r in regional],
                                                 _("Registered candidates by way of nomination, by oblast")),
        "turnout_by_oblast": bar_chart(turnout, "turnout", "oblast", _("Final turnout by oblast, percent"), _("turnout, %")),
        "map_turnout": map_chart(regional, "turnout_pct", _("Final turnout by oblast, 25 July 2021"), _("turnout, %")),
        "map_contests": map_chart(regional, "contests", _("Contests by oblast, 25 July 2021"), _("contests")),
        "coverage_grid": coverage_grid(),
        "later_timeline": timeline_chart(days),
        "later_running": running_chart(days),
    }
    return {f"assets/charts/{name}.svg": picture for name, picture in charts.items()}
