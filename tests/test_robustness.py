"""Huge and hostile inputs finish, and bad files fail cleanly, one line each.

Why: a course repository is shared; one pasted 10 MB log, a runaway list or a deck
saved as Latin-1 must not hang CI, blow the stack or hide the other decks' results.
These tests only ask "does it finish without an exception" (bounded generously, so a
busy machine never fails them); whether time grows linearly is measured by
``tools/bench_scaling.py``, where timing noise can be averaged away.

Sizes: the ``ci`` profile runs the cheap shapes at full size (10 MB of code, a 1 MB
line, 10 000 markers in a row, 1 000 nesting levels) and the dense shapes (a deck of
ordinary slides, 100 000 list items translated) smaller; ``make fuzz``
(``HYPOTHESIS_PROFILE=fuzz``) runs every shape at the full size of the issue.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Cli

from i18n.assemble import assemble
from i18n.errors import DeckError
from i18n.segment import segment_deck

FULL = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
MB = 1_000_000
LIMIT = 300.0 if FULL else 60.0
"""Seconds per input: ten times what the largest CI input needs on a slow laptop; under
``make fuzz`` a 10 MB deck of dense slides is segmented twice and built (~50 s)."""

SLIDE = (
    "## Heading with `code`\n\nA paragraph with a [link](https://example.com) and %VAR%,\n"
    "second line.\n\n- item one\n- item two\n  - nested\n\n| a | b |\n|---|---|\n| c | d |\n\n"
    "![bg right](x.jpg)\n\n<!--\nA speaker note\nover two lines.\n-->\n\n---\n\n"
)


def _repeat(text: str, size: int) -> str:
    return text * max(1, size // len(text))


def finishes(text: str, translate: bool = True) -> float:
    """Segment ``text`` and build it (every unit translated); return the seconds taken.

    A RecursionError or any exception but DeckError fails the test; with no
    translations the build is the input, and the translated build is a deck again
    with as many slides.
    """
    start = time.perf_counter()
    try:
        deck = segment_deck(text, "big.md")
    except DeckError:
        return time.perf_counter() - start
    assert assemble(deck, {}).text == text
    if translate:
        built = assemble(deck, {u.msgid: "Ŧ" + u.msgid for u in deck.units})
        assert segment_deck(built.text, "big.md").slides == deck.slides
    elapsed = time.perf_counter() - start
    assert elapsed < LIMIT, f"{elapsed:.1f} s"
    return elapsed


BIG: dict[str, Callable[[], str]] = {
    "10 MB of code": lambda: "# Listing\n\n```\n" + _repeat("x = compute(1, 2)  # ok\n", 10 * MB)
    + "```\n",
    "10 MB of HTML": lambda: "<div>\n" + _repeat("<p>raw html paragraph</p>\n", 10 * MB)
    + "</div>\n",
    "a big style block": lambda: "---\ntitle: T\nstyle: |\n"
    + _repeat("  section { color: #123; }\n", (10 if FULL else 2) * MB) + "---\n\n# Slide\n",
    "deck of slides": lambda: _repeat(SLIDE, (10 if FULL else 1) * MB),
    "one long paragraph": lambda: "# T\n\n"
    + _repeat("words in a long paragraph\n", (10 if FULL else 1) * MB),
    "one long note": lambda: "<!--\n" + _repeat("a speaker note line\n", (10 if FULL else 1) * MB)
    + "-->\n",
    "100 000 list items": lambda: "".join(f"- item {i}\n" for i in range(100_000)),
    "a 1 MB line": lambda: _repeat("word ", MB) + "\n",
    "a 1 MB line in a note": lambda: "<!-- " + _repeat("word ", MB) + " -->\n",
    "a 1 MB heading": lambda: "# " + _repeat("word ", MB) + "\n",
    "100 000 lone-CR lines": lambda: "line of text\r" * 100_000,
}  # fmt: skip


@pytest.mark.parametrize("name", list(BIG))
def test_big_decks_finish(name: str) -> None:
    """Large decks of each shape segment and build within the limit, losing nothing.

    The dense shapes (ordinary slides, 100 000 list items or lines) translate every
    unit only under ``make fuzz``: the guard parses each translation, ~3 s per MB."""
    dense = name in ("deck of slides", "100 000 list items", "100 000 lone-CR lines")
    finishes(BIG[name](), translate=FULL or not dense)


def test_ten_thousand_list_items_all_translated() -> None:
    """The guard runs once per translated unit: 10 000 of them still build quickly."""
    finishes("".join(f"- item {i}\n" for i in range(10_000)))


RUN = 100_000 if FULL else 10_000
RUNS = {
    "backticks": "`" * RUN,
    "tildes": "~" * RUN,
    "brackets": "[" * RUN,
    "closing brackets": "]" * RUN,
    "image openers": "![" * RUN,
    "link openers": "[a](" * RUN,
    "comment openers": "<!--" * RUN,
    "comment closers": "-->" * RUN,
    "'<!' in a paragraph": "text " + "<!" * RUN,
    "unclosed inline comments": "x <!--" * RUN,
    "stars": "*" * RUN,
    "emphasis openers": "*a " * RUN,
    "underscores": "_" * RUN,
    "quote markers": ">" * RUN + " x",
    "pipes": "|" * RUN + "\n" + "|-" * RUN + "\n" + "|x" * RUN,
    "dollars": "$" * RUN,
    "dollar pairs": "$a" * RUN,
    "percent": "%" * RUN,
    "backslashes": "\\" * RUN,
    "ampersands": "&#" * RUN,
    "angle brackets": "<" * RUN,
    "tags": "<a " * RUN,
    "dash spaces": "- " * RUN,
    "separators": "---\n\n" * RUN,
    "blank lines": "\n" * (10 * RUN),
    "fences": "```\n" * RUN,
    "math blocks": "$$\n" * RUN,
    "setext lines": "a\n" * RUN + "===\n",
    "fit comments": "# " + "<!-- fit -->" * RUN,
    "backgrounds": "![bg](x.png)" * RUN,
    "alt words": "![" + "a " * RUN + "](x.png)",
    "tabs": "\t" * RUN + "x",
    "NULs": "\0" * RUN,
}


@pytest.mark.parametrize("name", list(RUNS))
def test_runs_of_one_marker_finish(name: str) -> None:
    """10 000 of one Markdown/Marp marker in a row: no catastrophic backtracking.

    ``'<!' in a paragraph`` and ``unclosed inline comments`` are quadratic in the core
    today (core bug #10): they pass here at 10 000 but fail ``tools/bench_scaling.py``."""
    finishes(RUNS[name] + "\n")


DEEP = 1_000
NESTED = {
    "quotes, one line": "> " * DEEP + "deep",
    "quotes, staircase": "".join(">" * i + " text\n" for i in range(1, DEEP + 1)),
    "lists, staircase": "".join("  " * i + "- item\n" for i in range(DEEP)),
    "lists, one line": "- " * DEEP + "deep",
    "ordered lists, one line": "1. " * DEEP + "deep",
    "quotes and lists": "> - " * DEEP + "deep",
    "brackets": "[" * DEEP + "x" + "]" * DEEP,
    "links": "[a" * DEEP + "](u)" * DEEP,
    "emphasis": "*_" * DEEP + "x" + "_*" * DEEP,
    "HTML": "<b>" * DEEP + "x" + "</b>" * DEEP,
    "note with nested lists": "<!--\n" + "".join("  " * i + "- n\n" for i in range(DEEP)) + "-->",
}


@pytest.mark.parametrize("name", list(NESTED))
def test_deep_nesting_has_no_recursion_error(name: str) -> None:
    """1 000 levels of nesting: markdown-it caps nesting, and nothing of ours recurses."""
    finishes(NESTED[name] + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\nnested: " + "[" * 10_000 + "\n---\n# x\n",
        "---\nnested: " + "{a: " * 5_000 + "\n---\n",
        "---\n" + "".join(" " * i + "a:\n" for i in range(2_000)) + "---\n",
        "<!-- _class: " + "[" * 10_000 + " -->\n",
        "<!--\n" + "".join(" " * i + "a:\n" for i in range(2_000)) + "-->\n",
    ],
    ids=["flow list", "flow map", "block map", "directive", "note"],
)
def test_deep_yaml_is_an_error_or_text_not_a_crash(text: str) -> None:
    """PyYAML recurses per nesting level: a deep front matter must become a DeckError
    (one line for the user), a deep comment a note or nothing, never a RecursionError."""
    finishes(text)


# --- the CLI on bad files ------------------------------------------------------------

GOOD = "---\ntitle: Good deck\n---\n\n# Hello\n\nSome text\n"
BAD = {
    "latin1.md": ("# Caf\xe9\n\ntext\n".encode("latin-1"), 1),
    "notyaml.md": (b"---\ntitle: ok\nsubtitle: a: b\n---\n\n# X\n", 3),
    "tabs.md": (b"---\ntitle: x\n\tfooter: y\n---\n\n# Y\n", 3),
    "nested/deep.md": (b"---\nx: " + b"[" * 5000 + b"\n---\n# Z\n", None),
}
"""Decks that are bad in some way, and the line the message must name (None: any).
The three with YAML Marp cannot parse are decks Marp renders without their front
matter: one warning each, and they are processed like the good ones (issue 12)."""
IGNORED_FRONT_MATTER = ("notyaml", "tabs", "nested/deep")


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course with two good decks, the bad ones above and a dangling symlink."""
    monkeypatch.chdir(tmp_path)
    slides = tmp_path / "slides"
    (slides / "nested").mkdir(parents=True)
    (slides / "good.md").write_text(GOOD, encoding="utf-8")
    (slides / "nested" / "good2.md").write_text(GOOD.replace("Hello", "Hi"), encoding="utf-8")
    for name, (data, _) in BAD.items():
        (slides / name).write_bytes(data)
    (slides / "gone.md").symlink_to(slides / "missing-target.md")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nlanguages = ["sv"]\n', encoding="utf-8"
    )
    return tmp_path


def assert_one_line_each(err: str, names: list[str]) -> None:
    """Each bad file is named on exactly one stderr line (with its line number where
    there is one), and there is no traceback."""
    assert "Traceback" not in err and 'File "' not in err, err
    lines = err.splitlines()
    for name in names:
        mine = [line for line in lines if f"slides/{name}" in line]
        assert len(mine) == 1, (name, err)
        line_number = BAD.get(name, (b"", None))[1]
        if line_number is not None:
            assert f"slides/{name}:{line_number}: " in mine[0], (name, mine[0])


BAD_NAMES = [*BAD, "gone.md"]


LANG = {"extract": (), "update": ("--lang", "sv"), "build": ("--lang", "sv"), "check": ()}
_PROCESSED = ("good", "nested/good2", *IGNORED_FRONT_MATTER)
WRITTEN = {
    "extract": sorted(f"locales/{d}.pot" for d in _PROCESSED),
    "update": sorted(
        [f"locales/{d}.pot" for d in _PROCESSED] + [f"locales/sv/{d}.po" for d in _PROCESSED]
    ),
    "build": sorted(f"build/sv/{d}.md" for d in _PROCESSED),
    "check": [],
}
"""What each command writes for the decks it can read (nothing for the unreadable)."""


@pytest.mark.parametrize("command", list(WRITTEN))
def test_bad_decks_are_reported_once_and_the_others_processed(
    command: str, course: Path, cli: Cli
) -> None:
    """Latin-1 and a dangling symlink: exit 2, one line each naming the file (and line),
    no traceback, nothing written for them, the other decks done; YAML Marp cannot read
    (a tab, nesting 5 000 deep): one warning line each. ``check`` reports in its output."""
    code, out, err = cli(command, *LANG[command])
    assert code == 2
    assert_one_line_each(out + err if command == "check" else err, BAD_NAMES)
    written = sorted(
        p.relative_to(course).as_posix()
        for folder in ("locales", "build")
        for p in (course / folder).rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    assert written == WRITTEN[command]


def test_build_with_a_catalogue_that_is_not_utf8(course: Path, cli: Cli) -> None:
    """A broken catalogue stops its own deck only; the message names the PO file."""
    po = course / "locales" / "sv" / "good.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(b'msgid ""\nmsgstr ""\n\nmsgid "Hello"\nmsgstr "Hej d\xe5"\n')
    code, _, err = cli("build", "--lang", "sv")
    assert code == 2
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if "good.po" in line]) == 1, err
    assert not (course / "build" / "sv" / "good.md").exists()
    assert (course / "build" / "sv" / "nested" / "good2.md").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_deck(course: Path, cli: Cli) -> None:
    """A deck without read permission (the dangling symlink covers this as root)."""
    locked = course / "slides" / "locked.md"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        code, _, err = cli("extract")
    finally:
        locked.chmod(0o644)
    assert code == 2
    assert_one_line_each(err, ["locked.md"])
    assert not (course / "locales" / "locked.pot").exists()


@pytest.mark.parametrize("command", ["extract", "update", "build", "check"])
def test_missing_slides_folder(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    cli: Cli,
) -> None:  # fmt: skip
    """No slides folder: exit 2, one line naming it, nothing written."""
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(command, "--slides", "nowhere", *LANG[command])
    assert code == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert "nowhere" in err
    assert sorted(tmp_path.iterdir()) == []
