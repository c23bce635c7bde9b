"""Contests and candidates: matching places across sources, KATO codes, one candidate list per contest."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from akim_elections import schema
from akim_elections.translit import fix_lookalikes, kk_latn

from .common import MAIN, PARTY_IDS, REGION_IDS, latin_name, own_words, read_csv, slug, to_int, to_num, yes_no
from .decisions import CONTEST_ELECTION_BY_URL, NAME_ALIASES
from .vocabulary import CONTEST_MEASURES, GENDER_WORDS


# --- Contests and candidates ---------------------------------------------------------------------
TYPE_WORDS = [
    "сельского округа", "сельский округ", "селолық округі", "ауылдық округінің", "ауылдық округі", "ауылдық округ",
    "ауылдық о", "aýyldyq okrýgi", "rural constituency", "rural area", "rural okrug", "(english spelling in source)",
    "с.о.", "а.о.", "с/о", "ауылы", "ауыл", "село", "селa", "поселок", "посёлок", "кенті", "город", "қаласы", "village of", "village",
    "с.", "п.", "г.", "округі", "округ",
]


def core_name(name: str) -> str:
    """A matching key for a place name: no type words, no Russian adjective ending, Latin letters."""
    text = fix_lookalikes(name).lower().replace("ё", "е")
    text = re.sub(r"\(.*?\)", " ", text)
    for word in TYPE_WORDS:
        text = text.replace(word, " ")
    words = [w for w in re.split(r"[\s,]+", text) if w]
    words = [re.sub(r"(инский|ынский|ский|ской|цкий|ий)$", "", w) for w in words]
    latin = kk_latn(" ".join(words))
    latin = latin.translate(str.maketrans("äğqñöūüışçİ", "agknouuisci"))
    return re.sub(r"[^a-z]", "", latin)


def contest_type(raw: str, name: str) -> str:
    if raw in schema.CONTEST_TYPES:
        return raw
    low = name.lower()
    if "город" in low or "қала" in low or "town" in low:
        return "town"
    if "село" in low or "ауылы" in low or "village" in low:
        return "village"
    return "rural_district" if ("округ" in low or "okrug" in low or "rural" in low) else ""


KATO_AB = {  # oblast -> KATO 'AB' prefixes in the 2025 edition (the 2022 splits moved codes)
    "akmola": ["11"], "aktobe": ["15"], "almaty-region": ["19", "33"], "atyrau": ["23"],
    "west-kazakhstan": ["27"], "zhambyl": ["31"], "karaganda": ["35", "62"], "kostanay": ["39"],
    "kyzylorda": ["43"], "mangystau": ["47"], "pavlodar": ["55"], "north-kazakhstan": ["59"],
    "turkistan": ["61"], "east-kazakhstan": ["63", "10"],
}


def load_kato(path: Path) -> dict[str, list[dict]]:
    by_ab: dict[str, list[dict]] = defaultdict(list)
    if not path.exists():
        return by_ab
    for row in read_csv(path):
        if row["level"] in ("sub_district", "settlement"):
            row["key_ru"], row["key_kk"] = core_name(row["name_ru"]), core_name(row["name_kk"])
            by_ab[row["kato"][:2]].append(row)
    return by_ab


def match_kato(kato: dict[str, list[dict]], region: str, ctype: str, name_ru: str, name_kk: str) -> tuple[str, str]:
    """Return (code, how) where exactly one unit of the oblast of the right level carries the name."""
    rows = [r for ab in KATO_AB.get(region, []) for r in kato.get(ab, [])]
    # rural districts and villages with an akim are sub_district rows; towns may be settlement rows
    levels = ("sub_district", "settlement") if ctype == "town" else ("sub_district",)
    rows = [r for r in rows if r["level"] in levels]
    for name, column, label in ((name_ru, "key_ru", "Russian"), (name_kk, "key_kk", "Kazakh")):
        key = core_name(name) if name else ""
        if len(key) < 3:
            continue
        hits = {r["kato"] for r in rows if r[column] == key}
        if len(hits) == 1:
            return hits.pop(), f"{label} name matches exactly one unit of the oblast in KATO NK RK 11-2025 (after removing type words)"
    return "", ""


_LATIN_VARIANTS = [("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ý", "u"), ("ı", "i"), ("ǵ", "g"), ("ń", "n")]
_DISTRICT_WORDS = r"(?i)(район[а-я]*|ауданы|aýdany|audany|district|г\.а\.|қ\.ә\.|city|город[а-я]*|қаласы|\(rural zone\)|rural zone|им\.|атындағы)"


def district_core(name: str) -> str:
    """First letters of a district name without type words, comparable across Russian, Kazakh and Latin spellings."""
    import unicodedata

    text = re.sub(_DISTRICT_WORDS, " ", name)
    if not re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", text):  # English or Kazakh Latin spelling
        text = text.lower()
        for a, b in _LATIN_VARIANTS:
            text = text.replace(a, b)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return core_name(text)[:6]


def load_kato_districts(path: Path) -> dict[str, list[dict]]:
    by_ab: dict[str, list[dict]] = defaultdict(list)
    if path.exists():
        for row in read_csv(path):
            if row["level"] == "district":
                row["is_city"] = "Г.А." in row["name_ru"]
                row["keys"] = {district_core(row["name_ru"]), district_core(row["name_kk"])}
                by_ab[row["kato"][:2]].append(row)
    return by_ab


def match_district(districts: dict, region: str, name: str) -> str:
    """KATO code of the district or city of oblast significance that alone carries this name in the oblast."""
    key = district_core(name)
    if len(key) < 4:
        return ""
    rows = [r for ab in KATO_AB.get(region, []) for r in districts.get(ab, [])]
    low = name.lower()
    if re.search(r"город|city|қаласы|г\.а\.", low):
        rows = [r for r in rows if r["is_city"]]
    elif re.search(r"район|ауданы|district|audany|aýdany", low):
        rows = [r for r in rows if not r["is_city"]]
    hits = {r["kato"] for r in rows if key in r["keys"]}
    return hits.pop() if len(hits) == 1 else ""


def contest_key(election: str, region: str, name: str) -> tuple[str, str, str]:
    core = core_name(name)
    return election, region, NAME_ALIASES.get(core, core)


def election_for_contest(date: str, note: str, url: str = "") -> str:
    if url in CONTEST_ELECTION_BY_URL:
        return CONTEST_ELECTION_BY_URL[url]
    if date == "2021-07-25":
        return MAIN
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return f"{date}-rural"
    if "by-election" in note.lower() and "2021" in note:
        return "2021-by-elections-rural"
    return "rural-undated"


def contest_figures(contest: dict, election: str, region: str, sid: str, values: dict, note: str, existing: list[dict]) -> list[dict]:
    """A contest's numbers from a source other than the one its row cites, as contest-level figures."""
    out = []
    for column, measure, stage in CONTEST_MEASURES:
        value = to_num(values.get(column, "") or "")
        fid = f"{contest['contest_id']}-{slug(measure)}-{sid}"
        if not value or any(f["figure_id"] == fid and f["value"] == value for f in existing + out):
            continue  # nothing, or the same source on the same contest recorded by two research rounds
        out.append({"figure_id": fid, "election_id": election, "scope": "contest", "region_id": region,
                    "district": contest["district"], "contest_id": contest["contest_id"], "measure": measure, "stage": stage,
                    "party_id": "", "gender": "", "subgroup": "", "as_of": "", "value": value, "unit": schema.unit_of(measure),
                    "approx": False, "source_id": sid, "rejected": "false", "note": note})
    return out


def import_contests(rows: list[tuple[str, dict]], kato: dict, add_source) -> tuple[list[dict], list[dict], dict]:
    """Merge contest rows naming the same place; the first source gives the row, others become figures."""
    contests: dict[tuple, dict] = {}
    figures: list[dict] = []
    keys_by_id: dict[str, tuple] = {}
    for origin, row in rows:
        region = REGION_IDS.get(row["region"].strip().lower(), "")
        name_ru, name_kk = fix_lookalikes(row.get("okrug_ru", "").strip()), fix_lookalikes(row.get("okrug_kk", "").strip())
        if not region or not (name_ru or name_kk) or not row.get("source_url", "").strip():
            continue
        election = election_for_contest(row.get("election_date", "").strip(), row.get("note", ""), row["source_url"].strip())
        key = contest_key(election, region, name_ru or name_kk)
        sid = add_source(row, election, region)
        ctype = contest_type(row.get("okrug_type", "").strip(), name_ru or name_kk)
        values = {
            "winner_name": row.get("winner_name", "").strip(), "winner_party_id": PARTY_IDS.get(row.get("winner_party", "").strip().lower(), ""),
            "winner_votes": to_int(row.get("winner_votes")), "winner_share_pct": to_num(row.get("winner_vote_pct")),
            "turnout_pct": to_num(row.get("turnout_pct")), "voters_registered": to_int(row.get("registered_voters")),
            "candidates": to_int(row.get("n_candidates")), "winner_incumbent": yes_no(row.get("incumbent")),
            "winner_gender": GENDER_WORDS.get(row.get("winner_gender", "").strip().lower(), ""), "winner_age": to_int(row.get("winner_age")),
        }
        if key not in contests:
            cid = f"{election}-{region}-{slug(kk_latn(core_name(name_ru or name_kk)) or 'unnamed')}"
            base, n = cid, 2
            while cid in keys_by_id:
                cid, n = f"{base}-{n}", n + 1
            keys_by_id[cid] = key
            code, how = match_kato(kato, region, ctype, name_ru, name_kk)
            contests[key] = {
                "contest_id": cid, "election_id": election, "region_id": region,
                "district": fix_lookalikes(row.get("district", "").strip()), "name_ru": name_ru, "name_kk": name_kk, "type": ctype,
                "kato": code, "kato_match": how, **values,
                "winner_name_latn": latin_name(values["winner_name"]),
                "source_id": sid, "note": own_words(row.get("note", "")), "_origin": origin,
            }
            continue
        contest = contests[key]
        for field, value in (("name_ru", name_ru), ("name_kk", name_kk), ("district", row.get("district", "").strip())):
            if value and not contest[field] and sid == contest["source_id"]:
                contest[field] = value
        if sid == contest["source_id"]:
            continue
        if values["winner_name"] and not contest["winner_name"]:
            # The source that names the winner gives the row; the earlier source's numbers become figures.
            earlier = {**contest}
            contest.update(values, source_id=sid, note=own_words(row.get("note", "")),
                           winner_name_latn=latin_name(values["winner_name"]))
            for field, value in (("name_ru", name_ru), ("name_kk", name_kk), ("district", fix_lookalikes(row.get("district", "").strip()))):
                contest[field] = contest[field] or value
            figures += contest_figures(contest, election, region, earlier["source_id"],
                                       {"registered_voters": earlier["voters_registered"], "turnout_pct": earlier["turnout_pct"],
                                        "n_candidates": earlier["candidates"]}, earlier["note"], figures)
            contest["note"] = (contest["note"] + f"; the contest was first listed by {earlier['source_id']}").strip("; ")
            continue
        # A second source on the same contest: its numbers become contest-level figures.
        figures += contest_figures(contest, election, region, sid, row, own_words(row.get("note", "")), figures)
        if values["winner_name"] and values["winner_name"] != contest["winner_name"]:
            contest["note"] = (contest["note"] + f"; another source ({sid}) names the winner {values['winner_name']}").strip("; ")
        elif values["winner_name"]:
            contest["note"] = (contest["note"] + f"; the winner is confirmed by {sid}").strip("; ")
    return list(contests.values()), figures, {v["contest_id"]: k for k, v in contests.items()}


def import_candidates(args, keys: dict, add_source, skipped: list) -> list[dict]:
    """Candidate lists, one per contest: where two sources list the same contest's candidates (often with
    different spellings of the same people), the list that gives more votes and shares is kept."""
    rows = [("research", r) for r in read_csv(args.research / "later_candidates.csv")]
    for path in sorted(args.rounds.glob("*/candidates.csv")):
        rows += [(path.parent.name, r) for r in read_csv(path)]
    lists: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for origin, row in rows:
        region = REGION_IDS.get(row["region"].strip().lower(), "")
        name_key = contest_key("", region, row["okrug_ru"])[2]
        matches = [cid for cid, k in keys.items() if k[1] == region and k[2] == name_key]
        if len(matches) > 1 and row.get("election_date", "").strip():
            election = election_for_contest(row["election_date"].strip(), "", row["source_url"].strip())
            matches = [cid for cid in matches if keys[cid][0] == election]
        if len(matches) != 1:
            skipped.append({"fact_id": row["candidate_name"], "file": origin, "reason": f"candidate's contest not found once ({len(matches)} matches)"})
            continue
        lists[matches[0]][row["source_url"].strip()].append((origin, row))
    candidates = []
    for contest_id in sorted(lists):
        by_source = lists[contest_id]
        best = max(by_source, key=lambda url: (sum(2 * bool(r["votes"].strip()) + bool(r["vote_pct"].strip()) for _, r in by_source[url]), url))
        for url, members in by_source.items():
            if url != best:
                skipped.extend({"fact_id": r["candidate_name"], "file": o, "reason": f"contest {contest_id} keeps the fuller list of {best}"}
                               for o, r in members)
        for origin, row in by_source[best]:
            sid = add_source(row, keys[contest_id][0], keys[contest_id][1])
            name = row["candidate_name"].strip()
            candidates.append({
                "candidate_id": f"{contest_id}-{slug(kk_latn(name))}", "contest_id": contest_id, "name": name, "name_latn": kk_latn(name),
                "party_id": PARTY_IDS.get(row["party"].strip().lower(), ""), "votes": to_int(row["votes"]),
                "share_pct": to_num(row["vote_pct"]), "elected": yes_no(row["elected"]), "source_id": sid,
            })
    return candidates
