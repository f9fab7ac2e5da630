"""The entry checks: does a translation keep what Marp, the renderer and readers need?

Each check compares the source's facts with the translation's (``facts.py``) or hands
the pair to a translate-toolkit checker where one fits (``translate/filters/checks.py``:
``urls``, ``variables``, ``xmltags``, ``numbers``, ``startwhitespace``, ``endwhitespace``); the
Markdown and Marp ones it lacks are written here. ``structure`` is the build's guard
(``structure.py``). Findings come back as (check name, message), in ``ENTRY_CHECKS`` order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Set
from typing import cast

from translate.filters import decoration
from translate.filters.checks import CheckerConfig, FilterFailure, StandardChecker

from i18n.check.facts import Facts
from i18n.guard.unit import UNSAFE_URL
from i18n.marp.comments import role_of
from i18n.marp.marp_yaml import is_directive, may_be_directive, read_marp_yaml

Problem = tuple[str, str]
"""(check name, message)."""

_STRUCTURE_LINES = frozenset({"heading", "table cell", "image alt text"})
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"([^\s\"'=<>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_UNSAFE = re.compile(r"(javascript|vbscript|data):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20]+")

_EDGE_PUNCT = ".,:;!?()[]{}\"'«»“”„…*_~\u2018\u2019"

Tag = tuple[str, frozenset[str]]

getnumbers = cast(Callable[[str], list[str]], decoration.getnumbers)
"""pofilter's numbers: digit runs with their decimal points, as its ``numbers`` check reads."""


def make_checker() -> StandardChecker:
    """translate-toolkit's standard checker, taught the renderer's ``%VARIABLE%`` syntax."""
    return StandardChecker(checkerconfig=CheckerConfig(varmatches=[("%", "%")]))


def _tt(test: Callable[[str, str], object], source: str, translation: str) -> str | None:
    try:
        test(source, translation)
    except FilterFailure as failure:
        return str(failure)
    return None


def _diff(source: Counter[str], target: Counter[str], show: Callable[[str], str]) -> str:
    parts = []
    if missing := source - target:
        parts.append("missing " + ", ".join(show(x) for x in sorted(missing.elements())))
    if added := target - source:
        parts.append("added " + ", ".join(show(x) for x in sorted(added.elements())))
    return "; ".join(parts)


def _tags(html: list[str]) -> Counter[Tag]:
    """Raw HTML tags as (name, attribute names): values (an alt text) may be translated."""
    found: Counter[Tag] = Counter()
    for piece in html:
        for match in _TAG.finditer(piece):
            names = frozenset(a.group(1).lower() for a in _ATTR.finditer(match.group(3)))
            found[(match.group(1) + match.group(2).lower(), names)] += 1
    return found


def _targets(facts: Facts) -> Counter[str]:
    """Every URL-like value: link and image targets and raw HTML attribute values."""
    found = facts.links + facts.images
    for piece in facts.html:
        found.update(v.group(2).strip("\"'") for v in _ATTR.finditer(piece) if v.group(2))
    return found


def _unsafe(url: str) -> bool:
    """A ``javascript:``, ``vbscript:`` or ``data:`` URL, as a browser reads it."""
    return _UNSAFE.match(_INVISIBLE.sub("", url)) is not None


def injection(
    kind: str, source_text: str, translation: str, source: Facts, target: Facts
) -> str | None:
    """Why the translation adds something active the source did not have, or None."""
    if added := target.images - source.images:
        return f"adds an image ({', '.join(sorted(added))})"
    if bad := next((u for u in _targets(target) - _targets(source) if _unsafe(u)), None):
        return f"adds a script or data URL ({bad[:40]})"
    # The guard's own rule: markdown-it makes no link of ``[x](javascript:...)``, so the
    # tokens alone would not show it.
    if len(UNSAFE_URL.findall(translation)) > len(UNSAFE_URL.findall(source_text)):
        return "adds a javascript:, vbscript: or data: link target"
    if new_tags := _tags(target.html) - _tags(source.html):
        shown = ", ".join(f"<{name}>" for name, _ in sorted(new_tags, key=lambda t: t[0]))
        events = sorted({a for _, attrs in new_tags for a in attrs if a.startswith("on")})
        more = f" with event attributes {', '.join(events)}" if events else ""
        return f"adds raw HTML the source does not have: {shown}{more}"
    for comment in Counter(target.comments) - Counter(source.comments):
        if role_of(comment) == "directive":
            return f"adds a Marp directive comment <!-- {comment} -->"
    if kind == "speaker note" and may_be_directive(translation):
        mapping = read_marp_yaml(translation)
        if mapping is not None and is_directive(mapping):
            return "a speaker note that Marp reads as a directive"
    return None


def same_as_source(source: str, translation: str, facts: Facts, allow: Set[str]) -> str | None:
    """Why a translation equal to its source (ignoring case) still needs translating.

    Equal is right when every word is a name or acronym on the allow-list (``allow-same``)
    or holds no letter; code, math, URLs and link targets are not words.
    """
    if translation.strip().casefold() != source.strip().casefold():
        return None
    allowed = {word for name in allow for word in name.split()}  # "AMD SEV": both words
    words = (w.strip(_EDGE_PUNCT) for piece in facts.text for w in piece.split())
    todo = [w for w in words if any(c.isalpha() for c in w) and w not in allowed]
    if not todo:
        return None
    shown = ", ".join(dict.fromkeys(todo[:4]))
    return (
        f"identical to the source; translate it, or add names to allow-same ({shown}), "
        f'or write "# marp-i18n: ignore same-as-source" above the entry'
    )


def markup_problems(
    kind: str,
    source: str,
    translation: str,
    facts: tuple[Facts, Facts],
    checker: StandardChecker,
    on: Set[str],
) -> Iterator[Problem]:
    """Every comparison check that fails, in ``ENTRY_CHECKS`` order (structure aside).

    ``on`` names the checks that run: an injection finding makes the links and html
    findings it implies redundant, but only when ``injection`` is on to report it.
    """
    src, tgt = facts
    injected = injection(kind, source, translation, src, tgt) if "injection" in on else None
    if injected:
        yield "injection", injected  # it would repeat as links, html and structure
    elif src.links + src.images != tgt.links + tgt.images:
        yield (
            "links",
            "link targets differ: "
            + _diff(src.links + src.images, tgt.links + tgt.images, lambda u: f"({u})"),
        )
    if found := _tt(checker.urls, " ".join(src.text), " ".join(tgt.text)):
        yield "urls", f"bare URLs differ ({found})"
    if src.code != tgt.code:
        yield "code", "inline code differs: " + _diff(src.code, tgt.code, lambda c: f"`{c}`")
    if found := _tt(checker.variables, source, translation):
        yield "placeholders", f"placeholders differ ({found})"
    if (
        not injected
        and (src.html or tgt.html)
        and (found := _tt(checker.xmltags, source, translation))
    ):
        yield "html", f"HTML tags differ ({found})"
    if src.emphasis != tgt.emphasis:
        yield (
            "emphasis",
            "emphasis markers differ: " + _diff(src.emphasis, tgt.emphasis, lambda e: e),
        )
    if src.math != tgt.math:
        yield "math", "math differs: " + _diff(src.math, tgt.math, lambda m: f"${m}$")
    if "numbers" in on and _tt(checker.numbers, " ".join(src.text), " ".join(tgt.text)):
        numbers = _diff(
            Counter(getnumbers(" ".join(src.text))), Counter(getnumbers(" ".join(tgt.text))), str
        )
        yield "numbers", f"numbers differ: {numbers or 'in another order'}"
    if kind in _STRUCTURE_LINES and source.count("\n") != translation.count("\n"):
        lines, want = translation.count("\n") + 1, source.count("\n") + 1
        yield "lines", f"{lines} lines where the source has {want}: lines are structure in a {kind}"
    if src.hard_breaks != tgt.hard_breaks:
        yield (
            "hard-breaks",
            (
                f"{tgt.hard_breaks} hard line break(s) where the source has "
                f"{src.hard_breaks} (two trailing spaces or a backslash end such a line)"
            ),
        )
    for test in (checker.startwhitespace, checker.endwhitespace):
        if found := _tt(test, source, translation):
            yield "whitespace", found
            break
