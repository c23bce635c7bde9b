"""Kazakh Cyrillic to the Kazakh Latin alphabet of January 2021.

This is the package's one scheme for Latin names: every `name_latn` (and `name_kk_latn`, `winner_name_latn`) is
``kk_latn`` of a Cyrillic name, never an English or a Russian-based spelling. KATO tables and oblasts use their
Kazakh name; people their name as the source writes it; a contest its unit's (or district's) Kazakh KATO name, else
the source's Kazakh, else its Russian name (see ``places.contest_name_latn``). The rule `name-latn-follows-scheme`
checks it.

The 2021 alphabet writes і as ı (capital I) and и, й both as i (capital İ), and х, һ both as h, so a Latin
name cannot always be read back into Cyrillic: the Cyrillic name stays the record. Russian letters found in
names (ц, щ, э, ю, я, ё, ъ, ь) are spelled out as the 2021 alphabet suggests for loanwords.
"""

from __future__ import annotations

_LOWER = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "",
    "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ќ": "q",  # Macedonian kje, which KATO types for қ in a few names (Форт-Шевченко ќ.)
}
# Capitals that are not simply the upper case of the Latin letter.
_UPPER_SPECIAL = {"И": "İ", "Й": "İ", "І": "I"}
# Look-alike Latin letters that sources type inside Kazakh words (i for і, and so on).
_LOOKALIKES = {"i": "і", "I": "І", "a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х"}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def fix_lookalikes(text: str) -> str:
    """Replace Latin look-alike letters that stand inside Cyrillic words by their Cyrillic twins."""
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in _LOOKALIKES:
            neighbours = chars[max(0, i - 1): i] + chars[i + 1: i + 2]
            if any(_is_cyrillic(n) for n in neighbours):
                chars[i] = _LOOKALIKES[ch]
    return "".join(chars)


def kk_latn(text: str) -> str:
    """Transliterate Kazakh (or Russian) Cyrillic to the 2021 Kazakh Latin alphabet."""
    out = []
    for ch in fix_lookalikes(text):
        low = ch.lower()
        if low not in _LOWER:
            out.append(ch)
        elif ch in _UPPER_SPECIAL:
            out.append(_UPPER_SPECIAL[ch])
        elif ch != low:
            latin = _LOWER[low]
            out.append(latin[:1].upper() + latin[1:])
        else:
            out.append(_LOWER[low])
    return "".join(out)

