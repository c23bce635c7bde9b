"""How to cite the dataset: one set of facts, rendered as APA and BibTeX here and as CITATION.cff and .zenodo.json
by the build (``akim_elections.build.citation_files``).

The docs' Cite page, ``akim_elections.cite()``, ``akim-elections cite`` and the release files all come from these facts. Each carries the version and the data fingerprint (``akim_elections.verify``), so a
reader can tell whether their copy holds the data cited. A development version (``0.3.0.dev0``) has no
release date: its citations say so ("n.d.") and the fingerprint alone pins the data.

Authors: the project's named group, then the people in ``MAINTAINERS`` (empty until someone takes the
role; CONTRIBUTING.md says how to be added). The repository URL has one home, ``[project.urls]
Repository`` in pyproject.toml, read back from the installed package's metadata; none is given until
the project is published at an address that will stay.
"""

from __future__ import annotations

from ._version import __release_date__, __version__
from .schema.package import PACKAGE

# The package's own name, title, group and licence (schema.package, as datapackage.json gives them).
AUTHOR = PACKAGE["contributors"][0]["title"]
# People who maintain the data, as {"given": ..., "family": ..., "orcid": "https://orcid.org/..."} (orcid optional).
MAINTAINERS: tuple[dict, ...] = ()
TITLE = f"{PACKAGE['name']}: {PACKAGE['title']}, a sourced open dataset"
LICENSE = PACKAGE["licenses"][0]["name"]
KEYWORDS = ("Kazakhstan", "elections", "local government", "akim")
DESCRIPTION = ("Sourced figures, contests and candidates of Kazakhstan's direct elections of akims: rural akims from 25 July 2021, "
               "district and city akims from 2023.")


def data_fingerprint(desc: dict | None = None) -> str:
    """The fingerprint of ``desc``, by default of the installed package's descriptor."""
    from .loader import descriptor
    from .verify import fingerprint

    return fingerprint(desc if desc is not None else descriptor())


def repository_url() -> str | None:
    """``[project.urls] Repository`` as the installed package's metadata holds it, or None."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("akim-elections").get_all("Project-URL") or []
    except PackageNotFoundError:  # the sources used without an install
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository":
            return url.strip()
    return None


def _names() -> list[str]:
    return [AUTHOR, *(f"{m['family']}, {m['given']}" for m in MAINTAINERS)]


def _apa_date() -> str:
    """The release date as APA writes it: 2026, December 1; n.d. for a development version."""
    from datetime import date

    if not __release_date__:
        return "n.d."
    d = date.fromisoformat(__release_date__)
    return f"{d.year}, {d.strftime('%B')} {d.day}"


def apa(fingerprint: str | None = None) -> str:
    fingerprint = fingerprint or data_fingerprint()
    url = repository_url()
    authors = ", ".join(_names()[:-1]) + ", & " + _names()[-1] if len(_names()) > 1 else AUTHOR
    return (f"{authors}. ({_apa_date()}). {TITLE} (Version {__version__}; data fingerprint {fingerprint}) "
            f"[Data set].{' ' + url if url else ''}")


def bibtex(fingerprint: str | None = None) -> str:
    fingerprint = fingerprint or data_fingerprint()
    url = repository_url()
    lines = [f"  author = {{{' and '.join('{' + n + '}' if n == AUTHOR else n for n in _names())}}},",
             f"  title = {{{TITLE}}},",
             *([f"  year = {{{__release_date__[:4]}}},", f"  date = {{{__release_date__}}},"] if __release_date__ else []),
             f"  version = {{{__version__}}},",
             *([f"  url = {{{url}}},"] if url else []),
             f"  note = {{Data fingerprint {fingerprint}; data licensed {LICENSE}}}"]
    return "@misc{akim_elections,\n" + "\n".join(lines) + "\n}"


def cite(style: str = "apa", root=None) -> str:
    """The citation in ``style``: 'apa' or 'bibtex'; ``root`` cites another copy of the package (its fingerprint)."""
    renderers = {"apa": apa, "bibtex": bibtex}
    if style not in renderers:
        raise ValueError(f"unknown citation style {style!r}; use one of: {', '.join(renderers)}")
    from .loader import descriptor

    return renderers[style](data_fingerprint(descriptor(root)))
