"""Editorial decisions taken by hand, each with its reason: the place a reviewer reads first."""

from __future__ import annotations



# Hand corrections of how a research fact maps onto the dimensions, each with its reason.
FIGURE_FIXES: dict[str, dict] = {
    "g3-0043": {"stage": "on_ballot"},  # the note says: candidates taking part on election day
    "tur-028": {"stage": "on_ballot"},  # the note says: voters chose among these candidates on election day
    # the infobox covers the whole 2021 cycle, so the OSDP win may come from 25 July or a by-election
    "g3-0031": {"election_id": "2021-all-rural"},
    "g2-alm-008": {"stage": "nominated"},  # 186 is the self-nominated part of the 279 nominated (pa-094 says so)
    # a share of all of Kostanay's rural okrugs with an elected akim by that date, not a voting day
    "lt2-019": {"election_id": "direct-rural-cumulative", "as_of": "2023-09-08"},
    "lt2-020": {"election_id": "direct-rural-cumulative", "as_of": "2023-09-08"},
}


# Figures the package judges wrong, with the reason (figure_id -> reason). They stay, never preferred.
_SHIFTED = ("the infobox percentages are shifted by one row (Adal's 15 winners shown with Auyl's 4.52%); "
            "the counts of the same infobox are right.")


_AKMOLA_TWIN = ("the page labels as North Kazakhstan numbers identical to the Akmola commission's "
                "(238 commissions, 227 settlements, 153,000 residents); probably Akmola's figures mislabelled.")


REJECTED = {
    "nat0010": _SHIFTED, "nat0011": _SHIFTED, "nat0012": _SHIFTED, "nat0013": _SHIFTED, "nat0014": _SHIFTED, "nat0015": _SHIFTED,
    "g2-sko-018": _AKMOLA_TWIN, "g2-sko-019": _AKMOLA_TWIN, "g2-sko-020": _AKMOLA_TWIN, "g2-sko-021": _AKMOLA_TWIN,
    "pb-010": _AKMOLA_TWIN, "pb-011": _AKMOLA_TWIN,
    "g3-0044": "a breakdown (53 party, 98 self) of the 151 rejected below, which exceeds the 122 registered.",
    "g3-0045": "a breakdown (53 party, 98 self) of the 151 rejected below, which exceeds the 122 registered.",
    "g3-0043": ("151 candidates on the ballot is more than the 122 registered (sum of the oblast commission's party "
                "breakdown); 151 is the number nominated, so the page probably counted nominees."),
}


# Hand decisions on which figure is preferred, with the reason (figure_id -> reason).
OVERRIDES: dict[str, str] = {}


# Hand decisions on a contest's election where research rounds disagree (source URL -> election).
CONTEST_ELECTION_BY_URL = {
    # election-day report whose publication date is not shown: the 25 July 2021 vote is not confirmed
    "https://zhaikpress.kz/?p=280219": "rural-undated",
    "https://zhaikpress.kz/?p=334753": "rural-undated",
    # district list of okrugs electing akims in 2021, without the day
    "https://www.gov.kz/memleket/entities/turkestan-tyulkubas-audany/press/news/details/205758": "2021-all-rural",
    # undated report of the Talgar vote whose shares (70.5% for the same winner) match the 15 December 2024 count
    "https://ru24.pro/pics/393966008": "2024-12-15-rural",
}


# Spellings of one place found in different sources (core name -> core name of the first spelling).
NAME_ALIASES = {
    "ayyrtau": "aiyrtau", "makanchi": "makanc", "aksukyr": "aksukur", "kulandy": "kuland",
    "tussykudyk": "tussykuduk", "chirov": "cirov", "yanvartsevo": "ianvartsevo", "zhanazhol": "janajol",
}


# Language of sources known only from contest rows, read off the page when it was checked.
LANGUAGE_BY_SOURCE: dict[str, str] = {
    "atr-kz-": "kk", "exclusive-kz-": "ru", "kz-vesti-news-": "ru", "oinet-kz-": "kk", "prostoratbasar-kz-": "ru",
    "qazinform-com-": "en", "atozwiki-com-": "en", "cis-legislation-com-": "en", "it-wikipedia-org-": "it",
    "lada-kz-": "ru", "s-gtool-pro-": "it", "ustinka-kz-": "ru", "nur-kz-8957d9": "ru", "osken-onir-kz-": "kk", "ru24-pro-": "ru", "z-taraz-kz-": "kk", "zakon-kz-": "ru", "zhaikpress-kz-": "kk",
}
