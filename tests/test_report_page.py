"""``marp-i18n report`` in a real browser: a small course with known counts and problems.

The course (built in a temporary folder): two decks, two languages. Swedish: ``intro.md``
has one translated-but-broken entry (its inline code dropped, so ``check``'s ``code``
fails), one fuzzy and two untranslated; ``<PART>/two.md`` is complete. German: no
catalogue for ``intro.md``, half of ``<PART>/two.md``. The expected numbers are computed
here from the PO files with polib and a whitespace word count (the fixture's texts are
plain words, where it agrees with pocount: asserted), not with the code under test.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import polib
import pytest
from browser import PHONE, visit
from conftest import cli_in
from translate.tools.pocount import wordcount

from i18n.catalogue.pofile import catalogue_text

pytest_plugins = ["browser"]  # the `browser` fixture: Debian's chromium via Playwright

INTRO = """\
---
title: Intro course
---
# Alpha beta gamma

One two three four five

Use `make all` to build it

<!-- Note words here for the teacher -->

---
## Second slide heading

Six seven eight nine
"""
TWO = """\
# Delta epsilon

Zeta eta theta iota kappa

Lambda mu nu
"""
PYPROJECT = """\
[tool.marp-i18n]
languages = ["sv", "de"]

[tool.marp-i18n.check]
disable = ["spelling"]  # Greek letters are no Swedish or German words
"""

SV_INTRO = {  # msgid: (msgstr, fuzzy); others stay untranslated
    "Intro course": ("Introkurs", False),
    "Alpha beta gamma": ("Alfa beta gamma", False),
    "One two three four five": ("Ett två tre fyra fem", True),
    "Use `make all` to build it": ("Bygg den med make all", False),  # code dropped
    "Second slide heading": ("Andra bildens rubrik", False),
}
SV_TWO = {
    "Delta epsilon": ("Delta epsilon på svenska", False),
    "Zeta eta theta iota kappa": ("Zeta eta theta jota kappa", False),
    "Lambda mu nu": ("Lambda my ny", False),
}
DE_TWO = {"Delta epsilon": ("Delta Epsilon auf Deutsch", False)}
BROKEN = "Use `make all` to build it"
PART = "part_two_in_a_folder_whose_long_name_has_no_spaces"
"""Long enough to overflow a phone's width unless the page wraps it."""
TWO_MD = f"{PART}/two.md"


@dataclass
class Course:
    root: Path
    code: int
    out: str
    err: str
    check_code: int

    @property
    def page(self) -> Path:
        return self.root / "build" / "report" / "index.html"


def translate(po_path: Path, done: dict[str, tuple[str, bool]]) -> None:
    po = polib.pofile(str(po_path))
    for entry in po:
        if entry.msgid in done:
            entry.msgstr, fuzzy = done[entry.msgid]
            if fuzzy:
                entry.flags.append("fuzzy")
    po_path.write_text(catalogue_text(po), encoding="utf-8")


def make_course(root: Path) -> None:
    (root / "slides" / PART).mkdir(parents=True)
    (root / "slides" / "intro.md").write_text(INTRO, encoding="utf-8")
    (root / "slides" / PART / "two.md").write_text(TWO, encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    assert cli_in(root, "update")[0] == 0
    locales = root / "locales"
    translate(locales / "sv" / "intro.po", SV_INTRO)
    translate(locales / "sv" / PART / "two.po", SV_TWO)
    translate(locales / "de" / PART / "two.po", DE_TWO)
    (locales / "de" / "intro.po").unlink()
    assert cli_in(root, "build")[0] == 0
    html = root / "build" / "sv" / "html" / "intro.html"  # as `render` would put it
    html.parent.mkdir(parents=True)
    html.write_text("<!DOCTYPE html><title>intro</title>", encoding="utf-8")


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    root = tmp_path_factory.mktemp("report") / "course"
    make_course(root)
    code, out, err = cli_in(root, "report")
    return Course(root, code, out, err, cli_in(root, "check")[0])


def expected(root: Path, lang: str, deck: str) -> dict[str, int]:
    """Source words per state, read from the PO file (or the POT when there is none)."""
    po_path = root / "locales" / lang / Path(deck).with_suffix(".po")
    missing = not po_path.exists()
    po = polib.pofile(
        str(root / "locales" / Path(deck).with_suffix(".pot") if missing else po_path)
    )
    words = dict.fromkeys(("translated", "fuzzy", "untranslated"), 0)
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        assert len(entry.msgid.split()) == wordcount(entry.msgid), entry.msgid  # type: ignore[no-untyped-call]
        if missing or not entry.msgstr:
            state = "untranslated"
        else:
            state = "fuzzy" if "fuzzy" in entry.flags else "translated"
        words[state] += len(entry.msgid.split())
    return words


CELLS = [("intro.md", "sv"), (TWO_MD, "sv"), ("intro.md", "de"), (TWO_MD, "de")]


def cell(page: Any, deck: str, lang: str) -> Any:
    return page.locator(f'td[data-deck="{deck}"][data-lang="{lang}"]')


def test_the_fixture_is_what_the_tests_think(course: Course) -> None:
    assert expected(course.root, "sv", TWO_MD) == {
        "translated": 10,
        "fuzzy": 0,
        "untranslated": 0,
    }
    assert expected(course.root, "sv", "intro.md") == {
        "translated": 2 + 3 + 6 + 3,
        "fuzzy": 5,
        "untranslated": 4 + 6,  # "Six seven eight nine", the note
    }


def test_report_exits_0_and_says_where(course: Course) -> None:
    assert course.check_code == 1  # the same course fails check ...
    assert course.code == 0  # ... but the page is what report is for
    assert course.err == ""
    assert course.out.splitlines()[0] == "build/report/index.html"
    assert "build/report/badge-sv.svg" in course.out
    assert course.out.splitlines()[-1].startswith(  # findings counted as check counts them
        "report: 2 decks in 2 languages; 3 below threshold, 1 stale, 2 translation problems"
    )


def test_page_loads_without_errors_or_network(browser: Any, course: Course) -> None:
    with visit(browser, course.page) as seen:
        seen.screenshot("report-desktop")
        assert seen.console_errors == []
        assert seen.page_errors == []
        assert seen.requests == [course.page.resolve().as_uri()]
        assert seen.offline == []
        assert seen.page.title() == "Translation status"


def test_grid_shows_the_right_numbers(browser: Any, course: Course) -> None:
    with visit(browser, course.page) as seen:
        for deck, lang in CELLS:
            words = expected(course.root, lang, deck)
            total = sum(words.values())
            shown = cell(seen.page, deck, lang)
            for state, count in words.items():
                assert shown.locator(f".n-{state}").inner_text() == str(count), (deck, lang, state)
            percent = math.floor(words["translated"] * 1000 / total) / 10
            assert shown.locator(".percent").inner_text() == f"{percent:g} %"
            assert f"of {total} words" in shown.inner_text()
        assert "no catalogue" in cell(seen.page, "intro.md", "de").inner_text()
        header = seen.page.locator("thead th").all_inner_texts()
        assert [h.split()[0] for h in header] == ["Deck", "sv", "de"]


def test_failing_checks_name_the_po_file_and_line(browser: Any, course: Course) -> None:
    po = polib.pofile(str(course.root / "locales" / "sv" / "intro.po"))
    broken = next(e for e in po if e.msgid == BROKEN)
    fuzzy = next(e for e in po if "fuzzy" in e.flags)
    with visit(browser, course.page) as seen:
        findings = seen.page.locator("li.finding")
        rows = [
            (f.locator(".where").inner_text(), f.locator(".check").inner_text())
            for f in findings.all()
        ]
        assert (f"locales/sv/intro.po:{broken.linenum}", "code") in rows
        assert (f"locales/sv/intro.po:{fuzzy.linenum}", "threshold") in rows
        assert ("locales/de/intro.po", "stale") in rows
        assert not any(where.startswith(f"locales/sv/{PART}/two.po") for where, _ in rows)
        link = (
            cell(seen.page, "intro.md", "sv").locator("a.label.error").last
        )  # "2 translation problems"
        assert link.is_visible()
        target = link.get_attribute("href")
        assert target is not None and target.startswith("#")
        group = seen.page.locator(target)
        assert f"locales/sv/intro.po:{broken.linenum}" in group.inner_text()
        assert "checks pass" in cell(seen.page, TWO_MD, "sv").inner_text()


def test_links_point_to_existing_files(browser: Any, course: Course) -> None:
    with visit(browser, course.page) as seen:
        hrefs = seen.page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
        files = [unquote(urlsplit(h).path) for h in hrefs if not urlsplit(h).fragment]
        assert len(files) >= 7  # en, sv, de decks (5) + the one HTML file ... at least
        for path in files:
            assert Path(path).is_file(), path
        sv_links = cell(seen.page, "intro.md", "sv").locator("a:not(.label)").all_inner_texts()
        de_links = cell(seen.page, "intro.md", "de").locator("a:not(.label)").all_inner_texts()
        assert sv_links == ["Markdown", "HTML"]
        assert de_links == ["Markdown"]  # built with the source text; never rendered


def test_phone_width_shows_every_number_without_sideways_scrolling(
    browser: Any, course: Course
) -> None:
    with visit(browser, course.page, PHONE) as seen:
        seen.screenshot("report-phone")
        assert seen.horizontal_overflow() == 0
        assert seen.console_errors == [] and seen.page_errors == []
        width = PHONE["width"]
        for deck, lang in CELLS:
            shown = cell(seen.page, deck, lang)
            assert lang in shown.locator(".cell-lang").inner_text()
            for selector in (".percent", ".n-translated", ".n-fuzzy", ".n-untranslated"):
                number = shown.locator(selector)
                assert number.is_visible(), (deck, lang, selector)
                box = number.bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_badges_parse_and_show_the_percent(course: Course) -> None:
    for lang in ("sv", "de"):
        words = [expected(course.root, lang, d) for d in ("intro.md", TWO_MD)]
        translated = sum(w["translated"] for w in words)
        total = sum(sum(w.values()) for w in words)
        svg = ET.parse(course.root / "build" / "report" / f"badge-{lang}.svg").getroot()
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
        assert texts == [
            lang,
            lang,
            f"{translated * 1000 // total / 10:g} %",  # check's figure, rounded down to 0.1
            f"{translated * 1000 // total / 10:g} %",
        ]
        assert svg.get("aria-label") == f"{lang}: {translated * 1000 // total / 10:g} %"


def test_a_second_run_changes_nothing_but_the_time(course: Course) -> None:
    before = (course.root / "build" / "report" / "badge-sv.svg").stat().st_mtime_ns
    code, out, _ = cli_in(course.root, "report", "-v")
    assert code == 0
    assert "badge-sv.svg (unchanged)" in out
    assert (course.root / "build" / "report" / "badge-sv.svg").stat().st_mtime_ns == before


def test_an_unreadable_catalogue_is_listed_and_exits_2(tmp_path: Path) -> None:
    make_course(tmp_path)
    bad = tmp_path / "locales" / "sv" / PART / "two.po"
    bad.write_text('msgid "x"\nmsgstr "y" junk\n', encoding="utf-8")
    code, _, err = cli_in(tmp_path, "report", "--output", "site", "--lang", "sv")
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert code == 2
    assert err.startswith(f"marp-i18n: locales/sv/{PART}/two.po:2: ")
    assert "Files that could not be read" in page and f"locales/sv/{PART}/two.po:2" in page
    assert 'data-lang="de"' not in page  # --lang sv: one column
    assert (tmp_path / "site" / "badge-sv.svg").is_file()
    assert not (tmp_path / "site" / "badge-de.svg").exists()


def test_no_languages_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "a.md").write_text("# Hello\n", encoding="utf-8")
    code, out, err = cli_in(tmp_path, "report")
    assert (code, out) == (2, "")
    assert err == (
        "marp-i18n: --lang: no languages to report on; set languages = [...] or give --lang\n"
    )
    assert not (tmp_path / "build").exists()
