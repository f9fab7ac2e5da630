"""What must survive translation in one msgid or msgstr, read from one markdown-it parse.

Every Markdown check compares the facts of the source with those of the translation,
so each text is parsed once (the source once per run, shared by all languages), the
way the build reads it: headings with their ``#`` (as the guard parses them), table
cells, alt texts and front-matter values as inline text, everything else as blocks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from i18n.check.addresses import without_addresses
from i18n.segment.inline import walk
from i18n.variables import VARIABLE

_INLINE_KINDS = frozenset({"table cell", "image alt text", "front matter"})
_EMPHASIS = {"em_open": "emphasis", "strong_open": "strong", "s_open": "strikethrough"}
_OTHER_SPACE = re.compile(r"[^\S \n]")
"""Whitespace but space and newline: the parser and ``str.strip`` may disagree on it."""
_MARKUP = frozenset("\\`*_~[]!<>$&#|\r\t")
_MATH = frozenset({"math_inline", "math_inline_double", "math_block", "math_block_label"})


@dataclass(slots=True)
class Facts:
    """The parts of a text a translation must keep (multisets: order may change)."""

    links: Counter[str] = field(default_factory=Counter)
    """Link targets, autolinks included."""
    images: Counter[str] = field(default_factory=Counter)
    """Image sources."""
    code: Counter[str] = field(default_factory=Counter)
    math: Counter[str] = field(default_factory=Counter)
    emphasis: Counter[str] = field(default_factory=Counter)
    html: list[str] = field(default_factory=list)
    """Raw HTML pieces (inline and block), as written."""
    comments: list[str] = field(default_factory=list)
    """Contents of ``<!-- -->`` comments inside the text."""
    hard_breaks: int = 0
    text: list[str] = field(default_factory=list)
    """Human text: text tokens, link texts and alt texts (not code, math or targets)."""


def _plain(text: str, kind: str) -> bool:
    """No character any inline rule starts on, and every line starts with a letter (so
    no line opens a block): markdown-it reads such a text as lines of words. A heading
    is parsed after ``# ``, so a second line would be a paragraph of its own."""
    if (kind == "heading" and "\n" in text) or _OTHER_SPACE.search(text):
        return False
    return _MARKUP.isdisjoint(text) and all(line[:1].isalpha() for line in text.split("\n"))


def _plain_facts(text: str, kind: str) -> Facts:
    """What ``analyse`` would find in a plain text, without parsing it."""
    lines = text.split("\n")
    breaks = sum(line.endswith("  ") for line in lines[:-1])
    words = [line.strip() for line in lines]
    if kind in _INLINE_KINDS:  # no paragraph to trim the end: its spaces stay text
        words[-1] = lines[-1].lstrip()
    return Facts(hard_breaks=breaks, text=words)


def analyse(md: MarkdownIt, text: str, kind: str) -> Facts:
    """The facts of ``text`` read as a unit of ``kind`` (``Unit.kind``).

    Most msgids and translations are plain sentences; those skip the parser.
    """
    if _plain(text, kind):
        return _plain_facts(text, kind)
    facts = Facts()
    if kind in _INLINE_KINDS:
        tokens = md.parseInline(text)
    else:
        tokens = md.parse("# " + text if kind == "heading" else text)
    for token in walk(tokens):
        kind_ = token.type
        if kind_ == "text":
            facts.text.append(token.content)
        elif kind_ == "link_open":
            facts.links[str(token.attrGet("href") or "")] += 1
        elif kind_ == "image":
            facts.images[str(token.attrGet("src") or "")] += 1
        elif kind_ == "code_inline":
            facts.code[token.content] += 1
        elif kind_ in _MATH:
            facts.math[token.content.strip()] += 1
        elif kind_ in _EMPHASIS:
            facts.emphasis[_EMPHASIS[kind_]] += 1
        elif kind_ in ("html_inline", "html_block"):
            facts.html.append(token.content)
        elif kind_ == "marpit_comment":
            facts.comments.append(token.content)
        elif kind_ == "hardbreak":
            facts.hard_breaks += 1
    return facts


def prose(facts: Facts) -> str:
    """The words of a text as a reader reads them: its human text (no code, math, link
    targets or HTML) with bare URLs, e-mail addresses and ``%VARIABLES%`` blanked. What
    the glossary and spelling checks match, so markup is never taken for a word."""
    return VARIABLE.sub(" ", without_addresses("\n".join(facts.text)))
