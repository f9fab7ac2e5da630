"""Files and folders from a pull request that are not what they seem (issue 18, items 3,
4 and 8b): devices, FIFOs, oversized files, symlink loops, links out of the course, and
writes that fail.

Why: CI runs the tool on pull requests, and anyone can send one with files, symlinks and
folders. Each case must cost one line naming the file and exit 2 (or a warning), while
every other deck and language is still processed, and nothing may be written outside
the course's own folders or over a source deck.

Every command runs in a subprocess with a timeout and an address-space limit, so a
regression (a FIFO read that blocks, ``/dev/zero`` read to the end) fails in seconds
instead of hanging the suite or eating the machine's memory.
"""

from __future__ import annotations

import fcntl
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from i18n.errors import I18nError
from i18n.files import MAX_INPUT_BYTES, MAX_INPUT_MB, read_input

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60
"""Seconds per command: far above what a tiny course needs, far below forever."""
MEMORY = 1536 * 2**20
"""Address space per command: a tiny course needs a few hundred MB; /dev/zero all of it."""


def limits(file_size: int | None) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return apply


def run(root: Path, *args: str, file_size: int | None = None) -> tuple[int, list[str]]:
    """Exit code and every output line (stdout and stderr) of ``marp-i18n ARGS``."""
    proc = subprocess.run(
        [sys.executable, "-m", "i18n", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=limits(file_size),
        env={**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C", "CI": "1"},
    )
    lines = [
        line.removeprefix("marp-i18n: ")  # report and fatal errors say who speaks
        for line in proc.stdout.splitlines() + proc.stderr.splitlines()
    ]
    assert not any("Traceback" in line for line in lines), proc.stderr
    return proc.returncode, lines


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """Two decks in two languages, catalogues made by ``update``."""
    root = tmp_path / "course"
    (root / "slides").mkdir(parents=True)
    (root / "slides" / "a.md").write_text("# A\n\nHello\n", encoding="utf-8")
    (root / "slides" / "b.md").write_text("# B\n\nWorld\n", encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.marp-i18n]\nlanguages = ["sv", "de"]\n', encoding="utf-8"
    )
    code, lines = run(root, "update")
    assert code == 0, lines
    return root


def sources(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "slides").glob("*.md"))}


# -- 3. files that are not files --------------------------------------------------------

ALL_READING = ["extract", "update", "build", "check", "report"]
"""Commands that read every deck (and, but extract, every catalogue)."""


@pytest.mark.parametrize("command", ALL_READING)
def test_a_fifo_deck_is_one_line_and_the_other_decks_are_done(course: Path, command: str) -> None:
    os.mkfifo(course / "slides" / "pipe.md")
    code, lines = run(course, command)
    assert code == 2, lines
    assert [line for line in lines if "pipe.md" in line] == ["slides/pipe.md: not a regular file"]
    if command in ("build",):
        assert (course / "build" / "de" / "b.md").is_file()


@pytest.mark.parametrize("command", ["update", "build", "check", "report"])
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder"])
def test_a_catalogue_that_is_not_a_file_is_one_line(course: Path, command: str, kind: str) -> None:
    """``locales/sv/a.po`` as a FIFO (blocked forever), a link to ``/dev/zero`` (read
    until memory ran out) or a folder: one line, and the other catalogues are used."""
    po = course / "locales" / "sv" / "a.po"
    po.unlink()
    if kind == "fifo":
        os.mkfifo(po)
    elif kind == "folder":
        po.mkdir()
    else:
        po.symlink_to(kind)
    de_before = (course / "locales" / "de" / "a.po").read_bytes()
    (course / "slides" / "a.md").write_text("# A\n\nHello there\n", encoding="utf-8")
    code, lines = run(course, command)
    assert code == 2, lines
    assert [line for line in lines if "sv/a.po" in line and "not" in line] == [
        "locales/sv/a.po: not a regular file"
    ]
    if command == "update":
        assert (course / "locales" / "de" / "a.po").read_bytes() != de_before  # still updated
    if command == "build":
        assert "Hello there" in (course / "build" / "de" / "a.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["extract", "update"])
def test_a_template_linked_to_dev_zero_is_one_line(course: Path, command: str) -> None:
    """The old POT is read to keep its date: a link to /dev/zero must not be read."""
    pot = course / "locales" / "a.pot"
    pot.unlink()
    pot.symlink_to("/dev/zero")
    code, lines = run(course, command)
    assert code == 2, lines
    assert "locales/a.pot: not a regular file" in lines
    assert pot.is_symlink()  # left as it is
    assert (course / "locales" / "b.pot").is_file()


def test_a_fifo_beside_the_decks_does_not_stop_the_build(course: Path) -> None:
    """A FIFO in slides/ (not a deck) stopped the build after the first language."""
    (course / "slides" / "images").mkdir()
    (course / "slides" / "images" / "x.png").write_bytes(b"png")
    os.mkfifo(course / "slides" / "images" / "pipe.png")
    code, lines = run(course, "build")
    assert code == 2, lines
    assert [line for line in lines if "pipe.png" in line] == [
        "slides/images/pipe.png: not a regular file"
    ]
    for lang in ("en", "sv", "de"):
        assert (course / "build" / lang / "images" / "x.png").read_bytes() == b"png", lang
        assert not (course / "build" / lang / "images" / "pipe.png").exists()


@pytest.mark.parametrize("command", ["extract", "build"])
def test_a_deck_over_the_size_limit_is_one_line(course: Path, command: str) -> None:
    """A sparse file costs no disk; its size alone refuses it before any byte is read."""
    with open(course / "slides" / "big.md", "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    code, lines = run(course, command)
    assert code == 2, lines
    assert [line for line in lines if "big.md" in line] == [
        f"slides/big.md: larger than the limit of {MAX_INPUT_MB} MB"
    ]


def test_a_catalogue_over_the_size_limit_is_one_line(course: Path) -> None:
    with open(course / "locales" / "sv" / "a.po", "r+b") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    code, lines = run(course, "build")
    assert code == 2, lines
    assert f"locales/sv/a.po: larger than the limit of {MAX_INPUT_MB} MB" in lines
    assert (course / "build" / "sv" / "b.md").is_file()


def test_the_read_is_bounded_even_when_the_size_says_otherwise() -> None:
    """/proc files are regular and say size 0 but have content: the read itself stops
    at the limit, so a file that grows while it is read is not read past it either."""
    with pytest.raises(I18nError) as info:
        read_input(Path("/proc/self/maps"), limit=10)
    assert str(info.value) == "/proc/self/maps: larger than the limit of 0 MB"
    assert read_input(Path("/proc/self/maps")) is not None


# -- 4. symlinks ------------------------------------------------------------------------


@pytest.mark.parametrize("command", ALL_READING)
def test_a_symlink_loop_in_slides_is_a_warning(course: Path, command: str) -> None:
    (course / "slides" / "loop.md").symlink_to("loop.md")
    (course / "slides" / "ring").symlink_to("ring")  # not a deck: copy_assets meets it
    code, lines = run(course, command)
    assert code in (0, 1), lines  # 1: check's findings (nothing is translated)
    loop = "slides/loop.md: warning: symlink loop, skipped"
    check_loop = "slides/loop.md: warning: config: symlink loop, skipped"  # check's findings
    if command == "report":  # the page lists check's findings, warnings included
        page = (course / "build" / "report" / "index.html").read_text(encoding="utf-8")
        assert "slides/loop.md" in page and "symlink loop, skipped" in page
    else:
        assert [line for line in lines if "loop.md" in line] in ([loop], [check_loop])
    ring = [line for line in lines if "ring" in line]
    assert ring == (["slides/ring: warning: symlink loop, skipped"] if command == "build" else [])


def test_build_never_writes_over_the_source_decks(course: Path) -> None:
    """``build/sv`` linked to ``../slides`` made build overwrite the source decks."""
    before = sources(course)
    (course / "build").mkdir()
    (course / "build" / "sv").symlink_to("../slides", target_is_directory=True)
    code, lines = run(course, "build")
    assert code == 2, lines
    assert sources(course) == before
    assert (
        "build/sv/a.md: not written: a symbolic link takes it outside build; remove the link"
        in lines
    )
    assert (course / "build" / "de" / "a.md").is_file()
    assert sorted(p.name for p in (course / "slides").iterdir()) == ["a.md", "b.md"]


def test_render_never_writes_through_a_linked_language_folder(course: Path) -> None:
    (course / "build").mkdir()
    (course / "build" / "sv").symlink_to("../slides", target_is_directory=True)
    marp = course / "fake-marp"
    marp.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    marp.chmod(0o755)
    before = sources(course)
    code, lines = run(course, "render", "--lang", "sv", "--marp", str(marp), "--no-pdf")
    assert code == 2, lines
    assert "build/sv: not written: a symbolic link takes it outside build; remove the link" in lines
    assert sorted(p.name for p in (course / "slides").iterdir()) == ["a.md", "b.md"]
    assert sources(course) == before


def test_update_never_writes_outside_the_course(course: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    sv = course / "locales" / "sv"
    for po in sv.iterdir():
        po.unlink()
    sv.rmdir()
    sv.symlink_to(outside, target_is_directory=True)
    (course / "slides" / "a.md").write_text("# A\n\nChanged\n", encoding="utf-8")
    code, lines = run(course, "update")
    assert code == 2, lines
    assert list(outside.iterdir()) == []
    assert (
        "locales/sv/a.po: not written: a symbolic link takes it outside locales; remove the link"
        in lines
    )
    assert "Changed" in (course / "locales" / "de" / "a.po").read_text(encoding="utf-8")


def test_an_image_link_never_writes_over_a_source_deck(course: Path) -> None:
    """A built image that is a link to a source deck: copying the image replaces the
    link, it does not write through it."""
    (course / "slides" / "images").mkdir()
    (course / "slides" / "images" / "x.png").write_bytes(b"png")
    assert run(course, "build")[0] == 0
    built = course / "build" / "sv" / "images" / "x.png"
    built.unlink()
    built.symlink_to(course / "slides" / "a.md")
    (course / "slides" / "images" / "x.png").write_bytes(b"new png")
    before = sources(course)
    code, lines = run(course, "build")
    assert code == 0, lines
    assert sources(course) == before
    assert not built.is_symlink() and built.read_bytes() == b"new png"


# -- 8b. write errors name the file; stray temporary files ------------------------------


def test_a_folder_where_a_built_deck_goes_is_one_line(course: Path) -> None:
    (course / "build" / "sv" / "a.md").mkdir(parents=True)
    code, lines = run(course, "build")
    assert code == 2, lines
    assert "build/sv/a.md: cannot write: Is a directory" in lines
    for lang in ("en", "sv", "de"):
        assert (course / "build" / lang / "b.md").is_file(), lang
    assert (course / "build" / "de" / "a.md").is_file()


def test_a_file_size_limit_names_the_file(course: Path) -> None:
    """RLIMIT_FSIZE (or a full disk) printed ``marp-i18n: : File too large`` and
    stopped; now the file is named and the other decks are written."""
    big = "# Big\n\n" + "A long line of text.\n" * 20_000  # ~420 kB
    (course / "slides" / "big.md").write_text(big, encoding="utf-8")
    code, lines = run(course, "build", "--lang", "sv", file_size=300_000)
    assert code == 2, lines
    assert "build/sv/big.md: cannot write: File too large" in lines
    assert (course / "build" / "sv" / "a.md").is_file()
    assert (course / "build" / "sv" / "b.md").is_file()
    assert not [p for p in (course / "build" / "sv").iterdir() if p.name.endswith(".tmp")]


def test_stray_temporary_files_are_removed_by_the_next_write(course: Path) -> None:
    """A kill -9 mid-write leaves ``.<name>.XXXXXXXX.tmp``: the next run that writes in
    that folder removes it, unless it is recent or another process holds it (a
    concurrent run still writing it); files not named like ours are left alone."""
    sv = course / "locales" / "sv"
    stale = sv / ".a.po.k3j_x9qa.tmp"
    recent = sv / ".b.po.abcd1234.tmp"
    held = sv / ".b.po.zzzz0000.tmp"
    theirs = sv / ".notes.tmp"
    for path in (stale, recent, held, theirs):
        path.write_text("half a catalogue", encoding="utf-8")
    old = time.time() - 3600
    for path in (stale, held, theirs):
        os.utime(path, (old, old))
    (course / "slides" / "a.md").write_text("# A\n\nChanged\n", encoding="utf-8")
    with open(held, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        code, lines = run(course, "update")
    assert code == 0, lines
    assert not stale.exists()
    assert recent.exists() and held.exists() and theirs.exists()


def fake_marp(root: Path) -> Path:
    """A marp-cli that converts nothing: render then reports every deck as failed, and
    nothing here depends on Node."""
    marp = root / "fake-marp"
    marp.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    marp.chmod(0o755)
    return marp


@pytest.mark.parametrize(
    "args",
    [
        ("pseudo", "--no-render"),
        ("import", "slides/pipe.md", "slides/a.md", "--lang", "sv"),
        ("import", "slides/a.md", "slides/pipe.md", "--lang", "sv"),
        ("review", "slides/pipe.md", "--lang", "sv"),
    ],
    ids=["pseudo", "import-source", "import-translation", "review"],
)
def test_the_other_commands_refuse_a_fifo_deck_the_same_way(
    course: Path, args: tuple[str, ...]
) -> None:
    os.mkfifo(course / "slides" / "pipe.md")
    code, lines = run(course, *args)
    assert code == 2, lines
    assert [line for line in lines if "pipe.md" in line] == ["slides/pipe.md: not a regular file"]
    if args[0] == "pseudo":
        assert (course / "build" / "qps" / "a.md").is_file()


def test_render_names_a_built_deck_that_is_not_a_file(course: Path) -> None:
    assert run(course, "build", "--lang", "sv")[0] == 0
    os.mkfifo(course / "build" / "sv" / "pipe.md")
    marp = fake_marp(course)
    code, lines = run(course, "render", "--lang", "sv", "--marp", str(marp), "--no-pdf")
    assert code == 2, lines
    assert [line for line in lines if "pipe.md" in line] == ["build/sv/pipe.md: not a regular file"]


def test_two_builds_at_once_both_finish_and_leave_no_temporary_file(course: Path) -> None:
    """Build takes no lock: two runs write the same files at once. Neither may remove
    the other's temporary file (it is young and locked) or fail."""
    for n in range(40):
        (course / "slides" / f"d{n:02}.md").write_text(f"# D{n}\n\nText {n}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C", "CI": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "i18n", "build"],
            cwd=course,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0, err
    assert not list((course / "build").rglob("*.tmp"))
    assert len(list((course / "build" / "sv").glob("*.md"))) == 42


# -- a catalogue that is a link out of the locales folder ---------------------------------


@pytest.mark.parametrize("command", ["update", "build", "check", "report"])
def test_a_catalogue_linked_out_of_locales_is_not_read(
    course: Path, tmp_path: Path, command: str
) -> None:
    """A pull request's symlink must not make a build publish (or an error quote) a file
    from elsewhere on the machine, as a deck's link out of slides/ is not followed."""
    elsewhere = tmp_path / "elsewhere.po"
    elsewhere.write_text('msgid "Hello"\nmsgstr "SECRET"\n', encoding="utf-8")
    link = course / "locales" / "sv" / "a.po"
    link.unlink()
    link.symlink_to(elsewhere)
    code, lines = run(course, command)
    assert code == 2, lines
    mine = [line for line in lines if "locales/sv/a.po" in line]
    assert len(mine) == 1 and "a link to a file outside locales" in mine[0], lines
    assert not any("SECRET" in line for line in lines)
    built = course / "build" / "sv" / "a.md"
    assert not built.exists() or "SECRET" not in built.read_text(encoding="utf-8")
    assert elsewhere.read_text(encoding="utf-8") == 'msgid "Hello"\nmsgstr "SECRET"\n'
    assert (course / "locales" / "de" / "b.po").exists()  # the rest of the course done


def test_a_link_inside_locales_is_followed(course: Path) -> None:
    shared = course / "locales" / "sv" / "shared-a.po"
    link = course / "locales" / "sv" / "a.po"
    shared.write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(shared.name)
    code, lines = run(course, "build")
    assert code == 0, lines


def test_the_lock_file_is_never_opened_through_a_link(course: Path, tmp_path: Path) -> None:
    """``locales/.marp-i18n.lock`` committed as a link must not make update create (or
    open) a file elsewhere."""
    target = tmp_path / "created-elsewhere"
    lock = course / "locales" / ".marp-i18n.lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(target)
    code, lines = run(course, "update")
    assert code == 2, lines
    assert any(".marp-i18n.lock: cannot open the lock file" in line for line in lines), lines
    assert not target.exists()
