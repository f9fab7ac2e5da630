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
