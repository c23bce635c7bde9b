"""Kazakhstan's direct elections of rural akims: sourced tables as typed pandas DataFrames.

    >>> import akim_elections as ae
    >>> ae.tables()
    >>> ae.load("figures")

Works offline: the tables ship inside the package. Importing it loads neither pandas nor any
validation library; pandas is imported on the first ``load``.
"""

from ._version import __version__
from .citation import cite
from .loader import DataPackageError, descriptor, load, path, tables

__all__ = ["__version__", "cite", "load", "tables", "path", "descriptor", "DataPackageError"]
