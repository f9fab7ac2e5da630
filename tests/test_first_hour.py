"""The course maintainer's first hour (issue 14), end to end, as a new user walks it.

A copy of the example course's decks in a temporary folder that is not this repository
(no settings above it): init, add German, update, translate a few entries, fill in a
variable, build, render (the real pinned Marp, HTML), check, report, and the same from
a sub-folder. Every step's exit code is asserted; the rendered text is read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLE, ROOT, cli_in
from marp import marp_available

from i18n.config import find_settings

PO = Path("locales") / "de" / EXAMPLE.with_suffix(".po").name
HTML = Path("build") / "de" / "html" / EXAMPLE.with_suffix(".html").name
GERMAN = {
    "Virtualisation course: Confidential computing": "Virtualisierungskurs: Vertrauliches Rechnen",
    "Making computers a bit more trustworthy": "Computer etwas vertrauenswürdiger machen",
}


def _translate(po_path: Path, translations: dict[str, str]) -> None:
    """As a translator in Poedit would: a few entries, saved."""
    po = polib.pofile(str(po_path), wrapwidth=79)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    po.save()


def test_the_first_hour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOT / "slides", course / "slides")
    assert find_settings(tmp_path) is None  # truly outside any course

    def run(*args: str, where: Path = course) -> tuple[int, str, str]:
        return cli_in(where, *args)

    # Before init: an error that says no settings were found, and what to do.
    code, _, err = run("add-language", "de")
    assert code == 2 and "run `marp-i18n init` in the course folder" in err

    code, out, err = run("init", "--install", "marp-i18n @ git+https://example.org/m.git")
    assert (code, err) == (0, "")
    assert "marp-i18n add-language" in out and (course / "marp-i18n.toml").is_file()

    code, out, err = run("add-language", "de")
    assert (code, err) == (0, "")
    assert (course / PO).is_file()

    settings = course / "marp-i18n.toml"  # the maintainer fills in the variables
    text = settings.read_text(encoding="utf-8")
    for lang, value in (("en", "Photo:"), ("de", "Foto:")):
        table = text.index(f"[variables.{lang}]")
        blank = text.index('# ATTRIBUTION_PREFIX = ""', table)
        text = text[:blank] + f'ATTRIBUTION_PREFIX = "{value}"' + text[blank + 25 :]
    settings.write_text(text, encoding="utf-8")

    assert run("update")[0] == 0
    _translate(course / PO, GERMAN)

    code, out, err = run("build")
    assert code == 0, err
    assert err.count("images not found") == 1  # one line for the deck's 9 missing images
    assert "9 images not found" in err

    code, out, _ = run("check", "--format", "json")
    assert code == 0  # German has just started: its threshold is 0
    document = json.loads(out)
    assert document["measure"] == "words"
    german = document["languages"]["de"]
    words = sum(len(m.split()) for m in GERMAN)
    assert german["words"]["translated"] == words
    assert 0 < german["percent"] < 2

    code, plain, _ = run("check")
    assert code == 0
    totals = next(line for line in plain.splitlines() if "(all decks)" in line)
    assert f" {german['percent']:.1f}" in totals
    assert run("check", "--min", "100")[0] == 1

    code, out, err = run("report")
    assert (code, err) == (0, "")
    page = unescape((course / "build" / "report" / "index.html").read_text(encoding="utf-8"))
    assert f"{german['percent']:g} % of {german['words']['total']} words translated" in page
    badge = ET.parse(course / "build" / "report" / "badge-de.svg").getroot()
    texts = [t.text for t in badge.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[-1] == f"{german['percent']:g} %"
    assert "0 below threshold, 0 stale, 0 translation problems" in out  # as check counts

    # From a sub-folder: the same settings, the same figures, the same build folder.
    code, out, _ = run("check", "--format", "json", where=course / "slides")
    assert code == 0
    assert json.loads(out)["languages"]["de"]["percent"] == german["percent"]
    code, out, err = run("-q", "build", "--lang", "de", where=course / "slides")
    assert (code, out) == (0, "")
    assert not (course / "slides" / "build").exists()

    reason = marp_available()
    if reason is not None:
        pytest.skip(f"render not walked: {reason}")
    monkeypatch.setenv("PATH", f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}")
    code, out, err = run("render", "--no-pdf", where=course / "slides")
    assert code == 0, err
    html = (course / HTML).read_text(encoding="utf-8")
    assert "Foto: Nikki Tysoe (CC BY 2.0)" in html
    assert "Computer etwas vertrauenswürdiger machen" in html
    assert "<title>Virtualisierungskurs: Vertrauliches Rechnen</title>" in html
    assert "%ATTRIBUTION_PREFIX%" not in html
    english = (course / "build" / "en" / "html" / HTML.name).read_text(encoding="utf-8")
    assert "Photo: Nikki Tysoe (CC BY 2.0)" in english
    assert not re.search(r"%ATTRIBUTION_PREFIX%", english)
