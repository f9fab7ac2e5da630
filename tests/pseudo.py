"""A pseudo-translation that keeps every piece of markup: for structure tests.

Each line gets a marker after its indentation, notes grow longer (so rewrapping is
exercised), front-matter values get a prefix. Nothing Markdown reads as syntax is
added, so a correct build must keep the deck's structure exactly.
"""

from __future__ import annotations

import re

from i18n.model import Unit

_LINE_START = re.compile(r"^(\s*)", re.MULTILINE)


def pseudo(unit: Unit) -> str:
    """The pseudo-translation of one unit."""
    if unit.kind == "speaker note":
        return f"Ŧ {unit.msgid} (översatt anteckning med några extra ord)"
    if unit.kind == "front matter":
        return f"Ŧ {unit.msgid}"
    return _LINE_START.sub(lambda m: m.group(1) + "Ŧ ", unit.msgid)
