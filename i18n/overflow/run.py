"""The ``overflow`` check's run: built decks rendered (or their HTML reused), measured in
one browser, the source compared with each language.

At the edge (files, marp-cli, Chromium, the cache); the comparison is ``compare.py``'s.
Rendering once: ``render`` writes ``build/<lang>/html/<deck>.html``; a page newer than its
built deck is measured as it is, and only the others go through marp-cli (one run per
language, writing the same files ``render`` would). Measurements are cached under the
page's bytes, the files beside the deck (images change the layout, not the page) and
the Chromium used, so a check with nothing changed starts no browser at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from i18n.cache import Cache
from i18n.check.report import Finding
from i18n.config import Config
from i18n.course import catalogue_path
from i18n.errors import I18nError
from i18n.files import DeckFile, find_decks
from i18n.overflow.browser import SlideBrowser, chromium_identity, missing
from i18n.overflow.measure import DeckFit
from i18n.overflow.page import MEASURE_JS, STACK_CSS
from i18n.render import OUTPUT_DIRS, output_path, render_html

Say = Callable[[str], None]
"""Where a run tells what it is doing (a line per marp-cli run, per deck measured)."""


@dataclass
class Measured:
    """Every deck measured in every language asked for, and what got in the way."""

    fits: dict[tuple[str, str], DeckFit] = field(default_factory=dict)
    """(language, deck name) → its slides."""
    findings: list[Finding] = field(default_factory=list)
    """Warnings: a built deck older than its sources, a check skipped."""
    errors: list[I18nError] = field(default_factory=list)
    """Decks that could not be measured (not built, marp-cli or the page failed)."""


def measure_course(
    config: Config,
    languages: Sequence[str],
    *,
    marp: Path,
    env: Mapping[str, str],
    say: Say | None = None,
) -> Measured:
    """Render what is not rendered yet and measure every deck in the source language
    and in ``languages``. When Node.js, marp-cli or Chromium is missing nothing is
    measured and the one warning says what to install."""
    result = Measured()
    reason = missing(env, marp)
    if reason is not None:
        result.findings.append(
            Finding("overflow", "marp-i18n", None, f"not checked: {reason}", severity="warning")
        )
        return result
    decks, _ = find_decks(config.slides)  # ``check`` reports the skipped ones
    langs = list(dict.fromkeys([config.source_language, *languages]))
    browser: SlideBrowser | None = None

    def rendering() -> None:  # new pages will need measuring: start Chromium meanwhile
        nonlocal browser
        browser = SlideBrowser(env).begin()

    try:
        pages = deck_pages(config, langs, decks, result, marp, env, say, rendering)
        cache = Cache.for_project(config.root)
        chromium = chromium_identity(env)
        beside = {lang: _files_beside(config.build / lang) for lang in langs}
        for (lang, name), html in pages.items():
            try:
                data = html.read_bytes()
                key = cache.key(b"overflow", data, MEASURE_JS, STACK_CSS, chromium, beside[lang])
                fit = cache.get(key, DeckFit)
                if fit is None:
                    browser = browser or SlideBrowser(env).begin()
                    if say is not None:
                        say(f"measuring {html}")
                    fit = browser.measure(html)
                    cache.put(key, fit)
            except OSError as exc:
                result.errors.append(I18nError(str(html), None, f"cannot read: {exc.strerror}"))
                continue
            except I18nError as exc:
                result.errors.append(exc)
                continue
            result.fits[(lang, name)] = fit
    finally:
        if browser is not None:
            browser.__exit__(None, None, None)
    return result


def deck_pages(
    config: Config,
    langs: Sequence[str],
    decks: list[DeckFile],
    result: Measured,
    marp: Path,
    env: Mapping[str, str],
    say: Say | None,
    rendering: Callable[[], None] | None = None,
) -> dict[tuple[str, str], Path]:
    """Each deck's HTML in each language, (language, deck name) → page, rendered now
    where it is missing or older than the built deck; problems go to ``result``.

    One marp-cli run per language, the languages' runs side by side (each is mostly
    Node starting up); ``rendering`` is called first when there is anything to render.
    """
    pages: dict[tuple[str, str], Path] = {}
    stale: dict[str, dict[Path, str]] = {}
    for lang in langs:
        lang_dir = config.build / lang
        for deck in decks:
            built = lang_dir / deck.name
            if not built.is_file():
                result.errors.append(
                    I18nError(
                        str(built), None, "not built, so not measured", "run `marp-i18n build`"
                    )
                )
                continue
            _warn_if_older(config, lang, deck, built, result)
            html = output_path(lang_dir, built, "html")
            if not html.is_file() or html.stat().st_mtime_ns < built.stat().st_mtime_ns:
                stale.setdefault(lang, {})[built] = deck.name
            pages[(lang, deck.name)] = html
    if not stale:
        return pages
    if rendering is not None:
        rendering()
    with ThreadPoolExecutor(max_workers=len(stale)) as pool:
        runs = {}
        for lang, todo in stale.items():
            if say is not None:
                say(f"rendering {len(todo)} {lang} deck(s) with marp-cli")
            lang_dir = config.build / lang
            runs[lang] = pool.submit(render_html, lang, lang_dir, list(todo), marp=marp, env=env)
        for lang, run in runs.items():
            try:
                rendered = run.result()
            except I18nError as exc:
                result.errors.append(exc)
                continue
            for done in rendered:
                if not done.ok:
                    result.errors.append(I18nError(str(done.deck), None, done.error))
                    pages.pop((lang, stale[lang][done.deck]), None)
    return pages


def _warn_if_older(
    config: Config, lang: str, deck: DeckFile, built: Path, result: Measured
) -> None:
    """A warning when the built deck predates its source deck or catalogue: what is
    measured is the deck as built, which may not be the translation as it is now."""
    sources = [deck.path]
    if lang != config.source_language:
        sources.append(catalogue_path(config, lang, deck.name))
    when = built.stat().st_mtime_ns
    newer = [s for s in sources if s.is_file() and s.stat().st_mtime_ns > when]
    if newer:
        result.findings.append(
            Finding(
                "overflow",
                str(built),
                None,
                f"older than {newer[0]}: measured as built; run `marp-i18n build` first",
                deck=deck.name,
                language=lang,
                severity="warning",
            )
        )


def _files_beside(lang_dir: Path) -> str:
    """Every file a deck may show (images and the like) with its size and time: part of
    the measurement's cache key, as a new image changes the layout but not the HTML."""
    if not lang_dir.is_dir():
        return ""
    found = []
    for folder, dirs, names in os.walk(lang_dir):
        rel = Path(folder).relative_to(lang_dir)
        if rel.parts and rel.parts[0] in OUTPUT_DIRS:
            dirs.clear()
            continue
        for name in names:
            if name.endswith(".md"):
                continue
            try:
                info = os.stat(Path(folder, name))
            except OSError:
                continue
            found.append(f"{(rel / name).as_posix()}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(sorted(found))
