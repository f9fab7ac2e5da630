"""A real headless browser for the page tests: Debian's chromium, driven by Playwright.

Playwright's own browser download is never used: the tests launch ``/usr/bin/chromium``
(``executable_path``), offline (background networking, component updates and sync off),
and every request that is not ``file://`` is recorded and aborted, so a page that
would fetch anything fails its test instead of reaching the network. Screenshots go to
``$MARP_I18N_ARTIFACTS`` (default ``test-artifacts/``) for CI to keep.

Test modules load it as a plugin (``pytest_plugins = ["browser"]``) for the ``browser``
fixture and import ``visit()``; without chromium or the playwright package they skip
with the reason. It holds no asserts: PYTEST_DONT_REWRITE (it is imported before pytest
loads it as a plugin, too late for assertion rewriting).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from i18n.overflow.browser import OFFLINE_ARGS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = list(OFFLINE_ARGS)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
TIMEOUT = 5_000
"""Milliseconds a locator waits: the pages are static, so a missing element is missing
(Playwright's 30 s default would only make a failing test slow)."""


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


def artifacts() -> Path:
    """Where screenshots go: $MARP_I18N_ARTIFACTS, else test-artifacts/ in the repository."""
    folder = Path(os.environ.get("MARP_I18N_ARTIFACTS") or ROOT / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def launch(playwright: Any) -> Any:
    """Debian's chromium, headless, offline, through a Playwright instance."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One chromium per test process (launching takes about a second)."""
    reason = missing()
    if reason is not None:
        print(f"skipping browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Visit:
    """An open page and what happened while it loaded."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def offline(self) -> list[str]:
        """Requests that left the file system (should be none)."""
        return [url for url in self.requests if not url.startswith("file://")]

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """Save a PNG under the artifacts folder; returns its path."""
        path = artifacts() / (re.sub(r"[^\w.-]+", "-", name) + ".png")
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the window (0: no sideways scroll)."""
        return int(
            self.page.evaluate(
                "Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
            )
        )


@contextmanager
def visit(browser: Any, path: Path, viewport: dict[str, int] = DESKTOP) -> Iterator[Visit]:
    """Open ``path`` in a fresh context of ``viewport`` size, recording errors and requests."""
    context = browser.new_context(viewport=viewport)
    try:
        context.set_default_timeout(TIMEOUT)
        page = context.new_page()
        seen = Visit(page)
        page.on(
            "console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
        page.on("request", lambda r: seen.requests.append(r.url))

        def guard(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", guard)
        page.goto(path.resolve().as_uri(), wait_until="load")
        yield seen
    finally:
        context.close()
