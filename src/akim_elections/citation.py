"""How to cite the dataset: one set of facts, rendered as APA and BibTeX.

The docs' Cite page and ``akim_elections.cite()`` come from here, and so do the release files the build writes
(CITATION.cff, .zenodo.json: ``akim_elections.build.citation_files``).
No URL is given until the project is published somewhere a URL would stay valid.
"""

from __future__ import annotations

from ._version import __release_date__, __version__

AUTHOR = "akim-elections contributors"
TITLE = "akim-elections: Kazakhstan's direct elections of rural akims, a sourced open dataset"
YEAR = __release_date__[:4]
LICENSE = "CC-BY-4.0"


def bibtex() -> str:
    return (
        "@misc{akim_elections,\n"
        f"  author = {{{{{AUTHOR}}}}},\n"
        f"  title = {{{TITLE}}},\n"
        f"  year = {{{YEAR}}},\n"
        f"  version = {{{__version__}}},\n"
        f"  date = {{{__release_date__}}},\n"
        f"  note = {{Data licensed {LICENSE}}}\n"
        "}"
    )


def _apa_date() -> str:
    """The release date as APA writes it: 2026, December 1."""
    from datetime import date

    d = date.fromisoformat(__release_date__)
    return f"{d.year}, {d.strftime('%B')} {d.day}"


def apa() -> str:
    return f"{AUTHOR}. ({_apa_date()}). {TITLE} (Version {__version__}) [Data set]."


def cite(style: str = "apa") -> str:
    """The citation in ``style``: 'apa' or 'bibtex'."""
    renderers = {"apa": apa, "bibtex": bibtex}
    if style not in renderers:
        raise ValueError(f"unknown citation style {style!r}; use one of: {', '.join(renderers)}")
    return renderers[style]()
