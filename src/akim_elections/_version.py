"""The package's one version string: the data, the descriptor, the wheel and the citation share it.

Between releases it is a development version (PEP 440: ``0.3.0.dev0``) without a release date, so
nothing built from the tree claims to be a release. ``python scripts/release.py X.Y.Z`` sets both
lines for the release commit, tags it ``vX.Y.Z`` and moves on to the next development version.
"""

__version__ = "0.4.0.dev0"
__release_date__ = None  # "YYYY-MM-DD" in a release
