"""The one-off import of the research notes into the curated tables, in small modules.

scripts/import_research.py is the entry point; see its docstring.
"""
