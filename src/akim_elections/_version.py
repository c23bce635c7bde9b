"""The package's one version string: the data, the descriptor, the wheel and the citation share it.

The release date sits beside it and changes with it (the citation carries both); a release commit is then
tagged ``v`` + the version, and CHANGELOG.md names that commit.
"""

__version__ = "0.2.0"
__release_date__ = "2026-12-01"
