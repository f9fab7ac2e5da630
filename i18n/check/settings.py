"""The ``[tool.marp-i18n.check]`` table, validated: thresholds, switched-off checks, allow-list.

TOML cannot hold ``min = 100`` and ``min.sv = 90`` at once, so the per-language and
per-deck thresholds live in their own sub-tables::

    [tool.marp-i18n.check]
    min = 100                       # percent translated, every deck and language
    measure = "words"               # or "messages": what the percentage counts
    disable = ["same-as-source"]    # checks switched off for the whole course
    render = true                   # also render the slides and run ``overflow``
    allow-same = ["AMD", "SEV-SNP"] # words that may stay as in the source

    [tool.marp-i18n.check.languages]
    sv = 90

    [tool.marp-i18n.check.decks]
    "a/index.md" = 50

The most specific threshold wins (deck, then language, then ``min``); ``--min`` on the
command line replaces all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from i18n.check.names import CHECKS
from i18n.config import validate_language
from i18n.errors import ConfigError

Basis = Literal["messages", "words"]

_KEYS = frozenset(
    {"min", "measure", "basis", "disable", "allow-same", "languages", "decks", "render"}
)
"""``basis`` is the earlier name of ``measure``, still read."""


@dataclass(frozen=True)
class CheckSettings:
    """What ``check`` enforces; the defaults ask for complete catalogues and every check."""

    minimum: float = 100.0
    """Percent translated every catalogue needs unless a more specific threshold says."""
    languages: Mapping[str, float] = field(default_factory=dict)
    decks: Mapping[str, float] = field(default_factory=dict)
    basis: Basis = "words"
    """The measure of "translated %": source words by default, as Weblate and pocount
    count progress (a one-word heading and a long note are not the same work)."""
    disabled: frozenset[str] = frozenset()
    allow_same: frozenset[str] = frozenset()
    override: float | None = None
    """``--min``: replaces every configured threshold when given."""
    render: bool = False
    """Render the slides and run the render checks (``overflow``): ``render = true`` in
    the table, or ``--render``."""

    def threshold(self, deck: str, language: str) -> float:
        """The percent ``deck`` needs in ``language``: --min, deck, language, then min."""
        if self.override is not None:
            return self.override
        if deck in self.decks:
            return self.decks[deck]
        return self.languages.get(language, self.minimum)

    def enabled(self, check: str) -> bool:
        return check not in self.disabled


def read_settings(
    table: Mapping[str, object],
    where: str = "[tool.marp-i18n.check]",
    *,
    minimum: float | None = None,
    disable: tuple[str, ...] = (),
    render: bool | None = None,
) -> CheckSettings:
    """Validate the config table; ``minimum``, ``disable`` and ``render`` come from the
    command line (``render`` None: as the table says).

    Raises:
        ConfigError: an unknown key or check name, a threshold outside 0-100, a wrong type.
    """
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            where, None, f"unknown key {unknown[0]!r}", f"use {', '.join(sorted(_KEYS))}"
        )
    languages = _thresholds(table.get("languages", {}), f"{where} languages")
    for code in languages:
        validate_language(code, f"{where} languages")
    key = "measure" if "measure" in table else "basis"
    basis = table.get(key, "words")
    if basis not in ("messages", "words"):
        raise ConfigError(where, None, f'{key} must be "words" or "messages", not {basis!r}')
    disabled = _names(table.get("disable", []), f"{where} disable") | _names(
        list(disable), "--disable"
    )
    return CheckSettings(
        minimum=_percent(table.get("min", 100), f"{where} min"),
        languages=languages,
        decks=_thresholds(table.get("decks", {}), f"{where} decks"),
        basis=basis,
        disabled=disabled,
        allow_same=frozenset(_strings(table.get("allow-same", []), f"{where} allow-same")),
        override=None if minimum is None else _percent(minimum, "--min"),
        render=_flag(table.get("render", False), f"{where} render") if render is None else render,
    )


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(where, None, f"must be true or false, not {value!r}")
    return value


def _percent(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise ConfigError(where, None, f"must be a percentage from 0 to 100, not {value!r}")
    return float(value)


def _thresholds(value: object, where: str) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ConfigError(where, None, "must be a table of percentages")
    return {str(key): _percent(v, f"{where}.{key}") for key, v in value.items()}


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, None, "must be a list of strings")
    return list(value)


def _names(value: object, where: str) -> frozenset[str]:
    names = _strings(value, where)
    for name in names:
        if name not in CHECKS:
            raise ConfigError(
                where, None, f"unknown check {name!r}", f"use one of {', '.join(CHECKS)}"
            )
    return frozenset(names)
