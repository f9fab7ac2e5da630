"""Glossary terms in texts: found in a source by their stems, checked in a translation.

Words are compared by their Snowball stems (``snowballstemmer``: pure Python, one
algorithm per language, and several times faster than a lemmatiser that loads a
dictionary per language; it uses PyStemmer's C code when that is installed). A stem
is what every inflected form begins with (``maskin``: maskin, maskinen, maskiner,
maskinerna), so in a translation a term's word is present when a word contains its
stem: that also accepts compounds, which Swedish and German write as one word
(``minneskryptering`` for memory encryption), and the definite forms Snowball leaves
whole (``hypervisorn``). Multi-word terms match as consecutive words.

Finding terms is fast: the stems of every source word are memoised, and an index from
a term's first stem to the terms starting with it is scanned once per text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from i18n.glossary.model import Glossary, Term

_WORD = re.compile(r"\w+")
Stems = tuple[str, ...]
Span = tuple[int, int, Term]
"""Where a term stands in a text: start, end (character offsets) and the term."""
_NOT_WORDS = re.compile(r"`[^`\n]*`|\]\([^)\s]*\)|<[^>\n]*>|https?://\S+|%[A-Z][A-Z0-9_]*%")
"""Code spans, link targets, tags, URLs and placeholders in a text shown as written."""


@cache
def _algorithm(language: str) -> str | None:
    """The Snowball algorithm for a language code (``sv`` → swedish), by its English
    name in Babel's locale data; None when Snowball has none."""
    import snowballstemmer
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(language.replace("-", "_").split("@")[0]).english_name or ""
    except (UnknownLocaleError, ValueError):
        return None
    name = name.split(" (")[0].casefold()
    return name if name in snowballstemmer.algorithms() else None


class Stemmer:
    """Casefolded words → their stems in one language, memoised (texts repeat words)."""

    def __init__(self, language: str) -> None:
        algorithm = _algorithm(language)
        self._stem: Callable[[str], str]
        if algorithm is None:
            self._stem = str
        else:
            import snowballstemmer

            self._stem = snowballstemmer.stemmer(algorithm).stemWord
        self._memo: dict[str, str] = {}

    def stems(self, text: str, starts: frozenset[str] | None = None) -> Stems:
        """The stems of the words of ``text``; with ``starts``, a word whose first three
        letters are none of them is not stemmed (its stem is "": it can match no term),
        which spares most words of a text the Snowball algorithm."""
        memo = self._memo
        found = []
        for word in _WORD.findall(text.casefold()):
            if starts is not None and len(word) > 2 and word[:3] not in starts:
                found.append("")
                continue
            stem = memo.get(word)
            if stem is None:
                stem = memo[word] = self._stem(word)
            found.append(stem)
        return tuple(found)


def words(text: str) -> list[str]:
    """The casefolded words of a text, as terms are matched."""
    return _WORD.findall(text.casefold())


def _in_word(word: str, stem: str) -> bool:
    """An inflected form or compound of ``stem``: short stems only at the start."""
    return stem in word if len(stem) >= 3 else word.startswith(stem)


def contains(folded: str, stems: Stems, text_words: list[str] | None = None) -> bool:
    """The stems appear, inflected, as consecutive words of the casefolded text
    ``folded`` (whose ``words``, when the caller has them, are ``text_words``)."""
    if not stems or not all(stem in folded for stem in stems):
        return False  # most texts: a term's stem is nowhere in them
    if len(stems) == 1 and len(stems[0]) >= 3:
        return True  # a stem has no space: it stands in a word
    text_words = words(folded) if text_words is None else text_words
    count, first = len(stems), stems[0]
    for i in range(len(text_words) - count + 1):
        if _in_word(text_words[i], first) and all(
            _in_word(text_words[i + k], stems[k]) for k in range(1, count)
        ):
            return True
    return False


class TermIndex:
    """One language's glossary made ready for matching: built once per run."""

    def __init__(
        self, glossary: Glossary, source_language: str, source: Stemmer | None = None
    ) -> None:
        """``source``: the source language's stemmer, shared by every language's index."""
        self.glossary = glossary
        self.source = source or Stemmer(source_language)
        self.target = Stemmer(glossary.language)
        self._by_first: dict[str, list[tuple[Stems, Term]]] = {}
        self._wanted: dict[Term, Stems] = {}
        self._kept: dict[Term, re.Pattern[str]] = {}
        self._banned: list[tuple[str, Stems, Term]] = []
        for term in glossary.terms:
            stems = self.source.stems(term.source)
            if stems:
                self._by_first.setdefault(stems[0], []).append((stems, term))
            if term.keep:
                spaced = r"\s+".join(map(re.escape, term.source.split()))
                self._kept[term] = re.compile(r"(?<!\w)" + spaced)
            elif term.target:
                self._wanted[term] = self.target.stems(term.target)
            for banned in term.forbidden:
                if stems := self.target.stems(banned):
                    self._banned.append((banned, stems, term))
        self._starts = frozenset(
            w[:3]
            for term in glossary.terms
            for w in words(term.source) + list(self.source.stems(term.source))
        )
        self._first_stems = frozenset(self._by_first)
        first = sorted({re.escape(s[0]) for _, s, _ in self._banned}, key=len, reverse=True)
        self._banned_hint = re.compile("|".join(first)) if first else None

    def hits(self, source_text: str) -> list[Term]:
        """The terms ``source_text`` contains, in the order they first appear."""
        return self.hits_in(self.source.stems(source_text, self._starts))

    def hits_in(self, stems: Stems) -> list[Term]:
        """The terms a text whose words have ``stems`` contains (see ``hits``)."""
        if self._first_stems.isdisjoint(stems):
            return []
        found: dict[Term, None] = {}
        for i, stem in enumerate(stems):
            for term_stems, term in self._by_first.get(stem, ()):
                if stems[i : i + len(term_stems)] == term_stems:
                    found.setdefault(term)
        return list(found)

    def problems(self, hits: Iterable[Term], translation: str) -> list[str]:
        """Why ``translation`` breaks the glossary for a source with ``hits``."""
        found: list[str] = []
        folded = translation.casefold()
        for term in hits:
            if term.keep:
                if not self._kept[term].search(translation):
                    found.append(f'"{term.source}" is never translated: write it unchanged')
            elif term in self._wanted and not contains(folded, self._wanted[term]):
                found.append(
                    f'"{term.source}" must be translated as "{term.target}" (any inflected form)'
                )
        if self._banned_hint is not None and self._banned_hint.search(folded):
            for banned, stems, term in self._banned:
                if contains(folded, stems):
                    wanted = f', use "{term.target}"' if term.target else ""
                    found.append(
                        f'"{banned}" is a forbidden translation of "{term.source}"{wanted}'
                    )
        return found

    def spans(self, source: str, translation: str) -> tuple[list[Span], list[Span]]:
        """Where the terms stand in a source text and in its translation, both shown
        as written (markup included: the review page), code, URLs and tags left out."""
        src = _NOT_WORDS.sub(lambda m: " " * len(m.group()), source)
        dst = _NOT_WORDS.sub(lambda m: " " * len(m.group()), translation)
        hits = self.hits(src)
        found_src: list[Span] = []
        found_dst: list[Span] = []
        src_words = list(_WORD.finditer(src.casefold()))
        dst_words = list(_WORD.finditer(dst.casefold()))
        src_stems = [self.source.stems(m.group())[0] for m in src_words]
        for term in hits:
            want = self.source.stems(term.source)
            found_src.extend(_runs(src_words, [[s == w for s in src_stems] for w in want], term))
            wanted = self._wanted.get(term) or self.target.stems(term.source)
            found_dst.extend(
                _runs(
                    dst_words, [[_in_word(m.group(), w) for m in dst_words] for w in wanted], term
                )
            )
        return sorted(found_src, key=lambda s: s[0]), sorted(found_dst, key=lambda s: s[0])


def _runs(found: list[re.Match[str]], fits: list[list[bool]], term: Term) -> list[Span]:
    """The spans of consecutive words where word ``i + k`` fits the term's word ``k``
    (``fits[k][i + k]``)."""
    count = len(fits)
    return [
        (found[i].start(), found[i + count - 1].end(), term)
        for i in range(len(found) - count + 1)
        if count and all(fits[k][i + k] for k in range(count))
    ]
