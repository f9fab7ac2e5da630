"""The dotted fixture files' reader (tests/fixtures/**/*.txt, markdown-it's layout).

A case is a title line, optional ``key: value`` lines, a line holding one dot, then
``blocks`` blocks each ended by a line holding one dot. Blank lines and ``#`` comment
lines between cases are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DottedCase:
    path: Path
    line: int  # of the title, 1-based
    title: str
    fields: tuple[tuple[str, str], ...]  # the ``key: value`` lines, in order (keys repeat)
    blocks: tuple[tuple[str, ...], ...]  # each block's lines, without the closing dot

    def field(self, key: str, default: str | None = None) -> str:
        """The value of the one ``key:`` line; ``default`` when there is none."""
        values = [value for name, value in self.fields if name == key]
        if not values and default is not None:
            return default
        assert len(values) == 1, f"{self.path}:{self.line}: one {key!r} line expected"
        return values[0]

    def text(self, block: int) -> str:
        """A block's lines joined by newlines (no newline after the last)."""
        return "\n".join(self.blocks[block])


def read_dotted(path: Path, blocks: int) -> list[DottedCase]:
    """Every case of ``path``, each with ``blocks`` dot-ended blocks."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[DottedCase] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("#"):
            i += 1
            continue
        title, start = lines[i], i + 1
        i += 1
        fields = []
        while lines[i] != ".":
            key, sep, value = lines[i].partition(": ")
            assert sep, f"{path}:{i + 1}: expected 'key: value' or '.'"
            fields.append((key, value))
            i += 1
        found = []
        for _ in range(blocks):
            end = lines.index(".", i + 1)
            found.append(tuple(lines[i + 1 : end]))
            i = end
        cases.append(DottedCase(path, start, title, tuple(fields), tuple(found)))
        i += 1
    return cases
