"""Hypothesis strategies for Marp decks, and the same generators driven by a seed.

Why both: the property tests want Hypothesis (shrinking, the ``ci``/``fuzz`` budgets),
while the real-Marp check wants one fixed batch of decks for a single Node run. The
generators below take a ``Chooser`` so one grammar serves both: ``HypothesisChooser``
draws from Hypothesis, ``RandomChooser`` from ``random.Random(seed)``.

The grammar covers what real decks do and what the segmenter must respect: front
matter (block scalars, anchors, tags, quoted and odd scalars, SPDX lines), the four
slide separators, setext and ATX headings (with ``<!-- fit -->``), hard breaks,
nested lists and quotes, tables, fenced and indented code, math, directive and note
comments (one or many lines), background and ordinary images, HTML, links, inline
code, ``%VARIABLES%`` and Unicode from several scripts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import Literal, Protocol, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


class Chooser(Protocol):
    """The few random choices the generators make."""

    def choice(self, options: Sequence[T]) -> T: ...

    def integer(self, low: int, high: int) -> int: ...


class HypothesisChooser:
    """Choices drawn from Hypothesis, so failing decks shrink."""

    def __init__(self, draw: Callable[[st.SearchStrategy[object]], object]) -> None:
        self._draw = draw

    def choice(self, options: Sequence[T]) -> T:
        return self._draw(st.sampled_from(options))  # type: ignore[return-value]

    def integer(self, low: int, high: int) -> int:
        return self._draw(st.integers(low, high))  # type: ignore[return-value]


class RandomChooser:
    """Choices from a seeded generator: the same decks on every run and machine."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def choice(self, options: Sequence[T]) -> T:
        return options[self._random.randrange(len(options))]

    def integer(self, low: int, high: int) -> int:
        return self._random.randint(low, high)


# --- inline text ---------------------------------------------------------------------

WORDS = (
    "slide", "kernel", "memory", "trust", "attack", "the", "of", "Secure", "Boot",
    "Ünïcödé", "cafe\u0301", "café", "Ångström", "שלום", "مرحبا", "日本語", "😀",
    "naïve", "straße", "x", "I/O", "(see", "below)", "e.g.", "100%", "C++", "a_b",
)  # fmt: skip
"""Plain words: ASCII, composed and decomposed accents, right-to-left, CJK, emoji."""

INLINE = (
    "`code`", "``a ` b``", "$x^2$", "%COURSE_NAME%", "%VAR%",
    "[a link](https://example.com/a_b?x=1)", "<https://example.com>", "**bold**",
    "_emphasis_", "*em*", "~~gone~~", "<b>html</b>", "<br>", "&amp;", "&nbsp;",
    "https://example.org/path", "![a diagram](img/diagram.png)",
    "![w:200px photo of a cat](cat.jpg)", "[ref][1]", "\\*not em\\*", "H~2~O",
)  # fmt: skip
"""Inline constructs that stay inside a msgid as context."""


def words(c: Chooser, low: int = 1, high: int = 8) -> str:
    """A run of words and inline constructs, the text of one line."""
    out = [c.choice(WORDS)]
    for _ in range(c.integer(low, high) - 1):
        out.append(c.choice(WORDS) if c.integer(0, 2) else c.choice(INLINE))
    return " ".join(out)


# --- blocks --------------------------------------------------------------------------


def heading(c: Chooser) -> str:
    text = words(c, 1, 5)
    kind = c.integer(0, 5)
    if kind == 0:
        return f"{text}\n{c.choice(('===', '---', '='))}"  # setext
    hashes = "#" * c.integer(1, 6)
    if kind == 1:
        return f"{hashes} {text} <!-- fit -->"
    if kind == 2:
        return f"{hashes} <!-- fit --> {text}"
    if kind == 3:
        return f"{hashes} {text} {hashes}"
    return f"{hashes} {text}"


def paragraph(c: Chooser) -> str:
    lines = []
    for _ in range(c.integer(1, 3)):
        line = words(c)
        if c.integer(0, 3) == 0:
            line += "  "  # a hard break
        lines.append(line)
    if c.integer(0, 5) == 0:
        lines[-1] += " <!-- an inline note -->"
    return "\n".join(lines)


def bullet_list(c: Chooser, depth: int = 0) -> str:
    ordered = c.integer(0, 2) == 0
    marker = c.choice(("-", "*", "+"))
    indent = "  " * depth if not ordered else "   " * depth
    items = []
    for i in range(c.integer(1, 4)):
        lead = f"{i + 1}{c.choice(('.', ')'))}" if ordered else marker
        item = f"{indent}{lead} {words(c)}"
        if c.integer(0, 3) == 0:
            item += f"\n{indent}{' ' * (len(lead) + 1)}{words(c)}"  # continuation line
        if depth < 3 and c.integer(0, 3) == 0:
            item += "\n" + bullet_list(c, depth + 1)
        items.append(item)
    return "\n".join(items)


def table(c: Chooser) -> str:
    columns = c.integer(1, 4)
    rows = [[words(c, 1, 3) for _ in range(columns)] for _ in range(c.integer(1, 3))]
    header = "| " + " | ".join(words(c, 1, 2) for _ in range(columns)) + " |"
    rule = "|" + "|".join(c.choice(("---", ":--", "--:", ":-:")) for _ in range(columns)) + "|"
    body = ["| " + " | ".join(row) + " |" for row in rows]
    if c.integer(0, 3) == 0:
        body.append("| " + " | ".join(["a \\| b"] * columns) + " |")
    return "\n".join([header, rule, *body])


def blockquote(c: Chooser) -> str:
    depth = c.integer(1, 3)
    lines = [">" * d + " " + words(c) for d in range(1, depth + 1)]
    if c.integer(0, 2) == 0:
        lines.append("> - " + words(c))
    return "\n".join(lines)


def code(c: Chooser) -> str:
    kind = c.integer(0, 2)
    body = c.choice(("int main() { return 0; }", "echo 'hello' # not a heading", "---", "- x"))
    if kind == 0:
        return f"```{c.choice(('', 'c', 'bash'))}\n{body}\n```"
    if kind == 1:
        return f"~~~\n{body}\n# still code\n~~~"
    return f"    {body}\n    more code"


def math_block(c: Chooser) -> str:
    return c.choice(("$$\nE = mc^2\n$$", "$$ a + b $$", "$$\n\\frac{a}{b}\n\n$$"))


def directive_comment(c: Chooser) -> str:
    return c.choice(
        (
            "<!-- _class: lead -->",
            "<!-- _footer: 'Slide footer: part 2' -->",
            '<!-- _footer: "A *quoted* footer" -->',
            "<!-- paginate: true -->",
            "<!-- _paginate: false -->",
            "<!--\n_class: invert\n_backgroundColor: black\n-->",
            "<!-- header: Part 2: details -->",
            "<!-- _header: '' -->",
            "<!-- backgroundImage: url('x.png') -->",
            "<!-- lang: de -->",
            "<!-- prettier-ignore -->",
            "<!-- markdownlint-disable MD033 -->",
        )
    )


def note_comment(c: Chooser) -> str:
    kind = c.integer(0, 3)
    if kind == 0:
        return f"<!-- {words(c)} -->"
    if kind == 1:
        return f"<!--\n{words(c, 3, 10)}\n{words(c, 3, 10)}\n\n{words(c)}\n-->"
    if kind == 2:
        return f"<!--\n- {words(c)}\n- {words(c)}\n  {words(c)}\n-->"
    return f"<!--\n  {words(c)}\n  {words(c)}\n  -->"


def image_line(c: Chooser) -> str:
    return c.choice(
        (
            "![bg right:30%](img/x.jpg)",
            "![bg](a.png)\n![bg](b.png)",
            "![bg contain sepia](https://example.com/bg.png)",
            "![bg left:40% w:300px](img/y.jpg)",
            "![A photo of the lab](lab.jpg)",
            "![w:200px The team](team.png) ![h:100px](logo.svg)",
            "![bg fit](z.png) ![A caption](c.png)",
        )
    )


def html_block(c: Chooser) -> str:
    return c.choice(
        (
            "<div class='x'>\n\nInside **div** text\n\n</div>",
            "<style scoped>\nh1 { color: red }\n</style>",
            "<center>centred</center>",
            '<img src="x.png" alt="An image">',
        )
    )


BLOCKS: tuple[Callable[[Chooser], str], ...] = (
    heading, paragraph, paragraph, bullet_list, table, blockquote, code, math_block,
    directive_comment, note_comment, note_comment, image_line, html_block,
)  # fmt: skip


SEPARATORS = ("---", "***", "___", "- - -", "* * *", "-----")


def slide(c: Chooser) -> str:
    return "\n\n".join(c.choice(BLOCKS)(c) for _ in range(c.integer(1, 5)))


# --- front matter --------------------------------------------------------------------


FRONT_MATTER_LINES = (
    "marp: true",
    "theme: default",
    "paginate: true",
    "title: A course on %COURSE_NAME%",
    "title: 'It''s a title'",
    'title: "Quoted \\"title\\" with \\u00e9"',
    "title: Part 2: details",
    "description: >-\n  A folded\n  description",
    "description: |\n  Literal line one\n  line two",
    "description: Plain words, here",
    "footer: 'Footer text'",
    "footer: Course footer: part 2",
    "header: &h Header text",
    "author: *h",
    "keywords: !!str kernel, trust",
    "class: invert",
    "size: 16:9",
    "math: katex",
    "style: |\n  section { font-size: 28px; }\n  h1 { color: #333; }",
    "headingDivider: 2",
    "lang: en",
    "SPDX-License-Identifier: CC-BY-SA-4.0",
    "SPDX-FileCopyrightText: © 2024 Someone <a@example.com>",
    "# a YAML comment",
    "backgroundImage: url('https://example.com/bg.png')",
    "empty:",
    "odd: ~",
    "number: 0x1F",
)
"""Front-matter lines; a key appears at most once per deck (js-yaml rejects repeats)."""


def front_matter(c: Chooser) -> str:
    chosen: dict[str, str] = {}
    for _ in range(c.integer(0, 6)):
        line = c.choice(FRONT_MATTER_LINES)
        key = line.split(":", 1)[0]
        if key.startswith("#") or key not in chosen:
            chosen[key if not key.startswith("#") else line] = line
    if "author" in chosen:  # an alias needs its anchor, earlier in the document
        alias = chosen.pop("author")
        if "header" in chosen:
            chosen["author"] = alias
    return "---\n" + "".join(line + "\n" for line in chosen.values()) + "---"


# --- whole decks ---------------------------------------------------------------------


def marp_deck(c: Chooser) -> str:
    """A whole deck; line endings, BOM, final newline and unclosed endings vary."""
    parts = []
    if c.integer(0, 2):
        parts.append(front_matter(c))
    slides = [slide(c) for _ in range(c.integer(1, 5))]
    body = ""
    for i, text in enumerate(slides):
        if i:
            body += f"\n\n{c.choice(SEPARATORS)}\n\n"
        body += text
    parts.append(body)
    deck = "\n\n".join(parts)
    ending = c.integer(0, 9)
    if ending == 0:
        deck += "\n\n```\nan unclosed fence"
    elif ending == 1:
        deck += "\n\n<!-- an unclosed comment\n\nmore"
    deck += c.choice(("\n", "\n", "", "\n\n"))
    newline = c.choice(("\n", "\n", "\r\n"))
    if newline != "\n":
        deck = deck.replace("\n", newline)
    if c.integer(0, 9) == 0:
        deck = "\ufeff" + deck
    return deck


@st.composite
def marp_decks(draw: Callable[[st.SearchStrategy[object]], object]) -> str:
    """Marp-flavoured decks (the grammar above), shrinking towards small ones."""
    return marp_deck(HypothesisChooser(draw))


def seeded_decks(count: int, seed: int = 20240601) -> list[str]:
    """``count`` fixed decks from the same grammar, for one batch run of the real Marp."""
    chooser = RandomChooser(seed)
    return [marp_deck(chooser) for _ in range(count)]


# --- arbitrary text ------------------------------------------------------------------

SOUP = (
    *"-*_#>`~|[]()!<$%:\"' \t\n\n\n\r0123456789aAbx=+.,/\\{}&;",
    "\r\n", "\r\n", "\0", "\ufeff", "\u0301", "\u200f", "\u2028", "\x0c", "é", "Å", "ש",
    "<!--", "-->", "---", "***", "- - -", "```", "~~~", "- ", "> ", "# ", "1. ", "    ",
    "![bg](x.png)", "![alt](y.png)", "<!-- _class: a -->", "<!-- note -->", "<!-- fit -->",
    "$$", "%VAR%", "title: ", "footer: ", "_footer: ", "\n---\n", "<div>", "</div>",
    "| a | b |\n|---|---|\n", "\n===\n", "&a ", "*a", "!!str ", "style: |\n  ",
)  # fmt: skip
"""Fragments that matter to Markdown, Marp or YAML, mixed with plain characters."""


def soup_texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text made of Markdown/YAML/Marp fragments: finds what plain random text misses."""
    return st.lists(st.sampled_from(SOUP), max_size=max_size).map("".join)


def any_texts() -> st.SearchStrategy[str]:
    """Arbitrary text (every code point but surrogates), often as a deck body after a
    front matter, so the front-matter code sees noise too."""
    surrogates: tuple[Literal["Cs"]] = ("Cs",)
    raw = st.text(st.characters(exclude_categories=surrogates), max_size=200)
    fenced = st.tuples(raw, raw).map(lambda p: f"---\n{p[0]}\n---\n{p[1]}")
    return st.one_of(raw, fenced, soup_texts(), soup_texts().map(lambda s: f"---\n{s}\n---\n"))


# --- translations --------------------------------------------------------------------

_PROTECTED = re.compile(
    r"<!--.*?-->"  # comments (fit, directives, inline notes)
    r"|(`+).*?\1"  # inline code
    r"|\$\$.*?\$\$|\$[^$\s][^$]*?\$"  # math
    r"|%[A-Za-z0-9_]+%"  # variables
    r"|<[^<>]*>"  # HTML tags and autolinks
    r"|\]\([^)]*\)|\]\[[^\]]*\]"  # link and image targets, reference labels
    r"|[a-zA-Z][a-zA-Z0-9+.-]*://\S+|www\.\S+|mailto:\S+"  # bare URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|&#?[a-zA-Z0-9]+;"  # entities
    r"|\b(?:w|h|width|height):\S+",  # image size keywords
    re.DOTALL,
)
_ACCENTS = str.maketrans("aeiouy", "áéíóúý")


def pseudo_translate(msgid: str, kind: str) -> str:
    """A translation that changes every word and keeps every piece of markup.

    Vowels outside protected spans (code, math, URLs, %VARS%, HTML, link targets,
    comments) get accents; every line gets a ``ŧ`` marker and a space (a letter
    right before ``**`` or ``_`` would stop it opening emphasis); notes grow longer so
    their rewrapping is exercised. A correct build must keep the structure exactly.
    """
    out: list[str] = []
    pos = 0
    for match in _PROTECTED.finditer(msgid):
        out.append(msgid[pos : match.start()].translate(_ACCENTS))
        out.append(match.group())
        pos = match.end()
    out.append(msgid[pos:].translate(_ACCENTS))
    text = "".join(out)
    if kind == "speaker note":
        return f"ŧ {text} ŧŧ (with a few more words to force a rewrap)"
    if kind == "front matter":
        return f"ŧ {text}"
    return "\n".join(f"ŧ {line}" for line in text.split("\n"))
