"""One-off import of the research notes into the curated tables.

    python scripts/import_research.py --force

The research notes (../shared/research and the research rounds kept under raw/research_rounds/) record
facts with a free attribute vocabulary. The import maps every attribute onto the package's short list of
measures and dimensions (src/akim_elections/schema.py), gives each source a stable id, matches contests
across sources and to KATO codes, marks one figure preferred per group, and writes the curated CSVs.
After the import the curated tables are edited by hand; run this again only to re-import from scratch
(it refuses to overwrite without --force). Facts not carried over are listed with their reason in
raw/import_skipped.csv, so nothing disappears silently.

The work is split in scripts/research_import/: vocabulary (attribute mapping), decisions (hand calls with
reasons), figures, contests, reference (regions, parties, elections, events), common.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from akim_elections import schema  # noqa: E402
from akim_elections.csvio import write_rows  # noqa: E402
from akim_elections.translit import fix_lookalikes  # noqa: E402
from research_import.common import (REGION_IDS, guess_language, latin_name, own_words, read_csv, slug, source_id_for,  # noqa: E402
                                    source_kind)
from research_import.contests import (contest_key, election_for_contest, import_candidates, import_contests, load_kato,  # noqa: E402
                                      load_kato_districts, match_district)
from research_import.decisions import LANGUAGE_BY_SOURCE, OVERRIDES  # noqa: E402
from research_import.figures import choose_preferred, later_totals_as_facts, map_fact  # noqa: E402
from research_import.reference import (import_elections, import_events, import_parties, import_reconciliations,  # noqa: E402
                                       import_regions)


def source_titles(figures, contests, candidates, regions, parties, events, elections) -> dict[str, str]:
    """A short description of each source, in the project's words, from what the package takes from it."""
    region_names = {r["region_id"]: r["name_en"] for r in regions}
    election_names = {e["election_id"]: e["name_en"] for e in elections}
    uses: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for f in figures:
        uses[f["source_id"]]["measure"][f["measure"].replace("_pct", " %").replace("_", " ")] += 1
        uses[f["source_id"]]["place"][region_names.get(f["region_id"], "Kazakhstan")] += 1
        uses[f["source_id"]]["election"][f["election_id"]] += 1
    for c in contests:
        uses[c["source_id"]]["measure"]["named contests"] += 1
        uses[c["source_id"]]["place"][region_names[c["region_id"]]] += 1
        uses[c["source_id"]]["election"][c["election_id"]] += 1
    for k in candidates:
        uses[k["source_id"]]["measure"]["candidates of a contest"] += 1
    titles = {}
    for r in regions:
        for sid in [r["source_id"], *r["other_source_ids"].split()]:
            titles.setdefault(sid, "Names, ISO 3166-2 or KATO codes of the oblasts of 2021")
    for p in parties:
        titles.setdefault(p["source_id"], f"Names of the nominating parties ({p['name_en']})")
    for e in events:
        titles.setdefault(e["source_id"], f"Timeline: {e['event'][:70]}")
    for sid, use in uses.items():
        what = ", ".join(m for m, _ in use["measure"].most_common(4))
        places = [p for p, _ in use["place"].most_common(2)]
        election = election_names.get(use["election"].most_common(1)[0][0], "") if use["election"] else ""
        titles[sid] = f"{' and '.join(places) or 'Kazakhstan'}: {what}" + (f" ({election})" if election else "")
    return titles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--research", type=Path, default=ROOT.parent / "shared" / "research")
    parser.add_argument("--kato", type=Path, default=ROOT.parent / "shared" / "kato" / "kato_NK-RK-11-2025_2026-07-17_kz-tax-rates.csv")
    parser.add_argument("--rounds", type=Path, default=ROOT / "raw" / "research_rounds",
                        help="folder of later research rounds, one subfolder each with facts.csv")
    parser.add_argument("--force", action="store_true", help="overwrite the curated tables")
    args = parser.parse_args(argv)
    out = ROOT / "data"
    if (out / "figures.csv").exists() and not args.force:
        print("import_research: data/figures.csv exists; the curated tables are edited by hand now. "
              "Pass --force to overwrite them from the research notes.", file=sys.stderr)
        return 2

    sources: dict[str, dict] = {}
    topics: dict[str, Counter] = defaultdict(Counter)

    def add_source(row: dict, election: str, place: str) -> str:
        url = row["source_url"].strip()
        sid = source_id_for(url)
        date = (row.get("source_date") or "").strip()
        entry = sources.setdefault(sid, {"source_id": sid, "url": url, "publisher": "", "published": "", "language": "", "kind": source_kind(url)})
        entry["publisher"] = entry["publisher"] or (row.get("source_publisher") or "").strip()
        entry["published"] = entry["published"] or (date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else "")
        entry["language"] = entry["language"] or (row.get("language") or "").strip()
        topics[sid][(election, place or "kazakhstan")] += 1
        return sid

    skipped: list[dict] = []
    figures: list[dict] = []
    contest_facts: list[tuple[dict, dict]] = []
    fact_files = [args.research / "facts_2021.csv"] + sorted(args.rounds.glob("*/facts.csv"))
    fact_rows = [(path, row) for path in fact_files for row in read_csv(path)]
    fact_rows += [(args.research / "later_totals.csv", row) for row in later_totals_as_facts(args.research / "later_totals.csv")]
    for path, row in fact_rows:
        if not row["source_url"].strip():
            skipped.append({"fact_id": row["fact_id"], "file": path.parent.name, "reason": "no source URL"})
            continue
        mapped, why = map_fact(row)
        if mapped is None:
            skipped.append({"fact_id": row["fact_id"], "file": path.parent.name, "reason": why})
            continue
        mapped["source_id"] = add_source(row, mapped["election_id"], mapped["region_id"])
        figure = {"figure_id": slug(row["fact_id"]), **mapped, "contest_id": "", "note": own_words(row.get("note", ""))}
        if row.get("okrug", "").strip():
            contest_facts.append((row, figure))
        figures.append(figure)

    contest_rows = [("research", r) for r in read_csv(args.research / "contests_2021.csv")]
    contest_rows += [("research", r) for r in read_csv(args.research / "later_contests.csv")]
    for path in sorted(args.rounds.glob("*/contests.csv")):
        contest_rows += [(path.parent.name, r) for r in read_csv(path)]
    # facts about one named place create (or join) its contest
    for row, figure in contest_facts:
        contest_rows.append(("facts", {"region": row["region"], "district": row["district"], "okrug_ru": row["okrug"],
                                       "okrug_kk": "", "election_date": row["election_date"], "source_url": row["source_url"],
                                       "source_publisher": row["source_publisher"], "language": row["language"],
                                       "source_date": row["source_date"], "note": ""}))
    contests, contest_figures, keys = import_contests(contest_rows, load_kato(args.kato), add_source)
    by_key = {k: cid for cid, k in keys.items()}
    for row, figure in contest_facts:
        election = election_for_contest(row.get("election_date", "").strip(), row.get("note", ""), row["source_url"].strip())
        key = contest_key(election, REGION_IDS.get(row["region"].strip().lower(), ""), fix_lookalikes(row["okrug"]))
        figure.update(scope="contest", contest_id=by_key[key], election_id=election,
                      district=fix_lookalikes(row.get("district", "").strip()))
    figures += contest_figures
    for c in contests:
        if c.pop("_origin") == "facts":
            c["note"] = "Named in a figure's source; the contest row carries no result of its own."

    candidates = import_candidates(args, keys, add_source, skipped)

    regions = import_regions(args.research, add_source)
    parties = import_parties(add_source)
    events = import_events(args.research, add_source)
    wiki = add_source({"source_url": "https://en.wikipedia.org/wiki/2021_Kazakh_municipal_elections", "language": "en",
                       "source_publisher": "Wikipedia (en)"}, "2021-by-elections-rural", "")
    elections = import_elections(figures, contests, add_source, wiki)

    counts = Counter(f["figure_id"] for f in figures)
    dupes = [k for k, v in counts.items() if v > 1]
    if dupes:
        raise SystemExit(f"import_research: duplicate figure ids {dupes[:5]}; give each research round its own prefix")
    titles = source_titles(figures, contests, candidates, regions, parties, events, elections)
    for sid in topics:
        sources[sid]["title"] = titles[sid]
        sources[sid]["publisher"] = sources[sid]["publisher"] or urlparse(sources[sid]["url"]).netloc.removeprefix("www.")
        sources[sid]["language"] = sources[sid]["language"] or next((v for k, v in LANGUAGE_BY_SOURCE.items() if sid.startswith(k)), "") or guess_language(sources[sid]["url"])
    for contest in contests:
        contest["name_latn"] = latin_name(contest["name_kk"] or contest["name_ru"])
    districts = load_kato_districts(args.kato)
    for row in figures + contests:
        row["district_kato"] = match_district(districts, row["region_id"], row["district"]) if row["district"] else ""
    choose_preferred(figures, {k: v["published"] for k, v in sources.items()}, OVERRIDES)
    for f in figures:
        f.pop("approx")
    fields = {name: [f["name"] for f in schema.TABLES[name]["fields"]] for name in schema.TABLES}
    write_rows(out / "figures.csv", fields["figures"], sorted(figures, key=lambda f: f["figure_id"]))
    write_rows(out / "sources.csv", fields["sources"], sorted(sources.values(), key=lambda s: s["source_id"]))
    write_rows(out / "contests.csv", fields["contests"], sorted(contests, key=lambda c: c["contest_id"]))
    write_rows(out / "candidates.csv", fields["candidates"], sorted(candidates, key=lambda c: c["candidate_id"]))
    write_rows(out / "regions.csv", fields["regions"], regions)
    write_rows(out / "parties.csv", fields["parties"], parties)
    write_rows(out / "events.csv", fields["events"], events)
    write_rows(out / "elections.csv", fields["elections"], elections)
    write_rows(out / "reconciliations.csv", fields["reconciliations"], import_reconciliations(figures))
    write_rows(ROOT / "raw" / "import_skipped.csv", ["file", "fact_id", "reason"], sorted(skipped, key=lambda s: (s["file"], s["fact_id"])))
    print(f"import_research: {len(figures)} figures, {len(contests)} contests, {len(candidates)} candidates, "
          f"{len(sources)} sources, {len(skipped)} facts not carried over")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
