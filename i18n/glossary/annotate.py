"""The glossary's terms at each entry: ``#. glossary: hypervisor → hypervisor; ...``.

Poedit, Lokalize and Weblate show extracted comments beside the text, so a translator
sees the course's terms where they are needed. ``update`` writes the line from the
glossary every time (the template's comments come first, the line after them), so an
unchanged glossary changes no byte and a changed one changes exactly these lines.
"""

from __future__ import annotations

import polib
from markdown_it import MarkdownIt

from i18n.check.facts import analyse, prose
from i18n.glossary.match import TermIndex
from i18n.glossary.model import Term
from i18n.model import Unit

PREFIX = "glossary: "


def described(term: Term) -> str:
    """How a comment names a term: its translation, or that it stays as it is."""
    if term.keep:
        return f"{term.source} (never translated)"
    shown = f"{term.source} → {term.target}" if term.target else term.source
    if term.forbidden:
        shown += f" (not {', '.join(term.forbidden)})"
    return shown


def annotate(po: polib.POFile, units: list[Unit], index: TermIndex, md: MarkdownIt) -> None:
    """Add (or replace) the glossary line of every current entry whose text has terms."""
    by_msgid = {u.msgid: u for u in reversed(units)}  # the first unit's kind, as extract
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        lines = [x for x in entry.comment.split("\n") if x and not x.startswith(PREFIX)]
        unit = by_msgid.get(entry.msgid)
        if unit is not None:
            hits = index.hits(prose(analyse(md, unit.msgid, unit.kind)))
            if hits:
                lines.append(PREFIX + "; ".join(described(t) for t in hits))
        entry.comment = "\n".join(lines)
