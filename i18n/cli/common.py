"""Options and helpers shared by the subcommands (click lives only in ``cli/``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from i18n.config import Config, load_config, validate_language
from i18n.errors import ConfigError

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
            help="marp-i18n.toml, or pyproject.toml holding [tool.marp-i18n] [default: the "
            "nearest one in this folder or above].",
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
        default=None,
        help="The marp-cli executable [default: node_modules/.bin/marp of the course "
        "(`npm ci`), else marp on PATH].",
    )(func)


def make_config(config_path: Path | None, *, need_slides: bool = True, **options: Any) -> Config:
    """The config file's settings with the command line's on top.

    Raises:
        ConfigError: a setting is wrong, or the slides folder does not exist (the
            message says which settings file was used, or that none was found).
    """
    config = load_config(config_path)
    if "keys" in options:
        options["translatable_keys"] = tuple(options.pop("keys")) or None
    if "langs" in options:
        langs = tuple(validate_language(code) for code in options.pop("langs"))
        options["languages"] = langs or None
    config = config.with_options(**options)
    if need_slides and not config.slides.is_dir():
        where = f" or set slides = in {config.settings}" if config.settings else ""
        raise ConfigError(
            str(config.slides),
            None,
            f"slides folder not found ({config.settings_hint()})",
            f"give --slides DIR{where}",
        )
    return config


def now() -> str:
    """gettext's date format, in UTC so the date does not depend on the machine."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def echo_err(message: object) -> None:
    click.echo(str(message), err=True)
