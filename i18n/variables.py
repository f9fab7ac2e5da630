"""Per-language ``%VARIABLE%`` values, for the course renderer (scenskrack) or expanded.

scenskrack reads a ``variables`` file of ``KEY=VALUE`` lines and replaces each
``%KEY%`` before Marp runs; ``build --expand-variables`` does that replacement itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

VARIABLE = re.compile(r"%([A-Z][A-Z0-9_]*)%")
"""A ``%KEY%`` placeholder, KEY in group 1: the one pattern extract, import and pseudo use."""


def variables_file(values: Mapping[str, str]) -> str:
    """The ``variables`` file text: ``KEY=VALUE`` lines, sorted for stable output."""
    return "".join(f"{key}={values[key]}\n" for key in sorted(values))


def parse_variables_file(text: str) -> dict[str, str]:
    """The values of a ``variables`` file, read as scenskrack reads it: one ``KEY=VALUE``
    a line, split at the first ``=``; blank lines and lines without ``=`` are skipped."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and VARIABLE.fullmatch(f"%{key}%"):
            values[key] = value
    return values


def expand(text: str, values: Mapping[str, str]) -> str:
    """Replace every ``%KEY%`` whose KEY has a value; unknown ones are left as they are."""
    return VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def unknown(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    """(1-based line, KEY) of each ``%KEY%`` with no value."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in VARIABLE.finditer(line):
            if match.group(1) not in values:
                yield number, match.group(1)
