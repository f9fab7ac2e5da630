"""``python -m i18n`` runs the CLI."""

from i18n.cli.main import run

run()
