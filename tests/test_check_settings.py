"""``[tool.marp-i18n.check]``: thresholds, switches, allow-list, and one clear line when wrong."""

from __future__ import annotations

import pytest

from i18n.check import CheckSettings, read_settings
from i18n.errors import ConfigError


def test_defaults_ask_for_complete_catalogues_and_every_check() -> None:
    settings = read_settings({})
    assert settings == CheckSettings()
    assert settings.threshold("a.md", "sv") == 100
    assert settings.basis == "words"  # as Weblate and pocount count progress
    assert settings.enabled("same-as-source")


def test_the_most_specific_threshold_wins() -> None:
    settings = read_settings(
        {"min": 80, "languages": {"sv": 90, "de": 50}, "decks": {"a/index.md": 30}}
    )
    assert settings.threshold("b.md", "fi") == 80
    assert settings.threshold("b.md", "sv") == 90
    assert settings.threshold("a/index.md", "sv") == 30


def test_min_on_the_command_line_replaces_every_threshold() -> None:
    settings = read_settings({"languages": {"sv": 90}, "decks": {"a.md": 30}}, minimum=75)
    assert settings.threshold("a.md", "sv") == 75
    assert settings.threshold("b.md", "de") == 75


def test_switches_and_allow_list() -> None:
    settings = read_settings(
        {"disable": ["same-as-source"], "allow-same": ["AMD", "SEV-SNP"], "basis": "words"},
        disable=("urls",),
    )
    assert settings.disabled == {"same-as-source", "urls"}
    assert settings.allow_same == {"AMD", "SEV-SNP"}
    assert settings.basis == "words"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"min": 101}, "W min: must be a percentage from 0 to 100, not 101"),
        ({"min": "90"}, "W min: must be a percentage from 0 to 100, not '90'"),
        ({"min": True}, "W min: must be a percentage from 0 to 100, not True"),
        ({"languages": {"sv": -1}}, "W languages.sv: must be a percentage from 0 to 100, not -1"),
        ({"languages": 90}, "W languages: must be a table of percentages"),
        (
            {"languages": {"Swedish": 90}},
            "W languages: 'Swedish' is not a language code; use e.g. sv or pt_BR",
        ),
        ({"decks": ["a.md"]}, "W decks: must be a table of percentages"),
        ({"disable": "urls"}, "W disable: must be a list of strings"),
        (
            {"disable": ["url"]},
            "W disable: unknown check 'url'; use one of threshold, stale, front-matter-ignored, "
            "orphaned-catalogue, structure, injection, invisible, new-address, links, urls, code, "
            "placeholders, html, emphasis, math, numbers, lines, hard-breaks, whitespace, "
            "same-as-source, glossary, consistency, spelling, overflow",
        ),
        ({"allow-same": [1]}, "W allow-same: must be a list of strings"),
        ({"render": "yes"}, "W render: must be true or false, not 'yes'"),
        ({"basis": "chars"}, 'W: basis must be "words" or "messages", not \'chars\''),
        (
            {"minimum": 90},
            "W: unknown key 'minimum'; use allow-same, basis, decks, disable, languages, "
            "measure, min, render",
        ),
    ],
)
def test_a_bad_setting_is_one_clear_line(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        read_settings(table, "W")
    assert str(caught.value) == message


def test_a_bad_check_name_on_the_command_line_names_the_option() -> None:
    with pytest.raises(ConfigError, match=r"^--disable: unknown check 'nope'"):
        read_settings({}, disable=("nope",))


@pytest.mark.parametrize(("table", "measure"), [({"measure": "messages"}, "messages"),
                                                ({"basis": "messages"}, "messages"),
                                                ({"measure": "words"}, "words")])  # fmt: skip
def test_measure_is_read_and_basis_still_works(table: dict[str, object], measure: str) -> None:
    assert read_settings(table).basis == measure


def test_language_codes_are_judged_as_babel_judges_them() -> None:
    """The quick test (a Babel data file of that name, Babel not imported) accepts no
    code Babel refuses, and the codes it does not know are still Babel's to judge."""
    from babel import Locale, localedata

    from i18n.config import _CODE, has_locale_data, validate_language

    names = [name for name in localedata.locale_identifiers() if _CODE.fullmatch(name)]
    assert len(names) > 500
    for name in names:
        assert has_locale_data(name), name
        Locale.parse(name)  # raises if Babel would refuse it
    assert not has_locale_data("pt_br") and validate_language("pt_br") == "pt_br"
    assert not has_locale_data("iw") and validate_language("iw") == "iw"  # an alias
    for code in ("qq", "sv_XX_YY", "../sv", "sv/..", ""):
        assert not has_locale_data(code)
        with pytest.raises(ConfigError):
            validate_language(code)


def test_a_known_language_does_not_load_babel() -> None:
    """Every command validates the configured languages; for a code Babel has data for,
    that costs a file test, not Babel's import (issue 13)."""
    import subprocess
    import sys

    code = "import sys; from i18n.config import validate_language as v; v('sv'); v('pt_BR'); "
    code += "print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
