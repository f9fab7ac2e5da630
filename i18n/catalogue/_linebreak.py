"""Where GNU gettext may break a PO string line: libunistring's line breaking, in Python.

``msgcat`` wraps strings with libunistring's ``ulc_width_linebreaks`` (UAX #14 pair
table, tailored so that ``.`` or ``:`` before a letter may break, as in URLs). To
write files that ``msgcat`` leaves byte-identical we must break at exactly the same
places, so this module mirrors ``unilbrk/u8-possible-linebreaks.c``,
``u8-width-linebreaks.c`` and the table in ``lbrktables.c`` of libunistring 1.0
(gettext 0.21). Character classes are Unicode 14's LineBreak.txt: a guess from the
general category, corrected by the generated exception list in ``_linebreak_data``.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache
from unicodedata import east_asian_width

from i18n.catalogue._linebreak_data import EXCEPTIONS

# Classes indexing the pair table, in libunistring's order; the rest are resolved
# before the lookup (BK mandatory break, CM combining, ZW zero-width space, SP space).
_TABLE_CLASSES = (  # noqa: SIM905 - tables read best as one string
    "WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT HL RI EB EM ZWJ"
).split()
_INDEX = {name: i for i, name in enumerate(_TABLE_CLASSES)}
BK, CM, ZW, SP = 30, 31, 32, 33
_SPECIAL = {"BK": BK, "CM": CM, "ZW": ZW, "SP": SP}
# What libunistring makes of the classes it does not look up (UTF-8, not a CJK locale).
_RESOLVE = {"AI": "AL", "SA": "AL", "XX": "AL", "SG": "AL", "CB": "ID", "CJ": "NS",
            "LF": "BK", "CR": "BK", "NL": "BK"}  # fmt: skip
# Row = class before, column = class after: Direct break, Indirect (only after
# spaces), Prohibited: libunistring 1.0 as gettext 0.21 runs it (lbrktables.c with the
# rules its u8-possible-linebreaks.c adds, e.g. never before IN, not after ZWJ).
_PAIRS = (  # noqa: SIM905
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIII PIIIIIPPPIIIIPIIIPIIIIIIIIIIII PIPIDIPPPIIDIPDDDPDDDDDDDDDDDI "
    "PDDIDIPPPIIDIPDDDPDDDDDDDDDDDI PIIIIIPPPIIIIPIIIPIIIIIIIIIIII PDDIDIPPPIIDIPIDDPDDDDDDDDDDDI "
    "PIDIDIPPPIPDIPDIIPDDDDDDDDDDDI PIDIDIPPPIIDIPIIIPIDDDDDDIDDDI PIDIDIPPPIIDIPDDDPDDDDDDDDDDDI "
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDDDI PIDIDIPPPIIDIPDDDPDDDDDDDDDDDI PPPPPPPPPPPPPPPPPPPPPPPPPPPPPI "
    "PIIIIIPPPIIPIPIIIPIIIIIIIIIIII PIDIDIPPPIIDIPIDDPDDDDDDDDDDDI PIDIDIPPPIIIIPIIIPIDDDDDDIDDDI "
    "PIDIDIPPPIIIIPIDDPIDDDDDDIDDDI PIDIDIPPPIIIIPIDDPIIIIIIIIDIII PIDIDIPPPIIDIPIDDPDDDDDDDIDDDI "
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDDDI PIDIDIPPPIIDIPDIDPDDDDDIIDDDDI PIDIDIPPPIIDIPDIDPDDDDDDIDDDDI "
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDDDI PIDIDIPPPIIDIPDIDPDIIDIIDDDDDI PIDIDIPPPIIDIPDIDPDDDDDIIDDDDI "
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDDDI PIDIDIPPPIIIIPIIIPIDDDDDDIDDDI PIDIDIPPPIIDIPDDDPDDDDDDDDIDDI "
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDDII PIDIDIPPPIIDIPDIDPDDDDDDDDDDDI PIIIIIPPPIIIIPIIIPIIIIIIIIIIII"
).split()
_ASCII = (
    "CM CM CM CM CM CM CM CM CM BA BK BK BK BK CM CM CM CM CM CM CM CM CM CM CM CM CM CM CM CM "
    "CM CM SP EX QU AL PR PO AL QU OP CP AL PR IS HY IS SY NU NU NU NU NU NU NU NU NU NU IS IS AL "
    "AL AL EX AL" + " AL" * 26 + " OP PR CP AL AL AL" + " AL" * 26 + " OP BA CL AL CM"
).split()

POSSIBLE, MANDATORY, PROHIBITED = 1, 2, 3
_OP = _INDEX["OP"]
_AL = _INDEX["AL"]
_AL_HL_NU = frozenset({_INDEX["AL"], _INDEX["HL"], _INDEX["NU"]})
_STARTS = [start for start, _, _ in EXCEPTIONS]


def _wide_unassigned(cp: int) -> bool:
    """Unassigned code points in the planes and blocks Unicode reserves for ideographs."""
    return (
        0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFD
        or 0x1F000 <= cp <= 0x1FAFF
        or 0x1FC00 <= cp <= 0x1FFFD
    )


def guess_class(ch: str) -> str:
    """The line-break class most characters of ``ch``'s general category have."""
    cp = ord(ch)
    category = unicodedata.category(ch)
    if category == "Cn":
        return "ID" if _wide_unassigned(cp) else "AL"
    if 0xAC00 <= cp <= 0xD7A3:
        return "H2" if (cp - 0xAC00) % 28 == 0 else "H3"
    simple = {"Mn": "CM", "Mc": "CM", "Me": "CM", "Nd": "NU", "Ps": "OP", "Pe": "CL",
              "Pi": "QU", "Pf": "QU", "Zs": "BA", "Sc": "PR", "Cc": "CM", "Cf": "CM"}  # fmt: skip
    if category in simple:
        return simple[category]
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return "ID"
    if category == "Lo" and unicodedata.name(ch, "").startswith("HEBREW"):
        return "HL"
    return "AL"


@lru_cache(maxsize=4096)
def line_break_class(ch: str) -> str:
    """Unicode 14 Line_Break value of ``ch`` (before libunistring's resolution)."""
    cp = ord(ch)
    if cp < 0x80:
        return _ASCII[cp]
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= EXCEPTIONS[i][1]:
        return EXCEPTIONS[i][2]
    return guess_class(ch)


@lru_cache(maxsize=4096)
def _lookup_class(ch: str) -> int:
    name = line_break_class(ch)
    name = _RESOLVE.get(name, name)
    return _SPECIAL[name] if name in _SPECIAL else _INDEX[name]


_PROHIBIT, _DIRECT, _INDIRECT = 0, 1, 2
_RULES = tuple(tuple("PDI".index(rule) for rule in row) for row in _PAIRS)
"""``_PAIRS`` as numbers, looked up once per character."""


def possible_breaks(text: str) -> list[int]:
    """For each character, may a line break before it? (``u8_possible_linebreaks``)."""
    result = [PROHIBITED] * len(text)
    last = BK
    spaces = False  # spaces since the last character that was not one
    for i, prop in enumerate(map(_lookup_class, text)):
        if prop < BK:  # a class of the pair table: most characters
            if last == ZW:
                result[i] = POSSIBLE
            elif last != BK:
                rule = _RULES[last][prop]
                if prop == _OP and last in _AL_HL_NU and east_asian_width(text[i]) in "WFH":
                    rule = _DIRECT  # UAX #14 LB30 keeps only non-East-Asian brackets attached
                if rule == _DIRECT or (spaces and rule == _INDIRECT):
                    result[i] = POSSIBLE
            last, spaces = prop, False
        elif prop == SP:
            spaces = True
        elif prop == BK:
            result[i] = MANDATORY
            last, spaces = BK, False
        elif prop == ZW:
            last, spaces = ZW, False
        elif last in (BK, ZW) or spaces:  # CM: a mark with no base is taken as AL
            if last != BK:
                result[i] = POSSIBLE
            last, spaces = _AL, False
    return result


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Columns ``ch`` takes (``uc_width`` for UTF-8); -1 for control characters."""
    cp = ord(ch)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return -1
    if cp in (0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F):  # spacing in libunistring, yet Mn
        return 1
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf") or 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0
    if category == "Cn":
        return 2 if _wide_unassigned(cp) else 1
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width_breaks(text: str, overrides: list[int | None], width: int, start: int) -> list[bool]:
    """Where to break ``text`` so lines fit ``width`` columns (``u8_width_linebreaks``).

    ``overrides[i]``, when not None, replaces the computed opportunity before ``i``.
    """
    kinds = possible_breaks(text)
    for i, kind in enumerate(overrides):
        if kind is not None:
            kinds[i] = kind
    result = [False] * len(text)
    last_p: int | None = None
    last_column, piece = start, 0
    for i, (kind, w) in enumerate(zip(kinds, map(char_width, text), strict=True)):
        if kind != PROHIBITED:
            if last_p is not None and last_column + piece > width:
                result[last_p] = True
                last_column = 0
            if kind == MANDATORY:
                last_p, last_column, piece = None, 0, 0
                continue
            last_p = i
            last_column += piece
            piece = 0
        if w >= 0:
            piece += w
    if last_p is not None and last_column + piece > width:
        result[last_p] = True
    return result
