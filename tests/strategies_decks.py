"""Whole decks for the differential tests against the real Marp (issue 12), and the
translations that attack them.

``tests/strategies.py`` builds decks to test the segmenter's bookkeeping; these decks
mix what issue 12 found translations can break without the guard noticing: reference
links and images (full ``[t][l]``, collapsed ``[t][]``, shortcut ``[t]``, definitions
before and after their use), Marp's image keywords anywhere in the alt text, emphasis
around links, inline and block HTML, notes and directives, math. They stay small and
valid: what is tested is the build, not the parser's corner cases.

``hostile_translate`` is what a careless translator (or a machine translation) does
that the project's pseudo-locale avoids on purpose: it translates reference labels and
every word of alt text, keywords included, and glues punctuation to the last alt word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hypothesis import strategies as st
from markdown_it import MarkdownIt

from i18n.assemble import Built, assemble
from i18n.model import Deck
from i18n.pseudo import pseudo_parser, pseudo_translate

WORDS = ("alpha", "Beta", "gamma", "delta", "Slide", "logo", "docs", "see", "the", "GitHub")
LABELS = ("logo", "docs", "GitHub", "e")
"""Reference labels; ``GitHub`` and ``docs`` are also words, so shortcut links happen."""
URLS = {
    "logo": "https://example.com/logo.png",
    "docs": "https://example.com/docs",
    "GitHub": "https://github.com/",
    "e": "https://example.com/e.jpg",
}
KEYWORDS = (
    "bg",
    "left",
    "right:30%",
    "fit",
    "contain",
    "60%",
    "w:200px",
    "h:1",
    "width:50%",
    "blur",
    "sepia:50%",
    "opacity:.5",
    "grayscale",
    "vertical",
)
"""Marp's image keywords (marpit ``image/parse.js`` and ``background_image``)."""

word = st.sampled_from(WORDS)
words = st.lists(word, min_size=1, max_size=3).map(" ".join)
label = st.sampled_from(LABELS)


@st.composite
def alt_text(draw: st.DrawFn) -> str:
    """Words and keywords in any order: Marp reads a keyword wherever it stands."""
    parts = draw(st.lists(st.one_of(word, st.sampled_from(KEYWORDS)), min_size=0, max_size=4))
    return " ".join(parts)


def inline_piece() -> st.SearchStrategy[str]:
    """One inline construct; text between them is added by ``inline_line``."""
    return st.one_of(
        words,
        st.builds(lambda t, lab: f"[{t}][{lab}]", words, label),  # full reference
        label.map(lambda lab: f"[{lab}][]"),  # collapsed
        label.map(lambda lab: f"[{lab}]"),  # shortcut
        st.builds(lambda a, lab: f"![{a}][{lab}]", alt_text(), label),
        label.map(lambda lab: f"![{lab}]"),  # shortcut image: its alt is its label
        label.map(lambda lab: f"[![][{lab}]](https://github.com/)"),
        st.builds(lambda a: f"![{a}](img/x.png)", alt_text()),
        st.builds(lambda t: f"*[{t}](https://example.com/a)*", words),
        st.builds(lambda t: f"**{t}**", words),
        st.builds(lambda t: f"<b>{t}</b>", words),
        st.just("$x^2 + 1$"),
        st.just("`code()`"),
        st.builds(lambda t: f"<!-- {t} -->", words),
    )


@st.composite
def inline_line(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(inline_piece(), min_size=1, max_size=4))
    glue = draw(st.sampled_from([" ", ": ", ", "]))
    return glue.join(pieces)


def block() -> st.SearchStrategy[str]:
    """One block of a slide, as Markdown text without its trailing blank line."""
    return st.one_of(
        inline_line(),
        inline_line(),
        st.builds(lambda n, t: f"{'#' * n} {t}", st.integers(1, 3), inline_line()),
        st.lists(inline_line(), min_size=1, max_size=3).map(
            lambda items: "\n".join(f"- {i}" for i in items)
        ),
        st.lists(inline_line(), min_size=1, max_size=2).map(
            lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
        ),
        inline_line().map(lambda t: f"> {t}"),
        st.builds(lambda a, b: f"| {a} | b |\n|---|:-:|\n| c | {b} |", words, inline_line()),
        st.just("```js\nconst a = 1\n```"),
        words.map(lambda t: f"<div>\n\n{t}\n\n</div>"),
        st.just("$$\nE = mc^2\n$$"),
        words.map(lambda t: f"<!-- {t} -->"),
        st.sampled_from(
            [
                "<!-- _class: lead -->",
                "<!-- _backgroundColor: #123 -->",
                "<!-- _paginate: false -->",
                "<!-- header: Head -->",
            ]
        ),
        label.map(lambda lab: f"[{lab}]: {URLS[lab]}"),
        st.builds(lambda a: f"![bg {a}](img/bg.jpg)", alt_text()),
    )


@st.composite
def decks(draw: st.DrawFn) -> str:
    """A deck of one to six slides; front matter sometimes, definitions anywhere."""
    out = []
    if draw(st.booleans()):
        title = draw(words)
        out.append(f"---\ntitle: {title}\npaginate: true\n---\n")
    slides = draw(st.lists(st.lists(block(), min_size=1, max_size=6), min_size=1, max_size=6))
    out.append("\n---\n\n".join("\n\n".join(blocks) + "\n" for blocks in slides))
    return "\n".join(out)


# --- translations -------------------------------------------------------------------

_LETTERS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ",
)
_ALT = re.compile(r"!\[([^\[\]\n]*)\]")
_BRACKETS = re.compile(r"(?<![!\\])\[([^\[\]\n]*)\]")


def _translated_alt(match: re.Match[str]) -> str:
    alt = match.group(1).translate(_LETTERS)
    return f"![{alt}.]" if alt.strip() else match.group(0)


def hostile_translate(msgid: str, kind: str, md: MarkdownIt | None = None) -> str:
    """A translation that changes only words, as a translator sees words: prose as the
    pseudo-locale does it, plus every reference label and every alt word (keywords
    too, ``bg`` → ``ƀɠ``), with a full stop glued to the alt text's last word."""
    if kind == "image alt text":
        return msgid.translate(_LETTERS) + "." if msgid.strip() else msgid
    text = pseudo_translate(msgid, md)
    text = _ALT.sub(_translated_alt, text)
    return _BRACKETS.sub(lambda m: f"[{m.group(1).translate(_LETTERS)}]", text)


Translate = Callable[[str, str, MarkdownIt], str]


def pseudo_all(msgid: str, kind: str, md: MarkdownIt) -> str:
    """The project's pseudo-locale, for every unit."""
    return pseudo_translate(msgid, md)


TRANSLATIONS: dict[str, Translate] = {"pseudo": pseudo_all, "hostile": hostile_translate}


@dataclass(frozen=True)
class Attempt:
    """A deck translated and built: the built text, what was refused, and the deck
    rebuilt with the source text of every refused unit."""

    built: Built
    rebuilt: str
    refused: frozenset[str]


def translate_deck(deck: Deck, translate: Translate, md: MarkdownIt | None = None) -> Attempt:
    """Translate every unit with ``translate``, build, and rebuild without the refused.

    Refusals are tied back to their msgids through ``locate``: the PO line is the
    unit's index, so no message text has to be parsed.
    """
    md = md or pseudo_parser()
    translations = {u.msgid: translate(u.msgid, u.kind, md) for u in deck.units}
    index = {msgid: i for i, msgid in enumerate(translations)}
    ids = list(translations)
    built = assemble(deck, translations, "qps", lambda m: ("locales/qps/deck.po", index[m]))
    refused = frozenset(ids[r.line] for r in built.refused if r.line is not None)
    if not refused:
        return Attempt(built, built.text, refused)
    kept: Mapping[str, str] = {m: t for m, t in translations.items() if m not in refused}
    return Attempt(built, assemble(deck, kept, "qps").text, refused)
