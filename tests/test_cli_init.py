"""``init`` and ``add-language``: a folder of decks becomes a course, a language starts.

Each test works in a temporary folder outside this repository (no settings above it),
with the example deck as the course.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLE, Cli

from i18n.config import find_settings, load_config
from i18n.course_setup import (
    PLACEHOLDER_INSTALL,
    course_keys,
    gitignore_text,
    install_spec,
    slides_folder,
)

DECK = EXAMPLE.name
PO = Path("locales") / "de" / EXAMPLE.with_suffix(".po").name


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding only decks, as a course repository is before the tool."""
    root = tmp_path / "course"
    (root / "slides").mkdir(parents=True)
    shutil.copy(EXAMPLE, root / "slides" / DECK)
    monkeypatch.chdir(root)
    return root


def test_init_writes_settings_ignore_lines_ci_and_hook(course: Path, cli: Cli) -> None:
    code, out, err = cli("init")
    assert (code, err) == (0, "")
    written = out.splitlines()[:4]
    assert written == [
        "marp-i18n.toml",
        ".gitignore",
        ".github/workflows/marp-i18n.yml",
        ".pre-commit-config.yaml",
    ]
    assert "marp-i18n add-language sv" in out  # what to do next
    settings = tomllib.loads((course / "marp-i18n.toml").read_text())
    assert settings["slides"] == "slides" and settings["languages"] == []
    assert settings["check"] == {"min": 100, "measure": "words"}
    assert "# ATTRIBUTION_PREFIX" in (course / "marp-i18n.toml").read_text()  # to fill in
    ignored = (course / ".gitignore").read_text().splitlines()
    assert {"/build/", "/locales/qps*/", "/locales/.marp-i18n.lock"} <= set(ignored)
    workflow = (course / ".github" / "workflows" / "marp-i18n.yml").read_text()
    assert "marp-i18n check --format github" in workflow
    assert "entry: marp-i18n check" in (course / ".pre-commit-config.yaml").read_text()
    assert load_config().settings == Path("marp-i18n.toml")


def test_init_twice_changes_nothing(course: Path, cli: Cli) -> None:
    cli("init")
    before = {p: p.read_bytes() for p in course.rglob("*") if p.is_file()}
    code, out, _ = cli("init")
    assert code == 0 and not out.splitlines()[0].endswith(".toml")
    assert {p: p.read_bytes() for p in course.rglob("*") if p.is_file()} == before


def test_init_in_a_python_project_adds_the_table_to_pyproject(course: Path, cli: Cli) -> None:
    pyproject = course / "pyproject.toml"
    pyproject.write_text('# my tools\n[project]\nname = "x"\n\n[tool.ruff]\nline-length = 90\n')
    (course / ".gitignore").write_text("*.pyc")
    (course / ".pre-commit-config.yaml").write_text("repos: []\n")
    code, _, err = cli("init")
    assert code == 0
    text = pyproject.read_text()
    assert text.startswith('# my tools\n[project]\nname = "x"\n\n[tool.ruff]\nline-length = 90\n')
    data = tomllib.loads(text)["tool"]["marp-i18n"]
    assert data["slides"] == "slides" and data["check"]["measure"] == "words"
    assert not (course / "marp-i18n.toml").exists()
    assert (course / ".gitignore").read_text().startswith("*.pyc\n\n# marp-i18n")
    assert (course / ".pre-commit-config.yaml").read_text() == "repos: []\n"  # theirs
    assert ".pre-commit-config.yaml exists: add this under repos:" in err
    assert load_config().settings == Path("pyproject.toml")


def test_init_finds_decks_in_another_folder(course: Path, cli: Cli) -> None:
    (course / "slides").rename(course / "lectures")
    (course / "README.md").write_text("# About this course\n")
    assert cli("init")[0] == 0
    assert tomllib.loads((course / "marp-i18n.toml").read_text())["slides"] == "lectures"


def test_init_without_decks_is_one_line(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("# nothing here\n")
    code, out, err = cli("init")
    assert (code, out) == (2, "")
    assert err == (
        "marp-i18n: .: no folder of decks found; give --slides DIR (the folder holding the "
        "*.md decks)\n"
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "README.md"]  # nothing written


def test_add_language_starts_a_translation(course: Path, cli: Cli) -> None:
    cli("init")
    code, out, err = cli("add-language", "de")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "marp-i18n.toml: de added"
    assert "Next: translate locales/de/*.po" in out
    settings = tomllib.loads((course / "marp-i18n.toml").read_text())
    assert settings["languages"] == ["de"]
    assert settings["check"]["languages"] == {"de": 0}
    po = polib.pofile(str(course / PO))
    assert po.metadata["Language"] == "de"
    assert po.metadata["Language-Team"] == "German"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert all(not e.translated() for e in po)
    assert cli("check")[0] == 0  # a language just started does not fail CI ...
    assert cli("check", "--min", "100")[0] == 1  # ... unless asked


def test_add_language_lists_the_variables_with_the_source_values(course: Path, cli: Cli) -> None:
    cli("init")
    settings = course / "marp-i18n.toml"
    settings.write_text(
        settings.read_text().replace('# ATTRIBUTION_PREFIX = ""', 'ATTRIBUTION_PREFIX = "Photo:"')
    )
    assert cli("add-language", "pt_BR", "--min", "50")[0] == 0
    text = settings.read_text()
    assert "[variables.pt_BR]" in text
    assert "ATTRIBUTION_PREFIX = \"Photo:\" # en: 'Photo:'; translate it" in text
    data = tomllib.loads(text)
    assert data["variables"]["pt_BR"] == {"ATTRIBUTION_PREFIX": "Photo:"}
    assert data["check"]["languages"] == {"pt_BR": 50}
    before = text
    assert cli("add-language", "pt_BR")[0] == 0  # again: nothing changes in the settings
    assert settings.read_text() == before


def test_add_language_in_pyproject_keeps_the_file(course: Path, cli: Cli) -> None:
    pyproject = course / "pyproject.toml"
    pyproject.write_text(
        '[tool.marp-i18n]\nlanguages = ["sv"]  # taught in Stockholm\n\n'
        "[tool.marp-i18n.check]\nmin = 90\n\n[tool.marp-i18n.check.languages]\nsv = 95\n"
    )
    assert cli("add-language", "de")[0] == 0
    text = pyproject.read_text()
    assert 'languages = ["sv", "de"]  # taught in Stockholm' in text
    assert tomllib.loads(text)["tool"]["marp-i18n"]["check"]["languages"] == {"sv": 95, "de": 0}
    assert (course / PO).is_file() and not (course / "locales" / "sv").exists()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("xx", "LANG: unknown language code 'xx'; use a code Babel knows, e.g. sv"),
        ("../de", "LANG: '../de' is not a language code; use e.g. sv or pt_BR"),
        ("en", "LANG: en is the source language; give a target language, e.g. de"),
        ("qps", "LANG: qps is a pseudo-locale; give a target language, e.g. de"),
    ],
)
def test_add_language_refuses_a_bad_code(course: Path, cli: Cli, code: str, message: str) -> None:
    cli("init")
    before = (course / "marp-i18n.toml").read_bytes()
    assert cli("add-language", code) == (2, "", f"marp-i18n: {message}\n")
    assert (course / "marp-i18n.toml").read_bytes() == before
    assert not (course / "locales").exists()


def test_add_language_without_settings_says_none_was_found(course: Path, cli: Cli) -> None:
    code, _, err = cli("add-language", "de")
    assert code == 2
    assert err == (
        f"marp-i18n: add-language: no marp-i18n.toml (nor pyproject.toml with "
        f"[tool.marp-i18n]) found in {course} or above: run `marp-i18n init` in the course "
        "folder\n"
    )


def test_settings_are_found_from_a_sub_folder(
    course: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("init")
    cli("add-language", "de")
    (course / "slides" / "pyproject.toml").write_text("[tool.black]\n")  # not ours: passed by
    monkeypatch.chdir(course / "slides")
    assert find_settings(Path.cwd()) == course / "marp-i18n.toml"
    code, out, _ = cli("check", "--format", "json")
    assert code == 0 and json.loads(out)["catalogues"][0]["path"] == "../" + PO.as_posix()
    assert cli("build", "-q")[0] == 0
    assert (course / "build" / "de" / DECK).is_file()
    assert not (course / "slides" / "build").exists()


def test_a_wrong_slides_setting_names_the_settings_file(course: Path, cli: Cli) -> None:
    cli("init")
    settings = course / "marp-i18n.toml"
    settings.write_text(settings.read_text().replace('slides = "slides"', 'slides = "decks"'))
    code, _, err = cli("update")
    assert code == 2
    assert err == (
        "marp-i18n: decks: slides folder not found (settings from marp-i18n.toml); "
        "give --slides DIR or set slides = in marp-i18n.toml\n"
    )


def test_library_helpers() -> None:
    assert gitignore_text("a\n/build/\n", ["/build/", "/x/"]) == (
        "a\n/build/\n\n# marp-i18n: built decks, pseudo-locales, lock\n/x/\n"
    )
    assert gitignore_text("/x/\n", ["/x/"]) == "/x/\n"
    assert slides_folder(["a/1.md", "a/2.md", "b/3.md"]) == "a"
    assert slides_folder(["x/y/1.md", "x/1.md"]) == "x"
    assert slides_folder([]) is None
    assert course_keys(["%B% and %A%", "%A%", "% not %"]) == ["A", "B"]
    direct = {
        "url": "https://example.org/marp-i18n.git",
        "vcs_info": {"vcs": "git", "commit_id": "abc"},
    }
    assert install_spec(json.dumps(direct)) == (
        "marp-i18n @ git+https://example.org/marp-i18n.git@abc"
    )
    assert install_spec('{"url": "file:///src", "dir_info": {"editable": true}}') == (
        PLACEHOLDER_INSTALL
    )
    assert install_spec(None) == PLACEHOLDER_INSTALL


def test_add_language_with_a_pyproject_without_the_table(course: Path, cli: Cli) -> None:
    (course / "pyproject.toml").write_text('[project]\nname = "x"\n')
    code, _, err = cli("add-language", "de", "--config", "pyproject.toml")
    assert code == 2
    assert err == (
        "marp-i18n: pyproject.toml: no [tool.marp-i18n] table; run `marp-i18n init` first\n"
    )
    assert (course / "pyproject.toml").read_text() == '[project]\nname = "x"\n'


def test_init_inside_a_course_points_to_it(
    course: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("init")
    monkeypatch.chdir(course / "slides")
    assert cli("init") == (
        2,
        "",
        "marp-i18n: .: inside the course set up by ../marp-i18n.toml; run `marp-i18n init` "
        "in .. to complete it\n",
    )
    assert not (course / "slides" / "marp-i18n.toml").exists()
