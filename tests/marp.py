"""Ask the real Marp (pinned in package.json) for the slide structure of decks.

marp-i18n promises that a translation never changes a deck's structure: the same
slides, directives, background images and number of speaker notes. Checking that
with our own segmenter would only compare it with itself, so tests that guard the
promise ask marp-core through ``tools/marp_structure.mjs`` instead. This module is
a helper for such tests, not a test file.
"""

from __future__ import annotations

import json
import re
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
    return _run_script(paths)


def marp_full_structures(paths: list[Path]) -> dict[str, Structure]:
    """``marp_structures`` with every slide's ``shape`` and ``links`` (``--full``): what
    a translation must not change, text left out. One Node process for all decks.

    Raises:
        RuntimeError: the Node script itself failed (not one deck): its stderr.
    """
    return _run_script(paths, "--full")


def _run_script(paths: list[Path], *flags: str) -> dict[str, Structure]:
    """All decks through one ``node tools/marp_structure.mjs`` (paths on stdin).

    Raises:
        RuntimeError: the Node script itself failed (not one deck): its stderr.
    """
    names = [str(path) for path in paths]
    if not names:
        return {}
    proc = subprocess.run(
        ["node", str(SCRIPT), *flags],
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


class MarpServer:
    """One long-lived Node process answering ``--full`` structures of deck texts.

    A property test asks Marp once per example (so Hypothesis can shrink a failure to
    a small deck); starting Node and loading marp-core per example would cost most of
    the test's time, so the process stays up and reads one JSON line per request.
    """

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            ["node", str(SCRIPT), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
        )

    def structures(self, texts: list[str]) -> list[Structure]:
        """Marp's full structure of each deck text, in order.

        Raises:
            RuntimeError: the Node process ended (it printed no answer).
        """
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(texts) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{SCRIPT.name} --serve ended (exit {self._proc.poll()})")
        result: list[Structure] = json.loads(line)
        return result

    def close(self) -> None:
        """End the process: closing stdin ends its read loop."""
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def __enter__(self) -> MarpServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


TEXT_DIRECTIVES = frozenset({"title", "description", "lang"})
"""Directives whose values a build changes on purpose: the translatable front-matter
keys (``DEFAULT_KEYS``) and the ``lang`` the build sets."""


def comparable(structure: Structure, links: bool = True) -> Structure:
    """What of a ``--full`` structure must be the same in a built deck and its source:
    the structure without text, without the directives a build translates or sets, and
    without the ``lang`` attribute the build's ``lang`` directive puts on every slide.
    A deck Marp could not read compares as its error. ``links`` False leaves the link
    targets out: a changed target is a ``check`` finding, not a refused translation."""
    if "error" in structure:
        return {"error": structure["error"]}

    def attrs(block: list[Any]) -> list[Any]:
        if block[0] == "marpit_slide_open" and len(block) > 2:
            kept = [a for a in block[2] if a[0] not in ("lang", "data-lang")]
            kept = [[a[0], _no_lang(a[1])] if a[0] == "style" else a for a in kept]
            return [*block[:2], [a for a in kept if a != ["style", ""]]]
        return block

    slides = []
    for slide in structure["slides"]:
        shape = dict(slide.get("shape", {}))
        if "blocks" in shape:
            shape["blocks"] = [
                attrs(b) for b in shape["blocks"] if b[2:] != ["directive", ["lang"]]
            ]
        if "style" in shape:
            shape["style"] = _no_lang(shape["style"])
        slides.append(
            {
                "directives": {
                    k: v for k, v in slide["directives"].items() if k not in TEXT_DIRECTIVES
                },
                "notes": slide["notes"],
                "shape": shape,
                "links": slide.get("links", []) if links else [],
            }
        )
    glob = {k: v for k, v in structure["global"].items() if k not in TEXT_DIRECTIVES}
    return {"slides": slides, "global": glob}


def _no_lang(style: str) -> str:
    """A slide's style without the ``--lang`` property Marp derives from ``lang``."""
    return re.sub(r"--lang:[^;]*;", "", style)


def difference(before: Structure, after: Structure) -> str | None:
    """The first place two ``comparable`` structures differ, in words, or None."""
    if before == after:
        return None
    if "error" in before or "error" in after:
        return f"error: {before.get('error')!r} -> {after.get('error')!r}"
    if before["global"] != after["global"]:
        return f"global directives {before['global']} -> {after['global']}"
    if len(before["slides"]) != len(after["slides"]):
        return f"{len(before['slides'])} slides -> {len(after['slides'])}"
    for number, (old, new) in enumerate(zip(before["slides"], after["slides"], strict=True), 1):
        for key in ("directives", "notes", "links"):
            if old[key] != new[key]:
                return f"slide {number} {key}: {old[key]} -> {new[key]}"
        for key in sorted(set(old["shape"]) | set(new["shape"])):
            a, b = old["shape"].get(key), new["shape"].get(key)
            if a != b:
                if key == "blocks" and isinstance(a, list) and isinstance(b, list):
                    for i, (x, y) in enumerate(zip(a, b, strict=False)):
                        if x != y:
                            return f"slide {number} block {i}: {x} -> {y}"
                    return f"slide {number} blocks: {len(a)} -> {len(b)}"
                return f"slide {number} {key}: {a} -> {b}"
    return "structures differ"
