"""What a rendered slide measured: how far its content reaches past the box that shows it.

Pure: the browser's answer (plain data from ``page.MEASURE_JS``) is checked and turned
into frozen values here, so the comparison and the cache never see raw page data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TOLERANCE = 2.0
"""Slide pixels past the edge that do not count: a text line's box (the font's ascent
and descent) may reach a pixel or two beyond its block without any ink being cut."""

Box = tuple[float, float, float, float]
"""x, y, width, height in slide pixels, from the slide's top left corner."""

Side = Literal["top", "right", "bottom", "left"]
SIDES: tuple[Side, ...] = ("top", "right", "bottom", "left")


@dataclass(frozen=True, slots=True)
class SlideFit:
    """One slide as the browser laid it out."""

    width: float
    """The slide's size in pixels (Marp's ``size``: 1280 by 720 by default)."""
    height: float
    top: float
    """How far content reaches above the box that clips it (0: not at all)."""
    right: float
    bottom: float
    left: float
    split: str
    """``left`` or ``right`` for a ``bg left``/``bg right`` split (the content box is the
    part beside the image), else ""."""
    box: Box
    """The content's box (the whole slide, or the part beside a split image)."""
    cut: tuple[Box, ...]
    """The visible parts of text lines and images that are cut (at most 64)."""
    edges: tuple[Box, ...] = ()
    """The edges that cut them (a box of no height along a top or bottom edge, of no
    width along a side): the slide's, a table's, a split image's (at most 16)."""

    def past(self, side: Side) -> float:
        """Pixels past ``side``, 0 within the tolerance."""
        value: float = getattr(self, side)
        return value if value > TOLERANCE else 0.0

    @property
    def vertical(self) -> float:
        """Pixels cut off above and below together (a centred slide spills both ways)."""
        return self.past("top") + self.past("bottom")

    @property
    def horizontal(self) -> float:
        return self.past("left") + self.past("right")

    @property
    def overflows(self) -> bool:
        return self.vertical > 0 or self.horizontal > 0


@dataclass(frozen=True, slots=True)
class DeckFit:
    """Every slide of one rendered deck, in order."""

    slides: tuple[SlideFit, ...]


class PageDataError(ValueError):
    """The page's answer is not what ``MEASURE_JS`` returns (a page that is not Marp's)."""


def deck_fit(data: object) -> DeckFit:
    """The measurements from ``MEASURE_JS``'s answer.

    Raises:
        PageDataError: ``data`` does not have its shape.
    """
    if not isinstance(data, list):
        raise PageDataError("expected a list of slides")
    return DeckFit(tuple(_slide(item) for item in data))


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PageDataError(f"expected a number, got {value!r}")
    return round(float(value), 1)


def _box(value: object) -> Box:
    if not isinstance(value, list) or len(value) != 4:
        raise PageDataError(f"expected a box, got {value!r}")
    x, y, w, h = (_number(v) for v in value)
    return (x, y, w, h)


def _slide(item: object) -> SlideFit:
    if not isinstance(item, dict):
        raise PageDataError(f"expected a slide, got {item!r}")
    try:
        split = item["split"]
        cut = item["cut"]
        edges = item["edges"]
        top, right, bottom, left = (max(0.0, _number(item[side])) for side in SIDES)
        width, height = _number(item["width"]), _number(item["height"])
        box = _box(item["box"])
    except KeyError as exc:
        raise PageDataError(f"a slide without {exc}") from None
    if split not in ("", "left", "right") or not isinstance(cut, list | tuple):
        raise PageDataError(f"a slide with split {split!r}, cut {cut!r}")
    if not isinstance(edges, list | tuple):
        raise PageDataError(f"a slide with edges {edges!r}")
    return SlideFit(
        width,
        height,
        top,
        right,
        bottom,
        left,
        split,
        box,
        tuple(_box(c) for c in cut),
        tuple(_box(e) for e in edges),
    )
