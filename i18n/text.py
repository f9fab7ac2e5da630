"""How the tool's messages name a text and count things: one shortener, one plural."""

from __future__ import annotations

import json
from typing import Literal

Quote = Literal["json", "plain", "none"]


def short(text: str, width: int = 60, *, quote: Quote = "json", first_line: bool = True) -> str:
    """``text`` cut to its first ``width`` characters and ``…`` when there is more, so
    that a message naming it stays one line.

    ``first_line`` (the default) keeps only the first line: the lines after it count as
    more. ``quote``: ``json`` a JSON string (backslashes and controls escaped), ``plain``
    double quotes with only ``"`` escaped, ``none`` the text as it is.
    """
    shown = text.split("\n", 1)[0] if first_line else text
    if len(shown) > width or len(shown) < len(text):
        shown = shown[:width] + "…"
    if quote == "json":
        return json.dumps(shown, ensure_ascii=False)
    if quote == "plain":
        return '"' + shown.replace('"', '\\"') + '"'
    return shown


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``1 deck``, ``2 decks``: ``noun`` is the singular, ``plural`` when it is not
    ``noun`` + s (``entry``, ``entries``)."""
    return f"{number} {noun if number == 1 else (plural or noun + 's')}"
