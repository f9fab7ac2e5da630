"""The ``overflow`` check: fixtures rendered by the real Marp and measured in Debian's
Chromium (skipped with the reason when Node, marp-cli, Chromium or Playwright is
missing), and the pure comparison on hand-made measurements."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Cli
from marp import ROOT

from i18n.build import build_languages
from i18n.check.report import Report
from i18n.config import Config, load_config
from i18n.overflow import check_overflow
from i18n.overflow.browser import missing
from i18n.overflow.compare import SlideText, amount, slide_texts, translation_overflows
from i18n.overflow.measure import DeckFit, PageDataError, SlideFit, deck_fit
from i18n.overflow.run import measure_course
from i18n.segment import segment_deck

FIXTURE = ROOT / "tests" / "fixtures" / "overflow"
MARP_CLI = ROOT / "node_modules" / ".bin" / "marp"
OVERFLOWING = {"list-grows.md", "heading-wraps.md", "beside-image.md", "table-wider.md"}
"""The fixture decks whose Swedish slide overflows; the others must not be reported:
``fit-heading.md`` (a ``<!-- fit -->`` heading three times longer), ``longer-fits.md``
(longer text, and a code block and display math wider than the slide, which Marp scales
down), ``source-overflows.md`` (overflows in English already: information only)."""


def _fit(top: float = 0, right: float = 0, bottom: float = 0, left: float = 0) -> SlideFit:
    return SlideFit(1280, 720, top, right, bottom, left, "", (0, 0, 1280, 720), ())


def test_tolerance_and_directions() -> None:
    assert not _fit(bottom=2).overflows  # a line box's descent past the edge
    assert _fit(top=10, bottom=30).vertical == 40  # a centred slide spills both ways
    assert _fit(right=64).horizontal == 64
    assert amount(_fit(bottom=72)) == "72 px past the bottom (10.0 % of the slide's height)"
    split = SlideFit(1280, 720, 0, 40, 0, 0, "right", (0, 0, 640, 720), ())
    assert amount(split) == (
        "40 px past the right into the background image (3.1 % of the slide's width)"
    )


def test_only_slides_that_fit_in_the_source_are_reported() -> None:
    source = DeckFit((_fit(), _fit(bottom=50), _fit()))
    target = DeckFit((_fit(bottom=30), _fit(bottom=90), _fit()))
    texts = {1: [SlideText(10, 5), SlideText(20, 40), SlideText(30, 12)]}
    found = translation_overflows(source, target, texts)
    assert [(o.slide, [t.line for t in o.texts]) for o in found] == [(1, [20, 30, 10])]


def test_slide_texts_leave_out_notes_front_matter_and_untranslated() -> None:
    text = "---\ntitle: T\n---\n\n# One\n\nBody\n\n<!-- a note -->\n\n---\n\n# Two\n"
    deck = segment_deck(text, "d.md")
    translations = {"T": "Tt", "One": "Ett", "a note": "en not", "Two": "Två"}
    lines = {"T": 5, "One": 9, "a note": 13, "Two": 17}
    found = slide_texts(deck, translations, lines)
    assert found == {1: [SlideText(9, 3)], 2: [SlideText(17, 3)]}


@pytest.mark.parametrize(
    "data",
    [
        None,
        [1],
        [{"width": 1}],
        [{**{k: 0 for k in ["width", "height", "top", "right", "bottom", "left"]}}],
    ],
)
def test_page_data_of_another_shape_is_refused(data: object) -> None:
    with pytest.raises(PageDataError):
        deck_fit(data)


def test_missing_tools_say_what_to_install(tmp_path: Path) -> None:
    assert "npm ci" in str(missing(os.environ, tmp_path / "marp"))
    if MARP_CLI.is_file():
        assert "Node.js" in str(missing({"PATH": str(tmp_path)}, MARP_CLI))


def _need_everything() -> None:
    reason = missing(os.environ, MARP_CLI)
    if reason is not None:
        print(f"skipping: {reason}")
        pytest.skip(reason)


def _course(folder: Path) -> Config:
    shutil.copytree(FIXTURE, folder)
    config = load_config(folder / "pyproject.toml")
    report = build_languages(config, ("en", "sv"), set_lang=True, strict=True)
    assert not report.failed, [str(m) for m in report.messages]
    return config


@pytest.fixture(scope="module")
def checked(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Config, Report, list[str]]]:
    """The fixture course built, rendered and checked once for the module's tests, with
    what the run said it did."""
    _need_everything()
    config = _course(tmp_path_factory.mktemp("overflow") / "course")
    said: list[str] = []
    yield (
        config,
        check_overflow(config, ["sv"], marp=MARP_CLI, env=os.environ, say=said.append),
        said,
    )


@pytest.fixture
def in_copy(
    checked: tuple[Config, Report, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Config:
    """A copy of the checked course, the current folder (times kept: its pages stay
    newer than its decks)."""
    shutil.copytree(checked[0].root, tmp_path / "course")
    monkeypatch.chdir(tmp_path / "course")
    return load_config(tmp_path / "course" / "pyproject.toml")


@pytest.mark.marp
def test_fixtures_overflow_as_expected(checked: tuple[Config, Report, list[str]]) -> None:
    _, report, _ = checked
    assert report.errors == []
    failures = {f.deck: f for f in report.failures}
    assert set(failures) == OVERFLOWING
    assert all(f.check == "overflow" and f.language == "sv" for f in failures.values())
    assert "past the bottom" in failures["list-grows.md"].message
    assert "past the bottom" in failures["heading-wraps.md"].message
    assert "past the bottom" in failures["beside-image.md"].message
    assert "px past the right" in failures["table-wider.md"].message


@pytest.mark.marp
def test_finding_names_the_longest_text_first(checked: tuple[Config, Report, list[str]]) -> None:
    config, report, _ = checked
    finding = next(f for f in report.failures if f.deck == "list-grows.md")
    po = config.locales / "sv" / "list-grows.po"
    assert finding.path == po.as_posix()
    text = po.read_text(encoding="utf-8").splitlines()
    assert finding.line is not None  # the entry, from its first comment line
    assert text[finding.line + 1] == 'msgid "Measure the firmware before it runs"'
    assert "lines 22, 29, " in finding.message


@pytest.mark.marp
def test_source_overflow_is_information(checked: tuple[Config, Report, list[str]]) -> None:
    _, report, _ = checked
    info = [f for f in report.findings if f.severity == "info"]
    assert [(f.deck, f.language) for f in info] == [("source-overflows.md", "en")]
    assert "already in the source" in info[0].message
    assert "source-overflows.md" not in {f.deck for f in report.failures}


@pytest.mark.marp
def test_html_rendered_once_and_measurements_cached(
    checked: tuple[Config, Report, list[str]],
) -> None:
    config, _, said = checked
    assert [line for line in said if line.startswith("rendering")] == [
        "rendering 7 en deck(s) with marp-cli",  # one marp-cli run per language
        "rendering 7 sv deck(s) with marp-cli",
    ]
    page = config.build / "sv" / "html" / "list-grows.html"
    before = page.stat().st_mtime_ns
    again: list[str] = []
    measured = measure_course(config, ["sv"], marp=MARP_CLI, env=os.environ, say=again.append)
    assert again == [] and len(measured.fits) == 14  # nothing rendered, nothing measured
    assert page.stat().st_mtime_ns == before
    built = config.build / "sv" / "list-grows.md"
    os.utime(built, ns=(before + 10**9, before + 10**9))  # built after the page was made
    measure_course(config, ["sv"], marp=MARP_CLI, env=os.environ, say=again.append)
    assert again == ["rendering 1 sv deck(s) with marp-cli"]  # same page: measured before


@pytest.mark.marp
def test_an_unbuilt_language_is_an_error_naming_the_deck(in_copy: Config) -> None:
    config = in_copy
    shutil.rmtree(config.build / "sv")
    report = check_overflow(config, ["sv"], marp=MARP_CLI, env=os.environ)
    assert report.exit_code == 2
    assert str(report.errors[0]).startswith(f"{config.build / 'sv' / 'beside-image.md'}: not built")


def test_check_render_skips_with_one_line_when_marp_is_missing(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURE, tmp_path / "course")
    monkeypatch.chdir(tmp_path / "course")
    code, out, _ = cli("check", "--render", "--marp", str(tmp_path / "no-marp"))
    assert code == 0
    assert [line for line in out.splitlines() if "overflow:" in line] == [
        f"marp-i18n: warning: overflow: not checked: {tmp_path / 'no-marp'} not found: "
        "run `npm ci` (the Marp CLI pinned in package.json)"
    ]


@pytest.mark.marp
def test_check_render_fails_on_the_fixtures(in_copy: Config, cli: Cli) -> None:
    code, out, _ = cli("check", "--render", "--marp", str(MARP_CLI), "--format", "github")
    assert code == 1
    assert out.count("::error file=locales/sv/") == len(OVERFLOWING)
    assert "::notice file=slides/source-overflows.md,title=marp-i18n overflow::slide 1" in out
    code, _, _ = cli("check", "--render", "--disable", "overflow", "--marp", str(MARP_CLI))
    assert code == 0


def test_render_setting_comes_from_the_table_or_the_command_line() -> None:
    from i18n.check.settings import read_settings

    assert read_settings({"render": True}).render
    assert not read_settings({"render": True}, render=False).render
    assert read_settings({}, render=True).render


def test_forecast_counts_and_names_overflowing_slides() -> None:
    from i18n.overflow.forecast import forecast
    from i18n.overflow.run import Measured

    measured = Measured(
        fits={
            ("en", "a.md"): DeckFit((_fit(), _fit(bottom=40), _fit())),
            ("qps", "a.md"): DeckFit((_fit(bottom=72), _fit(bottom=90), _fit())),
        }
    )
    result = forecast(measured, ["a.md", "b.md"], "en", "qps", "build")
    assert (result.slides, result.overflowing, result.in_source) == (3, 2, 1)
    assert result.lines == [
        "build/qps/a.md: slide 1: 72 px past the bottom (10.0 % of the slide's height)",
        "build/qps/a.md: slide 2: 90 px past the bottom (12.5 % of the slide's height); "
        "already in the source",
    ]
    assert result.summary("qps", 36) == (
        "Overflow forecast: 2 of 3 slides overflow in qps (+36 %); 1 already overflow in "
        "the source."
    )


@pytest.mark.marp
def test_pseudo_forecasts_overflow(in_copy: Config, cli: Cli) -> None:
    code, out, _ = cli("pseudo", "--marp", str(MARP_CLI))
    assert code == 0
    forecast = [line for line in out.splitlines() if line.startswith(("build/qps/", "Overflow"))]
    assert "build/qps/beside-image.md: slide 1: " in "\n".join(forecast)
    assert "build/qps/source-overflows.md: slide 1: " in "\n".join(forecast)
    assert forecast[-1].startswith("Overflow forecast: ")
    assert forecast[-1].endswith("; 1 already overflow in the source.")


@pytest.mark.marp
def test_report_render_lists_the_overflowing_slides(in_copy: Config, cli: Cli) -> None:
    config = in_copy
    code, _, _ = cli("report", "--render", "--marp", str(MARP_CLI))
    page = (config.root / "build" / "report" / "index.html").read_text(encoding="utf-8")
    assert code == 0  # the page shows failing checks; check is the gate
    assert page.count('<span class="label error">error</span>') == len(OVERFLOWING)
    assert "slide 1 overflows by 34 px past the bottom" in page


@pytest.mark.marp
def test_a_broken_catalogue_is_reported_once(in_copy: Config, cli: Cli) -> None:
    config = in_copy
    (config.locales / "sv" / "longer-fits.po").write_text('msgid "x"\nmsgstr\n', encoding="utf-8")
    code, out, _ = cli("check", "--render", "--marp", str(MARP_CLI), "-q")
    assert code == 2
    assert out.count("locales/sv/longer-fits.po:2: ") == 1
    assert "older than locales/sv/longer-fits.po: measured as built" in out  # a warning
    assert out.count("error: overflow:") == len(OVERFLOWING)  # the others still measured
