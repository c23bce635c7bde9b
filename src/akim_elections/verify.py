"""Is this copy of the data the one a citation names? Sizes, hashes and the data fingerprint.

``datapackage.json`` records each table's size in bytes and its sha256. The data fingerprint is one
digest over those hashes, so two copies with the same fingerprint hold the same bytes in every table:

    sha256 of the tables' ``hash`` values ("sha256:…") in resource order, each followed by a newline;
    the first 12 hexadecimal digits.

Every citation carries it beside the version; ``akim-elections verify`` recomputes it from the files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

FINGERPRINT_DIGITS = 12


def fingerprint(desc: dict) -> str:
    """The data fingerprint of the tables ``desc`` (a descriptor) describes."""
    digest = hashlib.sha256()
    for resource in desc["resources"]:
        digest.update(f"{resource.get('hash', '')}\n".encode("ascii"))
    return digest.hexdigest()[:FINGERPRINT_DIGITS]


def sha256(data: bytes) -> str:
    """A hash as the descriptor writes it."""
    return f"sha256:{hashlib.sha256(data).hexdigest()}"


def mismatch(resource: dict, data: bytes) -> str | None:
    """What differs between a table's bytes and its descriptor entry ('5,000 bytes, not 72,613'), or None.

    The size is compared first: it is what a truncated or appended file changes, and it is free.
    """
    expected = resource.get("bytes")
    if expected is not None and len(data) != expected:
        return f"{len(data):,} bytes, not the {expected:,} datapackage.json records"
    expected = resource.get("hash")
    if expected and sha256(data) != expected:
        return "other bytes than datapackage.json records (the same size, another sha256)"
    return None


def differences(root: Path, desc: dict) -> dict[str, str]:
    """{table: what differs} for every table whose file is missing or is not what ``desc`` records."""
    out = {}
    for resource in desc["resources"]:
        path = root / resource["path"]
        if not path.is_file():
            out[resource["name"]] = f"{resource['path']} is missing"
            continue
        problem = mismatch(resource, path.read_bytes())
        if problem:
            out[resource["name"]] = f"{resource['path']} has {problem}"
    return out
