"""Mint the ids of new rows: the table's word and eight random hex digits.

    python scripts/new_id.py contests 3      # contest-3f9a2c1b, contest-0be47d15, contest-9c1e6a70

An id only names its row. Ids made of facts (an election's date, a place, a measure, a source) had to change whenever
a fact was corrected (id_map holds over a thousand such renames); a minted id holds no fact, so a correction goes
into the row and the id stays. The word is the table's key without `_id` (read from the schema). Prints N ids (default
1), one a line, none of them one the table, id_map or a released-ids file has used. Ids made before are kept as they are.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akim_elections import schema  # noqa: E402
from akim_elections.checks import released  # noqa: E402
from akim_elections.csvio import read_rows  # noqa: E402

HEX_DIGITS = 8
# The curated tables whose rows are named by an id of their own (not a KATO code, not two columns), with its column.
MINTED = {name: key for name, key in released.ID_COLUMNS.items() if name in schema.CURATED and key.endswith("_id")}


class Refused(Exception):
    """The ids cannot be minted as asked; the message says why and what to give instead."""


def used_ids(root: Path, table: str) -> set[str]:
    """Every id the table has used: its rows (curated/ and data/), id_map's old and new ids, the released-ids files."""
    key = MINTED[table]
    used = {row[key] for folder in ("curated", "data") if (root / folder / f"{table}.csv").is_file()
            for row in read_rows(root / folder / f"{table}.csv")}
    if (root / "curated" / "id_map.csv").is_file():
        used |= {row[c] for row in read_rows(root / "curated" / "id_map.csv") if row["table"] == table for c in ("old_id", "new_id")}
    return used | {i for _, t, i in released.read(root) if t == table}


def mint(root: Path, table: str, count: int = 1, token=secrets.token_hex) -> list[str]:
    """count new ids for table's rows, none of them used before; token(n) gives n random bytes as hex."""
    if table not in MINTED:
        raise Refused(f"no table {table!r} takes minted ids; give one of {', '.join(sorted(MINTED))}")
    if count < 1:
        raise Refused(f"N is {count}; give how many ids you need, 1 or more")
    word, used, out = MINTED[table].removesuffix("_id"), used_ids(root, table), []
    while len(out) < count:
        candidate = f"{word}-{token(HEX_DIGITS // 2)}"
        if candidate not in used:
            used.add(candidate)
            out.append(candidate)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print ids for new rows of a table: the table's word and eight random hex digits.")
    parser.add_argument("table", help=f"the table: {', '.join(sorted(MINTED))}")
    parser.add_argument("count", nargs="?", type=int, default=1, help="how many ids (default 1)")
    args = parser.parse_args(argv)
    try:
        print("\n".join(mint(ROOT, args.table, args.count)))
    except Refused as exc:
        print(f"new_id: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
