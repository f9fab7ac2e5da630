"""The ``marp-i18n`` command group: global options, lazy subcommands, errors as one line."""

from __future__ import annotations

import importlib
import sys

import click

from i18n.errors import I18nError

# Subcommands load on demand so ``marp-i18n --help`` stays fast (polib, translate-toolkit
# and markdown-it are only imported by the command that needs them).
_COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("i18n.cli.extract", "Write one POT template per deck."),
    "update": ("i18n.cli.update", "Extract, then bring every PO catalogue up to date."),
    "build": ("i18n.cli.build", "Write one translated deck per language."),
    "check": ("i18n.cli.check", "Check completeness and translations (for CI)."),
    "render": ("i18n.cli.render", "Render built decks to HTML (and PDF) with Marp CLI."),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module = importlib.import_module(_COMMANDS[cmd_name][0])
        command: click.Command = getattr(module, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, help_) in sorted(_COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup)
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.version_option(package_name="marp-i18n")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Translate Marp slide decks with gettext PO catalogues.

    Settings come from [tool.marp-i18n] in ./pyproject.toml; every one of them can
    be given on the command line as well.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; an I18nError escaping a command becomes one line on stderr, exit 2."""
    try:
        # Commands return their exit code; with standalone_mode off click hands it back.
        code = cli.main(args=argv, prog_name="marp-i18n", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except I18nError as exc:
        if "--debug" in (argv if argv is not None else sys.argv):
            raise
        click.echo(f"marp-i18n: {exc}", err=True)
        return 2
    except OSError as exc:
        if "--debug" in (argv if argv is not None else sys.argv):
            raise
        click.echo(f"marp-i18n: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        return 2
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
