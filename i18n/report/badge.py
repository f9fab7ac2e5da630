"""A shields-style SVG badge per language (``sv | 97 %``) for a README or a dashboard.

Drawn here rather than fetched from shields.io: the report must work with no network,
and a badge is a few rectangles and two texts. Text widths are estimated from Verdana
11 px advance widths (the font shields uses), close enough for a label of a few characters.
Colours darken as the percentage falls; each keeps white text at a contrast of at least
4.5:1 (WCAG AA), so the badge stays readable, unlike the lighter shields greens.
"""

from __future__ import annotations

import math
from html import escape

from i18n.check.report import Tally

HEIGHT = 20
_PAD = 6
_FONT = "Verdana,Geneva,DejaVu Sans,sans-serif"
_NARROW = frozenset("iljI.,:;|!'")
_SMALL = frozenset("frt ()[]-/")
_WIDE = frozenset("mwMW%@")
_COLOURS: tuple[tuple[int, str], ...] = (
    (100, "#1b7a2f"),
    (90, "#3b7a1e"),
    (75, "#666600"),
    (50, "#8a5a00"),
    (25, "#b04200"),
    (0, "#b3261e"),
)
"""(lowest percent, colour): the first row a percentage reaches gives the badge its colour."""
LABEL_COLOUR = "#555"


def badge_percent(words: Tally) -> int:
    """Whole percent of source words translated, rounded down: 100 only when complete."""
    if words.total == 0:
        return 100
    return math.floor(words.translated * 100 / words.total)


def colour_of(percent: int) -> str:
    """The badge colour for a whole percentage (0-100)."""
    return next(colour for low, colour in _COLOURS if percent >= low)


def text_width(text: str) -> float:
    """Estimated width of ``text`` in Verdana 11 px, in pixels."""
    width = 0.0
    for char in text:
        if char in _NARROW:
            width += 3.5
        elif char in _SMALL:
            width += 4.5
        elif char in _WIDE or char.isupper():
            width += 10.5 if char in _WIDE else 7.5
        else:
            width += 7.0
    return width


def badge(label: str, value: str, colour: str) -> str:
    """A flat badge: ``label`` on grey, ``value`` on ``colour``; valid standalone SVG.

    No ``id`` attributes (shields' gradients use them), so several badges can sit
    inline in one HTML page.
    """
    label, value = _xml_text(label), _xml_text(value)
    left = round(text_width(label) + 2 * _PAD)
    right = round(text_width(value) + 2 * _PAD)
    width = left + right
    title = escape(f"{label}: {value}")
    texts = []
    for text, middle in ((label, left / 2), (value, left + right / 2)):
        shown = escape(text)
        texts.append(
            f'<text x="{middle:g}" y="15" fill="#010101" fill-opacity=".3">{shown}</text>'
            f'<text x="{middle:g}" y="14">{shown}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" '
        f'viewBox="0 0 {width} {HEIGHT}" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        f'<rect width="{width}" height="{HEIGHT}" rx="3" fill="{LABEL_COLOUR}"/>'
        f'<path fill="{colour}" d="{_right_part(left, right)}"/>'
        f'<g fill="#fff" text-anchor="middle" font-family="{_FONT}" font-size="11">'
        + "".join(texts)
        + "</g></svg>"
    )


def _xml_text(text: str) -> str:
    """One line of text XML 1.0 can hold: control characters dropped, spaces collapsed."""
    kept = "".join(c for c in text if c in "\t\n\r" or _xml_char(ord(c)))
    return " ".join(kept.split())


def _xml_char(code: int) -> bool:
    return 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _right_part(left: int, right: int) -> str:
    """The value's box: square on the left, rounded (radius 3) on the right."""
    return f"M{left} 0h{right - 3}a3 3 0 0 1 3 3v14a3 3 0 0 1-3 3h-{right - 3}z"


def language_badge(language: str, tally: Tally) -> str:
    """The badge of one language: its code and the percent translated (in the course's
    measure), the figure ``check`` and the status page show."""
    from i18n.check.report import percent

    return badge(language, f"{percent(tally):g} %", colour_of(badge_percent(tally)))
