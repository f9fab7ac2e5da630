"""Glossary terms marked on the review page: ``<mark>`` around each term, source and
translation alike, its glossary entry as the title, so a reviewer sees at a glance
whether the course's terms were used."""

from __future__ import annotations

from i18n.glossary.annotate import described
from i18n.glossary.match import Span, TermIndex
from i18n.report._html import text

TERMS_CSS = "mark.term{background:var(--changed-bg);color:inherit;border-radius:.2rem}\n"


def marked(shown: str, spans: list[Span]) -> str:
    """``shown`` escaped, with every (non-overlapping) span in a ``<mark>``."""
    out: list[str] = []
    at = 0
    for start, end, term in spans:
        if start < at:
            continue
        title = text(f"glossary: {described(term)}")
        out.append(text(shown[at:start]))
        out.append(f'<mark class="term" title="{title}">{text(shown[start:end])}</mark>')
        at = end
    out.append(text(shown[at:]))
    return "".join(out)


def marked_pair(index: TermIndex | None, source: str, translation: str) -> tuple[str, str]:
    """The source and its translation as HTML, their glossary terms marked."""
    if index is None:
        return text(source), text(translation)
    in_source, in_translation = index.spans(source, translation)
    return marked(source, in_source), marked(translation, in_translation)
