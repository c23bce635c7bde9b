"""Optional dependencies: which extra brings which module, checked before anything is written."""

from __future__ import annotations

import importlib.util

from .errors import MissingExtraError

# extra -> the modules it installs (the distributions are listed in pyproject.toml; a test keeps the two in step)
EXTRAS: dict[str, tuple[str, ...]] = {
    "parquet": ("pyarrow",),
    "excel": ("openpyxl",),
    "validate": ("great_expectations", "frictionless"),
}


def require(extra: str, feature: str) -> None:
    """Raise MissingExtraError naming ``extra`` and its pip line if one of its modules is missing."""
    for module in EXTRAS[extra]:
        # find_spec looks without importing, so the check is cheap even for Great Expectations.
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(feature, extra, module)
