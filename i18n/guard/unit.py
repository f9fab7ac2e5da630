"""The unit rules: why one translation, judged alone, cannot stand in for its source.

A unit's translation may change words, never the deck's shape: the same blocks (no
new slide break, setext underline, fence, heading, list or quote marker), no comment
opened or closed, the same background images, no new images or raw HTML, no
``javascript:``/``data:`` links, and front-matter values that stay valid YAML.

The rules come in two kinds. ``character_problem`` needs no parse and runs on every
translation; ``parsed_problem`` compares parses of source and translation and only
runs where the whole-deck comparison (``deck.verify_edits``) found a difference, to
say *why* in the translator's terms. The deck comparison, not these rules, is the
guarantee. Each rule returns a short reason, used in messages and by ``check``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from markdown_it import MarkdownIt

from i18n.marp.comments import find_comment, role_of
from i18n.marp.image_options import is_background
from i18n.marp.marp_yaml import is_directive, may_be_directive, read_marp_yaml
from i18n.marp.structure import image_keywords
from i18n.model import Unit
from i18n.segment.inline import walk

UNSAFE_URL = re.compile(
    r"(?:\]\(\s*<?|=\s*[\"']?|<)\s*(?:javascript|vbscript|data):", re.IGNORECASE
)
"""A dangerous scheme as a link or image target, an HTML attribute value or an autolink."""
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _in_context(text: str, unit: Unit) -> str:
    """The text as Markdown reads it in place: after ``# `` or above a setext underline."""
    if unit.layout.setext:
        return f"{text}\n{unit.layout.setext * 3}"
    return f"# {text}" if unit.kind == "heading" else text


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the guard compares of a text read in place, from one parse."""

    shape: tuple[tuple[str, str], ...]
    """The block tokens (type, tag): slide breaks, headings, lists, quotes, code."""
    backgrounds: Counter[str]
    images: Counter[str]
    html: Counter[str]


def _read(md: MarkdownIt, text: str) -> _Reading:
    """One parse gives the shape and the inline facts (only for a translation the deck
    comparison refused, to name why: no cache needed)."""
    tokens = md.parse(text)
    backgrounds: Counter[str] = Counter()
    images: Counter[str] = Counter()
    html: Counter[str] = Counter()
    for token in walk(tokens):
        if token.type == "image":
            src = str(token.attrGet("src") or "")
            images[src] += 1
            if is_background(token.content):
                backgrounds[f"{token.content} {src}"] += 1
        elif token.type in ("html_inline", "html_block"):
            html[token.content.strip()] += 1
    shape = tuple((t.type, t.tag) for t in tokens if t.type != "inline")
    return _Reading(shape, backgrounds, images, html)


def _kept_comments(text: str) -> Counter[str]:
    """Comments inside the text that are Marp syntax (directives, ``fit``, magic ones)."""
    kept: Counter[str] = Counter()
    pos = 0
    while (found := find_comment(text, pos)) is not None:
        content = found.content(text)
        if role_of(content, in_heading=True) != "note":
            kept[text[found.start : found.end]] += 1
        pos = found.end
    return kept


def _ends_escaping(text: str) -> bool:
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def guard_unit(unit: Unit, translation: str, md: MarkdownIt) -> str | None:
    """Why ``translation`` cannot stand in for ``unit``, or None when it can (alone)."""
    return character_problem(unit, translation) or parsed_problem(unit, translation, md)


def character_problem(unit: Unit, translation: str) -> str | None:
    """The rules that read characters, not parses: cheap enough for every translation."""
    if unit.kind == "front matter":
        return None  # checked in context by guard_front_matter
    source = unit.msgid
    if "\r" in translation:
        return "a carriage return (a line break in the PO file must be \\n)"
    for mark in ("<!--", "-->"):
        if translation.count(mark) != source.count(mark):
            return f"it adds or removes a comment marker {mark}"
    if _kept_comments(source) != _kept_comments(translation):
        return "it changes a directive comment (Marp syntax, not text)"
    if _ends_escaping(translation) != _ends_escaping(source):
        # An odd run of backslashes at the end escapes the deck's next character:
        # dropping or adding one can turn the text after the unit into markup.
        return "a backslash at the end, which escapes the text after it (keep the source's)"
    if unit.layout.table and len(_UNESCAPED_PIPE.findall(translation)) != len(
        _UNESCAPED_PIPE.findall(source)
    ):
        return "a | that would add a table column (write \\| for a literal bar)"
    if unit.kind == "speaker note":
        # Judged as it is written: the build collapses a note's whitespace, so "style:"
        # and a newline become "style: " (issue 12).
        for written in (translation, " ".join(translation.split())):
            if not may_be_directive(written):
                continue
            mapping = read_marp_yaml(written)
            if mapping is not None and is_directive(mapping):
                return "a note that reads as a Marp directive"
        return None
    if unit.kind in ("heading", "table cell", "image alt text") and translation.count(
        "\n"
    ) > source.count("\n"):
        return f"a line break in a {unit.kind}"
    if unit.kind == "image alt text":
        if "]" in translation or "[" in translation:
            return "alt text that changes the image syntax"
        if image_keywords(translation) != image_keywords(source):
            shown = " ".join(image_keywords(translation)[1]) or "none"
            return f"it changes the Marp image keywords of the alt text (here: {shown})"
        return None
    if unit.line == 1 and translation[1:3] == "--" and source[1:3] != "--":
        # markdown-it-front-matter (Marp's, and ours) checks the deck's first character
        # for "-" but counts the other two from the text of a first list item: "- x--".
        return "it would make Marp read the deck's first line as a front matter"
    indented = unit.kind in ("list item", "blockquote")  # where leading spaces move blocks
    if indented and translation[:1].isspace() and not source[:1].isspace():
        return "leading whitespace, which changes the indentation Markdown reads"
    if len(UNSAFE_URL.findall(translation)) > len(UNSAFE_URL.findall(source)):
        return "it adds a javascript:, vbscript: or data: link"
    return None


def parsed_problem(unit: Unit, translation: str, md: MarkdownIt) -> str | None:
    """The rules that compare parses of source and translation read alone."""
    if unit.kind in ("front matter", "speaker note", "image alt text"):
        return None
    # With a line break the text is read with the lines that follow it in the deck
    # (a lazy continuation); the same tail on both sides leaves the comparisons fair.
    tail = unit.layout.tail if "\n" in translation else ""
    before = _read(md, _in_context(unit.msgid + tail, unit))
    after = _read(md, _in_context(translation + tail, unit))
    if after.shape != before.shape:
        return "it changes the slide structure (a slide break, heading, list, quote or code marker)"
    bg_s, img_s, html_s = before.backgrounds, before.images, before.html
    bg_t, img_t, html_t = after.backgrounds, after.images, after.html
    if bg_t != bg_s:
        return "it changes a background image"
    if img_t - img_s:
        return "it adds an image"
    if img_s - img_t:
        return "it drops an image or breaks its syntax"
    if html_t - html_s:
        return "it adds raw HTML the source does not have"
    if html_s - html_t:
        return "it drops or changes raw HTML of the source (keep every tag as it is)"
    return None


def guard_front_matter(
    before: dict[str, object], after: dict[str, object] | None, key: str, translation: str
) -> str | None:
    """Why a front-matter value breaks the YAML around it, or None when Marp reads it back."""
    if after is None:
        return "the front matter would no longer be valid YAML"
    if after.get(key) != translation:
        return f"YAML reads the value of {key} differently; avoid line breaks and quotes"
    if set(after) != set(before) or any(after[k] != before[k] for k in before if k != key):
        return "it changes other front-matter keys"
    return None
