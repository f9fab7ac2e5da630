"""``update`` on real decks: every edit a course maintainer makes, with msgen-filled
catalogues, and the exact catalogue that results; then the whole corpus."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import CORPUS, Cli

from i18n.catalogue._canonical import po_text
from i18n.catalogue.pofile import read_catalogue
from i18n.cli.main import main

DECK = CORPUS / "menacit__virt_base_course" / "12-confidential_hw_virt.md"
PO = Path("locales/sv/deck.po")

Row = tuple[str, str, bool, str | None, bool]


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")


def rows(path: Path = PO) -> list[Row]:
    """(msgid, msgstr, fuzzy, previous msgid, obsolete) of every entry, in file order."""
    return [
        (e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid, bool(e.obsolete))
        for e in polib.pofile(str(path))
    ]


def update(*args: str) -> None:
    assert main(["update", *args]) == 0


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course with one real deck and its Swedish catalogue filled by msgen."""
    if not DECK.is_file():
        pytest.skip(f"corpus not found at {CORPUS}")
    need("msgen")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slides").mkdir()
    shutil.copyfile(DECK, tmp_path / "slides" / "deck.md")
    (tmp_path / "pyproject.toml").write_text('[tool.marp-i18n]\nlanguages = ["sv"]\n')
    update()
    subprocess.run(["msgen", str(PO), "-o", str(PO)], check=True)
    update()
    return tmp_path


def edit(old: str, new: str) -> None:
    path = Path("slides/deck.md")
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def slides() -> tuple[str, list[str]]:
    text = Path("slides/deck.md").read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    return text[:end], text[end:].split("\n---\n")


def write_slides(head: str, parts: list[str]) -> None:
    Path("slides/deck.md").write_text(head + "\n---\n".join(parts), encoding="utf-8")


def test_one_word_changed_in_a_paragraph(course: Path) -> None:
    before = rows()
    old = "Traditionally, we must trust the hypervisor and operators of underlying infrastructure."
    new = old.replace("Traditionally", "Historically")
    edit(old, new)
    update()
    expected = [
        (new, old, True, old, False) if msgid == old else (msgid, msgstr, False, None, False)
        for msgid, msgstr, *_ in before
    ]
    assert rows() == expected  # issue 13: no obsolete copy beside the fuzzy entry
    text = PO.read_text(encoding="utf-8")
    assert (
        "#. slide 2, paragraph\n"
        "#: slides/deck.md\n"
        "#, fuzzy\n"
        '#| msgid ""\n'
        '#| "Traditionally, we must trust the hypervisor and operators of underlying "\n'
        '#| "infrastructure."\n'
        'msgid ""\n'
        '"Historically, we must trust the hypervisor and operators of underlying "\n'
        '"infrastructure."\n'
        'msgstr ""\n'
        '"Traditionally, we must trust the hypervisor and operators of underlying "\n'
        '"infrastructure."\n'
    ) in text
    assert "#~" not in text


def test_deleted_slide_becomes_obsolete_and_comes_back(course: Path) -> None:
    before = rows()
    head, parts = slides()
    removed = parts.pop(2)
    write_slides(head, parts)
    update()
    kept = {e.msgid for e in polib.pofile("locales/deck.pot")}
    gone = [r for r in before if r[0] not in kept]
    assert gone  # the slide had text of its own
    after = rows()
    assert [r for r in after if r[4]] == [(m, s, False, None, True) for m, s, *_ in gone]
    assert [r for r in after if not r[4]] == [r for r in before if r not in gone]
    parts.insert(2, removed)
    write_slides(head, parts)
    update()
    assert rows() == before


def test_reordered_slides_lose_nothing_and_nothing_is_fuzzy(course: Path) -> None:
    before = rows()
    head, parts = slides()
    parts[1], parts[3] = parts[3], parts[1]
    write_slides(head, parts)
    update()
    after = rows()
    assert sorted(after) == sorted(before)
    assert not any(fuzzy or obsolete for _, _, fuzzy, _, obsolete in after)


def test_edited_speaker_note(course: Path) -> None:
    before = rows()
    note = [m for m, *_ in before if m.startswith("The hypervisor can snoop")]
    assert len(note) == 1
    edit("snoop on the guests'", "spy on the guests'")
    update()
    new = note[0].replace("snoop", "spy")
    after = rows()
    assert (new, note[0], True, note[0], False) in after
    assert not any(r[4] for r in after)  # issue 13: no obsolete copy
    assert len([r for r in after if r[2]]) == 1


def test_changed_title(course: Path) -> None:
    old = "Virtualisation course: Confidential computing"
    edit(f'title: "{old}"', 'title: "Virtualisation course: Confidential computing today"')
    update()
    after = rows()
    assert after[0] == (f"{old} today", old, True, old, False)
    text = PO.read_text(encoding="utf-8")
    assert text.startswith(
        "# Swedish translation of the Marp deck deck.md: "
        "Virtualisation course: Confidential computing today\n"
    )
    assert '"Project-Id-Version: Virtualisation course: Confidential computing today\\n"' in text


def test_translator_comment_and_header_survive(course: Path) -> None:
    text = PO.read_text(encoding="utf-8")
    text = text.replace("#. slide 1, heading\n", "# keep it short\n#. slide 1, heading\n", 1)
    text = text.replace("FULL NAME <EMAIL@ADDRESS>", "Anna <anna@example.org>")
    PO.write_text(text, encoding="utf-8")
    edit("Confidential computing\n", "Confidential computing!\n")
    update()
    po = polib.pofile(str(PO))
    assert po.metadata["Last-Translator"] == "Anna <anna@example.org>"
    # On the changed entry (fuzzy), which replaces the old one (issue 13).
    assert [
        (e.tcomment, e.msgid, e.obsolete) for e in po if e.msgid.startswith("Confidential comp")
    ] == [("keep it short", "Confidential computing!", 0)]


def test_revision_date_changes_only_with_content(course: Path) -> None:
    first = PO.read_bytes()
    update()
    assert PO.read_bytes() == first
    edit("Traditionally", "Historically")
    update()
    old_date = polib.pofile(first.decode()).metadata["PO-Revision-Date"]
    assert polib.pofile(str(PO)).metadata["PO-Revision-Date"] >= old_date
    assert PO.read_bytes() != first


@pytest.mark.corpus
def test_whole_corpus_is_canonical_and_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Path]
) -> None:
    need("msgcat")
    need("msgfmt")
    monkeypatch.chdir(tmp_path)
    slides = tmp_path / "slides"
    for deck in corpus:
        target = slides / deck.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(deck, target)
    update("--lang", "sv")
    files = sorted(Path("locales").rglob("*.po*"))
    assert len(files) == 2 * len(corpus)
    snapshot = {path: path.read_bytes() for path in files}
    for path in files:
        canonical = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
        assert canonical.stdout == snapshot[path], path
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    update("--lang", "sv")
    assert {path: path.read_bytes() for path in files} == snapshot


def test_an_update_breaks_only_new_strings_into_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """The lines each catalogue's strings were broken into are kept in the cache: after
    an edit of one paragraph, only the strings that are new anywhere are broken into
    lines again, and every file is what an update without the cache writes."""
    from i18n.catalogue import _canonical

    monkeypatch.setenv("MARP_I18N_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MARP_I18N_NO_CACHE", raising=False)
    root = tmp_path / "course"
    (root / "slides").mkdir(parents=True)
    (root / "marp-i18n.toml").write_text('languages = ["sv", "de"]\n', encoding="utf-8")
    paragraphs = [f"Paragraph {n} has words enough to be broken into lines: " * 3 for n in range(8)]
    deck = root / "slides" / "a.md"
    deck.write_text("# Title\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert cli("update", "-q")[0] == 0
    for lang in ("sv", "de"):  # translated, so the msgstrs are broken into lines too
        path = root / "locales" / lang / "a.po"
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = f"{lang}: {entry.msgid}"
        path.write_text(po_text(po), encoding="utf-8")
    assert cli("update", "-q")[0] == 0

    deck.write_text(deck.read_text().replace("Paragraph 3 has", "Paragraph 3 now has"))
    broken: list[tuple[str, str, str]] = []
    real = _canonical._wrap

    def counted(prefix: str, name: str, value: str) -> tuple[str, ...]:
        broken.append((prefix, name, value))
        return real(prefix, name, value)

    _canonical._LINES.forget()  # as a new process: only the cache remembers
    monkeypatch.setattr(_canonical, "_wrap", counted)
    assert cli("update", "-q")[0] == 0
    new = paragraphs[3].replace("Paragraph 3 has", "Paragraph 3 now has").strip()
    # Of the strings long enough to need breaking into lines: the new msgid (once for
    # all files), the old one as a fuzzy entry's #| msgid (once), and the header of
    # each file (its dates change); no other msgid or msgstr.
    long = [value for _, _, value in broken if len(value) > 70]
    headers = [value for value in long if "Content-Type:" in value]
    assert sorted(set(long) - set(headers)) == sorted({new, paragraphs[3].strip()})
    assert len(long) - len(headers) == 2 and len(headers) <= 4, long
    monkeypatch.setattr(_canonical, "_wrap", real)
    _canonical._LINES.forget()
    files = sorted((root / "locales").rglob("*.po*"))
    assert len(files) == 3
    for path in files:  # each file is what writing its content from scratch gives
        text = path.read_text(encoding="utf-8")
        assert po_text(read_catalogue(text, str(path))) == text, path
