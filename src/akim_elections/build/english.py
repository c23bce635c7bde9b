"""Place names in English: the one scheme behind every `name_en` the build makes ("Korgalzhyn district").

English readers know Kazakhstan's places by a Russian-style romanisation ("Korgalzhyn", "Kyzylorda"), not by the
Kazakh Latin alphabet of 2021 that ``translit.kk_latn`` writes ("Qorğaljyn"). ``place_en`` makes that form in three
steps:

1. **Which name.** The Kazakh name (KATO's, else the source's), else the Russian one. Kazakh gives a district's
   name as a noun ("Қорғалжын ауданы"); Russian gives most as an adjective ("Коргалжынский район") whose noun no rule
   recovers (Казалинский район is Қазалы ауданы, Kazaly district). A Russian-only name drops its adjective ending
   ("Чапаевский сельский округ" -> "Chapaev rural district").
2. **Which letters.** BGN/PCGN romanisation of Russian, simplified as English writes Kazakhstan's names: Kazakh
   letters as their Russian counterparts (ә a, ғ g, қ k, ң n, ө o, ұ ү u, һ h, і i); е is always e (Esil, Shieli,
   Konaev), ё yo, ж zh, й y, х kh, ц ts, ч ch, ш sh, щ shch, ы y, э e, ю yu, я ya; ъ and ь are left out; -ый and
   -ий at a word's end are -y (Rudny, Sugalinsky). Letters that are not Cyrillic are kept.
3. **Which type word.** KATO's type word (ауданы, а.о., Г.А. …) is put in English after the name
   (``TYPE_WORDS``); "атындағы" or "имени" ("named after") is left out: "Ғабит Мүсірепов атын.ауданы" -> "Gabit Musirepov district".

Curated English names (`regions.name_en`) are not made here. Person names are not English forms: they keep the
source's script and the one Latin form of ``translit``.
"""

from __future__ import annotations

import re

from ..translit import fix_lookalikes

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh letters, as their Russian counterparts
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ќ": "k",  # Macedonian kje, which KATO types for қ in a few names
}

# KATO's and the sources' type words (Kazakh, then Russian), in English. Matched whole, at the end of the name
# (or, for Russian, at its start: "район Ақсуат", "сельский округ Жангылды"), ignoring a missing final dot.
# KATO writes the akimat of a city of oblast significance "Қ.Ә." and that of a town of district significance "қ.ә.".
TYPE_WORDS = {
    "ауданы": "district", "Қ.Ә.": "city administration", "Г.А.": "city administration",
    "а.о.": "rural district", "ауылдық округі": "rural district", "ауылдық округ": "rural district",
    "а.ә.": "village administration", "к.ә.": "settlement administration", "қ.ә.": "town administration",
    "қ.": "town", "ќ.": "town", "қаласы": "town", "к.": "settlement", "кенті": "settlement", "а.": "village", "ауылы": "village",
    "район": "district", "сельский округ": "rural district", "с.о.": "rural district", "г.а.": "town administration",
    "п.а.": "settlement administration", "с.а.": "village administration", "г.": "town", "п.": "settlement", "с.": "village",
    "село": "village", "аул": "village", "поселок": "settlement", "посёлок": "settlement", "город": "town",
}
_NAMED_AFTER = re.compile(r"\s*\b(атындағы|атын|ат|имени|им)\b\.?\s*", re.IGNORECASE)
_RUSSIAN_ADJECTIVE = re.compile(r"(?<=[цЦ])кий$|ский$|ской$")
_RUSSIAN_TYPE_WORDS = {"Г.А.", "район", "сельский округ", "с.о.", "г.а.", "п.а.", "с.а.", "г.", "п.", "с.", "село", "аул", "поселок", "посёлок", "город"}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def romanise(text: str) -> str:
    """Cyrillic (Russian or Kazakh) to Latin letters by the English scheme of this module (step 2)."""
    text = re.sub(r"[ыи]й\b", "ы", fix_lookalikes(text))  # Рудный -> Rudny, Сугалинский -> Sugalinsky
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = _LETTERS.get(low)
        if latin is None:
            out.append(ch)
        elif ch == low:
            out.append(latin)
        else:  # a capital: Ж -> Zh, but ЖАНА -> ZHANA
            upper_word = i + 1 < len(text) and text[i + 1].isupper() and _is_cyrillic(text[i + 1])
            out.append(latin.upper() if upper_word else latin[:1].upper() + latin[1:])
    return "".join(out)


def _split_type_word(name: str) -> tuple[str, str | None]:
    """The name without its type word, and the type word as written (None when it has none)."""
    for word in sorted(TYPE_WORDS, key=len, reverse=True):
        bare = word.rstrip(".")
        for pattern in (rf"^(.*?)[\s.]*(?<![^\s.]){re.escape(bare)}[\s.]*$", rf"^{re.escape(bare)}\.?\s+(.+)$"):
            flags = 0 if "." in word else re.IGNORECASE  # abbreviations differ by case: Г.А. (city), г.а. (town)
            m = re.match(pattern, name.strip(), flags)
            if m and m.group(1).strip() and (pattern.startswith("^(.*?)") or word in _RUSSIAN_TYPE_WORDS):
                return m.group(1).strip(), word
    return name.strip(), None


def place_en(name: str) -> str:
    """A place's English form from its Kazakh (or, lacking one, Russian) name: 'Қорғалжын ауданы' -> 'Korgalzhyn district'."""
    base, word = _split_type_word(name)
    base = _NAMED_AFTER.sub(" ", base).strip()
    if word in _RUSSIAN_TYPE_WORDS and " " not in base:
        base = _RUSSIAN_ADJECTIVE.sub("", base)
    english = romanise(base)
    return f"{english} {TYPE_WORDS[word]}" if word else english
