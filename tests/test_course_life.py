"""A course's life through ``update``, ``check`` and ``build``: text moved to another deck,
a deck renamed or removed, a bad file beside good ones; exact entries and exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from conftest import Cli

from i18n.segment import segment_deck

Entry = tuple[str, str, tuple[str, ...], bool, str | None]
"""(msgid, msgstr, flags, obsolete, previous msgid) of one PO entry."""


def entries(path: str | Path) -> list[Entry]:
    """Every entry of a PO file but the header, as comparable tuples."""
    return [
        (e.msgid, e.msgstr, tuple(e.flags), bool(e.obsolete), e.previous_msgid)
        for e in polib.pofile(str(path))
        if e.msgid
    ]


def translate(path: str | Path, done: dict[str, str]) -> None:
    """Fill the catalogue as a translator would: the msgids of ``done``, confirmed."""
    po = polib.pofile(str(path), wrapwidth=79)
    for entry in po:
        if entry.msgid in done:
            entry.msgstr = done[entry.msgid]
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            entry.previous_msgid = None
    po.save()


def write(path: str, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")


SV = {
    "Intro": "Intro sv",
    "Welcome to the course": "Välkommen till kursen",
    "Hypervisors": "Hypervisorer",
    "A hypervisor runs virtual machines": "En hypervisor kör virtuella maskiner",
    "Containers share one kernel": "Containrar delar en kärna",
    "Questions?": "Frågor?",
}


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    """Two decks, translated into Swedish."""
    monkeypatch.chdir(tmp_path)
    write("pyproject.toml", '[tool.marp-i18n]\nlanguages = ["sv"]\n')
    write("slides/intro.md", "# Intro\n\nWelcome to the course\n")
    write(
        "slides/hv.md",
        "# Hypervisors\n\nA hypervisor runs virtual machines\n\n"
        "Containers share one kernel\n\n---\n\nQuestions?\n",
    )
    assert cli("update", "-q") == (0, "", "")
    translate("locales/sv/intro.po", SV)
    translate("locales/sv/hv.po", SV)
    return tmp_path


def test_text_moved_to_another_deck_keeps_its_translation(course: Path, cli: Cli) -> None:
    write("slides/intro.md", "# Intro\n\nWelcome to the course\n\nContainers share one kernel\n")
    write("slides/hv.md", "# Hypervisors\n\nA hypervisor runs virtual machines\n\nQuestions?\n")
    code, out, err = cli("update")
    assert (code, err) == (0, "")
    assert "locales/sv/intro.po: 3 translated, 0 fuzzy, 0 untranslated, 0 obsolete" in out
    assert entries("locales/sv/intro.po") == [
        ("Intro", "Intro sv", (), False, None),
        ("Welcome to the course", "Välkommen till kursen", (), False, None),
        ("Containers share one kernel", "Containrar delar en kärna", (), False, None),
    ]
    assert entries("locales/sv/hv.po") == [
        ("Hypervisors", "Hypervisorer", (), False, None),
        ("A hypervisor runs virtual machines", SV["A hypervisor runs virtual machines"],
         (), False, None),
        ("Questions?", "Frågor?", (), False, None),
        ("Containers share one kernel", "Containrar delar en kärna", (), True, None),
    ]  # fmt: skip


def test_a_text_translated_two_ways_elsewhere_is_only_suggested(course: Path, cli: Cli) -> None:
    """Two decks disagree on "Questions?": neither translation is sure, so it is fuzzy."""
    write("slides/outro.md", "# Outro\n\nQuestions?\n")
    cli("update", "-q")
    translate("locales/sv/outro.po", {"Outro": "Slut", "Questions?": "Några frågor?"})
    write("slides/new.md", "# Hypervisors\n\nQuestions?\n")
    assert cli("update", "-q")[0] == 0
    found = {e[0]: e for e in entries("locales/sv/new.po")}
    assert found["Hypervisors"] == ("Hypervisors", "Hypervisorer", (), False, None)
    assert found["Questions?"][1] in ("Frågor?", "Några frågor?")
    assert found["Questions?"][2] == ("fuzzy",)


def test_a_renamed_deck_keeps_its_catalogue(course: Path, cli: Cli) -> None:
    before = Path("locales/sv/hv.po").read_text(encoding="utf-8")
    Path("slides/hv.md").rename("slides/02-hypervisors.md")
    code, out, err = cli("update")
    assert (code, err) == (0, "")
    why = "(slides/02-hypervisors.md is slides/hv.md renamed: 4 of its 4 texts)"
    assert out.splitlines()[:2] == [
        f"locales/sv/hv.po: moved to locales/sv/02-hypervisors.po {why}",
        f"locales/hv.pot: moved to locales/02-hypervisors.pot {why}",
    ]
    assert not Path("locales/sv/hv.po").exists() and not Path("locales/hv.pot").exists()
    after = Path("locales/sv/02-hypervisors.po").read_text(encoding="utf-8")
    assert after == before.replace("hv.md", "02-hypervisors.md")  # references, header
    assert all(not flags and msgstr for _, msgstr, flags, _, _ in entries(
        "locales/sv/02-hypervisors.po"))  # fmt: skip


def test_a_renamed_deck_is_followed_after_extract_wrote_its_template(
    course: Path, cli: Cli
) -> None:
    Path("slides/hv.md").rename("slides/02-hypervisors.md")
    assert cli("extract", "-q")[0] == 0
    code, out, err = cli("update")
    assert (code, err) == (0, "")
    why = "(slides/02-hypervisors.md is slides/hv.md renamed: 4 of its 4 texts"
    assert out.splitlines()[:2] == [
        f"locales/sv/hv.po: moved to locales/sv/02-hypervisors.po {why})",
        f"locales/hv.pot: removed {why}; locales/02-hypervisors.pot is its template)",
    ]
    assert sorted(p.as_posix() for p in Path("locales").rglob("*.po*")) == [
        "locales/02-hypervisors.pot",
        "locales/intro.pot",
        "locales/sv/02-hypervisors.po",
        "locales/sv/intro.po",
    ]


def test_a_renamed_deck_is_moved_with_git_mv_when_git_tracks_it(course: Path, cli: Cli) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "add", "-A"], check=True)
    who = ["-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", *who, "commit", "-qm", "course"], check=True)
    subprocess.run(["git", "mv", "slides/hv.md", "slides/hypervisors.md"], check=True)
    code, out, _ = cli("update")
    assert code == 0
    assert out.startswith("locales/sv/hv.po: git mv to locales/sv/hypervisors.po (")
    status = subprocess.run(
        ["git", "status", "--porcelain"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert "RM locales/sv/hv.po -> locales/sv/hypervisors.po" in status
    assert "RM locales/hv.pot -> locales/hypervisors.pot" in status


def test_a_split_deck_moves_no_catalogue_and_keeps_every_translation(
    course: Path, cli: Cli
) -> None:
    Path("slides/hv.md").unlink()
    write("slides/hv1.md", "# Hypervisors\n\nA hypervisor runs virtual machines\n")
    write("slides/hv2.md", "# Containers\n\nContainers share one kernel\n\n---\n\nQuestions?\n")
    code, out, err = cli("update")
    assert code == 0
    assert "moved" not in out
    assert entries("locales/sv/hv2.po") == [
        ("Containers", "", (), False, None),
        ("Containers share one kernel", "Containrar delar en kärna", (), False, None),
        ("Questions?", "Frågor?", (), False, None),
    ]
    orphaned = "left from slides/hv.md, which no longer exists; `marp-i18n update --prune` "
    assert err.splitlines() == [
        f"locales/sv/hv.po: warning: {orphaned}keeps its translations as memory and removes it",
        f"locales/hv.pot: warning: {orphaned}keeps its translations as memory and removes it",
    ]


def test_two_decks_like_one_orphan_are_unclear_and_move_nothing(course: Path, cli: Cli) -> None:
    text = Path("slides/hv.md").read_text(encoding="utf-8")
    Path("slides/hv.md").unlink()
    write("slides/a.md", text)
    write("slides/b.md", text)
    code, out, err = cli("update")
    assert code == 0 and "moved" not in out
    assert err.splitlines()[0] == (
        "slides/a.md: warning: its texts match the catalogues of the removed slides/hv.md "
        "(so does slides/b.md); which deck was renamed is unclear, so none was moved (its texts "
        "still find their translations in the other catalogues); to keep them, move them by hand"
    )
    assert Path("locales/sv/hv.po").exists()
    assert all(not e[2] and e[1] for e in entries("locales/sv/a.po"))


def test_a_deleted_deck_is_reported_pruned_into_memory_and_found_again(
    course: Path, cli: Cli
) -> None:
    Path("slides/hv.md").unlink()
    code, _, err = cli("update")
    assert code == 0
    assert err.startswith("locales/sv/hv.po: warning: left from slides/hv.md, which no longer")
    code, out, _ = cli("check", "--format", "json")
    found = [f for f in json.loads(out)["findings"] if f["check"] == "orphaned-catalogue"]
    assert (code, [(f["path"], f["severity"]) for f in found]) == (
        0,
        [("locales/sv/hv.po", "warning"), ("locales/hv.pot", "warning")],
    )
    assert cli("check", "--disable", "orphaned-catalogue")[1].count("orphaned") == 0

    code, out, err = cli("update", "--prune")
    assert (code, err) == (0, "")
    assert out.splitlines()[-3:-1] == [
        "locales/sv/hv.po: removed (4 translations kept in locales/sv.memory.po)",
        "locales/hv.pot: removed (its deck is gone)",
    ]
    assert sorted(p.as_posix() for p in Path("locales").rglob("*.po*")) == [
        "locales/intro.pot",
        "locales/sv.memory.po",
        "locales/sv/intro.po",
    ]
    memory = polib.pofile("locales/sv.memory.po")
    assert memory.metadata["Language"] == "sv"
    assert [(e.msgid, e.msgstr, e.occurrences, e.obsolete) for e in memory] == [
        ("A hypervisor runs virtual machines", "En hypervisor kör virtuella maskiner",
         [("slides/hv.md", "")], False),
        ("Containers share one kernel", "Containrar delar en kärna", [("slides/hv.md", "")], False),
        ("Hypervisors", "Hypervisorer", [("slides/hv.md", "")], False),
        ("Questions?", "Frågor?", [("slides/hv.md", "")], False),
    ]  # fmt: skip
    assert cli("check")[0] == 0  # nothing orphaned any more; the memory is no deck's

    write("slides/later.md", "# Questions?\n\nA hypervisor runs virtual machines!\n")
    assert cli("update", "-q")[0] == 0
    assert entries("locales/sv/later.po") == [
        ("Questions?", "Frågor?", (), False, None),
        ("A hypervisor runs virtual machines!", "En hypervisor kör virtuella maskiner",
         ("fuzzy",), False, "A hypervisor runs virtual machines"),
    ]  # fmt: skip
    code, _, _ = cli("build", "-q")
    assert code == 0 and sorted(p.name for p in Path("build/sv").glob("*.md")) == [
        "intro.md",
        "later.md",
    ]


def test_the_memory_is_a_po_file_gettext_reads_and_would_write_the_same(
    course: Path, cli: Cli
) -> None:
    if shutil.which("msgcat") is None or shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext (msgcat, msgfmt) is not installed")
    Path("slides/hv.md").unlink()
    assert cli("update", "-q", "--prune")[0] == 0
    memory = Path("locales/sv.memory.po")
    msgcat = subprocess.run(["msgcat", str(memory)], capture_output=True, text=True, check=True)
    assert msgcat.stdout == memory.read_text(encoding="utf-8")
    msgfmt = ["msgfmt", "--check", "-o", "/dev/null", str(memory)]
    assert subprocess.run(msgfmt, capture_output=True, text=True, check=True).stderr == ""


def test_prune_leaves_a_broken_orphan_where_it_is(course: Path, cli: Cli) -> None:
    Path("slides/hv.md").unlink()
    broken = Path("locales/sv/hv.po").read_bytes() + b'\nmsgid "x\n'
    Path("locales/sv/hv.po").write_bytes(broken)
    code, _, err = cli("update", "--prune")
    assert code == 2
    assert err.startswith("locales/sv/hv.po:")
    assert "not a keyword and quoted string" in err
    assert Path("locales/sv/hv.po").read_bytes() == broken
    assert Path("locales/hv.pot").exists()  # its catalogue is still there
    assert not Path("locales/sv.memory.po").exists()


GOOD = ["Hello", "Good text"]


@pytest.fixture
def three(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    """Decks a, b, c in Swedish and German, every text translated."""
    monkeypatch.chdir(tmp_path)
    write("pyproject.toml", '[tool.marp-i18n]\nlanguages = ["sv", "de"]\n')
    for name in "abc":
        write(f"slides/{name}.md", f"# Hello {name}\n\nGood text\n")
    assert cli("update", "-q")[0] == 0
    for lang in ("sv", "de"):
        for name in "abc":
            translate(
                f"locales/{lang}/{name}.po",
                {f"Hello {name}": f"{lang} {name}", "Good text": f"{lang} good"},
            )
    return tmp_path


BROKEN_LINE = b'\nmsgid "broken\n'


def built_decks() -> list[str]:
    return sorted(p.as_posix() for p in Path("build").rglob("*.md"))


def every_deck_but(missing_lang: str, missing_name: str) -> list[str]:
    """Each built deck of decks a, b, c in de, en (the source) and sv, but one."""
    return [
        f"build/{lang}/{name}.md"
        for lang in ("de", "en", "sv")
        for name in "abc"
        if (lang, name) != (missing_lang, missing_name)
    ]


def test_a_broken_catalogue_beside_good_ones(three: Path, cli: Cli) -> None:
    path = Path("locales/sv/b.po")
    broken = path.read_bytes() + BROKEN_LINE
    path.write_bytes(broken)
    line = broken.count(b"\n")
    for name in "abc":
        write(f"slides/{name}.md", f"# Hello {name}\n\nGood text\n\nNew text\n")
    code, out, err = cli("update")
    assert code == 2
    assert err == (
        f"locales/sv/b.po:{line}: not a keyword and quoted string; fix it "
        "(msgfmt --check shows the problem) or restore it from git\n"
    )
    assert path.read_bytes() == broken
    assert [line for line in out.splitlines() if "/b.po" in line or "b.pot" in line] == [
        "locales/b.pot: 3 messages",
        "locales/de/b.po: 2 translated, 0 fuzzy, 1 untranslated, 0 obsolete",
    ]
    for lang, name in [("sv", "a"), ("sv", "c"), ("de", "a"), ("de", "b"), ("de", "c")]:
        assert entries(f"locales/{lang}/{name}.po") == [
            (f"Hello {name}", f"{lang} {name}", (), False, None),
            ("Good text", f"{lang} good", (), False, None),
            ("New text", "", (), False, None),
        ]
    code, _, err = cli("build")
    assert code == 2
    assert err.startswith(f"locales/sv/b.po:{line}: not a keyword and quoted string")
    assert built_decks() == every_deck_but("sv", "b")
    assert Path("build/de/b.md").read_text(encoding="utf-8") == (
        "---\nlang: de\n---\n\n# de b\n\nde good\n\nNew text\n"
    )


def not_utf8(deck: Path) -> None:
    deck.write_bytes(b"# Hall\xe5\n")


def missing(deck: Path) -> None:
    deck.unlink()
    deck.symlink_to("gone.md")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (not_utf8, "slides/b.md:1: not UTF-8 (byte 0xe5); save the file as UTF-8"),
        (missing, "slides/b.md: cannot read: No such file or directory"),
    ],
)
def test_an_unreadable_deck_beside_good_ones(
    three: Path, cli: Cli, damage: Callable[[Path], None], message: str
) -> None:
    damage(Path("slides/b.md"))
    saved = {p: p.read_bytes() for p in Path("locales").rglob("b.po*")}
    write("slides/a.md", "# Hello a\n\nGood text\n\nNew text\n")
    code, _, err = cli("update")
    assert (code, err) == (2, message + "\n")
    assert {p: p.read_bytes() for p in Path("locales").rglob("b.po*")} == saved
    assert entries("locales/de/a.po")[-1] == ("New text", "", (), False, None)
    code, _, err = cli("build")
    assert (code, err) == (2, message + "\n")
    assert sorted(p.as_posix() for p in Path("build").rglob("*.md")) == [
        f"build/{lang}/{name}.md" for lang in ("de", "en", "sv") for name in "ac"
    ]


def test_a_front_matter_marp_cannot_read_is_a_warning_and_the_deck_is_done(
    three: Path, cli: Cli
) -> None:
    write("slides/b.md", "---\ntitle: [unclosed\n---\n# Hello b\n\nGood text\n")
    code, _, err = cli("update")
    assert code == 0
    assert err.startswith("slides/b.md:2: warning: Marp ignores this front matter")
    assert entries("locales/sv/b.po") == [
        ("Hello b", "sv b", (), False, None),
        ("Good text", "sv good", (), False, None),
    ]


def test_build_removes_only_its_own_stale_outputs(three: Path, cli: Cli) -> None:
    assert cli("build", "-q")[0] == 0
    manifest = json.loads(Path("build/sv/.marp-i18n-built.json").read_text(encoding="utf-8"))
    assert sorted(manifest["decks"]) == ["a.md", "b.md", "c.md"]
    for lang in ("sv", "de"):  # as `render` leaves them
        write(f"build/{lang}/html/b.html", "<html>b</html>")
        write(f"build/{lang}/html/c.html", "<html>c</html>")
    write("build/sv/notes.md", "a person's notes")  # never built
    write("build/sv/html/mine.html", "a person's page")
    write("build/de/c.md", "# edited by hand after the build\n")
    Path("slides/b.md").unlink()
    Path("slides/c.md").unlink()
    code, out, err = cli("build", "--lang", "sv", "--lang", "de")
    assert code == 0
    assert err == (
        "build/de/c.md: warning: its source deck is gone, but it changed since build wrote "
        "it; left as it is\n"
    )
    assert [line for line in out.splitlines() if "removed" in line] == [
        "build/sv/b.md: removed (its source deck is gone)",
        "build/sv/html/b.html: removed (its source deck is gone)",
        "build/sv/c.md: removed (its source deck is gone)",
        "build/sv/html/c.html: removed (its source deck is gone)",
        "build/de/b.md: removed (its source deck is gone)",
        "build/de/html/b.html: removed (its source deck is gone)",
        "2 decks: 0 written, 2 unchanged, 6 removed.",
    ]
    assert sorted(p.as_posix() for p in Path("build").rglob("*") if p.is_file()) == [
        "build/de/.marp-i18n-built.json",
        "build/de/a.md",
        "build/de/c.md",
        "build/de/html/c.html",
        "build/en/.marp-i18n-built.json",
        "build/en/a.md",
        "build/en/b.md",
        "build/en/c.md",
        "build/sv/.marp-i18n-built.json",
        "build/sv/a.md",
        "build/sv/html/mine.html",
        "build/sv/notes.md",
    ]
    manifest = json.loads(Path("build/de/.marp-i18n-built.json").read_text(encoding="utf-8"))
    assert sorted(manifest["decks"]) == ["a.md"]


def test_make_builds_every_good_deck_then_fails(three: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    root = Path(__file__).resolve().parent.parent
    venv = Path(sys.prefix)
    path = Path("locales/de/b.po")
    broken = path.read_bytes() + BROKEN_LINE
    path.write_bytes(broken)
    command = [
        "make", "-f", str(root / "Makefile"), f"VENV={venv}", f"MI={sys.executable} -m i18n",
        "-o", "deps", "-o", f"{venv}/.installed", "all",
    ]  # fmt: skip
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={  # not the flags of a make that runs this suite (`make test`)
            **{k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))},
            "PYTHONPATH": str(root),
        },
    )
    line = broken.count(b"\n")
    assert done.returncode == 2, done.stderr
    assert f"locales/de/b.po:{line}: not a keyword and quoted string" in done.stderr
    assert path.read_bytes() == broken
    assert built_decks() == every_deck_but("de", "b")
    assert Path("build/sv/b.md").read_text(encoding="utf-8") == (
        "---\nlang: sv\n---\n\n# sv b\n\nsv good\n"
    )


HISTORY = Path(__file__).resolve().parent.parent.parent / "shared" / "histories"
REAL_DECK = HISTORY / "menacit__virt_base_course" / "10-hw_virt_options.md"


def test_a_real_deck_renamed_between_two_versions_keeps_every_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """Versions 6 and 7 of a real deck (112 and 118 texts, 104 shared): the second saved
    under a new name is updated exactly as if it had kept its name."""
    if not (REAL_DECK / "007.md").is_file():
        pytest.skip(f"real histories not found at {HISTORY}")

    def lived(root: Path, name: str) -> tuple[list[Entry], str]:
        root.mkdir()
        monkeypatch.chdir(root)
        write("pyproject.toml", '[tool.marp-i18n]\nlanguages = ["sv"]\n')
        write("slides/10-hw_virt_options.md", (REAL_DECK / "006.md").read_text(encoding="utf-8"))
        assert cli("update", "-q")[0] == 0
        po = polib.pofile("locales/sv/10-hw_virt_options.po")
        translate(po.fpath, {e.msgid: f"sv⟦{e.msgid}⟧" for e in po if e.msgid})
        Path("slides/10-hw_virt_options.md").unlink()
        write(f"slides/{name}", (REAL_DECK / "007.md").read_text(encoding="utf-8"))
        code, out, err = cli("update")
        assert (code, err) == (0, "")
        return entries(Path("locales/sv", name).with_suffix(".po")), out

    in_place, _ = lived(tmp_path / "kept", "10-hw_virt_options.md")
    renamed, out = lived(tmp_path / "renamed", "10-virtualisation_options.md")
    assert out.splitlines()[0] == (
        "locales/sv/10-hw_virt_options.po: moved to locales/sv/10-virtualisation_options.po "
        "(slides/10-virtualisation_options.md is slides/10-hw_virt_options.md renamed: "
        "104 of its 118 texts)"
    )
    assert renamed == in_place
    assert sorted(p.name for p in Path("locales/sv").iterdir()) == ["10-virtualisation_options.po"]
    first = segment_deck((REAL_DECK / "006.md").read_text(encoding="utf-8"), "x.md", ("title",))
    kept = {msgstr for _, msgstr, _, _, _ in renamed}
    assert [u.msgid for u in first.units if f"sv⟦{u.msgid}⟧" not in kept] == []  # none lost
    exact = [m for m, s, flags, obsolete, _ in renamed if not obsolete and s == f"sv⟦{m}⟧"]
    fuzzy = [m for m, s, flags, obsolete, _ in renamed if "fuzzy" in flags and s == f"sv⟦{m}⟧"]
    assert (len(exact), fuzzy) == (104, [])  # every shared text translated, none fuzzy


def test_a_renamed_deck_folder_keeps_its_catalogues(course: Path, cli: Cli) -> None:
    text = Path("slides/hv.md").read_text(encoding="utf-8")
    write("slides/part1/index.md", Path("slides/intro.md").read_text(encoding="utf-8"))
    assert cli("update", "-q")[0] == 0
    translate("locales/sv/part1/index.po", SV)
    shutil.move("slides/part1", "slides/part-one")
    write("slides/hv.md", text)
    code, out, err = cli("update")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "locales/sv/part1/index.po: moved to locales/sv/part-one/index.po "
        "(slides/part-one/index.md is slides/part1/index.md renamed: 2 of its 2 texts)"
    )
    assert entries("locales/sv/part-one/index.po") == [
        ("Intro", "Intro sv", (), False, None),
        ("Welcome to the course", "Välkommen till kursen", (), False, None),
    ]


def test_a_pseudo_catalogue_of_a_removed_deck_is_pruned_without_memory(
    course: Path, cli: Cli
) -> None:
    assert cli("pseudo", "-q")[0] == 0
    Path("slides/hv.md").unlink()
    code, out, _ = cli("update", "--prune")
    assert code == 0
    assert "locales/qps/hv.po: removed (generated by pseudo)" in out.splitlines()
    assert not Path("locales/qps.memory.po").exists()
    assert Path("locales/sv.memory.po").exists()


def test_nothing_is_moved_or_removed_through_a_linked_language_folder(
    course: Path, cli: Cli, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.move("locales/sv", elsewhere / "sv")
    Path("locales/sv").symlink_to(elsewhere / "sv")
    Path("slides/hv.md").rename("slides/hypervisors.md")
    cli("update", "--prune")
    assert sorted(p.name for p in (elsewhere / "sv").iterdir()) == ["hv.po", "intro.po"]


def test_a_crafted_manifest_removes_nothing_outside_build(three: Path, cli: Cli) -> None:
    assert cli("build", "-q")[0] == 0
    deck = Path("slides/a.md").read_bytes()
    crafted = {"decks": {"../../slides/a.md": hashlib.sha256(deck).hexdigest()}}
    Path("build/sv/.marp-i18n-built.json").write_text(json.dumps(crafted), encoding="utf-8")
    assert cli("build", "-q")[0] == 0
    assert Path("slides/a.md").read_bytes() == deck
