"""The package's errors, each naming the problem and the fix in one line.

The command line maps them to exit statuses: 2 for wrong usage, 1 for invalid data.
"""

from __future__ import annotations


class UsageError(ValueError):
    """The request cannot be carried out as given (unknown name, bad option, unsuitable target)."""


class MissingExtraError(UsageError):
    """A feature needs an optional dependency that is not installed."""

    def __init__(self, feature: str, extra: str, module: str):
        # The package is not on PyPI: the extra is installed from where the package came from (a clone, a wheel file).
        super().__init__(f"{feature} needs the [{extra}] extra ({module} is not installed): in a clone, "
                         f"pip install '.[{extra}]'; from a wheel, pip install 'akim_elections-<version>-py3-none-any.whl[{extra}]'")
        self.extra = extra


class DataPackageError(Exception):
    """The data package is incomplete or does not match its descriptor (invalid data)."""


class PackageNotFoundError(DataPackageError, UsageError):
    """No data package where one was pointed at: wrong usage rather than invalid data."""
