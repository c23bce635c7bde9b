"""The package's own metadata: name, title, description, keywords, licence and contributors of datapackage.json."""

from __future__ import annotations

from .._version import __version__ as VERSION  # noqa: F401  (re-exported for the build)

PACKAGE = {
    "name": "akim-elections",
    "title": "Kazakhstan's direct elections of akims",
    "description": (
        "Sourced figures, contests and candidates of Kazakhstan's direct elections of akims: rural akims "
        "(heads of rural districts, villages and towns of district significance) from the first nationwide "
        "vote of 25 July 2021, district and city akims from 2023. Every value cites a public source; where sources "
        "disagree all figures are kept and one is marked preferred."
    ),
    "keywords": ["Kazakhstan", "elections", "local government", "akim", "rural", "district", "city", "2021"],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (data)",
        }
    ],
    "contributors": [{"title": "akim-elections contributors", "roles": ["creator"]}],
}

# The vote the package is about first: the nationwide direct election of rural akims of 25 July 2021. The published
# totals are pinned for it, the regional summary shows every oblast of that day for it, and ae.figure() defaults to it.
MAIN_ELECTION = "2021-07-25-rural"
