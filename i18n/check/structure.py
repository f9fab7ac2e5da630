"""The ``structure`` check: the refusals the build would make, from the build's own code.

``check`` assembles every deck in every language exactly as ``build`` does
(``assemble``: the unit rules, then the whole translated deck verified against the
source deck) and reports each refused translation at its PO entry. No rule is
restated here, so ``check`` and ``build`` cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping

from i18n.assemble import assemble
from i18n.check.report import Finding
from i18n.guard import Verdicts
from i18n.model import Deck


def structure_findings(
    deck: Deck,
    translations: Mapping[str, str],
    lines: Mapping[str, int],
    po_path: str,
    verdicts: Verdicts | None = None,
) -> list[Finding]:
    """A finding for every translation the build of ``deck`` would refuse (the verdicts
    ``build`` left in the cache are the same verdicts: same deck, same edits)."""
    built = assemble(deck, translations, None, lambda msgid: (po_path, lines.get(msgid)), verdicts)
    return [
        Finding(
            "structure",
            po_path,
            refusal.line,
            f"the build refuses this translation: {refusal.reason}",
            msgid=refusal.msgid,
        )
        for refusal in built.refused
    ]
