"""``akim-elections validate``: the file, structure and rule checks of a copy of the package (needs the ``validate`` extra)."""
