"""``marp-i18n review`` in a real browser, with ``--since`` over a real git history.

A temporary git repository holds a small course in two commits: the first has every
Swedish entry translated; the second changes one translation, marks one entry fuzzy,
empties one, and adds a new deck text (so ``update`` adds an untranslated entry). The
review against the first commit must mark exactly those, in words as well as colours.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import pytest
from browser import PHONE, visit
from conftest import cli_in

from i18n.catalogue.pofile import catalogue_text

pytest_plugins = ["browser"]  # the `browser` fixture: Debian's chromium via Playwright

DECK = """\
---
title: Review course
---
# First heading

A paragraph with `code` and a [link](https://example.org)

Text with <script>window.pwned = 1</script> inside

<!--
Speaker note for the teacher
-->

---
# Second heading

Untouched paragraph text
"""
SWEDISH = {
    "Review course": "Granskningskurs",
    "First heading": "Första rubriken",
    "A paragraph with `code` and a [link](https://example.org)": (
        "Ett stycke med `code` och en [länk](https://example.org)"
    ),
    "Text with <script>window.pwned = 1</script> inside": (
        "Text med <script>window.pwned = 1</script> inuti"
    ),
    "Speaker note for the teacher": "Talaranteckning för läraren",
    "Second heading": "Andra rubriken",
    "Untouched paragraph text": "Orörd text",
}
PO = Path("locales/sv/deck.po")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, env={**os.environ, **GIT_ENV}
    )


def edit(root: Path, change: dict[str, tuple[str, bool]]) -> None:
    po = polib.pofile(str(root / PO))
    for entry in po:
        if entry.msgid in change:
            entry.msgstr, fuzzy = change[entry.msgid]
            if fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
    (root / PO).write_text(catalogue_text(po), encoding="utf-8")


def make_repo(root: Path) -> None:
    (root / "slides").mkdir(parents=True)
    (root / "slides" / "deck.md").write_text(DECK, encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n', "utf-8")
    assert cli_in(root, "update")[0] == 0
    edit(root, {k: (v, False) for k, v in SWEDISH.items()})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Swedish, complete")
    deck = DECK.replace(
        "Untouched paragraph text\n", "Untouched paragraph text\n\nBrand new text\n"
    )
    (root / "slides" / "deck.md").write_text(deck, encoding="utf-8")
    assert cli_in(root, "update")[0] == 0
    edit(
        root,
        {
            "First heading": ("Den första rubriken", False),
            "A paragraph with `code` and a [link](https://example.org)": (
                SWEDISH["A paragraph with `code` and a [link](https://example.org)"],
                True,
            ),
            "Speaker note for the teacher": ("", False),
        },
    )
    git(root, "commit", "-q", "-am", "Swedish: one changed, one fuzzy, one emptied, one new")


@dataclass
class Repo:
    root: Path
    code: int
    out: str
    err: str

    @property
    def page(self) -> Path:
        return self.root / "build" / "review" / "sv" / "deck.html"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("review") / "course"
    make_repo(root)
    code, out, err = cli_in(root, "review", "slides/deck.md", "--lang", "sv", "--since", "HEAD~1")
    return Repo(root, code, out, err)


def unit(page: Any, source: str) -> Any:
    """The unit whose source text is ``source``."""
    return page.locator("article.unit").filter(has=page.locator(".src .text", has_text=source))


def test_review_writes_the_default_page_and_counts(repo: Repo) -> None:
    assert (repo.code, repo.err) == (0, "")
    assert repo.out.splitlines() == [
        "build/review/sv/deck.html",
        "review: 5 translated, 1 fuzzy, 2 untranslated, 4 changed since HEAD~1: "
        "build/review/sv/deck.html",
    ]


def test_page_loads_without_errors_or_network_and_runs_no_script(browser: Any, repo: Repo) -> None:
    with visit(browser, repo.page) as seen:
        seen.screenshot("review-desktop")
        assert seen.console_errors == [] and seen.page_errors == []
        assert seen.offline == []
        assert seen.page.evaluate("typeof window.pwned") == "undefined"
        assert seen.page.locator("script").count() == 0
        shown = unit(seen.page, "Text with <script>").locator(".dst .text").inner_text()
        assert shown == SWEDISH["Text with <script>window.pwned = 1</script> inside"]


def test_states_are_classes_and_visible_words(browser: Any, repo: Repo) -> None:
    with visit(browser, repo.page) as seen:
        fuzzy = unit(seen.page, "A paragraph with")
        assert "fuzzy" in (fuzzy.get_attribute("class") or "").split()
        assert fuzzy.locator(".label.fuzzy").is_visible()
        assert fuzzy.locator(".label.fuzzy").inner_text().startswith("Fuzzy")
        for source in ("Brand new text", "Speaker note for the teacher"):
            missing = unit(seen.page, source)
            assert "untranslated" in (missing.get_attribute("class") or "").split()
            assert missing.locator(".label.untranslated").inner_text() == "Untranslated"
            assert "Not translated" in missing.locator(".dst").inner_text()
        done = unit(seen.page, "Second heading")
        assert (done.get_attribute("class") or "").split() == ["unit", "translated"]
        assert done.locator(".label").count() == 0


def test_changes_since_the_revision_are_marked(browser: Any, repo: Repo) -> None:
    with visit(browser, repo.page) as seen:
        changed = {
            "First heading": "Första rubriken",
            "Speaker note for the teacher": "Talaranteckning för läraren",
        }
        for source, before in changed.items():
            shown = unit(seen.page, source)
            assert shown.locator(".label.changed").inner_text() == "Changed since HEAD~1"
            assert shown.locator("del").inner_text() == before
        flagged = unit(seen.page, "A paragraph with")  # the same text, now fuzzy
        assert flagged.locator(".label.changed").inner_text() == "Changed since HEAD~1"
        assert flagged.locator("del").count() == 0
        assert "At HEAD~1: the same translation, not fuzzy." in flagged.inner_text()
        new = unit(seen.page, "Brand new text")
        assert new.locator(".label.new").inner_text() == "New since HEAD~1"
        for source in ("Review course", "Second heading", "Untouched paragraph text"):
            assert unit(seen.page, source).locator(".label.changed, .label.new").count() == 0
        assert seen.page.locator(".count-changed").inner_text() == "3"
        assert seen.page.locator(".count-new").inner_text() == "1"
        todo = seen.page.locator(".todo a").all_inner_texts()
        assert todo == ["Slide 1", "Slide 2"]


def test_notes_are_shown_under_their_slide(browser: Any, repo: Repo) -> None:
    with visit(browser, repo.page) as seen:
        slide = seen.page.locator("#slide-1")
        assert slide.locator("h3").inner_text() == "Speaker notes"
        note = slide.locator("article.note")
        assert note.count() == 1
        assert note.locator(".src .text").inner_text() == "Speaker note for the teacher"
        assert seen.page.locator("#slide-2 article.note").count() == 0


def test_phone_width_stacks_source_over_translation(browser: Any, repo: Repo) -> None:
    with visit(browser, repo.page, PHONE) as seen:
        seen.screenshot("review-phone")
        assert seen.horizontal_overflow() == 0
        pair = unit(seen.page, "First heading")
        source = pair.locator(".src").bounding_box()
        target = pair.locator(".dst").bounding_box()
        assert source is not None and target is not None
        assert target["y"] >= source["y"] + source["height"]  # below, not beside
        assert pair.locator(".dst .side").inner_text() == "Swedish"


def test_an_unknown_revision_is_one_line_and_everything_counts_as_new(repo: Repo) -> None:
    out_path = repo.root / "nosuch.html"
    code, out, err = cli_in(
        repo.root, "review", "deck", "--since", "nosuch", "--output", str(out_path)
    )
    assert code == 0
    assert err.count("\n") == 1
    assert err.startswith(f"{PO}: warning: cannot read it at revision nosuch (")
    assert err.endswith("; every entry counts as new\n")
    assert "8 changed since nosuch" in out
    page = out_path.read_text(encoding="utf-8")
    assert page.count("New since nosuch") == 8
    assert "could not be read at revision <code>nosuch</code>" in page


def test_a_catalogue_that_did_not_exist_then_counts_as_new(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    make_repo(tmp_path)
    (tmp_path / "slides" / "later.md").write_text("# Later deck\n", encoding="utf-8")
    assert cli_in(tmp_path, "update")[0] == 0  # locales/sv/later.po: not in any commit
    code, out, err = cli_in(tmp_path, "review", "later", "--since", "HEAD")
    assert code == 0
    assert err == (
        "locales/sv/later.po: warning: cannot read it at revision HEAD (fatal: path "
        "'locales/sv/later.po' exists on disk, but not in 'HEAD'); every entry counts as new\n"
    )
    assert out.endswith("1 changed since HEAD: build/review/sv/later.html\n")


def test_a_broken_catalogue_at_the_revision_counts_as_new(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    make_repo(tmp_path)
    good = (tmp_path / PO).read_bytes()
    (tmp_path / PO).write_text('msgid "x"\nmsgstr "y" junk\n', encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "broken")
    (tmp_path / PO).write_bytes(good)
    code, out, err = cli_in(tmp_path, "review", "deck", "--since", "HEAD")
    assert code == 0
    assert err.startswith(f"{PO}: warning: cannot read it at revision HEAD (line 2: ")
    assert err.endswith("; every entry counts as new\n") and err.count("\n") == 1
    assert ", 8 changed since HEAD: " in out


@pytest.mark.parametrize("given", ["deck", "deck.md", "slides/deck.md"])
def test_the_deck_is_found_by_path_or_name(repo: Repo, tmp_path: Path, given: str) -> None:
    target = tmp_path / "page.html"
    code, out, err = cli_in(repo.root, "review", given, "--output", str(target), "-q")
    assert (code, out, err) == (0, "", "")
    assert "Review: <code>deck.md</code> in Swedish (sv)" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nodeck"],
            "marp-i18n: nodeck: not a deck in slides; give a path to a .md file under slides\n",
        ),
        (
            ["deck", "--since", "--output=x"],
            "marp-i18n: --since: '--output=x' is not a revision; e.g. --since HEAD~3\n",
        ),
        (
            ["deck", "--lang", "xx_YY"],
            "marp-i18n: --lang: unknown language code 'xx_YY'; use a code Babel knows, e.g. sv\n",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(repo: Repo, args: list[str], message: str) -> None:
    code, out, err = cli_in(repo.root, "review", *args)
    assert out == ""
    assert (code, err) == (2, message)


def test_a_deck_without_a_catalogue_is_all_untranslated(tmp_path: Path) -> None:
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "a.md").write_text("# Hello\n\nWorld\n", encoding="utf-8")
    code, out, err = cli_in(tmp_path, "review", "a.md", "--lang", "sv")
    assert code == 0
    assert err == "locales/sv/a.po: warning: no catalogue; every text shows as untranslated\n"
    assert out.splitlines()[-1] == (
        "review: 0 translated, 0 fuzzy, 2 untranslated: build/review/sv/a.html"
    )
    page = (tmp_path / "build" / "review" / "sv" / "a.html").read_text(encoding="utf-8")
    assert "There is no catalogue for this deck and language yet" in page
