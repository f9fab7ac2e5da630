"""The ``invisible`` check: characters a translation adds that nobody sees in a diff.

A reviewer approves a pull request by reading the PO diff, where a bidi override, a
zero-width space or an escape character shows as nothing, yet it reorders the slide's
text (Trojan Source, CVE-2021-42574), hides data (tag characters, runs of variation
selectors: "ASCII smuggling") or breaks a word a reader copies. Such a character is a
finding when the translation has more of it than the source: the source is the
author's, so a ZWJ in its emoji sequence stays legitimate in the translation.

What counts (Unicode's own classes, not a hand-picked list):

- **controls** (``Cc``: C0, DEL, C1) and the line and paragraph separators
  U+2028/U+2029. A line feed is never one: PO writes it ``\\n`` and a slide shows it
  (``lines``, ``hard-breaks`` and ``structure`` judge where it matters). A tab is
  written ``\\t`` in PO but is blank in a slide: one only where the source has none.
- **default-ignorable code points** (``Default_Ignorable_Code_Point`` as
  DerivedCoreProperties.txt derives it: ``Cf`` + variation selectors +
  ``Other_Default_Ignorable_Code_Point``, less the visible format characters), which
  fonts draw as nothing: zero-width space and joiners, word joiner, BOM, soft hyphen,
  Hangul fillers, tag characters, and the bidi controls.

What a right-to-left or complex-script translation legitimately needs is not counted:

- **bidi marks** LRM, RLM and ALM (U+200E, U+200F, U+061C) in a translation that has
  a right-to-left letter (bidi class R or AL): Arabic, Hebrew, Persian or Urdu text
  needs them to put punctuation and digits beside an embedded Latin word. A mark
  moves only neutral characters, never reverses a word. In a text with no
  right-to-left letter a mark has no use and is a finding.
- **embeddings, overrides and isolates** (U+202A-U+202E, U+2066-U+2069) are always
  findings, in any script: an override reverses letters, an isolate moves whole runs
  (the Trojan Source reorderings). Unicode's bidi algorithm and the marks above
  place mixed text without them; one a reviewer has checked can be kept with the
  translator comment ``# marp-i18n: ignore invisible``.
- **ZWNJ and ZWJ** where a script shapes with them (IDNA's CONTEXTJ rules, RFC 5892
  A.1/A.2): after a virama (Indic conjuncts), between two Arabic-script letters
  (Persian's ZWNJ; bidi class AL stands in for the Joining_Type ``unicodedata`` lacks),
  and ZWJ between two emoji (emoji ZWJ sequences).
- **one variation selector** right after a visible character (emoji presentation,
  CJK and Mongolian variants); a second one in a row selects nothing and carries data.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_BIDI_MARKS = frozenset("\u200e\u200f\u061c")
_JOINERS = frozenset("\u200c\u200d")
_LINE_FEED, _TAB = "\n", "\t"
_RANGES = tuple[tuple[int, int], ...]
_VARIATION_SELECTORS: _RANGES = (
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0xFE00, 0xFE0F),
    (0xE0100, 0xE01EF),
)
_OTHER_IGNORABLE: _RANGES = (  # PropList.txt, Other_Default_Ignorable_Code_Point
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
)
_VISIBLE_FORMAT: _RANGES = (  # Cf that DerivedCoreProperties takes out again
    (0x0600, 0x0605),  # Prepended_Concatenation_Mark: drawn
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0x13430, 0x1345F),  # Egyptian hieroglyph format controls
)
_C0 = (  # noqa: SIM905 (64 names as one string: 20 lines, not 64)
    "NULL|START OF HEADING|START OF TEXT|END OF TEXT|END OF TRANSMISSION|ENQUIRY|"
    "ACKNOWLEDGE|ALERT|BACKSPACE|CHARACTER TABULATION|LINE FEED|LINE TABULATION|"
    "FORM FEED|CARRIAGE RETURN|SHIFT OUT|SHIFT IN|DATA LINK ESCAPE|DEVICE CONTROL ONE|"
    "DEVICE CONTROL TWO|DEVICE CONTROL THREE|DEVICE CONTROL FOUR|NEGATIVE ACKNOWLEDGE|"
    "SYNCHRONOUS IDLE|END OF TRANSMISSION BLOCK|CANCEL|END OF MEDIUM|SUBSTITUTE|ESCAPE|"
    "INFORMATION SEPARATOR FOUR|INFORMATION SEPARATOR THREE|INFORMATION SEPARATOR TWO|"
    "INFORMATION SEPARATOR ONE"
).split("|")
_C1 = (  # noqa: SIM905
    "PADDING CHARACTER|HIGH OCTET PRESET|BREAK PERMITTED HERE|NO BREAK HERE|INDEX|"
    "NEXT LINE|START OF SELECTED AREA|END OF SELECTED AREA|CHARACTER TABULATION SET|"
    "CHARACTER TABULATION WITH JUSTIFICATION|LINE TABULATION SET|PARTIAL LINE FORWARD|"
    "PARTIAL LINE BACKWARD|REVERSE LINE FEED|SINGLE SHIFT TWO|SINGLE SHIFT THREE|"
    "DEVICE CONTROL STRING|PRIVATE USE ONE|PRIVATE USE TWO|SET TRANSMIT STATE|"
    "CANCEL CHARACTER|MESSAGE WAITING|START OF GUARDED AREA|END OF GUARDED AREA|"
    "START OF STRING|SINGLE GRAPHIC CHARACTER INTRODUCER|SINGLE CHARACTER INTRODUCER|"
    "CONTROL SEQUENCE INTRODUCER|STRING TERMINATOR|OPERATING SYSTEM COMMAND|"
    "PRIVACY MESSAGE|APPLICATION PROGRAM COMMAND"
).split("|")
"""The controls' names from NameAliases.txt: their Name property is empty."""
_PRINTABLE_IGNORABLE = re.compile(
    "["
    + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _VARIATION_SELECTORS + _OTHER_IGNORABLE)
    + "]"
)
"""The default-ignorable code points ``str.isprintable`` lets through (Mn, Lo)."""


def _within(code: int, ranges: _RANGES) -> bool:
    return any(low <= code <= high for low, high in ranges)


def _is_selector(char: str) -> bool:
    return _within(ord(char), _VARIATION_SELECTORS)


def is_invisible(char: str) -> bool:
    """A control, a line or paragraph separator, or a default-ignorable code point."""
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp"):
        return True
    code = ord(char)
    if category == "Cf":
        return not _within(code, _VISIBLE_FORMAT)
    return _within(code, _VARIATION_SELECTORS) or _within(code, _OTHER_IGNORABLE)


def _hidden(text: str) -> bool:
    """Whether ``text`` may hold a character of this check: most texts are refused fast."""
    lines_printable = all(line.isprintable() for line in text.split(_LINE_FEED))
    return not lines_printable or _PRINTABLE_IGNORABLE.search(text) is not None


def visible(text: str) -> str:
    """``text`` as a reader sees it: line feeds kept, a tab a space, the rest dropped."""
    if not _hidden(text):
        return text
    return "".join(
        c if c == _LINE_FEED or not is_invisible(c) else " " if c == _TAB else "" for c in text
    )


def _neighbour(text: str, at: int, step: int) -> str:
    """The character beside ``at``, skipping combining marks (Arabic harakat)."""
    at += step
    while 0 <= at < len(text) and unicodedata.category(text[at]) == "Mn":
        at += step
    return text[at] if 0 <= at < len(text) else ""


def _bidi(char: str) -> str:
    return unicodedata.bidirectional(char)


def _emoji(char: str) -> bool:
    return unicodedata.category(char) == "So"


def _emoji_before(text: str, at: int) -> bool:
    """An emoji before ``at``, perhaps with its presentation selector or skin tone."""
    at -= 1
    while at >= 0 and (_is_selector(text[at]) or 0x1F3FB <= ord(text[at]) <= 0x1F3FF):
        at -= 1
    return at >= 0 and _emoji(text[at])


def _legitimate(text: str, at: int, rtl: bool) -> bool:
    """Whether the character at ``at`` is one the script around it needs."""
    char = text[at]
    if char in _BIDI_MARKS:
        return rtl
    if char in _JOINERS:
        if at > 0 and unicodedata.combining(text[at - 1]) == 9:  # after a virama
            return True
        before, after = _neighbour(text, at, -1), _neighbour(text, at, 1)
        if before and after and _bidi(before) == _bidi(after) == "AL":
            return True
        return char == "\u200d" and bool(after) and _emoji_before(text, at) and _emoji(after)
    if _is_selector(char):
        return at > 0 and not is_invisible(text[at - 1]) and not text[at - 1].isspace()
    return False


def _unexplained(text: str) -> dict[str, list[int]]:
    """Where the invisible characters of ``text`` stand that no script around explains."""
    rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for c in text if c not in _BIDI_MARKS)
    found: dict[str, list[int]] = {}
    for at, char in enumerate(text):
        if char != _LINE_FEED and is_invisible(char) and not _legitimate(text, at, rtl):
            found.setdefault(char, []).append(at)
    return found


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the reader cannot see the character itself."""
    code = ord(char)
    if code < 0x20:
        name = _C0[code]
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code < 0xA0:
        name = _C1[code - 0x80]
    else:
        name = unicodedata.name(char, "<unassigned>")
    return f"U+{code:04X} {name}"


def invisible_problem(source: str, translation: str) -> str | None:
    """Which invisible characters ``translation`` has more of than ``source``, or None.

    Counted per character: the source's own (kept in the translation) are fine.
    """
    if not _hidden(translation):
        return None
    had = Counter(source)
    shown = []
    for char, where in sorted(_unexplained(translation).items(), key=lambda item: item[1][0]):
        more = len(where) - had[char]
        if more <= 0 or (char == _TAB and had[char]):
            continue
        extra = f" ({more} more than the source)" if more > 1 else ""
        shown.append(f"{describe(char)} at character {where[0] + 1}{extra}")
    if not shown:
        return None
    return "invisible characters the source does not have: " + ", ".join(shown)
