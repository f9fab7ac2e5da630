"""Rendered decks in Debian's Chromium through Playwright: measured, and photographed.

At the edge. One browser per run and one page for every deck (launching Chromium costs
about a second, a page a tenth of that); each deck is one navigation, one style sheet
and one ``evaluate`` (``page.MEASURE_JS``). Playwright is an optional dependency (the
``render`` extra) imported only here, only when a run needs it, and it never downloads a
browser: the Chromium ``render`` finds (``CHROME_PATH``, ``/usr/bin/chromium``, ...) is
launched, headless and offline, and any request that is not a local file is refused.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from i18n.errors import I18nError
from i18n.overflow.measure import DeckFit, PageDataError, deck_fit
from i18n.overflow.page import MEASURE_JS, OUTLINE_JS, STACK_CSS
from i18n.render import find_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Page, Playwright

OFFLINE_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Chromium headless with nothing of its own going to the network (the page tests use
the same)."""
ARGS = (*OFFLINE_ARGS, "--hide-scrollbars")
PICTURE_SCALE = 0.5
"""Pictures for the review at half the slide's pixels (640 by 360): sharp on a phone, light
on a page with two pictures per slide."""
TIMEOUT_MS = 60_000


def missing(env: Mapping[str, str], marp: Path | None = None) -> str | None:
    """Why slides cannot be rendered and measured here (one line saying what to
    install), or None when Node.js, marp-cli, Chromium and Playwright are all there."""
    if marp is not None and not marp.is_file():
        return f"{marp} not found: run `npm ci` (the Marp CLI pinned in package.json)"
    if marp is not None and shutil.which("node", path=env.get("PATH")) is None:
        return "Node.js (`node`) is not on PATH: install Node.js 20 to render with Marp"
    if find_chromium(env) is None:
        return "no Chromium found: install `chromium` (apt-get install chromium) or set CHROME_PATH"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed: pip install 'marp-i18n[render]'"
    return None


class SlideBrowser:
    """A headless Chromium with one page, for measuring and photographing decks.

    Use as a context manager; every failure is an ``I18nError`` naming the deck or the
    browser. Playwright's synchronous API refuses to start in a thread whose asyncio
    loop is running (a notebook, a test session with a browser open), so every call
    runs in one thread of the browser's own.
    """

    def __init__(self, env: Mapping[str, str]) -> None:
        reason = missing(env)
        if reason is not None:
            raise I18nError("chromium", None, reason)
        self._chromium = str(find_chromium(env))
        self._playwright: Playwright | None = None
        self._browser: Any = None
        self._pages: dict[float, Page] = {}
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._started: Future[None] | None = None

    def __enter__(self) -> SlideBrowser:
        self.begin()
        try:
            self._ready()
        except BaseException:
            self._thread.shutdown()
            raise
        return self

    def begin(self) -> SlideBrowser:
        """Start Chromium in the background (it takes a second): a caller that renders
        meanwhile need not wait for it. Every other call waits until it has started."""
        if self._started is None:
            self._started = self._thread.submit(self._start)
        return self

    def _ready(self) -> None:
        """Wait until Chromium has started; raise what stopped it.

        Raises:
            I18nError: Chromium did not start.
        """
        self.begin()
        assert self._started is not None
        self._started.result()

    def _start(self) -> None:
        from playwright.sync_api import Error, sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self._chromium, args=list(ARGS), headless=True
            )
        except Error as exc:
            self._playwright.stop()
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "no reason given"
            raise I18nError(self._chromium, None, f"Chromium did not start: {first}") from None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._started is not None:
                self._thread.submit(self._stop).result()
        finally:
            self._thread.shutdown()

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def measure(self, html: Path) -> DeckFit:
        """Every slide of the rendered deck ``html``, measured.

        Raises:
            I18nError: the page cannot be loaded or is not a Marp deck.
        """
        self._ready()
        fit, _ = self._thread.submit(self._load, html, 1.0).result()
        return fit

    def pictures(self, html: Path) -> tuple[DeckFit, list[bytes]]:
        """Every slide measured, and a PNG of each as shown (``PICTURE_SCALE``), with
        what is cut outlined in red and a red bar along the edge that cuts it.

        Raises:
            I18nError: the page cannot be loaded or is not a Marp deck.
        """
        self._ready()
        return self._thread.submit(self._pictures, html).result()

    def _pictures(self, html: Path) -> tuple[DeckFit, list[bytes]]:
        from playwright.sync_api import Error

        fit, origins = self._load(html, PICTURE_SCALE)
        page = self._pages[PICTURE_SCALE]
        try:
            page.evaluate(OUTLINE_JS, _marks(fit, origins))
            shots = [
                page.screenshot(
                    full_page=True,
                    clip={"x": x, "y": y, "width": slide.width, "height": slide.height},
                )
                for slide, (x, y) in zip(fit.slides, origins, strict=False)
            ]
        except Error as exc:
            raise _page_error(html, exc) from None
        return fit, shots

    def _page(self, scale: float) -> Page:
        if scale not in self._pages:
            context = self._browser.new_context(
                viewport={"width": 1280, "height": 720},
                device_scale_factor=scale,
                java_script_enabled=True,
                offline=True,
            )
            context.route("**/*", _local_only)
            context.set_default_timeout(TIMEOUT_MS)
            self._pages[scale] = context.new_page()
        return self._pages[scale]

    def _load(self, html: Path, scale: float) -> tuple[DeckFit, list[tuple[float, float]]]:
        from playwright.sync_api import Error

        page = self._page(scale)
        try:
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.add_style_tag(content=STACK_CSS)
            data = page.evaluate(MEASURE_JS)
        except Error as exc:
            raise _page_error(html, exc) from None
        try:
            origins = [(float(s["page"][0]), float(s["page"][1])) for s in data]
            return deck_fit(data), origins
        except (PageDataError, KeyError, TypeError, IndexError, ValueError) as exc:
            raise I18nError(str(html), None, f"not a page Marp rendered: {exc}") from None


def _local_only(route: Any) -> None:
    """Let the page read its own files (images beside the deck), nothing from a network."""
    if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def _marks(fit: DeckFit, origins: list[tuple[float, float]]) -> list[list[float | bool]]:
    """Page rectangles to draw: each cut box, and an 8 px bar inside each cutting edge."""
    bar = 8.0
    marks: list[list[float | bool]] = []
    for slide, (x0, y0) in zip(fit.slides, origins, strict=False):
        marks.extend([x0 + x, y0 + y, w, h, False] for x, y, w, h in slide.cut)
        for x, y, w, h in slide.edges:
            inward_x = x - bar if w == 0 and x > slide.box[0] + 1 else x
            inward_y = y - bar if h == 0 and y > slide.box[1] + 1 else y
            marks.append([x0 + inward_x, y0 + inward_y, w or bar, h or bar, True])
    return marks


def _page_error(html: Path, exc: Exception) -> I18nError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return I18nError(str(html), None, f"the browser could not measure it: {first}")


def chromium_identity(env: Mapping[str, str]) -> str:
    """The Chromium that would measure (path, size, time): layouts differ between
    versions, so measurements are cached under it."""
    found = find_chromium(env)
    if found is None:
        return "-"
    info = os.stat(found)
    return f"{os.path.realpath(found)}:{info.st_size}:{info.st_mtime_ns}"
