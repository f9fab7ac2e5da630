"""Catalogues from a pull request (issue 18, items 2, 6, 7): a charset header that lies,
writes that could not be read back, entries marp-i18n does not write."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from conftest import Cli
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_texts, marp_decks

from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.header import catalogue_file
from i18n.catalogue.pofile import catalogue_text, read_catalogue, translations
from i18n.catalogue.update import merge
from i18n.errors import CatalogueError, DeckError
from i18n.segment import segment_deck

DECK = "---\ntitle: A deck\n---\n# Hello\n\nSome text\n\n---\n\n<!-- A note -->\n"
PO = "locales/sv/a/index.po"
NOW = "2024-05-01 12:00+0000"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides" / "a").mkdir(parents=True)
    (tmp_path / "slides" / "a" / "index.md").write_text(DECK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    return tmp_path


def translate(path: Path, pairs: dict[str, str]) -> None:
    """Translate as a translator's tool would, writing gettext's form (our writer)."""
    po = read_catalogue(path.read_bytes(), str(path))
    for entry in po:
        if entry.msgid in pairs:
            entry.msgstr = pairs[entry.msgid]
    path.write_text(catalogue_text(po), encoding="utf-8")


def lying_charset(path: Path) -> tuple[bytes, int]:
    """UTF-8 bytes under a header that says ISO-8859-1; and the line of the first
    multibyte sequence."""
    translate(path, {"Hello": "Välkommen €"})
    data = path.read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1")
    path.write_bytes(data)
    return data, data[: data.index("Välkommen".encode())].count(b"\n") + 1


# --- item 2: a charset header that lies ------------------------------------------------

COMMANDS = {
    "update": ["update", "--lang", "sv"],
    "build": ["build", "--lang", "sv"],
    "check": ["check"],
    "report": ["report"],
    "review": ["review", "a/index.md", "--lang", "sv", "--output", "review.html"],
    "import": ["import", "slides/a/index.md", "translated.md", "--lang", "sv"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_utf8_under_a_latin1_header_is_refused_by_every_command(
    course: Path, cli: Cli, command: str
) -> None:
    assert cli("update", "--lang", "sv")[0] == 0
    Path("translated.md").write_text(DECK.replace("Hello", "Hej"), encoding="utf-8")
    data, line = lying_charset(Path(PO))
    code, out, err = cli(*COMMANDS[command])
    said = [text for text in (out + err).splitlines() if f"{PO}:{line}:" in text]
    assert code == 2, out + err
    assert len(said) == 1, out + err
    assert "look like UTF-8" in said[0] and "ISO-8859-1" in said[0]
    assert Path(PO).read_bytes() == data


def test_pseudo_refuses_its_catalogue_under_a_lying_header(course: Path, cli: Cli) -> None:
    args = ("pseudo", "--lang", "qps", "--no-build-decks", "--no-render")
    assert cli(*args)[0] == 0
    path = Path("locales/qps/a/index.po")
    data = path.read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1")
    path.write_bytes(data)
    line = data[: data.index(b'msgstr "\xe2\x9f\xa6')].count(b"\n") + 1  # the first ⟦
    code, _, err = cli(*args)
    assert code == 2
    assert f"{path}:{line}: " in err and "look like UTF-8" in err
    assert path.read_bytes() == data


def po_bytes(body: str, charset: str) -> bytes:
    header = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
    return header.encode("ascii") + body.encode("latin-1")


def error(data: bytes) -> str:
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(data, "x.po")
    return str(caught.value)


def test_c1_controls_from_a_single_byte_charset_are_refused() -> None:
    data = po_bytes('msgid "a"\nmsgstr "\x93quoted\x94 \x80"\n', "ISO-8859-1")
    said = error(data)
    assert said.startswith("x.po:6: ") and "windows-1252" in said


def test_a_real_latin1_catalogue_is_still_read() -> None:
    data = po_bytes('msgid "a"\nmsgstr "V\xe4lkommen \xa3"\n', "ISO-8859-1")
    assert translations(read_catalogue(data, "x.po")) == {"a": "Välkommen £"}


# --- item 6: whatever update writes reads back ------------------------------------------

FIELDS = ("msgctxt", "msgid", "msgid_plural", "msgstr", "comment", "tcomment", "flags",
          "occurrences", "previous_msgid", "obsolete")  # fmt: skip


def entries(po: polib.POFile) -> list[tuple[object, ...]]:
    return [
        tuple(getattr(e, f) for f in FIELDS) for e in po if e.msgid and (e.msgstr or not e.obsolete)
    ]


def read_back(text: str, po: polib.POFile) -> polib.POFile:
    back = read_catalogue(text.encode("utf-8"), "x.po")
    assert entries(back) == entries(po)
    assert back.metadata == po.metadata
    assert back.header == po.header
    return back


ODD = ("\n", "\r", "\t", "\x0b", "\x00", "\x07", "\x1c", "\x85", "\u2028", "\udce9", "\x9b")
NAMES = st.lists(
    st.one_of(st.sampled_from(ODD), st.characters(exclude_categories=("Cs", "Zs", "Cc"))),
    min_size=1,
    max_size=6,
).map(lambda chars: "".join(chars).replace("/", "_") + ".md")
TEXTS = st.one_of(
    any_texts(),
    marp_decks(),
    st.text(st.sampled_from(("x", " ", "\n", "é", *ODD[1:9], "\x9b")), max_size=40).map(
        lambda s: f"---\ntitle: {s!r}\n---\n# {s}\n"
    ),
)


@given(text=TEXTS, name=NAMES, prefix=st.text(max_size=8))
def test_whatever_update_writes_every_reader_reads_back(text: str, name: str, prefix: str) -> None:
    try:
        deck = segment_deck(text, name)
    except DeckError:
        return
    try:
        pot, pot_text = template_catalogue(deck, f"slides/{name}", None, NOW)
    except CatalogueError as refused:  # refused up front: one line, the name escaped
        assert "\n" not in str(refused) and "\r" not in str(refused)
        assert any(c in name for c in ODD)
        str(refused).encode("utf-8")  # printable
        return
    read_back(pot_text, pot)
    po = merge(pot, None)
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    text = catalogue_file(po, deck, "sv", pot, None, None, NOW)
    old = read_back(text, po)
    again = merge(pot, old)
    assert catalogue_file(again, deck, "sv", pot, old, text.encode("utf-8"), "later") == text


def test_a_word_longer_than_a_line_is_written_so_it_reads_back(course: Path, cli: Cli) -> None:
    word = "data:image/png;base64," + "QUJD" * 30_000
    Path("slides/a/index.md").write_text(DECK.replace("Some text", word), encoding="utf-8")
    code, _, err = cli("update", "--lang", "sv")
    assert (code, err) == (0, "")
    translate(Path(PO), {word: word + "x"})
    assert translations(read_catalogue(Path(PO).read_bytes(), PO))[word] == word + "x"
    code, _, err = cli("build", "--lang", "sv")
    assert (code, err) == (0, "")
    assert word + "x" in Path("build/sv/a/index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["new\nline.md", "carriage\rreturn.md", "tab\there.md"])
def test_a_deck_name_a_reference_cannot_hold_is_refused_up_front(
    course: Path, cli: Cli, name: str
) -> None:
    (course / "slides" / name).write_text("# Hi\n", encoding="utf-8")
    code, _, err = cli("update", "--lang", "sv")
    assert code == 2
    lines = [line for line in err.splitlines() if "cannot be written in a catalogue" in line]
    assert len(lines) == 1, err  # files.py also warns about the name's white space
    assert lines[0].startswith("slides/" + name.encode("unicode_escape").decode("ascii") + ": ")
    assert Path(PO).is_file()  # the other decks are updated
    assert cli("build", "--lang", "sv")[0] == 0


def test_a_deck_name_that_is_not_utf8_is_refused_up_front(course: Path, cli: Cli) -> None:
    (course / "slides" / "caf\udce9.md").write_text("# Hi\n", encoding="utf-8")
    code, _, err = cli("update", "--lang", "sv")
    assert code == 2
    assert err.startswith("slides/caf\\udce9.md: ") and len(err.splitlines()) == 1, err
    assert Path(PO).is_file()


# --- item 7: entries marp-i18n does not write -------------------------------------------


def add(path: Path, block: str) -> int:
    """Append an entry; return its first line."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n" + block, encoding="utf-8")
    return text.count("\n") + 2


def test_a_plural_entry_is_kept_as_obsolete_with_a_warning(course: Path, cli: Cli) -> None:
    cli("update", "--lang", "sv")
    block = (
        'msgid "one apple"\nmsgid_plural "%d apples"\n'
        'msgstr[0] "ett äpple"\nmsgstr[1] "%d äpplen"\n'
    )
    line = add(Path(PO), block)
    code, _, err = cli("update", "--lang", "sv")
    assert code == 0
    assert err == (
        f"{PO}:{line}: warning: a plural entry (msgid_plural), which no deck text has; "
        "ignored (update keeps it as obsolete, #~)\n"
    )
    po = polib.pofile(PO)
    [kept] = [e for e in po if e.msgid == "one apple"]
    assert kept.obsolete and kept.msgid_plural == "%d apples"
    assert kept.msgstr_plural == {0: "ett äpple", 1: "%d äpplen"}
    assert cli("update", "--lang", "sv")[2] == ""  # said once; then stable


def test_a_msgctxt_duplicate_is_reported_and_ignored(course: Path, cli: Cli) -> None:
    cli("update", "--lang", "sv")
    translate(Path(PO), {"Hello": "Hej"})
    line = add(Path(PO), 'msgctxt "evil"\nmsgid "Hello"\nmsgstr "Pwned <script>"\n')
    warning = f"{PO}:{line}: warning: an entry with msgctxt"
    code, _, err = cli("build", "--lang", "sv")
    assert code == 0 and warning in err, err
    built = Path("build/sv/a/index.md").read_text(encoding="utf-8")
    assert "# Hej" in built and "Pwned" not in built
    code, out, err = cli("check", "--format", "plain")
    assert (
        "Pwned" not in out + err and warning.replace("warning: ", "warning: stale: ") in out + err
    )
    from i18n.catalogue.pofile import read_with_warnings

    read, warnings = read_with_warnings(Path(PO).read_bytes(), PO)
    assert translations(read) == {"Hello": "Hej"}
    assert len(warnings) == 1 and str(warnings[0]).startswith(warning)
    code, _, err = cli("update", "--lang", "sv")
    assert code == 0 and warning in err
    assert translations(read_catalogue(Path(PO).read_bytes(), PO)) == {"Hello": "Hej"}
