"""Settings: ``marp-i18n.toml``, or ``[tool.marp-i18n]`` in the course's pyproject.toml,
found from the current folder up (as ruff and git find theirs), overridable per option."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from i18n.errors import ConfigError

_CODE = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*(?:@[A-Za-z0-9]+)?")

PSEUDO_LANGUAGES = ("qps", "qps-ploc", "qps-ploca", "qps-plocm", "en-XA", "ar-XB")
"""Pseudo-locale codes (Windows' ``qps-*``, Android's ``en-XA``/``ar-XB``): not in CLDR,
so Babel rejects them, yet they are the codes ``marp-i18n pseudo`` writes."""


def is_pseudo_language(code: str) -> bool:
    """True for a pseudo-locale code, in BCP 47 (``en-XA``) or gettext (``en_XA``) form."""
    return code.replace("_", "-").lower() in {c.lower() for c in PSEUDO_LANGUAGES}


@dataclass(frozen=True)
class Config:
    """Everything a run needs to know about the course; paths relative to ``root``."""

    root: Path = Path(".")
    source_language: str = "en"
    languages: tuple[str, ...] = ()
    """Target languages: each has ``locales/<lang>/`` catalogues and a build."""
    slides: Path = Path("slides")
    locales: Path = Path("locales")
    build: Path = Path("build")
    translatable_keys: tuple[str, ...] = ("title", "description")
    variables: dict[str, dict[str, str]] = field(default_factory=dict)
    check: dict[str, object] = field(default_factory=dict)
    """The ``[tool.marp-i18n.check]`` table, read by ``check``."""
    settings: Path | None = None
    """The settings file these came from; None: none was found, the defaults apply."""

    def where(self, table: str = "") -> str:
        """How messages name a settings table: ``pyproject.toml [tool.marp-i18n.check]``,
        ``marp-i18n.toml [check]``, or the table alone when there is no file."""
        if self.settings is not None and self.settings.name != "pyproject.toml":
            return f"{self.settings} [{table}]" if table else str(self.settings)
        name = "tool.marp-i18n" + (f".{table}" if table else "")
        return f"{self.settings} [{name}]" if self.settings is not None else f"[{name}]"

    def settings_hint(self) -> str:
        """Which settings file was used, or that none was found, for errors about folders."""
        if self.settings is not None:
            return f"settings from {self.settings}"
        return (
            f"no {SETTINGS_FILE} (nor pyproject.toml with [tool.marp-i18n]) found in "
            f"{Path.cwd()} or above: run `marp-i18n init` in the course folder"
        )

    def with_options(self, **options: object) -> Config:
        """A copy with every option that was given (not None, not empty) applied."""
        given = {k: v for k, v in options.items() if v is not None and v != ()}
        return replace(self, **given)  # type: ignore[arg-type]


def validate_language(code: str, where: str = "--lang") -> str:
    """A gettext language code Babel knows (``sv``, ``sv_SE``, ``pt_BR``), or a pseudo-locale.

    Raises:
        ConfigError: the code is malformed or unknown; it never reaches a file path.
    """
    if is_pseudo_language(code):
        return code
    if not _CODE.fullmatch(code):
        raise ConfigError(where, None, f"{code!r} is not a language code", "use e.g. sv or pt_BR")
    if has_locale_data(code.split("@")[0]):
        return code
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.split("@")[0])
    except (UnknownLocaleError, ValueError):
        raise ConfigError(
            where, None, f"unknown language code {code!r}", "use a code Babel knows, e.g. sv"
        ) from None
    return code


def has_locale_data(identifier: str) -> bool:
    """Babel holds a data file for exactly this identifier (``sv``, ``pt_BR``).

    Babel's own first test (``babel.localedata.exists``), made without importing Babel:
    that and ``Locale.parse`` cost every command about 5 ms (issue 13), and every
    command validates the configured languages. Any other code (``pt_br``, an alias)
    is left to ``Locale.parse``. ``identifier`` has passed ``_CODE``: no path in it.
    """
    return any((folder / f"{identifier}.dat").is_file() for folder in _babel_data_folders())


@lru_cache(maxsize=1)
def _babel_data_folders() -> list[Path]:
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("babel")
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    return [Path(folder) / "locale-data" for folder in folders]


SETTINGS_FILE = "marp-i18n.toml"
"""The settings file of a course that is not a Python project (``marp-i18n init``)."""


def is_own_settings(path: Path) -> bool:
    """True for a ``marp-i18n.toml`` (keys at the top), False for a pyproject.toml (the
    ``[tool.marp-i18n]`` table): by name, as ruff tells ``ruff.toml`` from pyproject.toml."""
    return path.name != "pyproject.toml"


def find_settings(start: Path) -> Path | None:
    """The nearest ``marp-i18n.toml``, or pyproject.toml with a ``[tool.marp-i18n]`` table,
    in ``start`` or a folder above it; a pyproject.toml without the table is passed by,
    so a course inside a Python project's sub-folder still finds its own settings."""
    from i18n.disk import read_input

    for folder in (start, *start.parents):
        own = folder / SETTINGS_FILE
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = read_input(pyproject, ConfigError) or b""
            if re.search(rb"^\s*\[\s*tool\s*\.\s*[\"']?marp-i18n\b", data, re.MULTILINE):
                return pyproject
    return None


def load_config(pyproject: Path | None = None) -> Config:
    """Read the settings (``pyproject``, or the file ``find_settings`` finds from the
    current folder); no file, or no table in it, gives the defaults. Paths in the file
    are relative to its folder.

    Raises:
        ConfigError: the file is not TOML or a setting has the wrong type.
    """
    from i18n.disk import read_input

    if pyproject is None:
        found = find_settings(Path.cwd())
        if found is None:
            return Config()
        pyproject = Path(os.path.relpath(found))
    path = pyproject
    raw = read_input(path, ConfigError)  # a FIFO or /dev/zero is refused, not read
    if raw is None:
        return Config()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, f"not valid TOML: {exc}", "fix the file") from None
    own = is_own_settings(path)
    table = data if own else data.get("tool", {}).get("marp-i18n", {})
    if not isinstance(table, dict):
        raise ConfigError(str(path), None, "[tool.marp-i18n] must be a table")
    where = str(path) if own else f"{path} [tool.marp-i18n]"

    def text(key: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise ConfigError(where, None, f"{key} must be a string")
        return value

    def texts(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = table.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(where, None, f"{key} must be a list of strings")
        return tuple(value)

    variables = table.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(v, dict) and all(isinstance(x, str) for x in v.values())
        for v in variables.values()
    ):
        raise ConfigError(where, None, "variables.<lang> must be tables of strings")
    check = table.get("check", {})
    if not isinstance(check, dict):
        raise ConfigError(where, None, "check must be a table")
    languages = texts("languages", ())
    for code in languages:
        validate_language(code, where)
    return Config(
        root=path.parent,
        source_language=validate_language(text("source-language", "en"), where),
        languages=languages,
        slides=path.parent / text("slides", "slides"),
        locales=path.parent / text("locales", "locales"),
        build=path.parent / text("build", "build"),
        translatable_keys=texts("translatable-keys", ("title", "description")),
        variables={str(k): dict(v) for k, v in variables.items()},
        check=check,
        settings=path,
    )
