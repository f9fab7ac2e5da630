"""Ask the real Marp (pinned in package.json) for the slide structure of decks.

marp-i18n promises that a translation never changes a deck's structure: the same
slides, directives, background images and number of speaker notes. Checking that
with our own segmenter would only compare it with itself, so tests that guard the
promise ask marp-core through ``tools/marp_structure.mjs`` instead. This module is
a helper for such tests, not a test file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
"""The repository root: ``package.json``, ``node_modules/`` and ``tools/`` live here."""

SCRIPT = ROOT / "tools" / "marp_structure.mjs"
MARP_CORE = ROOT / "node_modules" / "@marp-team" / "marp-core" / "package.json"

Structure = dict[str, Any]
"""One deck's structure, ``{"slides": [...], "global": {...}}``, or ``{"error": msg}``."""


def marp_available() -> str | None:
    """Say why Marp cannot be asked, or None when it can.

    Tests skip with this reason instead of failing on a machine without Node.js
    or before ``npm ci``; a reason string (not a bool) makes the skip explain itself.
    """
    if shutil.which("node") is None:
        return "Node.js (`node`) is not on PATH; install Node.js 20 to run Marp checks"
    if not MARP_CORE.is_file():
        return f"{MARP_CORE.parent.relative_to(ROOT)} is missing; run `npm ci` in {ROOT}"
    if not SCRIPT.is_file():
        return f"{SCRIPT.relative_to(ROOT)} is missing"
    return None


def marp_structures(paths: list[Path]) -> dict[str, Structure]:
    """Return Marp's structure of every deck, keyed by ``str(path)``.

    All decks go to one Node process, because starting Node and loading marp-core
    costs far more than rendering a deck; a corpus of hundreds of decks takes
    seconds this way. Relative paths are read from the repository root. A deck
    Marp cannot render maps to ``{"error": "message"}`` so one bad deck does not
    hide the others.

    Each structure is ``{"slides": [{"directives": {...}, "backgrounds":
    [{"url", "keywords", "alt"}], "notes": N}, ...], "global": {...}}``; see
    ``tools/marp_structure.mjs`` for what each field is taken from.

    Raises:
        RuntimeError: the Node script itself failed (not one deck): its stderr.
    """
    names = [str(path) for path in paths]
    if not names:
        return {}
    proc = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(names),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{SCRIPT.name} exited {proc.returncode}: {proc.stderr.strip()}")
    result: dict[str, Structure] = json.loads(proc.stdout)
    return result
