"""The ``spelling`` check: the words of translations against a Hunspell dictionary.

Hunspell is run as the ``hunspell`` command (Debian's ``hunspell`` with
``hunspell-sv``, ``hunspell-de-de``...), once per language and run, over the course's
distinct words (``-l`` lists the misspelt ones without computing suggestions, which is
what makes it fast). The command installs everywhere Debian does; the Python bindings
on the package index need a C compiler and libhunspell headers and lag behind Python.

Only human text is read (``facts.prose``: no code, URLs, markup or ``%VARIABLES%``);
words the source has (names: Joel, vCenter, SEV-SNP) and acronyms (``VM:arna``) are
left alone; the course word list and the glossary's terms are accepted in any
inflected form (by stem, as the glossary matches them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from i18n.glossary import Glossary
from i18n.glossary.match import Stemmer

_WORD = re.compile(r"[^\W\d_]+(?:[:'\u2019][^\W\d_]+)*")
"""A word as spelled: letters, with a Swedish genitive or suffix after a colon kept."""
_HEAD = re.compile(r"[^\W\d_]+")
"""The word before a colon or apostrophe (``VM`` of ``VM:arna``)."""
_SOURCE_WORD = re.compile(r"\w+")
_DICTIONARY_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
_INFLECTION = 6
"""Letters an inflection may add after a stem (Swedish ``-erna``, ``-ernas``)."""


def candidates(text: str, source: str) -> tuple[str, ...]:
    """The words of ``text`` (a translation's prose) to spell-check, in order, once each."""
    known = set(_SOURCE_WORD.findall(source))
    found: dict[str, None] = {}
    for word in _WORD.findall(text):
        match = _HEAD.match(word)
        head = match.group() if match else word
        if len(head) < 2 or head in known or head.isupper() or word in known:
            continue
        found.setdefault(word)
    return tuple(found)


@cache
def find_dictionary(language: str) -> Path | None:
    """The Hunspell dictionary for ``language`` (``sv`` → ``sv_SE.dic``), searching
    ``$DICPATH`` and Debian's folders; the most likely region first (Babel's likely
    subtags), then any region of the language."""
    from babel.core import get_global

    code = language.replace("-", "_").split("@")[0]
    base = code.split("_")[0]
    likely = str(get_global("likely_subtags").get(base, ""))
    region = likely.split("_")[-1] if likely.count("_") else ""
    wanted = [code, f"{base}_{region}" if region else base, base]
    folders = [*filter(None, os.environ.get("DICPATH", "").split(":")), *_DICTIONARY_FOLDERS]
    existing = [Path(f) for f in folders if Path(f).is_dir()]
    for name in wanted:
        for folder in existing:
            if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file():
                return folder / f"{name}.dic"
    for folder in existing:
        for found in sorted(folder.glob(f"{base}_*.dic")):
            if found.with_suffix(".aff").is_file():
                return found
    return None


def hunspell_command() -> str | None:
    return shutil.which("hunspell")


def misspelt(words: Iterable[str], dictionary: Path, command: str) -> set[str]:
    """The words Hunspell does not know (``hunspell -l``: list, no suggestions).

    Raises:
        OSError: the command could not be run or failed.
    """
    text = "".join(f"{w}\n" for w in words)
    done = subprocess.run(
        [command, "-d", str(dictionary.with_suffix("")), "-i", "UTF-8", "-l"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    if done.returncode != 0:
        raise OSError(done.stderr.decode("utf-8", "replace").strip() or "hunspell failed")
    return set(done.stdout.decode("utf-8", "replace").split())


class Accepted:
    """The course word list and the glossary's words, accepted in any inflected form."""

    def __init__(self, glossary: Glossary, source_language: str) -> None:
        target, source = Stemmer(glossary.language), Stemmer(source_language)
        texts = [*glossary.words]
        for term in glossary.terms:
            texts.extend([term.source, term.target])
        self.exact = {w.casefold() for text in texts for w in _SOURCE_WORD.findall(text)}
        self.stems = {s for text in texts for s in target.stems(text) + source.stems(text)}
        self.known = sorted(self.exact)

    def __contains__(self, word: str) -> bool:
        folded = word.casefold()
        if folded in self.exact:
            return True
        shortest = max(3, len(folded) - _INFLECTION)
        return any(folded[:cut] in self.stems for cut in range(shortest, len(folded) + 1))
