"""mkdocs hook: fill the pages of docs/ (Jinja templates) from the data, and add the pages and files the build makes.

The words of every page are in docs/; scripts/docs_pages computes what they show, so the site cannot drift from data/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).parent))
import docs_pages  # noqa: E402


def on_config(config):
    # The Data section lists every table of the schema, in descriptor order.
    tables = [{name: f"data/{name}.md"} for name in docs_pages.ae.tables(docs_pages.ROOT)]
    config["nav"] = [({"Data": [{"Overview": "data/index.md"}, *tables]} if item == {"Data": "data/index.md"} else item)
                     for item in config["nav"]]
    return config


def on_files(files, config):
    for path, content in docs_pages.files(Path(config["docs_dir"])).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    return docs_pages.render(markdown, page.file.src_uri, Path(config["docs_dir"]))
