"""pandas -> SQLite: the one conversion both the SQLite export and validation's in-memory copy use.

It sits below ``export`` and ``validate`` so that neither depends on the other.
"""

from __future__ import annotations


def sql_frame(frame):
    """The frame with types SQLite can hold: categories as text, booleans as 0/1, dates as ISO text."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        dtype = out[column].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            out[column] = out[column].astype("object")
        elif str(dtype) == "boolean":
            out[column] = out[column].astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out
