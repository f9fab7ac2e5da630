"""``marp-i18n check`` end to end through ``main()``: the example course, every exit code.

The course is tests/fixtures/check/course: a copy of the example deck and a small deck
with placeholders; its Swedish catalogues are written here, pseudo-translated so that
every piece of markup is kept (``strategies.pseudo_translate``), then broken one way
at a time.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
from conftest import Cli
from strategies import pseudo_translate

from i18n.catalogue.extract import deck_template
from i18n.catalogue.pofile import catalogue_text
from i18n.files import read_deck
from i18n.segment import segment_deck

FIXTURE = Path(__file__).parent / "fixtures" / "check" / "course"
EXAMPLE_PO = Path("locales/sv/12-confidential_hw_virt.po")
EXTRA_PO = Path("locales/sv/13-placeholders.po")


def write_catalogue(root: Path, deck_name: str) -> None:
    deck = segment_deck(read_deck(root / "slides" / deck_name), deck_name, ("title", "description"))
    units = {u.msgid: u for u in deck.units}
    po = deck_template(deck, f"slides/{deck_name}")
    po.metadata = {"Language": "sv", "Content-Type": "text/plain; charset=UTF-8"}
    for entry in po:
        unit = units[entry.msgid]
        entry.msgstr = pseudo_translate(unit.msgid, unit.kind)
    target = root / "locales" / "sv" / Path(deck_name).with_suffix(".po")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(catalogue_text(po), encoding="utf-8")


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "course"
    shutil.copytree(FIXTURE, root)
    for deck in ("12-confidential_hw_virt.md", "13-placeholders.md"):
        write_catalogue(root, deck)
    monkeypatch.chdir(root)
    # A pseudo-translation is no Swedish a dictionary knows (tests/test_glossary.py
    # checks spelling): these tests see the run without Hunspell.
    monkeypatch.setattr("i18n.check.spelling.hunspell_command", lambda: None)
    return root


def edit(path: Path, msgid_start: str, change: object) -> polib.POEntry:
    """Apply ``change`` to the first entry whose msgid starts so; return it (line set)."""
    po = polib.pofile(str(path))
    found = next(e for e in po if e.msgid.startswith(msgid_start))
    change(found)  # type: ignore[operator]
    path.write_text(catalogue_text(po), encoding="utf-8")
    return next(e for e in polib.pofile(str(path)) if e.msgid == found.msgid)


def test_a_complete_catalogue_passes(course: Path, cli: Cli) -> None:
    code, out, err = cli("check", "--no-color")
    assert (code, err) == (0, "")
    assert "12-confidential_hw_virt.md" in out and " ok" in out
    assert out.splitlines()[-1].startswith("check passed: 2 decks in 1 language;")


def test_a_removed_translation_fails_naming_the_entry(course: Path, cli: Cli) -> None:
    entry = edit(course / EXAMPLE_PO, "Making computers", lambda e: setattr(e, "msgstr", ""))
    code, out, _ = cli("check", "--no-color")
    assert code == 1
    assert (
        f"{EXAMPLE_PO}:{entry.linenum}: error: threshold: not translated: "
        '"Making computers a bit more trustworthy"' in out
    )
    assert (
        f"{EXAMPLE_PO}: error: threshold: 99.6% translated (1512 of 1518 words), needs 100%" in out
    )


def test_a_broken_link_fails_naming_the_check(course: Path, cli: Cli) -> None:
    entry = edit(
        course / EXAMPLE_PO,
        "Intel tries",
        lambda e: setattr(e, "msgstr", e.msgstr.replace("](", "] (")),
    )
    code, out, _ = cli("check", "--no-color")
    assert code == 1
    assert (
        f"{EXAMPLE_PO}:{entry.linenum}: error: links: link targets differ: missing (https://intel"
        in out
    )


def test_a_dropped_placeholder_fails_naming_the_check(course: Path, cli: Cli) -> None:
    entry = edit(
        course / EXTRA_PO,
        "%ATTRIBUTION_PREFIX%",
        lambda e: setattr(e, "msgstr", e.msgstr.replace("%ATTRIBUTION_PREFIX%", "Foto:")),
    )
    code, out, _ = cli("check", "--no-color")
    assert code == 1
    assert f"{EXTRA_PO}:{entry.linenum}: error: placeholders: placeholders differ" in out
    assert "%ATTRIBUTION_PREFIX%" in out


def test_a_dropped_placeholder_in_a_note(course: Path, cli: Cli) -> None:
    edit(
        course / EXTRA_PO,
        "Mention",
        lambda e: setattr(e, "msgstr", "Nämn att labbarna körs på AMD."),
    )
    code, out, _ = cli("check", "--no-color")
    assert code == 1 and "error: placeholders:" in out


def test_an_injected_script_fails_as_injection(course: Path, cli: Cli) -> None:
    edit(
        course / EXAMPLE_PO,
        "Confidential computing",
        lambda e: setattr(e, "msgstr", e.msgstr + "<script>x</script>"),
    )
    code, out, _ = cli("check", "--no-color")
    assert code == 1
    assert "error: injection: adds raw HTML the source does not have: </script>, <script>" in out


def test_a_translator_comment_switches_a_check_off(course: Path, cli: Cli) -> None:
    def untranslate(e: polib.POEntry) -> None:
        e.msgstr = e.msgid
        e.tcomment = "marp-i18n: ignore same-as-source"

    edit(course / EXAMPLE_PO, "Confidential computing", untranslate)
    assert cli("check", "--no-color")[0] == 0
    edit(course / EXAMPLE_PO, "Confidential computing", lambda e: setattr(e, "tcomment", ""))
    code, out, _ = cli("check", "--no-color")
    assert code == 1 and "error: same-as-source: identical to the source" in out


def test_a_deck_edit_makes_the_catalogue_stale(course: Path, cli: Cli) -> None:
    deck = course / "slides" / "13-placeholders.md"
    deck.write_text(deck.read_text().replace("# Credits", "# Acknowledgements"), encoding="utf-8")
    code, out, _ = cli("check", "--no-color")
    assert code == 1
    assert f"{EXTRA_PO}:" in out
    assert (
        "error: stale: out of date with slides/13-placeholders.md: "
        "1 entry the deck no longer has and 1 deck text missing"
    ) in out
    assert cli("check", "--no-color", "--disable", "stale", "--min", "0")[0] == 0


def test_a_missing_catalogue_is_zero_percent(course: Path, cli: Cli) -> None:
    (course / EXTRA_PO).unlink()
    code, out, _ = cli("check", "--no-color")
    assert code == 1
    assert f"{EXTRA_PO}: error: stale: no catalogue; run marp-i18n update" in out
    assert f"{EXTRA_PO}: error: threshold: 0% translated (0 of " in out
    assert cli("check", "--no-color", "--min", "0", "--disable", "stale")[0] == 0


def test_thresholds_from_the_config(course: Path, cli: Cli) -> None:
    edit(course / EXAMPLE_PO, "Making computers", lambda e: setattr(e, "msgstr", ""))
    pyproject = course / "pyproject.toml"
    base = pyproject.read_text()
    pyproject.write_text(base + "\n[tool.marp-i18n.check.languages]\nsv = 98\n")
    assert cli("check", "--no-color")[0] == 0
    pyproject.write_text(
        base + '\n[tool.marp-i18n.check.decks]\n"12-confidential_hw_virt.md" = 99.7\n'
    )
    assert cli("check", "--no-color")[0] == 1
    assert cli("check", "--no-color", "--min", "95")[0] == 0


def test_json_output(course: Path, cli: Cli) -> None:
    edit(course / EXTRA_PO, "Credits", lambda e: setattr(e, "msgstr", "Credits"))
    code, out, _ = cli("check", "--no-color", "--format", "json")
    document = json.loads(out)
    assert code == document["exit_code"] == 1
    assert [
        (f["check"], f["deck"], f["language"])
        for f in document["findings"]
        if f["severity"] != "info"  # "spelling not checked": the fixture has no Hunspell
    ] == [("same-as-source", "13-placeholders.md", "sv")]
    assert [c["messages"]["translated"] for c in document["catalogues"]] == [77, 5]


def test_github_output(course: Path, cli: Cli) -> None:
    entry = edit(course / EXTRA_PO, "Credits", lambda e: setattr(e, "msgstr", "Credits"))
    code, out, _ = cli("check", "--no-color", "--format", "github")
    assert code == 1
    assert out.startswith(
        f"::error file={EXTRA_PO},line={entry.linenum},title=marp-i18n same-as-source::"
    )


def test_junit_output(course: Path, cli: Cli) -> None:
    code, out, _ = cli("check", "--no-color", "--format", "junit")
    assert code == 0
    assert ET.fromstring(out).get("tests") == "6"


def test_colour_is_off_unless_asked(course: Path, cli: Cli) -> None:
    assert "\x1b[" not in cli("check", "--no-color")[1]
    code, out, _ = cli("check", "--color")
    assert code == 0
    assert "\x1b[32mok\x1b[0m" in out


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "min = 120",
            "marp-i18n: pyproject.toml [tool.marp-i18n.check] min: "
            "must be a percentage from 0 to 100, not 120\n",
        ),
        (
            'disable = ["nope"]',
            "marp-i18n: pyproject.toml [tool.marp-i18n.check] disable: "
            "unknown check 'nope'; use one of",
        ),
    ],
)
def test_bad_config_is_exit_2_with_one_line(
    course: Path, cli: Cli, setting: str, message: str
) -> None:
    pyproject = course / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("min = 100", setting))
    code, out, err = cli("check", "--no-color")
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_an_unreadable_catalogue_is_exit_2(course: Path, cli: Cli) -> None:
    (course / EXTRA_PO).write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    code, out, _ = cli("check", "--no-color")
    assert code == 2
    assert f"{EXTRA_PO}:3: " in out
    assert out.splitlines()[-1].endswith("1 unreadable file")


def test_a_catalogue_that_is_no_file_is_exit_2(course: Path, cli: Cli) -> None:
    (course / EXTRA_PO).unlink()
    (course / EXTRA_PO).mkdir()
    code, out, _ = cli("check", "--no-color")
    assert code == 2
    assert f"{EXTRA_PO}: not a regular file" in out  # issue 18: one reader, one message


def test_an_unreadable_deck_is_exit_2_and_the_others_are_checked(course: Path, cli: Cli) -> None:
    # Not UTF-8 on line 2 (a front matter Marp cannot parse is no longer an error: Marp
    # ignores it, see test_a_front_matter_marp_ignores_is_a_warning_finding).
    (course / "slides" / "13-placeholders.md").write_bytes(b"# Hi\nR\xe4ksm\xf6rg\xe5s\n")
    code, out, _ = cli("check", "--no-color", "--format", "json")
    document = json.loads(out)
    assert code == document["exit_code"] == 2
    assert [c["deck"] for c in document["catalogues"]] == ["12-confidential_hw_virt.md"]
    assert [(e["path"], e["line"]) for e in document["errors"]] == [
        ("slides/13-placeholders.md", 2)
    ]


def test_a_missing_slides_folder_is_exit_2(course: Path, cli: Cli) -> None:
    code, _, err = cli("check", "--no-color", "--slides", "nowhere")
    assert code == 2
    assert err == (
        "marp-i18n: nowhere: slides folder not found (settings from pyproject.toml); "
        "give --slides DIR or set slides = in pyproject.toml\n"
    )


def test_an_unknown_format_is_a_usage_error(course: Path, cli: Cli) -> None:
    code, _, err = cli("check", "--no-color", "--format", "xml")
    assert code == 2 and "Invalid value for '--format'" in err


def test_the_repository_example_course_passes(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the project's CI runs; needs the Swedish catalogue and [tool.marp-i18n.check]."""
    root = Path(__file__).parent.parent
    if not (root / "locales" / "sv" / "12-confidential_hw_virt.po").is_file():
        pytest.skip("the Swedish catalogue of the example course is not there yet")
    monkeypatch.chdir(root)
    code, out, _ = cli("check", "--no-color")
    assert code == 0, out


def test_pre_commit_hooks_run_check_and_update() -> None:
    import yaml

    from i18n.cli.main import cli

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["marp-i18n-update", "marp-i18n-check"]
    for hook in hooks:
        program, command = hook["entry"].split()
        assert program == "marp-i18n" and command in cli.list_commands(None)  # type: ignore[arg-type]
        assert hook["language"] == "python" and hook["pass_filenames"] is False


def test_a_front_matter_marp_ignores_is_a_warning_finding(course: Path, cli: Cli) -> None:
    """Marp renders such a deck without its front matter; so do we, and check says so
    once, as a warning that does not fail the run."""
    deck = course / "slides" / "14-broken.md"
    deck.write_text('---\ntitle: "Unterminated\n---\n\n# Hello\n', encoding="utf-8")
    write_catalogue(course, "14-broken.md")
    code, out, _ = cli("check", "--no-color")
    assert code == 0, out
    lines = [line for line in out.splitlines() if "front-matter-ignored" in line]
    assert len(lines) == 1 and lines[0].startswith("slides/14-broken.md:2: warning:"), out
    code, out, _ = cli("check", "--no-color", "--disable", "front-matter-ignored")
    assert code == 0 and "front-matter-ignored" not in out
