"""A course's terminology: the glossary of each language, its terms found in texts.

``read.py`` reads ``locales/<lang>/glossary.csv`` or ``glossary.tbx`` (and the course
word list ``words.txt``) with translate-toolkit's storage classes; ``match.py`` finds
terms in a source text and their translations, inflected, in a translation;
``annotate.py`` writes the hits as an extracted comment for translators' tools.
"""

from __future__ import annotations

from i18n.glossary.model import Glossary, Term

__all__ = ["Glossary", "Term"]
