"""The ``marp-i18n`` command group: global options, lazy subcommands, errors as one line."""

from __future__ import annotations

import importlib
import sys

import click

from i18n.errors import I18nError

# Subcommands load on demand so ``marp-i18n --help`` stays fast (polib, translate-toolkit
# and markdown-it are only imported by the command that needs them).
# Each entry: module, the click command's attribute name there, one line of help.
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "extract": ("i18n.cli.extract", "extract", "Write one POT template per deck."),
    "update": ("i18n.cli.update", "update", "Extract, then bring every PO catalogue up to date."),
    "build": ("i18n.cli.build", "build", "Write one translated deck per language."),
    "check": ("i18n.cli.check", "check", "Check completeness and translations (for CI)."),
    "render": ("i18n.cli.render", "render", "Render built decks to HTML (and PDF) with Marp CLI."),
    "pseudo": (
        "i18n.cli.pseudo",
        "pseudo",
        "Pseudo-translate every deck to spot overflowing slides early.",
    ),
    "report": ("i18n.cli.report", "report", "Write the HTML status page and SVG badges."),
    "review": (
        "i18n.cli.review",
        "review",
        "Write a side-by-side HTML page of a deck and its translation.",
    ),
    "terms": (
        "i18n.cli.terms",
        "terms",
        "Propose glossary terms from the decks, with their frequency.",
    ),
    "init": (
        "i18n.cli.init",
        "init",
        "Set up a folder of decks: settings, .gitignore, CI workflow, pre-commit hook.",
    ),
    "add-language": (
        "i18n.cli.add_language",
        "add_language",
        "Add a target language: settings, variables table, threshold, catalogues.",
    ),
    "import": (
        "i18n.cli.import_",
        "import_",
        "Pair a hand-made translated deck with its source into fuzzy PO entries.",
    ),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module_name, attribute, _ = _COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, _, help_) in sorted(_COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup)
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors, in every command.")
@click.option("-v", "--verbose", count=True, help="Say more, in every command.")
@click.version_option(package_name="marp-i18n")
@click.pass_context
def cli(ctx: click.Context, debug: bool, quiet: bool, verbose: int) -> None:
    """Translate Marp slide decks with gettext PO catalogues.

    Settings come from the nearest marp-i18n.toml, or pyproject.toml with a
    [tool.marp-i18n] table, in the current folder or above (`marp-i18n init` writes
    one); every one of them can be given on the command line as well.
    """
    from i18n.cli.output import NORMAL, QUIET, VERBOSE, ClickObj

    obj = ctx.ensure_object(ClickObj)
    obj.debug = debug
    obj.verbosity = QUIET if quiet else (VERBOSE if verbose else NORMAL)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; an I18nError escaping a command becomes one line on stderr, exit 2
    (a traceback with ``--debug``, as the group's option set it on ``obj``)."""
    from i18n.cli.output import ClickObj

    obj = ClickObj()
    try:
        # Commands return their exit code; with standalone_mode off click hands it back.
        code = cli.main(args=argv, prog_name="marp-i18n", standalone_mode=False, obj=obj)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except I18nError as exc:
        if obj.debug:
            raise
        click.echo(f"marp-i18n: {exc}", err=True)
        return 2
    except OSError as exc:
        if obj.debug:
            raise
        click.echo(f"marp-i18n: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        return 2
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
