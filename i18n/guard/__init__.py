"""The structure guard: a translation may change words, never what Marp builds.

Two layers, one verdict. ``unit`` holds the rules a single translation is judged by
(cheap, and they say *why*); ``deck`` reads every built deck as a whole, the way it is
read for extraction, and compares it with the source deck (``marp.structure``): any
difference the unit rules missed is traced back to the translations that cause it and
those are refused too. The deck comparison is the guarantee; the rules are the
explanation.
"""

from i18n.guard.deck import Verdicts, Verified, verify_edits
from i18n.guard.unit import character_problem, guard_front_matter, guard_unit, parsed_problem
from i18n.marp.structure import deck_structure, describe_difference
from i18n.model import DeckStructure

__all__ = [
    "DeckStructure",
    "Verdicts",
    "Verified",
    "character_problem",
    "deck_structure",
    "describe_difference",
    "guard_front_matter",
    "guard_unit",
    "parsed_problem",
    "verify_edits",
]
