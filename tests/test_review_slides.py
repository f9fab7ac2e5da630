"""``review --images``: every slide rendered by the real Marp, photographed in Debian's
Chromium, source beside translation above its texts; the page read back in a browser,
offline, on a desktop and on a phone."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import PHONE, visit
from conftest import cli_in
from marp import ROOT

from i18n.build import build_languages
from i18n.config import load_config
from i18n.overflow.browser import missing
from i18n.overflow.measure import SlideFit
from i18n.report.review_slides import SlidePicture, SlidePictures

pytest_plugins = ["browser"]

FIXTURE = ROOT / "tests" / "fixtures" / "overflow"
MARP_CLI = ROOT / "node_modules" / ".bin" / "marp"
PAGE = Path("build/review/sv/list-grows.html")


def test_figure_says_what_overflows_in_words() -> None:
    fits = SlideFit(1280, 720, 0, 0, 34, 0, "", (0, 0, 1280, 720), ())
    fine = SlideFit(1280, 720, 0, 0, 0, 0, "", (0, 0, 1280, 720), ())
    pictures = SlidePictures(
        {1: SlidePicture("d.slides/01-en.png", 640, 360, fine)},
        {1: SlidePicture("d.slides/01-sv.png", 640, 360, fits)},
    )
    html = pictures.figure(1, "English", "Swedish")
    assert html.count("<figure>") == 2
    assert '<img src="d.slides/01-sv.png" width="640" height="360"' in html
    assert 'alt="Slide 1 in Swedish, overflowing"' in html
    assert "Overflows</span> 34 px past the bottom" in html
    assert pictures.figure(2, "English", "Swedish") == ""


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The overflow fixtures built in en and sv, reviewed once with pictures."""
    reason = missing(os.environ, MARP_CLI)
    if reason is not None:
        print(f"skipping: {reason}")
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("review") / "course"
    shutil.copytree(FIXTURE, root)
    build_languages(load_config(root / "pyproject.toml"), ("en", "sv"), set_lang=True, strict=True)
    code, out, err = cli_in(root, "review", "list-grows", "--lang", "sv", "--marp", str(MARP_CLI))
    assert (code, err) == (0, "")
    assert out.endswith(
        "0 untranslated, 1 of 1 slides overflowing: build/review/sv/list-grows.html\n"
    )
    yield root


@pytest.mark.marp
def test_pictures_beside_the_page(course: Path) -> None:
    page = (course / PAGE).read_text(encoding="utf-8")
    shots = sorted(p.name for p in (course / "build/review/sv/list-grows.slides").iterdir())
    assert shots == ["01-en.png", "01-sv.png"]
    assert '<img src="list-grows.slides/01-en.png"' in page
    assert 'alt="Slide 1 in Swedish, overflowing"' in page
    assert 'alt="Slide 1 in English (source)"' in page  # the source fits


@pytest.mark.marp
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_page_shows_the_slides_offline(
    course: Path, browser: Any, viewport: dict[str, int] | None
) -> None:
    with visit(browser, course / PAGE, *([viewport] if viewport else [])) as seen:
        # The pictures load lazily (loading="lazy"): wait for them, not for a busy machine.
        seen.page.wait_for_function(
            "() => [...document.querySelectorAll('.shots img')].every(i => i.complete)",
            timeout=15_000,
        )
        widths = seen.page.eval_on_selector_all(
            ".shots img", "imgs => imgs.map(i => [i.naturalWidth, i.getBoundingClientRect().width])"
        )
        assert [w for w, _ in widths] == [640, 640]  # both pictures loaded from beside the page
        assert seen.offline == [] and seen.page_errors == []
        assert seen.horizontal_overflow() == 0
        first, second = seen.page.eval_on_selector_all(
            ".shots figure", "fs => fs.map(f => f.getBoundingClientRect().top)"
        )
        assert (second > first) == (viewport is PHONE)  # stacked on a phone, side by side else
        seen.screenshot(f"review-slides-{'phone' if viewport else 'desktop'}")


@pytest.mark.marp
def test_no_images_and_stale_pictures(course: Path, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(course, root)
    (root / "build/review/sv/list-grows.slides/07-sv.png").write_bytes(b"old")
    code, _, _ = cli_in(root, "review", "list-grows", "--lang", "sv", "--no-images")
    assert code == 0 and "<figure>" not in (root / PAGE).read_text(encoding="utf-8")
    code, _, _ = cli_in(root, "review", "list-grows", "--lang", "sv", "--marp", str(MARP_CLI))
    assert code == 0
    assert not (root / "build/review/sv/list-grows.slides/07-sv.png").exists()


def test_images_asked_for_without_a_build_is_one_line(tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(FIXTURE, root)
    code, out, err = cli_in(root, "review", "list-grows", "--lang", "sv", "--images")
    assert code == 2 and out == ""
    assert err.startswith("marp-i18n: --images: cannot show the slides: ")
    assert len(err.splitlines()) == 1
    code, out, err = cli_in(root, "review", "list-grows", "--lang", "sv")
    assert code == 0 and err == ""  # by default, no pictures without a build: no fuss
