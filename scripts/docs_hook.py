"""mkdocs hook: add the generated pages (scripts/docs_pages.py) to the build, and fill snippets.

Generated pages live only in the build (mkdocs File.generated), so the site cannot drift from data/.
A hand-written page may include a generated snippet with a line `<!-- gen:NAME -->`.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File

_SPEC = importlib.util.spec_from_file_location("docs_pages", Path(__file__).with_name("docs_pages.py"))
pages = importlib.util.module_from_spec(_SPEC)
sys.modules["docs_pages"] = pages
_SPEC.loader.exec_module(pages)


def on_config(config):
    # The Data section lists every table of the schema, in descriptor order.
    tables = [{name: f"data/{name}.md"} for name in pages.schema.TABLE_ORDER]
    config["nav"] = [({"Data": [{"Overview": "data/index.md"}, *tables]} if item == {"Data": "data/index.md"} else item)
                     for item in config["nav"]]
    return config


def on_files(files, config):
    for path, content in pages.generate().items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    return re.sub(r"<!-- gen:(\w+) -->", lambda m: pages.SNIPPETS[m.group(1)](), markdown)
