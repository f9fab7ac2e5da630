"""The review's pictures: one deck rendered in the source and one language, every slide
photographed with what does not fit outlined, written as PNG files beside the page.

At the edge (marp-cli through ``run.py``, Chromium, files). The page links to the files
(``<deck>.slides/03-sv.png``) instead of holding them inline, so it stays small enough
for a phone; pictures of slides a deck no longer has are removed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from i18n.check.report import Finding
from i18n.config import Config
from i18n.disk import replace_atomic
from i18n.errors import I18nError
from i18n.files import DeckFile
from i18n.overflow.browser import PICTURE_SCALE, SlideBrowser, missing
from i18n.overflow.run import Measured, Say, deck_pages
from i18n.report.review_slides import SlidePicture, SlidePictures

_OURS = re.compile(r"\d+-[\w@-]+\.png")


def picture_folder(page: Path) -> Path:
    """Where a review page's pictures go: ``<page stem>.slides/`` beside it."""
    return page.with_name(f"{page.stem}.slides")


def why_not(config: Config, lang: str, name: str, marp: Path, env: Mapping[str, str]) -> str | None:
    """Why the deck ``name`` cannot be photographed in the source and ``lang`` (a tool
    missing, a deck not built), or None."""
    built = [config.build / code / name for code in (config.source_language, lang)]
    return missing(env, marp) or next(
        (f"{path} not built: run `marp-i18n build`" for path in built if not path.is_file()),
        None,
    )


def deck_pictures(
    config: Config,
    lang: str,
    name: str,
    page: Path,
    *,
    marp: Path,
    env: Mapping[str, str],
    within: Path | None,
    say: Say | None = None,
) -> tuple[SlidePictures, list[Finding | I18nError]]:
    """Photograph the deck ``name`` in the source language and ``lang`` for the review
    ``page``; what got in the way (a stale build, a page that failed) comes back too.

    Raises:
        I18nError: a picture cannot be written (``within``: the folder it must stay in).
    """
    deck = DeckFile(name, config.slides / name)
    measured = Measured()
    pages = deck_pages(config, [config.source_language, lang], [deck], measured, marp, env, say)
    folder = picture_folder(page)
    written: dict[str, dict[int, SlidePicture]] = {}
    if pages:
        with SlideBrowser(env) as browser:
            for (code, _), html in pages.items():
                try:
                    fit, shots = browser.pictures(html)
                except I18nError as exc:
                    measured.errors.append(exc)
                    continue
                measured.fits[(code, deck.name)] = fit
                written[code] = {}
                for number, (slide, png) in enumerate(zip(fit.slides, shots, strict=True), 1):
                    path = folder / f"{number:02d}-{code}.png"
                    replace_atomic(path, _writer(png), within=within, durable=False)
                    written[code][number] = SlidePicture(
                        os.path.relpath(path, page.parent),
                        round(slide.width * PICTURE_SCALE),
                        round(slide.height * PICTURE_SCALE),
                        slide,
                    )
    _remove_others(folder, {Path(p.href).name for by in written.values() for p in by.values()})
    pictures = SlidePictures(written.get(config.source_language, {}), written.get(lang, {}))
    return pictures, [*measured.findings, *measured.errors]


def _writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda handle: handle.write(data)


def _remove_others(folder: Path, kept: set[str]) -> None:
    """Remove this tool's pictures that were not written now (a slide since removed)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if _OURS.fullmatch(path.name) and path.name not in kept and path.is_file():
            path.unlink(missing_ok=True)
