"""The review page: each slide's source beside its translation, notes included, as HTML.

Texts are shown as escaped source, not rendered Markdown: a reviewer has to see the
markup a translation must keep (links, ``code``, ``**bold**``, ``%VARIABLES%``, HTML
tags) exactly as ``check`` and the build's guard compare it, and the line breaks Marp
shows (``white-space: pre-wrap``). Rendering would hide the markup, could not show Marp's
own syntax faithfully, and would need an HTML sanitiser; escaped text needs none.
Every state is a word in a label and a CSS class, never a colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from i18n.glossary.match import TermIndex
from i18n.report._html import document, text
from i18n.report.review import Review, ReviewSlide, ReviewUnit
from i18n.report.review_terms import TERMS_CSS, marked_pair

if TYPE_CHECKING:
    from i18n.report.review_slides import SlidePictures

_CSS = """
.notice{padding:.6rem .8rem;border-radius:.4rem;border:1px solid var(--line);
background:var(--panel);margin:.6rem 0}
.summary{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
.summary strong{font-variant-numeric:tabular-nums}
.todo a{margin-right:.5rem;white-space:nowrap}
.slide{border-top:2px solid var(--line);margin-top:1.4rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem;color:var(--muted);
font-size:.85rem;font-weight:600;margin:.2rem 0}
.unit{border:1px solid var(--line);border-left:5px solid var(--ok);border-radius:.4rem;
margin:.5rem 0;padding:.45rem .7rem}
.unit.fuzzy{border-left-color:var(--fuzzy)}.unit.untranslated{border-left-color:var(--todo)}
.unit.changed,.unit.new{box-shadow:0 0 0 2px var(--changed)}
.unit.note{background:var(--panel);border-style:dashed;border-left-style:solid}
.meta{margin:0 0 .3rem;font-size:.82rem;color:var(--muted);display:flex;flex-wrap:wrap;
gap:.2rem .6rem;align-items:center}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.pair>div{min-width:0}
.side{display:none;font-size:.78rem;font-weight:600;color:var(--muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.unit.fuzzy .dst>.text{background:var(--fuzzy-bg)}
.missing{font-style:italic;color:var(--todo)}
.extra{font-size:.85rem;margin:.35rem 0 0;color:var(--muted)}
.extra .text{display:block;color:var(--fg)}
del.text{text-decoration-color:var(--todo)}
@media (max-width:42rem){
.page{padding:.6rem}
.cols{display:none}
.pair{grid-template-columns:1fr;gap:.4rem}
.side{display:block}
}
"""


class _Names(NamedTuple):
    source_code: str
    source: str
    target: str
    terms: TermIndex | None = None


def render_review(
    review: Review,
    *,
    source_language: str,
    source_name: str,
    target_name: str,
    generated: str,
    pictures: SlidePictures | None = None,
    terms: TermIndex | None = None,
) -> str:
    """The whole page; ``*_name``: the languages' display names; ``generated``: the time;
    ``pictures``: the rendered slides, shown above each slide's texts; ``terms``: the
    language's glossary, whose terms are marked."""
    title = f"Review: {review.deck} in {target_name} ({review.language})"
    body = [
        f"<header>\n<h1>Review: <code>{text(review.deck)}</code> in {text(target_name)} "
        f"({text(review.language)})</h1>\n",
        f'<p class="muted">Catalogue <code>{text(review.po_path)}</code> · generated '
        f"{text(generated)}</p>\n",
        _notices(review),
        _summary(review),
        "</header>\n<main>\n",
    ]
    names = _Names(source_language, source_name, target_name, terms)
    for slide in review.slides:
        shots = pictures.figure(slide.number, source_name, target_name) if pictures else ""
        body.append(_slide(slide, review, names, shots))
    body.append("</main>\n")
    return document(title, _CSS + TERMS_CSS + _slides_css(pictures), "".join(body))


def _slides_css(pictures: SlidePictures | None) -> str:
    if pictures is None:
        return ""
    from i18n.report.review_slides import SLIDES_CSS

    return SLIDES_CSS


def _notices(review: Review) -> str:
    out = []
    if not review.exists:
        out.append(
            "There is no catalogue for this deck and language yet: every text is "
            "untranslated. Run <code>marp-i18n update</code> to create it."
        )
    if review.since is not None and review.since_found:
        out.append(
            f"Compared with revision <code>{text(review.since)}</code>: entries whose "
            "translation or fuzzy flag differs are marked <em>changed</em>, entries that "
            "did not exist then <em>new</em>."
        )
    elif review.since is not None:
        out.append(
            f"The catalogue could not be read at revision <code>{text(review.since)}</code> "
            "(git failed, or the file did not exist then): every entry counts as "
            "<em>new</em>."
        )
    return "".join(f'<p class="notice">{line}</p>\n' for line in out)


def _summary(review: Review) -> str:
    counts = review.counts()
    items = [
        ("translated", "ok", "translated"),
        ("fuzzy", "fuzzy", "fuzzy"),
        ("untranslated", "untranslated", "untranslated"),
    ]
    if review.since is not None:
        items += [("changed", "changed", "changed"), ("new", "new", "new")]
    shown = "".join(
        f'<li><span class="label {css}">{label}</span> <strong class="count-{key}">'
        f"{counts[key]}</strong></li>"
        for key, css, label in items
    )
    todo = [s for s in review.slides if s.attention]
    links = " ".join(f'<a href="#slide-{s.number}">{_slide_name(s)}</a>' for s in todo)
    look = f'<p class="todo">Needs a look: {links}</p>\n' if todo else ""
    return f'<ul class="summary" aria-label="Units by state">{shown}</ul>\n{look}'


def _slide_name(slide: ReviewSlide) -> str:
    return "Front matter" if slide.number == 0 else f"Slide {slide.number}"


def _slide(slide: ReviewSlide, review: Review, names: _Names, shots: str = "") -> str:
    ident = f"slide-{slide.number}"
    parts = [
        f'<section class="slide" id="{ident}" aria-labelledby="{ident}-h">\n'
        f'<h2 id="{ident}-h">{_slide_name(slide)}</h2>\n{shots}'
    ]
    if not slide.units:
        parts.append('<p class="muted">No text to translate on this slide.</p>\n')
    else:
        parts.append(
            f'<div class="cols" aria-hidden="true"><span>{text(names.source)} (source)</span>'
            f"<span>{text(names.target)}</span></div>\n"
        )
    parts.extend(_unit(u, review, names) for u in slide.text_units)
    if slide.notes:
        parts.append("<h3>Speaker notes</h3>\n")
        parts.extend(_unit(u, review, names) for u in slide.notes)
    parts.append("</section>\n")
    return "".join(parts)


def _labels(unit: ReviewUnit, since: str | None) -> str:
    labels = []
    if unit.state == "fuzzy":
        labels.append('<span class="label fuzzy">Fuzzy: check it, not used in builds</span>')
    elif unit.state == "untranslated":
        labels.append('<span class="label untranslated">Untranslated</span>')
    if unit.change and since is not None:
        word = "Changed" if unit.change == "changed" else "New"
        labels.append(f'<span class="label {unit.change}">{word} since {text(since)}</span>')
    return "".join(labels)


def _unit(unit: ReviewUnit, review: Review, names: _Names) -> str:
    classes = " ".join(c for c in ("unit", unit.state, unit.change, "note" * unit.note) if c)
    where = [text(unit.what), f"deck line {unit.line}"]
    if unit.po_line is not None:
        where.append(f"PO line {unit.po_line}")
    meta = "".join(f"<span>{w}</span>" for w in where) + _labels(unit, review.since)
    source, translation = marked_pair(names.terms, unit.source, unit.translation)
    if unit.translation:
        target = f'<p class="text">{translation}</p>'
    else:
        target = '<p class="text missing">Not translated: the build shows the source text.</p>'
    if unit.state == "fuzzy" and unit.previous_source:
        target += (
            '<p class="extra">Translated from an earlier source text:'
            f'<span class="text">{text(unit.previous_source)}</span></p>'
        )
    if unit.before is not None:
        target += _before(unit, text(review.since))
    return (
        f'<article class="{classes}">\n<p class="meta">{meta}</p>\n<div class="pair">'
        f'<div class="src" lang="{_bcp47(names.source_code)}"><span class="side">'
        f"{text(names.source)}</span>"
        f'<p class="text">{source}</p></div>'
        f'<div class="dst" lang="{_bcp47(review.language)}">'
        f'<span class="side">{text(names.target)}</span>{target}</div></div>\n</article>\n'
    )


def _before(unit: ReviewUnit, since: str) -> str:
    """What the entry held at the earlier revision; only the flag may have changed."""
    then = "fuzzy" if unit.before_fuzzy else "not fuzzy"
    if unit.before == unit.translation:
        return f'<p class="extra">At {since}: the same translation, {then}.</p>'
    earlier = text(unit.before) if unit.before else "(no translation)"
    fuzzy = " (fuzzy)" if unit.before_fuzzy else ""
    return f'<p class="extra">Before, at {since}{fuzzy}:<del class="text">{earlier}</del></p>'


def _bcp47(code: str) -> str:
    """gettext's ``pt_BR`` as HTML's ``lang`` wants it, ``pt-BR`` (``@variant`` dropped)."""
    return text(code.split("@")[0].replace("_", "-"))
