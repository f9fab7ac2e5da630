"""Catalogue headers: the template's, and (in ``update``) each language's."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import polib

from i18n.model import Deck


def tool_version() -> str:
    try:
        return version("marp-i18n")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def template_header(pot: polib.POFile, deck: Deck, creation_date: str) -> None:
    """Fill the POT header: deck title and SPDX lines as comments, gettext metadata."""
    title = deck.title or deck.path
    lines = [f"Translations of the Marp deck {deck.path}: {title}", *deck.spdx]
    pot.header = "\n".join(lines)
    pot.metadata = {
        "Project-Id-Version": title,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": creation_date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"marp-i18n {tool_version()}",
    }
