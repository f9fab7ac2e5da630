"""The review's slide pictures: each slide as rendered, source beside translation, above
that slide's texts, what does not fit outlined and said in words.

Pure: the pictures are files beside the page (``SlidePicture.href``, relative), written
by ``i18n.overflow.pictures``; this module only makes the HTML and its style. On a
narrow screen the translation's picture sits under the source's, as the texts do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from i18n.overflow.compare import amount
from i18n.overflow.measure import SlideFit
from i18n.report._html import href, text

SLIDES_CSS = """
.shots{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:.4rem 0 .8rem}
.shots figure{margin:0;min-width:0}
.shots img{display:block;width:100%;height:auto;border:1px solid var(--line);
border-radius:.3rem;background:var(--panel)}
.shots figcaption{font-size:.8rem;color:var(--muted);margin:.25rem 0 0}
.shots .label{margin-left:.3rem}
@media (max-width:42rem){.shots{grid-template-columns:1fr;gap:.6rem}}
"""


@dataclass(frozen=True, slots=True)
class SlidePicture:
    """One slide in one language, as a picture beside the page."""

    href: str
    """The picture's path relative to the page."""
    width: int
    height: int
    fit: SlideFit


@dataclass(frozen=True, slots=True)
class SlidePictures:
    """Every slide's pictures, source and translation, by slide number."""

    source: Mapping[int, SlidePicture] = field(default_factory=dict)
    target: Mapping[int, SlidePicture] = field(default_factory=dict)

    def figure(self, number: int, source_name: str, target_name: str) -> str:
        """The pictures of slide ``number`` (empty when there are none)."""
        pair = [
            (self.source.get(number), f"{source_name} (source)"),
            (self.target.get(number), target_name),
        ]
        if all(picture is None for picture, _ in pair):
            return ""
        shown = "".join(_figure(number, picture, name) for picture, name in pair if picture)
        return f'<div class="shots">{shown}</div>\n'


def _figure(number: int, picture: SlidePicture, name: str) -> str:
    fits = picture.fit.overflows
    caption = text(name) + (
        f' <span class="label error">Overflows</span> {text(amount(picture.fit))}: '
        "what is cut is outlined, the edge that cuts it marked"
        if fits
        else ""
    )
    return (
        f'<figure><img src="{href(picture.href)}" width="{picture.width}" '
        f'height="{picture.height}" loading="lazy" alt="Slide {number} in {text(name)}'
        f'{", overflowing" if fits else ""}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )
