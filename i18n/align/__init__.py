"""Align a deck with its hand-made translation, unit by unit (``marp-i18n import``)."""

from __future__ import annotations

from i18n.align.decks import Alignment, Pair, Slide, align_decks
from i18n.align.findings import paired_translations, unpaired_messages

__all__ = [
    "Alignment",
    "Pair",
    "Slide",
    "align_decks",
    "paired_translations",
    "unpaired_messages",
]
