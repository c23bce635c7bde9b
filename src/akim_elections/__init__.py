"""Kazakhstan's direct elections of akims (rural, district, city): sourced tables as typed pandas DataFrames.

    >>> import akim_elections as ae
    >>> ae.tables()
    >>> ae.load("figures")
    >>> ae.figure("winners", party="nur-otan")    # 627

Works offline: the tables ship inside the package. Importing it loads neither pandas nor any
validation library; pandas is imported on the first ``load``.
"""

from ._version import __version__
from .citation import cite
from .errors import DataPackageError, UsageError
from .loader import descriptor, load, path, tables
from .lookup import AmbiguousFigureError, FigureLookupError, InexactFigureError, NoFigureError, figure, figures

__all__ = ["__version__", "cite", "load", "tables", "path", "descriptor", "figure", "figures",
           "DataPackageError", "UsageError", "FigureLookupError", "NoFigureError", "AmbiguousFigureError",
           "InexactFigureError"]
