"""The glossary, consistency and spelling checks on a small course with planted faults,
each reported (or not) at its PO file and line; the glossary files themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest

from i18n.catalogue.pofile import catalogue_text, read_catalogue
from i18n.check import check_course, read_settings
from i18n.check.report import Finding
from i18n.check.spelling import find_dictionary, hunspell_command
from i18n.config import Config
from i18n.errors import GlossaryError
from i18n.glossary.match import Stemmer, TermIndex, contains, words
from i18n.glossary.read import read_glossary
from i18n.update import update_project

DECK_A = """\
# Virtual machines

The hypervisor runs every virtual machine.

Run `hypervisor --list` or read https://example.com/virtual-machine first.

AMD SEV protects the guest.

The host runs the guests.

A hypervisor is small.
"""
DECK_B = """\
# Hosts

The host runs the guests.

A virtual machine is a guest.
"""
GLOSSARY = """\
source,target,comment
hypervisor,hypervisor,
hypervisor,virtualiseringslager,forbidden
virtual machine,virtuell maskin,
guest,gäst,
host,värd,
AMD SEV,,do not translate
"""
GOOD = {
    "Virtual machines": "Virtuella maskiner",
    "The hypervisor runs every virtual machine.": "Hypervisorn kör varje virtuell maskin.",
    # the term inside code and a URL is not asked for in the translation
    "Run `hypervisor --list` or read https://example.com/virtual-machine first.": (
        "Kör `hypervisor --list` eller läs https://example.com/virtual-machine först."
    ),
    "AMD SEV protects the guest.": "AMD SEV skyddar gästen.",
    "The host runs the guests.": "Värden kör gästerna.",
    "A hypervisor is small.": "En hypervisor är liten.",
    "Hosts": "Värdar",
    "A virtual machine is a guest.": "En virtuell maskin är en gäst.",
}


def make_course(root: Path, a: dict[str, str], b: dict[str, str], words: str = "") -> Config:
    (root / "slides").mkdir()
    (root / "slides" / "a.md").write_text(DECK_A, encoding="utf-8")
    (root / "slides" / "b.md").write_text(DECK_B, encoding="utf-8")
    config = Config(root=root, languages=("sv",), slides=root / "slides", locales=root / "locales")
    (root / "locales" / "sv").mkdir(parents=True)
    (root / "locales" / "sv" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    if words:
        (root / "locales" / "sv" / "words.txt").write_text(words, encoding="utf-8")
    for line in update_project(config, ("sv",), "2026-01-01 00:00+0000"):
        assert not line.error, line.text
    for deck, translations in (("a", a), ("b", b)):
        path = root / "locales" / "sv" / f"{deck}.po"
        po = read_catalogue(path.read_bytes(), str(path))
        for entry in po:
            entry.msgstr = translations.get(entry.msgid, GOOD.get(entry.msgid, ""))
        path.write_text(catalogue_text(po), encoding="utf-8")
    return config


def line_of(path: Path, msgid: str) -> int:
    """The first line of the entry of ``msgid`` (its comments), as findings name it,
    read from the PO file as text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'msgid "{msgid}"')
    while at > 0 and lines[at - 1]:
        at -= 1
    return at + 1


def findings(config: Config, *checks: str) -> list[Finding]:
    report = check_course(config, read_settings({}), jobs=1)
    assert not report.errors, report.errors
    return [f for f in report.findings if f.check in checks]


def test_a_correct_course_passes_with_inflected_terms(tmp_path: Path) -> None:
    config = make_course(tmp_path, {}, {})
    assert findings(config, "glossary", "consistency") == []


def test_planted_glossary_faults_are_reported_at_their_po_lines(tmp_path: Path) -> None:
    bad = {
        "The hypervisor runs every virtual machine.": "Hypervisorn kör varje VM-instans.",
        "AMD SEV protects the guest.": "AMD:s säkra virtualisering skyddar gästen.",
        "A hypervisor is small.": "Ett virtualiseringslager är litet.",
    }
    config = make_course(tmp_path, bad, {})
    po = tmp_path / "locales" / "sv" / "a.po"
    found = {(f.path, f.line): f.message for f in findings(config, "glossary")}
    where = po.as_posix()
    assert set(found) == {
        (where, line_of(po, "The hypervisor runs every virtual machine.")),
        (where, line_of(po, "AMD SEV protects the guest.")),
        (where, line_of(po, "A hypervisor is small.")),
    }
    assert "virtuell maskin" in found[(where, line_of(po, next(iter(bad))))]
    assert "never translated" in found[(where, line_of(po, "AMD SEV protects the guest."))]
    small = found[(where, line_of(po, "A hypervisor is small."))]
    assert '"virtualiseringslager" is a forbidden translation' in small
    assert '"hypervisor" must be translated as "hypervisor"' in small


def test_the_same_text_translated_two_ways_in_two_decks(tmp_path: Path) -> None:
    config = make_course(tmp_path, {}, {"The host runs the guests.": "Värden driver gästerna."})
    a, b = (tmp_path / "locales" / "sv" / f"{d}.po" for d in "ab")
    found = findings(config, "consistency")
    errors = [f for f in found if f.severity == "error"]
    assert len(errors) == 1
    # both PO lines: the finding stands at one, its message names the other
    lines = {(p.as_posix(), line_of(p, "The host runs the guests.")) for p in (a, b)}
    assert (errors[0].path, errors[0].line) in lines
    other = (lines - {(errors[0].path, errors[0].line)}).pop()
    assert f"{other[0]}:{other[1]}" in errors[0].message


def assert_one_inconsistency_after_changing_b(config: Config, root: Path) -> None:
    """b.po translates "host" another way than a.po: one finding, at b's entry."""
    path = root / "locales" / "sv" / "b.po"
    po = read_catalogue(path.read_bytes(), str(path))
    po.find("The host runs the guests.").msgstr = "Värden driver gästerna."
    path.write_text(catalogue_text(po), encoding="utf-8")
    found = findings(config, "consistency")
    assert [(f.path, f.line) for f in found] == [
        (path.as_posix(), line_of(path, "The host runs the guests."))
    ]


def test_one_changed_catalogue_is_compared_with_the_cached_others(tmp_path: Path) -> None:
    """The commit hook's case: deck a comes from the cache, b changed; b's new
    translation is still compared with a's."""
    config = make_course(tmp_path, {}, {})
    assert findings(config, "consistency") == []
    assert findings(config, "consistency") == []  # every deck and the course from the cache
    assert_one_inconsistency_after_changing_b(config, tmp_path)


def test_a_deck_whose_cached_entries_are_gone_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deck's report and its entries are cached apart, and a report is used on every
    run while its entries are read only when some deck changed, so pruning can take the
    entries alone: the deck is then checked again, never left out of the comparison."""
    from i18n.cache import Cache
    from i18n.check.course import DeckEntries

    config = make_course(tmp_path, {}, {})
    assert findings(config, "consistency") == []  # every report and entry cached
    real_get = Cache.get

    def pruned(self: Cache, key: str, kind: type[Any]) -> Any:
        return None if kind is DeckEntries else real_get(self, key, kind)

    monkeypatch.setattr(Cache, "get", pruned)
    assert_one_inconsistency_after_changing_b(config, tmp_path)


def test_one_translation_of_two_sources_is_an_info_line(tmp_path: Path) -> None:
    config = make_course(tmp_path, {"Virtual machines": "Värdar"}, {})
    info = [f for f in findings(config, "consistency") if f.severity == "info"]
    assert len(info) == 1 and "whose source is" in info[0].message


def test_ignore_comment_switches_the_glossary_off_for_an_entry(tmp_path: Path) -> None:
    config = make_course(tmp_path, {"AMD SEV protects the guest.": "AMD:s SEV skyddar gästen."}, {})
    assert len(findings(config, "glossary")) == 1
    path = tmp_path / "locales" / "sv" / "a.po"
    po = read_catalogue(path.read_bytes(), str(path))
    po.find("AMD SEV protects the guest.").tcomment = "marp-i18n: ignore glossary"
    path.write_text(catalogue_text(po), encoding="utf-8")
    assert findings(config, "glossary") == []


def test_spelling_with_a_word_list(tmp_path: Path) -> None:
    if hunspell_command() is None or find_dictionary("sv") is None:
        pytest.skip("needs the hunspell command and hunspell-sv (make system installs them)")
    bad = {"A hypervisor is small.": "En hypervisor är liten och snabbb."}
    config = make_course(tmp_path, bad, {"Hosts": "Värdar och qwertzmaskiner"})
    po_a, po_b = (tmp_path / "locales" / "sv" / f"{d}.po" for d in "ab")
    found = {(f.path, f.line): f.message for f in findings(config, "spelling")}
    assert set(found) == {
        (po_a.as_posix(), line_of(po_a, "A hypervisor is small.")),
        (po_b.as_posix(), line_of(po_b, "Hosts")),
    }
    assert "snabbb" in found[(po_a.as_posix(), line_of(po_a, "A hypervisor is small."))]
    # a question for the translator, not a failed run: no dictionary knows every compound
    assert {f.severity for f in findings(config, "spelling")} == {"warning"}
    # a word on the course word list is accepted, in any inflected form
    (tmp_path / "locales" / "sv" / "words.txt").write_text("qwertzmaskin\n", encoding="utf-8")
    left = {(f.path, f.line) for f in findings(config, "spelling")}
    assert left == {(po_a.as_posix(), line_of(po_a, "A hypervisor is small."))}


def test_no_dictionary_is_one_info_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_course(tmp_path, {}, {})
    monkeypatch.setattr("i18n.check.spelling.hunspell_command", lambda: None)
    found = findings(config, "spelling")
    assert [(f.severity, f.line) for f in found] == [("info", None)]
    assert "spelling not checked" in found[0].message


def test_inflected_swedish_forms_match_the_term() -> None:
    stems = Stemmer("sv").stems("virtuell maskin")
    for text in ("virtuell maskin", "virtuella maskiner", "den virtuella maskinen"):
        assert contains(text, stems), text
        assert contains(text, stems, words(text)), text
    assert not contains("en vm-instans", stems)
    assert not contains("maskinen är virtuell", stems)  # not consecutive


def test_glossary_hits_are_found_by_source_stems(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    index = TermIndex(read_glossary(tmp_path, "sv"), "en")
    hits = index.hits("The hypervisors run virtual machines for AMD SEV guests")
    assert [t.source for t in hits] == ["hypervisor", "virtual machine", "AMD SEV", "guest"]


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry><langSet xml:lang="en"><tig><term>hypervisor</term></tig></langSet>
<langSet xml:lang="sv"><tig><term>hypervisor</term></tig>
<tig><term>virtualiseringslager</term>
<termNote type="administrativeStatus">forbidden</termNote></tig></langSet></termEntry>
<termEntry><langSet xml:lang="en"><tig><term>Intel TDX</term>
<termNote type="translationNote">no</termNote></tig></langSet></termEntry>
</body></text></martif>
"""


def test_tbx_as_weblate_writes_it(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "glossary.tbx").write_text(TBX, encoding="utf-8")
    glossary = read_glossary(tmp_path, "sv")
    by_source = {t.source: t for t in glossary.terms}
    assert by_source["hypervisor"].target == "hypervisor"
    assert by_source["hypervisor"].forbidden == ("virtualiseringslager",)
    assert by_source["Intel TDX"].keep


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("glossary.csv", b"hypervisor,hypervisor\n", "the first row must name the columns"),
        ("glossary.csv", b"source,target\n\xff\n", "not UTF-8"),
        ("glossary.tbx", b"<martif><text>", "not TBX"),
    ],
)
def test_a_bad_glossary_is_one_clear_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / name).write_bytes(data)
    with pytest.raises(GlossaryError) as caught:
        read_glossary(tmp_path, "sv")
    assert message in str(caught.value) and name in str(caught.value)


def test_update_writes_the_terms_as_a_comment_without_churn(tmp_path: Path) -> None:
    config = make_course(tmp_path, {}, {})
    path = tmp_path / "locales" / "sv" / "a.po"
    entry = polib.pofile(str(path)).find("The hypervisor runs every virtual machine.")
    assert (
        "glossary: hypervisor → hypervisor (not virtualiseringslager); "
        "virtual machine → virtuell maskin"
    ) in entry.comment.split("\n")
    before = path.read_bytes()
    lines = list(update_project(config, ("sv",), "2027-01-01 00:00+0000"))
    assert path.read_bytes() == before, [x.text for x in lines]


def test_terms_proposes_frequent_terms_with_their_decks(tmp_path: Path) -> None:
    from i18n.files import find_decks, load_deck
    from i18n.terms import candidates

    make_course(tmp_path, {}, {})
    decks = [load_deck(d, ()) for d in find_decks(tmp_path / "slides")[0]]
    found = {c.term: c for c in candidates(decks)}
    assert found["hypervisor"].count == 2 and found["hypervisor"].decks == ("a.md",)
    assert found["virtual machine"].decks == ("a.md", "b.md")


def test_an_unedited_terms_csv_keeps_nothing_untranslated(tmp_path: Path) -> None:
    """``terms --csv`` leaves targets empty, and an empty target means "never
    translated": its rows must do nothing until someone fills them in."""
    from i18n.files import find_decks, load_deck
    from i18n.terms import as_csv, candidates

    make_course(tmp_path, {}, {})
    decks = [load_deck(d, ()) for d in find_decks(tmp_path / "slides")[0]]
    glossary = tmp_path / "locales" / "sv" / "glossary.csv"
    written = as_csv(candidates(decks))
    glossary.write_text(written, encoding="utf-8")
    assert read_glossary(tmp_path / "locales", "sv").terms == ()
    row = next(r for r in written.splitlines() if r.startswith("hypervisor,"))
    filled = row.replace("hypervisor,,", "hypervisor,hypervisor,", 1)
    glossary.write_text(written.replace(row, filled), encoding="utf-8")
    (term,) = read_glossary(tmp_path / "locales", "sv").terms
    assert (term.source, term.target, term.keep) == ("hypervisor", "hypervisor", False)


def test_review_marks_terms(tmp_path: Path) -> None:
    from i18n.report.review_terms import marked_pair

    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    index = TermIndex(read_glossary(tmp_path, "sv"), "en")
    source, target = marked_pair(
        index, "The virtual machine runs `hypervisor`", "Den virtuella maskinen kör `hypervisor`"
    )
    assert source.count("<mark") == 1 and ">virtual machine</mark>" in source
    assert ">virtuella maskinen</mark>" in target and target.count("<mark") == 1
