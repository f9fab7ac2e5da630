"""Screenshots of the status and review pages for the README, from the example course.

    .venv/bin/python tools/screenshots.py [--keep]

Works on a copy: slides/, locales/ and pyproject.toml go to a temporary folder that is
made a git repository (one commit: the course as it is here). Then, so the pages have
something to show, it edits that copy the way a course run would: one Swedish entry is
marked fuzzy and one translation reworded (left uncommitted, so ``review --since HEAD``
marks both), and a German catalogue is started empty (``update --lang de``). It builds
en, sv and de, renders HTML with the pinned marp-cli when ``npm ci`` has installed it,
writes the pages, and photographs them in Debian's chromium (the tests' harness,
``tests/browser.py``) at desktop and phone width into docs/images/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the browser harness the page tests use

import polib  # noqa: E402
from browser import DESKTOP, PHONE, launch, missing  # noqa: E402

from i18n.catalogue.pofile import catalogue_text  # noqa: E402

DECK = "12-confidential_hw_virt.md"
SV = Path("locales/sv/12-confidential_hw_virt.po")
FUZZY = "Segue: It does however have it's downsides and doesn't solve every problem..."
REWORDED = ("Making computers a bit more trustworthy", "Att göra datorer något mer pålitliga")
OUT = ROOT / "docs" / "images"
LIMIT = 300_000
"""Bytes per image: the README should stay light."""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "marp-i18n screenshots",
    "GIT_AUTHOR_EMAIL": "screenshots@example.org",
    "GIT_COMMITTER_NAME": "marp-i18n screenshots",
    "GIT_COMMITTER_EMAIL": "screenshots@example.org",
}


def sh(cwd: Path, *args: str) -> str:
    """Run a command in ``cwd``; its stdout; stop with its stderr when it fails."""
    done = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV}
    )
    if done.returncode not in (0, 1):  # report/check may say 1: findings, not a failure
        sys.exit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def marp_i18n(cwd: Path, *args: str) -> str:
    return sh(cwd, sys.executable, "-m", "i18n", "-q", *args)


def prepare(course: Path) -> None:
    """The example course in a git repository, then the edits a course run would bring."""
    course.mkdir()
    shutil.copytree(ROOT / "slides", course / "slides")
    shutil.copytree(ROOT / "locales", course / "locales")
    shutil.copy(ROOT / "pyproject.toml", course / "pyproject.toml")
    sh(course, "git", "init", "-q", "-b", "main")
    sh(course, "git", "add", ".")
    sh(course, "git", "commit", "-q", "-m", "The example course")
    po = polib.pofile(str(course / SV))
    for entry in po:
        if entry.msgid == FUZZY:
            entry.flags.append("fuzzy")
        elif entry.msgid == REWORDED[0]:
            entry.msgstr = REWORDED[1]
    (course / SV).write_text(catalogue_text(po), encoding="utf-8")
    marp_i18n(course, "update", "--lang", "de")
    marp_i18n(course, "build", "--lang", "en", "--lang", "sv", "--lang", "de")
    marp = ROOT / "node_modules" / ".bin" / "marp"
    if marp.is_file():
        marp_i18n(course, "render", "--no-pdf", "--marp", str(marp), "--lang", "en", "--lang", "sv")
    else:
        print(f"{marp} not found (npm ci): the pages link to Markdown only")
    marp_i18n(course, "report", "--lang", "sv", "--lang", "de")
    marp_i18n(course, "review", f"slides/{DECK}", "--lang", "sv", "--since", "HEAD")


def photograph(course: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    pages = {
        "report": course / "build" / "report" / "index.html",
        "review": course / "build" / "review" / "sv" / DECK.replace(".md", ".html"),
    }
    shots = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, page_path in pages.items():
            for suffix, viewport, height in (("", DESKTOP, 1100), ("-phone", PHONE, 1400)):
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.goto(page_path.as_uri(), wait_until="load")
                full = page.evaluate("document.documentElement.scrollHeight")
                target = OUT / f"{name}{suffix}.png"
                clip = {"x": 0, "y": 0, "width": viewport["width"], "height": min(full, height)}
                page.screenshot(path=str(target), clip=clip, full_page=True)
                context.close()
                shots.append(target)
        browser.close()
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="Keep the temporary course.")
    args = parser.parse_args()
    reason = missing()
    if reason is not None:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="marp-i18n-shots-"))
    try:
        prepare(folder / "course")
        for shot in photograph(folder / "course"):
            size = shot.stat().st_size
            print(f"{shot.relative_to(ROOT)}: {size // 1024} KB")
            if size > LIMIT:
                print(
                    f"{shot.relative_to(ROOT)}: warning: over {LIMIT // 1000} KB", file=sys.stderr
                )
    finally:
        if args.keep:
            print(f"course kept in {folder / 'course'}")
        else:
            shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
