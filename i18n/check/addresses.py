"""The ``new-address`` check: a URL or e-mail address in a translation but not in its source.

Slides go to students; a translator (anyone who opens a pull request) could add a
phishing link or a spam address to the text, where a reviewer reading Swedish may
take it for a reference of the original. marp-core renders with ``linkify``, so a bare
``https://...``, ``www....`` or a domain such as ``evil.com`` becomes a link, and an
address invites mail. The addresses of the text are compared as sets: one the
source has may move, repeat or change case; one it lacks is named.

Only the human text is read (``Facts.text``: text, link texts, alt texts), not link
targets (``links`` compares those), code spans (``code``) or raw HTML (``injection``).
linkify-it-py is not installed, so the patterns mirror linkify-it's (``index.mjs``:
its schemas ``http:``, ``https:``, ``ftp:``, ``mailto:``, and fuzzy links, whose last
label must be one of its default TLDs or a two-letter country code). Before matching,
compatibility forms are folded (NFKC: full-width letters and dots) and invisible
characters dropped, so ``www.ev<U+200B>il.example`` is still read as the address a
reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from i18n.check.invisible import visible
from i18n.text import short

_TLDS = (
    "biz|com|edu|gov|net|org|pro|web|xxx|aero|asia|coop|info|museum|name|shop|рф|"
    "xn--[a-z0-9-]+|"
    "a[cdefgilmnoqrstuwxz]|b[abdefghijmnorstvwyz]|c[acdfghiklmnoruvwxyz]|d[ejkmoz]|"
    "e[cegrstu]|f[ijkmor]|g[abdefghilmnpqrstuwy]|h[kmnrtu]|i[delmnoqrst]|j[emop]|"
    "k[eghimnprwyz]|l[abcikrstuvy]|m[acdeghklmnopqrstuvwxyz]|n[acefgilopruz]|om|"
    "p[aefghklmnrstwy]|qa|r[eosuw]|s[abcdeghijklmnortuvxyz]|t[cdfghjklmnortvwz]|"
    "u[agksyz]|v[aceginu]|w[fs]|y[et]|z[amw]"
)
"""linkify-it's ``tlds_default`` and ``tlds_2ch_src_re``, and punycode (``src_xn``)."""
_REST = r"[^\s<>\"'`]*"
_ADDRESS = re.compile(
    rf"""
    (?P<email>(?<![\w.+-])(?:mailto:)?[\w.+-]+@(?:[\w-]+\.)+[^\W\d_]{{2,}}(?![\w-]))
    | (?P<url>\b(?:https?|ftp)://[^\s<>"'`]+)
    | (?P<www>(?<![\w.@/-])www\.[\w-]+(?:\.[\w-]+)*{_REST})
    | (?P<fuzzy>(?<![\w.@/:-])(?:[\w-]+\.)+(?:{_TLDS})(?![\w-])(?:[/?#:]{_REST})?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_HINT = re.compile(rf"@|://|www\.|\.(?:{_TLDS})(?![\w-])", re.IGNORECASE)
"""What every address has: most texts have none (the corpus check reads 4x faster)."""
_CLOSING = {")": "(", "]": "[", "}": "{"}
_KEPT = frozenset("/#%&@\\")
"""Punctuation an address may end with."""


def _sentence_end(char: str) -> bool:
    """Punctuation (any script's: ``.``, ``»``, ``。``) or an emphasis marker."""
    return char in "*_~" or (unicodedata.category(char)[0] == "P" and char not in _KEPT)


def _trim(found: str) -> str:
    """Punctuation after an address ends the sentence (linkify-it leaves it out too);
    a closing bracket belongs to the address only when it opened one."""
    while found and (
        (_sentence_end(found[-1]) and found[-1] not in _CLOSING)
        or (found[-1] in _CLOSING and found.count(found[-1]) > found.count(_CLOSING[found[-1]]))
    ):
        found = found[:-1]
    return found


def _key(address: str) -> str:
    """What makes two spellings one address: no scheme, case, or final slash."""
    bare = re.sub(r"^(?:[a-z]+://|mailto:)", "", address.casefold())
    return bare.rstrip("/")


def addresses(texts: Iterable[str]) -> dict[str, str]:
    """The URLs and e-mail addresses a reader finds in ``texts``, by comparison key."""
    text = unicodedata.normalize("NFKC", visible(" ".join(texts)))
    found: dict[str, str] = {}
    if not _HINT.search(text):
        return found
    for match in _ADDRESS.finditer(text):
        address = _trim(match.group())
        if "." in address:
            found.setdefault(_key(address), address)
    return found


def without_addresses(text: str) -> str:
    """``text`` with every URL and e-mail address a reader finds blanked to spaces (the
    glossary and spelling checks read words, never addresses)."""
    if not _HINT.search(text):
        return text
    return _ADDRESS.sub(lambda m: " " * len(m.group()), text)


def new_addresses(source: Iterable[str], translation: Iterable[str]) -> str | None:
    """The addresses the translation's text has and the source's has not, or None."""
    known = addresses(source)
    new = [address for key, address in addresses(translation).items() if key not in known]
    if not new:
        return None
    shown = ", ".join(short(a, 99, quote="none", first_line=False) for a in new)
    several = "addresses" if len(new) > 1 else "an address"
    return f"adds {several} the source does not have: {shown}"
