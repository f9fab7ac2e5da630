"""Options and helpers shared by the subcommands (click lives only in ``cli/``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from i18n.config import Config, load_config, validate_language

F = TypeVar("F", bound=Callable[..., Any])


def folder_options(*names: str) -> Callable[[F], F]:
    """``--slides``, ``--locales``, ``--build`` (as asked) and ``--config``."""
    helps = {
        "slides": "Folder of source decks, searched recursively [config: slides].",
        "locales": "Folder of POT templates and <lang>/ PO catalogues [config: locales].",
        "build": "Folder for the built decks, one <lang>/ folder each [config: build].",
    }

    def decorate(func: F) -> F:
        for name in reversed(names):
            func = click.option(
                f"--{name}", type=click.Path(path_type=Path), default=None, help=helps[name]
            )(func)
        func = click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False),
            default=None,
            help="pyproject.toml holding [tool.marp-i18n] (default: ./pyproject.toml).",
        )(func)
        return func

    return decorate


def keys_option(func: F) -> F:
    return click.option(
        "--key",
        "keys",
        multiple=True,
        help="Front-matter key to translate; repeat for several [config: translatable-keys].",
    )(func)


def lang_option(func: F) -> F:
    return click.option(
        "--lang",
        "langs",
        multiple=True,
        help="Language code (sv, pt_BR); repeat for several [default: config languages].",
    )(func)


def marp_option(func: F) -> F:
    return click.option(
        "--marp",
        type=click.Path(path_type=Path, dir_okay=False),
        default="node_modules/.bin/marp",
        show_default=True,
        help="The marp-cli executable (installed by `npm ci`).",
    )(func)


def make_config(config_path: Path | None, **options: Any) -> Config:
    """The config file's settings with the command line's on top."""
    config = load_config(config_path)
    if "keys" in options:
        options["translatable_keys"] = tuple(options.pop("keys")) or None
    if "langs" in options:
        langs = tuple(validate_language(code) for code in options.pop("langs"))
        options["languages"] = langs or None
    return config.with_options(**options)


def now() -> str:
    """gettext's date format, in UTC so the date does not depend on the machine."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def echo_err(message: object) -> None:
    click.echo(str(message), err=True)
