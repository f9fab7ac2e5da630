"""``python -m i18n`` runs the CLI."""

import sys

from i18n.cli.main import main

sys.exit(main())
