"""Marp's own reading of a deck, mirrored in Python: the parser with marp-core's
settings, its math, comments, directive YAML (loose, as js-yaml reads it), image
keywords, and the structure a deck builds into. ``segment``, ``guard``, ``check`` and
``pseudo`` all read decks through these, so where our reading and Marp's could differ
there is one place to fix (each module names the marpit or marp-core file it mirrors).
"""
