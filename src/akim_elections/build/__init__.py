"""What scripts/build.py runs to make the derived tables and columns from the curated ones (plain Python over CSV rows).

Nothing here is imported by ``import akim_elections``. ``akim_elections.checks`` imports it too, to rebuild the
derived files in memory and fail when the copies on disk differ.
"""
