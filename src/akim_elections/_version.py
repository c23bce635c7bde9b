"""The package's one version string: the data, the descriptor, the wheel and the citation share it."""

__version__ = "0.2.0"
