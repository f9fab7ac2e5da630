"""The status page's pure parts: the grid model, the HTML text and the SVG badges.

The page is read back with the standard library's HTML parser, the badge with
ElementTree, so the tests see what a browser or an SVG viewer would, without one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n.check import ENTRY_CAP
from i18n.check.report import CatalogueStatus, Finding, Report, Tally
from i18n.errors import CatalogueError
from i18n.report import (
    badge,
    badge_percent,
    built_links,
    language_badge,
    language_name,
    render_status,
    status_of,
)
from i18n.report.badge import colour_of, text_width
from i18n.report.page import SHOWN
from i18n.report.status import Status

SVG = "{http://www.w3.org/2000/svg}"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "h1", "h2", "h3", "p",
    "ul", "li", "span", "main", "section", "table", "caption", "thead", "tbody", "tr", "th",
    "td", "dl", "dt", "dd", "strong", "a", "code", "details", "summary", "svg", "rect", "path",
    "g", "text",
}  # fmt: skip


class Page(HTMLParser):
    """Tags and text of an HTML page, as a browser's parser splits them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def status(
    deck: str, lang: str, words: Tally, *, exists: bool = True, path: str = ""
) -> CatalogueStatus:
    return CatalogueStatus(
        deck=deck,
        language=lang,
        path=path or f"locales/{lang}/{deck[:-3]}.po",
        exists=exists,
        stale=not exists,
        messages=Tally(translated=words.translated and 1, untranslated=1),
        words=words,
        threshold=100.0,
    )


def finding(deck: str, lang: str, line: int | None, check: str = "code", **kw: str) -> Finding:
    path = f"locales/{lang}/{deck[:-3]}.po"
    return Finding(check, path, line, kw.get("message", "inline code differs"), deck, lang)


@pytest.fixture
def report() -> Report:
    return Report(
        catalogues=[
            status("a.md", "sv", Tally(translated=8, fuzzy=1, untranslated=1)),
            status("a.md", "de", Tally(untranslated=10), exists=False),
            status("b/c.md", "sv", Tally(translated=3)),
        ],
        findings=[
            finding("a.md", "sv", 40),
            finding("a.md", "sv", 12, "threshold"),
            finding("a.md", "sv", None, "threshold"),
            Finding("stale", "locales/de/a.po", None, "no catalogue", "a.md", "de"),
            Finding("config", "slides/x y.md", None, "spaces", severity="warning"),
        ],
        errors=[CatalogueError("locales/de/b/c.po", 3, "not a valid PO file")],
    )


def model(report: Report, present: frozenset[str] = frozenset()) -> Status:
    return status_of(
        report,
        languages=["sv", "de"],
        source_language="en",
        names={"sv": "Swedish", "de": "German"},
        build_href="..",
        present=present,
    )


def test_the_grid_has_a_row_per_deck_and_a_cell_per_language(report: Report) -> None:
    grid = status_of(
        report,
        languages=["sv", "de"],
        source_language="en",
        names={"sv": "Swedish"},
        build_href="..",
        present={"sv/a.md", "en/a.md", "en/html/a.html", "sv/html/b/c.html"},
    )
    assert [row.deck for row in grid.rows] == ["a.md", "b/c.md"]
    a, b = grid.rows
    assert [c.status.language if c else None for c in a.cells] == ["sv", "de"]
    assert b.cells[1] is None  # b/c.md has no status in German (its file was unreadable)
    sv = a.cells[0]
    assert sv is not None
    assert (sv.errors, sv.warnings, sv.percent) == (1, 0, 80.0)  # the threshold's aside
    assert [(link.label, link.href) for link in sv.links] == [("Markdown", "../sv/a.md")]
    assert [(link.label, link.href) for link in a.source_links] == [
        ("Markdown", "../en/a.md"),
        ("HTML", "../en/html/a.html"),
    ]
    assert b.cells[0] is not None and [x.href for x in b.cells[0].links] == ["../sv/html/b/c.html"]
    assert [(lang.code, lang.name, lang.words.total) for lang in grid.languages] == [
        ("sv", "Swedish", 13),
        ("de", "de", 10),
    ]
    assert grid.languages[0].percent == 84.6  # 11 of 13, rounded down
    assert grid.findings == (  # as check counts them
        "2 below threshold, 1 stale, 1 translation problem, 1 unreadable file"
    )
    assert [f.message for f in grid.other] == ["spaces"]
    assert grid.errors == ("locales/de/b/c.po:3: not a valid PO file",)


def test_findings_are_grouped_per_catalogue_in_file_order(report: Report) -> None:
    grid = model(report)
    assert [(g.deck, g.language, g.path) for g in grid.groups] == [
        ("a.md", "sv", "locales/sv/a.po"),
        ("a.md", "de", "locales/de/a.po"),
    ]
    lines = [f.line for f in grid.groups[0].findings]
    assert lines == [None, 12, 40]
    cell = grid.rows[0].cells[0]
    assert cell is not None and cell.anchor == grid.groups[0].anchor


@pytest.mark.parametrize(
    ("build_href", "deck", "expected"),
    [
        ("..", "a.md", ["../sv/a.md", "../sv/html/a.html"]),
        (".", "x/y.md", ["sv/x/y.md", "sv/html/x/y.html"]),
        ("../../out/", "a.md", ["../../out/sv/a.md", "../../out/sv/html/a.html"]),
    ],
)
def test_built_links_are_relative_to_the_page(
    build_href: str, deck: str, expected: list[str]
) -> None:
    md = f"sv/{deck}"
    html = f"sv/html/{deck[:-3]}.html"
    links = built_links(deck, "sv", build_href, {md, html})
    assert [link.href for link in links] == expected
    assert built_links(deck, "sv", build_href, {html})[0].label == "HTML"
    assert built_links(deck, "sv", build_href, set()) == ()


def test_language_names_come_from_babel() -> None:
    assert language_name("sv") == "Swedish"
    assert language_name("pt_BR") == "Portuguese (Brazil)"
    assert language_name("qq") == "qq"


def test_the_page_shows_every_number_and_every_finding(report: Report) -> None:
    grid = model(report, frozenset({"sv/a.md"}))
    page = render_status(grid, generated="2025-01-01 00:00+0000")
    parsed = Page(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    text = "".join(parsed.texts)
    for snippet in (
        "80 % of 10 words",
        "locales/sv/a.po:40",
        "locales/sv/a.po:12",
        "locales/de/a.po",
        "no catalogue",
        "below threshold",
        "1 translation problem",
        "2 below threshold, 1 stale, 1 translation problem, 1 unreadable file",
        "locales/de/b/c.po:3: not a valid PO file",
        "Files that could not be read",
        "Other warnings",
        "generated 2025-01-01 00:00+0000",
        "2 decks in 2 languages (source: en)",
    ):
        assert snippet in text, snippet
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert "../sv/a.md" in hrefs
    anchors = {attrs.get("id") for _, attrs in parsed.tags}
    assert all(h[1:] in anchors for h in hrefs if h and h.startswith("#"))


def test_long_finding_lists_fold_into_details() -> None:
    many = [finding("a.md", "sv", n) for n in range(1, SHOWN + 6)]
    grid = model(Report([status("a.md", "sv", Tally(translated=1))], many))
    parsed = Page(render_status(grid, generated="now"))
    items = [a for tag, a in parsed.tags if tag == "li" and "finding" in (a.get("class") or "")]
    assert len(items) == SHOWN + 5
    assert "… and 5 more" in parsed.texts


def test_untranslated_entries_are_capped_as_check_caps_them() -> None:
    todo = [finding("a.md", "sv", n, "threshold") for n in range(1, ENTRY_CAP + 16)]
    broken = finding("a.md", "sv", 99, "links")
    grid = model(Report([status("a.md", "sv", Tally(untranslated=9))], [*todo, broken]))
    (group,) = grid.groups
    assert [f.line for f in group.findings] == [*range(1, ENTRY_CAP + 1), 99]
    assert group.left == 15
    assert grid.findings.startswith("1 below threshold, 0 stale, 1 translation problem")
    cell = grid.rows[0].cells[0]
    assert cell is not None and cell.errors == 1  # the links problem; the rest is threshold
    parsed = Page(render_status(grid, generated="now"))
    text = "".join(parsed.texts)
    assert "… and 15 more entries not translated or fuzzy: " in text
    assert "marp-i18n review a.md --lang sv" in text


def test_script_in_a_msgid_is_text_not_a_tag() -> None:
    evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    deck = "<b>deck</b>.md"
    grid = model(
        Report(
            [status(deck, "sv", Tally(translated=1))],
            [Finding("code", "p.po", 3, f"not translated: {evil}", deck, "sv", msgid=evil)],
        )
    )
    page = render_status(grid, generated="now")
    parsed = Page(page)
    assert "script" not in {tag for tag, _ in parsed.tags}
    assert "img" not in {tag for tag, _ in parsed.tags}
    assert f"not translated: {evil}" in parsed.texts
    assert deck in parsed.texts
    assert "&lt;script&gt;" in page


@given(st.text(min_size=1), st.text(min_size=1), st.text(min_size=1))
def test_any_text_on_the_page_stays_text(deck: str, message: str, path: str) -> None:
    grid = model(
        Report(
            [status(deck, "sv", Tally(translated=1), path=path)],
            [Finding("code", path, 1, message, deck, "sv")],
        )
    )
    parsed = Page(render_status(grid, generated="now"))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert message in parsed.texts
    assert deck in parsed.texts
    assert f"{path}:1" in parsed.texts
    cells = [a for tag, a in parsed.tags if tag == "td"]
    assert [a["data-deck"] for a in cells] == [deck, deck]


@pytest.mark.parametrize(
    ("translated", "total", "percent", "shown"),
    [
        (0, 10, 0, "0"),
        (999, 1000, 99, "99.9"),
        (1, 3, 33, "33.3"),
        (10, 10, 100, "100"),
        (0, 0, 100, "100"),
    ],
)
def test_badge_percent_rounds_down(translated: int, total: int, percent: int, shown: str) -> None:
    # The badge shows check's figure (rounded down to 0.1); its colour the whole percent.
    words = Tally(translated=translated, untranslated=total - translated)
    assert badge_percent(words) == percent
    svg = ET.fromstring(language_badge("sv", words))
    assert [t.text for t in svg.iter(f"{SVG}text")][2] == f"{shown} %"
    assert svg.find(f"{SVG}path").get("fill") == colour_of(percent)  # type: ignore[union-attr]


def test_colours_fall_with_the_percent_and_keep_white_text_readable() -> None:
    bands = [colour_of(p) for p in (100, 99, 90, 89, 75, 74, 50, 49, 25, 24, 0)]
    assert len(set(bands)) == 6
    assert bands[1] == bands[2] and bands[3] == bands[4] and bands[9] == bands[10]

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in set(bands):
        assert 1.05 / (luminance(colour) + 0.05) >= 4.5, colour


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Zs", "Zl", "Zp"))


def test_badge_text_is_one_line_of_xml_characters() -> None:
    svg = ET.fromstring(badge("s\x1fv\n", " 9\t0  %\x00", "#123456"))
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["sv", "sv", "9 0 %", "9 0 %"]


@given(st.text(PRINTABLE, min_size=1, max_size=30), st.text(PRINTABLE, min_size=1, max_size=30))
def test_any_badge_is_valid_svg_naming_its_text(label: str, value: str) -> None:
    svg = ET.fromstring(badge(label, value, "#123456"))
    assert svg.get("aria-label") == f"{label}: {value}"
    assert [t.text for t in svg.iter(f"{SVG}text")] == [label, label, value, value]
    width = int(svg.get("width") or 0)
    assert width >= text_width(label) + text_width(value)
    assert svg.find(f"{SVG}rect").get("width") == str(width)  # type: ignore[union-attr]


def test_text_width_grows_with_the_text() -> None:
    assert text_width("") == 0
    assert text_width("100 %") > text_width("99 %") > text_width("9 %")
    assert text_width("mm") > text_width("ii")
