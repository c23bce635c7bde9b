"""Make Great Expectations' Data Docs readable without the internet.

GX's pages pull Bootstrap, jQuery, Font Awesome and a logo from CDNs; offline they render as bare text
run together. The reports themselves are static HTML, so the package drops every remote asset and links
one small stylesheet of its own instead (the interactive table filters are lost, the content is not).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

STYLESHEET = "akim-offline.css"
_REMOTE = r"""["'](?:https?:)?//[^"']*["']"""
_PATTERNS = [
    re.compile(rf"<link\b[^>]*href={_REMOTE}[^>]*>\s*", re.I),
    re.compile(rf"<script\b[^>]*src={_REMOTE}[^>]*>\s*</script>\s*", re.I),
    re.compile(rf"<img\b[^>]*src={_REMOTE}[^>]*>", re.I),
]
CSS = """body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1rem; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } a { color: #00796b; } code, pre { background: #f6f6f6; padding: 0 .2rem; }
.collapse:not(.show), .modal, .d-none { display: none; } ul.nav, .list-group { padding-left: 1.2rem; }
.badge, .alert { display: inline-block; padding: 0 .4rem; border-radius: .2rem; background: #eee; }
.alert-danger, .badge-danger, .text-danger { color: #b00020; } .alert-success, .badge-success, .text-success { color: #1b5e20; }
button, .fixed-bottom, .sticky-footer { display: none; }
nav, .navbar { display: block; padding: .5rem 0; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
"""


def make_offline(folder: Path) -> int:
    """Strip remote assets from every page under ``folder`` and link the local stylesheet; returns pages changed."""
    folder = Path(folder)
    (folder / STYLESHEET).write_text(CSS, encoding="utf-8")
    changed = 0
    for page in folder.rglob("*.html"):
        text = original = page.read_text(encoding="utf-8")
        for pattern in _PATTERNS:
            text = pattern.sub("", text)
        href = Path(os.path.relpath(folder / STYLESHEET, page.parent)).as_posix()
        text = text.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)
        if page == folder / "index.html":
            text = text.replace("</body>", _page_list(folder) + "</body>", 1)
        if text != original:
            page.write_text(text, encoding="utf-8")
            changed += 1
    return changed


def _page_list(folder: Path) -> str:
    """The index lists its reports with a script that reads a CDN library; offline it needs plain links."""
    items = []
    for part, heading in (("validations", "Validation results"), ("expectations", "Expectation suites")):
        pages = sorted((folder / part).rglob("*.html"))
        links = "".join(f'<li><a href="{p.relative_to(folder).as_posix()}">{p.stem.removeprefix("package-")}</a></li>' for p in pages)
        items.append(f"<h2>{heading}</h2><ul>{links}</ul>")
    return '<section id="akim-offline-index">' + "".join(items) + "</section>\n"
