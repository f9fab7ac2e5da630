"""``python -m i18n`` runs the CLI."""

from i18n.cli import run

run()
