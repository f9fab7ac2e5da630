"""Our PO text is GNU gettext's canonical form: ``msgcat`` changes no byte of it.

Checked three ways: on every corpus POT and its msgen-filled PO, on random catalogues
(Hypothesis) against msgcat, and on random text against libunistring itself (the
library msgcat wraps with), when it is installed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import polib
import pytest
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n.catalogue import _linebreak
from i18n.catalogue._canonical import po_text
from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.pofile import catalogue_text, read_catalogue
from i18n.segment import segment_deck


def gettext(tool: str, text: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")
    done = subprocess.run([tool, "-"], input=text.encode(), capture_output=True, check=True)
    return done.stdout.decode()


@pytest.mark.corpus
def test_corpus_templates_and_msgen_catalogues_are_canonical(corpus: list[Path]) -> None:
    for path in corpus:
        name = path.relative_to(CORPUS).as_posix()
        deck = segment_deck(path.read_bytes().decode("utf-8-sig"), name)
        _, pot = template_catalogue(deck, f"slides/{name}", None, "2024-01-01 00:00+0000")
        assert gettext("msgcat", pot) == pot, name
        filled = gettext("msgen", pot)
        assert catalogue_text(read_catalogue(filled, name)) == filled, name


TEXT = st.text(
    st.sampled_from(
        list("abc xyz.,:;/-()[]{}%$#@!?'\"\\\n\t0123_*|~<>=+")
        + list("åäöé\u2014\u2013\u201c\u201d\u2018\u2019\u2026€°\u00a0\u0301😀中文한\u200b")
    ),
    max_size=200,
)


@st.composite
def catalogues(draw: st.DrawFn) -> polib.POFile:
    po = polib.POFile()
    po.header = draw(st.sampled_from(["", "Title\nSPDX-License-Identifier: CC0-1.0"]))
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "X-Note": "a b"}
    msgids = draw(st.lists(TEXT.filter(bool), min_size=1, max_size=6, unique=True))
    for number, msgid in enumerate(msgids):
        entry = polib.POEntry(msgid=msgid, msgstr=draw(TEXT))
        entry.comment = f"slide {number}, paragraph"
        entry.occurrences = [(f"slides/{'deep/' * draw(st.integers(0, 12))}d.md", "")]
        if entry.msgstr and draw(st.booleans()):
            entry.flags = ["fuzzy"]
            entry.previous_msgid = draw(TEXT) or None
        entry.obsolete = bool(entry.msgstr) and draw(st.booleans())
        if entry.obsolete:
            entry.comment, entry.occurrences, entry.previous_msgid = "", [], None
        po.append(entry)
    return po


@settings(max_examples=60)
@given(catalogues())
def test_random_catalogues_are_what_msgcat_writes(po: polib.POFile) -> None:
    text = po_text(po)
    assert gettext("msgcat", text) == text
    again = read_catalogue(text, "x.po")
    assert po_text(again) == text


def _libunistring() -> ctypes.CDLL:
    name = ctypes.util.find_library("unistring")
    if name is None:
        pytest.skip("libunistring not installed")
    lib = ctypes.CDLL(name)
    if not hasattr(lib, "u32_width_linebreaks_v2"):
        pytest.skip("libunistring older than 1.0")
    return lib


@settings(max_examples=150)
@given(st.text(max_size=120), st.integers(10, 80))
def test_line_breaks_agree_with_libunistring(text: str, width: int) -> None:
    lib = _libunistring()
    # Unassigned code points are left out: their widths we only approximate.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cs", "Cn"))
    chars = (ctypes.c_uint32 * max(len(text), 1))(*[ord(ch) for ch in text])
    out = ctypes.create_string_buffer(max(len(text), 1))
    lib.u32_width_linebreaks_v2(chars, ctypes.c_size_t(len(text)), width, 0, 0, None, b"UTF-8", out)
    theirs = [b == 2 for b in out.raw[: len(text)]]  # UC_BREAK_POSSIBLE
    assert _linebreak.width_breaks(text, [None] * len(text), width, 0) == theirs


def test_ascii_classes_cover_every_code() -> None:
    assert len(_linebreak._ASCII) == 128
    assert _linebreak.line_break_class("/") == "SY"
    assert _linebreak.line_break_class("\u2014") == "B2"  # em dash, from the exceptions


def test_linebreak_exceptions_are_current() -> None:
    """``tools/linebreak_data.py`` writes today's ``_linebreak_data.py`` byte for byte
    (skipped without perl's Unicode::UCD of the same Unicode version)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    import linebreak_data

    try:
        ranges = linebreak_data.line_break_ranges()
    except SystemExit as reason:
        pytest.skip(str(reason))
    text = linebreak_data.module_text(linebreak_data.exceptions(ranges))
    assert linebreak_data.TARGET.read_text(encoding="utf-8") == text


@settings(max_examples=60)
@given(catalogues(), catalogues())
def test_remembered_line_breaks_write_the_same_bytes(po: polib.POFile, other: polib.POFile) -> None:
    """A catalogue written from the line breaks an earlier run kept (as the cache keeps
    them) is byte for byte the one written from scratch; answers for strings it does not
    hold change nothing."""
    from i18n.catalogue import _canonical
    from i18n.json_values import from_plain, to_plain

    _canonical._LINES.forget()
    with _canonical.recording_line_breaks() as asked:
        fresh = po_text(po)
        po_text(other)
    kept = from_plain(_canonical.LineBreaks, to_plain(_canonical.line_breaks_of(asked)))
    _canonical._LINES.forget()
    _canonical.learn_line_breaks(kept)
    assert po_text(po) == fresh


def test_a_line_break_list_that_is_not_whole_is_not_taken() -> None:
    from i18n.catalogue import _canonical

    _canonical._LINES.forget()
    text = "a long string " * 12
    _canonical.learn_line_breaks(_canonical.LineBreaks(("", "msgid", text)))  # three of four
    assert not _canonical._LINES.knows(("", "msgid", text))
    assert _canonical.wrap("", "msgid", text)[0] == 'msgid ""'
