"""``i18n.render``: built decks through the real marp-cli, and its failures as clear errors."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from conftest import Cli
from marp import ROOT, marp_available

from i18n.errors import I18nError
from i18n.render import MARP_HINT, RenderResult, find_chromium, find_decks, find_marp, render
from i18n.variables import VARIABLE

MARP_CLI = ROOT / "node_modules" / ".bin" / "marp"
DECK = "---\npaginate: true\n---\n\n# One\n\n<!-- a note -->\n\n---\n\n# Two\n"


def _need_marp_cli() -> None:
    reason = marp_available() or (None if MARP_CLI.is_file() else f"{MARP_CLI} is missing")
    if reason is not None:
        pytest.skip(reason)


def _build(tmp_path: Path) -> Path:
    build = tmp_path / "build"
    (build / "sv" / "html").mkdir(parents=True)
    (build / "sv" / "12-deck.md").write_text(DECK, encoding="utf-8")
    (build / "sv" / "html" / "stray.md").write_text("# not a deck\n", encoding="utf-8")
    return build


def test_find_decks_skips_output_folders(tmp_path: Path) -> None:
    build = _build(tmp_path)
    assert find_decks(build / "sv") == [build / "sv" / "12-deck.md"]


@pytest.mark.marp
def test_render_html_with_real_marp_cli(tmp_path: Path) -> None:
    _need_marp_cli()
    build = _build(tmp_path)
    seen: list[tuple[int, int, RenderResult]] = []
    results = render(
        build,
        ["sv"],
        marp=MARP_CLI,
        chromium=None,
        env=os.environ,
        progress=lambda done, total, result: seen.append((done, total, result)),
    )
    html = build / "sv" / "html" / "12-deck.html"
    assert results == [RenderResult("sv", build / "sv" / "12-deck.md", "html", html)]
    assert [(done, total) for done, total, _ in seen] == [(1, 1)]
    assert html.read_text(encoding="utf-8").count("<section") == 2
    assert not (build / "sv" / "12-deck.html").exists()  # moved, not copied


@pytest.mark.marp
def test_render_pdf_with_real_marp_cli(tmp_path: Path) -> None:
    _need_marp_cli()
    chromium = find_chromium(os.environ)
    if chromium is None:
        pytest.skip("no Chromium found (CHROME_PATH, /usr/bin/chromium, chromium, google-chrome)")
    build = _build(tmp_path)
    results = render(build, ["sv"], marp=MARP_CLI, chromium=chromium, env=os.environ)
    assert [(r.kind, r.error) for r in results] == [("html", ""), ("pdf", "")]
    assert (build / "sv" / "pdf" / "12-deck.pdf").read_bytes().startswith(b"%PDF")


def test_missing_marp_cli_is_one_clear_error(tmp_path: Path) -> None:
    build = _build(tmp_path)
    missing = tmp_path / "node_modules" / ".bin" / "marp"
    with pytest.raises(I18nError) as caught:
        render(build, ["sv"], marp=missing, chromium=None, env=os.environ)
    assert str(caught.value) == f"{missing}: marp-cli is not installed; {MARP_HINT}"


def test_cli_missing_marp_cli_exits_2(tmp_path: Path, cli: Cli) -> None:
    build = _build(tmp_path)
    missing = tmp_path / "marp"
    code, _, err = cli("render", "--build", str(build), "--no-pdf", "--marp", str(missing))
    assert code == 2
    assert err == f"marp-i18n: {missing}: marp-cli is not installed; {MARP_HINT}\n"


def test_decks_marp_cli_skips_are_failures(tmp_path: Path) -> None:
    # marp-cli exits 0 even for inputs it did not convert; each must still be reported.
    build = _build(tmp_path)
    fake = tmp_path / "marp"
    fake.write_text("#!/bin/sh\necho '[ ERROR ] Failed converting Markdown. (boom)'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    results = render(build, ["sv"], marp=fake, chromium=None, env=os.environ)
    assert [r.error for r in results] == ["marp-cli: Failed converting Markdown. (boom)"]


def test_html_folder_reaches_the_decks_images(tmp_path: Path) -> None:
    from i18n.render import link_assets

    lang_dir = tmp_path / "sv"
    (lang_dir / "a" / "images").mkdir(parents=True)
    (lang_dir / "a" / "images" / "x.png").write_bytes(b"png")
    (lang_dir / "a" / "index.md").write_text("# x\n")
    (lang_dir / "html").mkdir()
    link_assets(lang_dir, lang_dir / "html")
    assert (lang_dir / "html" / "a" / "images" / "x.png").read_bytes() == b"png"
    assert not (lang_dir / "html" / "a" / "index.md").exists()


@pytest.mark.marp
def test_rendered_example_course_has_its_variables_filled_in(tmp_path: Path) -> None:
    # The footers say %ATTRIBUTION_PREFIX% in the decks; the HTML must say what the
    # course's renderer makes of it, per language (issue 14, point 1).
    _need_marp_cli()
    import shutil

    from conftest import cli_in

    shutil.copytree(ROOT / "slides", tmp_path / "slides")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    (tmp_path / "marp-i18n.toml").write_text(
        'languages = ["sv"]\n[variables.en]\nATTRIBUTION_PREFIX = "Photo:"\n'
        '[variables.sv]\nATTRIBUTION_PREFIX = "Foto:"\n',
        encoding="utf-8",
    )
    source = (ROOT / "slides" / "12-confidential_hw_virt.md").read_text(encoding="utf-8")
    assert VARIABLE.findall(source) == ["ATTRIBUTION_PREFIX"] * 9
    assert cli_in(tmp_path, "-q", "build")[0] == 0
    code, _, err = cli_in(tmp_path, "render", "--no-pdf", "--marp", str(MARP_CLI))
    assert code == 0, err
    for lang, prefix in (("en", "Photo: "), ("sv", "Foto: ")):
        html = (tmp_path / "build" / lang / "html" / "12-confidential_hw_virt.html").read_text(
            encoding="utf-8"
        )
        assert f"{prefix}Nikki Tysoe (CC BY 2.0)" in html
        left = {f"%{key}%" for key in VARIABLE.findall(source)} & set(re.findall(r"%\w+%", html))
        assert not left  # no %KEY% of the deck's left (URL escapes like %C3% are not keys)
        assert (
            (tmp_path / "build" / lang / "12-confidential_hw_virt.md")
            .read_text(encoding="utf-8")
            .count("%ATTRIBUTION_PREFIX%")
        )  # the built deck keeps it for scenskrack
    assert not list((tmp_path / "build" / "sv").glob(".*.md"))  # the copies are gone


def test_marp_is_found_in_the_course_then_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    course_marp = tmp_path / "course" / "node_modules" / ".bin" / "marp"
    elsewhere = tmp_path / "bin" / "marp"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_text("#!/bin/sh\n")
    elsewhere.chmod(0o755)
    env = {"PATH": str(elsewhere.parent)}
    assert find_marp(tmp_path / "course", env) == elsewhere
    course_marp.parent.mkdir(parents=True)
    course_marp.write_text("#!/bin/sh\n")
    assert find_marp(tmp_path / "course", env) == course_marp
    assert (
        find_marp(tmp_path / "none", {"PATH": ""})
        == tmp_path / "none" / "node_modules" / ".bin" / "marp"
    )
