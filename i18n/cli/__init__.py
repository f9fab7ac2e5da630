"""The command line: ``run`` is the ``marp-i18n`` console script, ``main`` its body."""

from __future__ import annotations

import gc
import sys
from typing import NoReturn


def run() -> NoReturn:
    """The ``marp-i18n`` console script: ``main``, with CPython's garbage collector tuned
    for a short run, as short-lived tools commonly tune it.

    Start-up imports and parsing make a few hundred thousand objects that nearly all
    live to the end, and every 700 new ones Python searched the young ones for cycles:
    61 collections and about 9 ms of a one-deck ``update`` (issue 13). Collections are
    made rarer (every 50,000), not stopped, so a run over a large course still frees its
    cycles. At exit Python would search everything once more only to free memory the
    system takes back anyway (10 to 25 ms): ``gc.freeze`` moves it out of reach. Every
    file was written and closed (``disk.replace_atomic``) and every pool shut down
    before ``main`` returns. Set here, before click and the commands are imported, so
    their import is spared too; the library (``main``, the tests) keeps the defaults.
    """
    gc.set_threshold(50_000, 50, 50)
    from i18n.cli.main import main

    code = main()
    gc.freeze()
    sys.exit(code)
