"""YAML read the way Marp reads directives: FAILSAFE schema plus marp-core's loose mode.

Mirrors ``@marp-team/marpit`` ``src/markdown/directives/yaml.js``: every scalar is a
string, and for known directive keys an unquoted value strict YAML rejects is quoted
first (``footer: Part 2: details``).

Every answer (a mapping, a problem, the top scalars) is a pure function of the text,
so answers are remembered: in this process, and between runs through ``YamlAnswers``,
which ``files.keyed_deck`` keeps in the cache with each deck. A deck whose front matter
and directives did not change is then segmented without importing PyYAML, which alone
is 10 ms of a one-deck ``update`` (issue 13).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from i18n.marp.js_space import JS_SPACE, JS_SPACE_CLASS
from i18n.marp.js_yaml import js_yaml_problem, yaml_safe, yaml_unsafe
from i18n.model import YamlStyle
from i18n.remembered import Remembered, Store, kept

if TYPE_CHECKING:
    import yaml

T = TypeVar("T")

GLOBAL_DIRECTIVES = ("headingDivider", "lang", "style", "theme", "math", "size")
LOCAL_DIRECTIVES = (
    "backgroundColor",
    "backgroundImage",
    "backgroundPosition",
    "backgroundRepeat",
    "backgroundSize",
    "class",
    "color",
    "footer",
    "header",
    "paginate",
    "transition",
)
METADATA_DIRECTIVES = ("title", "description", "author", "keywords", "url", "image")
"""marp-cli's metadata directives: also directives when written in a comment."""

_STYLES: dict[str | None, YamlStyle] = {
    None: "plain",
    "'": "single",
    '"': "double",
    "|": "literal",
    ">": "folded",
}


def _loader() -> type:
    """PyYAML's FAILSAFE loader (every scalar a string), libyaml's when PyYAML has it:
    the same reading, about three times faster."""
    import yaml

    loader: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    return loader


KNOWN_DIRECTIVES = frozenset(GLOBAL_DIRECTIVES + LOCAL_DIRECTIVES + METADATA_DIRECTIVES)

_KEYS = "_?(?:" + "|".join(sorted(KNOWN_DIRECTIVES)) + ")"


@cache
def _lazy() -> re.Pattern[str]:
    """marpit's ``convertLoose`` matcher: a known key, bare or quoted, ``_``-prefixed or
    not. Compiled when first needed (0.7 ms): a run that takes every answer from the
    cache never reads YAML."""
    return re.compile(
        rf"^((?:{_KEYS}|\"{_KEYS}\"|'{_KEYS}')[{JS_SPACE_CLASS}]*:)([^\n\r\u2028\u2029]+)$"
    )


SPECIAL = "[\"'{|>~&*"
"""marpit's ``yamlSpecialChars``: a value starting with one is left to YAML."""


def _parse(text: str) -> object:
    import yaml

    # BaseLoader is PyYAML's FAILSAFE: every scalar a string, no objects built.
    return yaml.load(yaml_safe(_marp_text(text)), Loader=_loader())


def _marp_text(text: str) -> str:
    """What marpit hands js-yaml: ``loose(text)``, trimmed. The trim is emulated by
    dropping the spaces before the first key but keeping the newlines, so lines stay."""
    text = loose(text)
    body = text.lstrip(JS_SPACE)
    lead = text[: len(text) - len(body)]
    return "\n" * lead.count("\n") + body


def loose(text: str) -> str:
    """Quote unquoted values of known keys, line by line (marpit's ``convertLazy``).

    Marp does this whenever loose YAML is on (marp-core turns it on), not only when
    strict YAML fails, so ``footer: a # b`` means ``"a # b"`` to Marp. Unlike marpit the
    result is not stripped, so its lines and columns match the input's.
    """
    out = []
    for line in text.split("\n"):
        match = _lazy().match(line.rstrip("\r"))
        if match:
            prop, value = match.group(1), match.group(2)
            trimmed = value.strip(JS_SPACE)
            if trimmed and trimmed[0] not in SPECIAL:
                spaces = value[: len(value) - len(value.lstrip(JS_SPACE))]
                line = prop + spaces + '"' + trimmed.replace('"', '\\"') + '"'
        out.append(line)
    return "\n".join(out)


def yaml_problem(text: str) -> tuple[int, str] | None:
    """(0-based line, message) of the reason Marp cannot read ``text``, or None if it can:
    YAML errors, and what js-yaml rejects but PyYAML accepts (``js_yaml``)."""
    return _answer("problem", text, False, lambda: _yaml_problem(text))


def _yaml_problem(text: str) -> tuple[int, str] | None:
    import yaml

    safe = yaml_safe(_marp_text(text))
    try:
        return js_yaml_problem(yaml.compose(safe, Loader=_loader()), safe)
    except (yaml.YAMLError, RecursionError):
        pass
    try:  # again with the pure-Python loader: its marks point at the problem, not past it
        yaml.compose(safe, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc.context or "invalid YAML")
        return (mark.line if mark else 0), yaml_unsafe(problem)
    except (yaml.YAMLError, RecursionError) as exc:
        return 0, yaml_unsafe(str(exc)) or "invalid YAML"
    return 0, "invalid YAML"


def read_marp_yaml(text: str, *, duplicates_ok: bool = False) -> dict[str, object] | None:
    """The mapping Marp reads from ``text``, or None where Marp reads no mapping.

    ``duplicates_ok`` reads a mapping js-yaml rejects (a repeated key, say) the way
    PyYAML does, for checks that compare a front matter with itself after an edit.
    """
    found = _answer("mapping", text, duplicates_ok, lambda: _read(text, duplicates_ok))
    return None if found is None else dict(found)


def _read(text: str, duplicates_ok: bool) -> dict[str, object] | None:
    """Remembered (``_answer``): ``build`` reads a deck's front matter again for each
    translated value in it and for ``lang`` (a third of a warm build's time before);
    callers get a copy."""
    import yaml

    try:
        data = _parse(text)
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(data, dict) or (not duplicates_ok and yaml_problem(text) is not None):
        return None
    return {str(k): _restore(v) for k, v in data.items()}


def _restore(value: object) -> object:
    if isinstance(value, str):
        return yaml_unsafe(value)
    if isinstance(value, list):
        return [_restore(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _restore(v) for k, v in value.items()}
    return value


_DIRECTIVE_KEY = re.compile("(?:" + "|".join(sorted(KNOWN_DIRECTIVES)) + r")[\"']?\s*:")


def may_be_directive(text: str) -> bool:
    """False only when YAML cannot read a directive key from ``text``: no known key
    followed by a colon (quotes, spaces and line breaks between them allowed), no
    escape (``\\``, a key spelt with escapes), no anchor (``&``, which an alias would
    need) and no comment (``#``, which may stand between an explicit ``?`` key and its
    colon). A note passes this test in microseconds; YAML takes milliseconds."""
    return "\\" in text or "&" in text or "#" in text or _DIRECTIVE_KEY.search(text) is not None


def is_directive(mapping: dict[str, object]) -> bool:
    """True when Marp applies at least one key (global, local, ``_`` spot or ``$`` global)."""
    for key in mapping:
        name = str(key)
        if name[:1] in "_$" and name[1:] in KNOWN_DIRECTIVES:
            return True
        if name in KNOWN_DIRECTIVES:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Scalar:
    """A top-level ``key: value`` of a YAML mapping, where its value's text sits."""

    key: str
    value: str
    """The value as Marp reads it."""
    style: YamlStyle
    start: tuple[int, int]
    """(line, column) in the text where the value's own characters begin (inside quotes)."""
    end: tuple[int, int]


def top_scalars(text: str) -> list[Scalar] | None:
    """The scalar values of a mapping with their places; None when the text is YAML
    but no mapping (a scalar or a list), [] when it is empty.

    Lines marp-core's loose mode quoted are read raw, as Marp reads them; block
    scalars end at their last character, not after their newline.
    """
    found = _answer("scalars", text, False, lambda: _top_scalars(text))
    return None if found is None else list(found)


def _top_scalars(text: str) -> list[Scalar] | None:
    import yaml

    lines = text.split("\n")
    converted = loose(text).split("\n")
    marp = _marp_text(text)
    # Marp's trim drops the first key's indentation: columns on its line shift back.
    first = marp.count("\n", 0, len(marp) - len(marp.lstrip("\n")))
    shift = len(converted[first]) - len(marp.split("\n")[first]) if first < len(lines) else 0
    try:
        root = yaml.compose(yaml_safe(marp), Loader=_loader())
    except (yaml.YAMLError, RecursionError):
        return None
    if root is None:
        return []  # an empty document (blank or comments only): nothing, but no scalar
    if not isinstance(root, yaml.MappingNode):
        return None
    found = []
    for key_node, node in root.value:
        if not isinstance(node, yaml.ScalarNode):
            continue
        line = node.start_mark.line
        col = node.start_mark.column + _at(node.start_mark, first, shift)
        if line >= len(lines):
            continue  # an empty value at the very end (``? key``)
        if converted[line] != lines[line]:
            raw = lines[line][col:].rstrip()
            found.append(
                Scalar(str(key_node.value), raw, "plain", (line, col), (line, col + len(raw)))
            )
            continue
        style = _STYLES.get(node.style, "plain")
        end = (node.end_mark.line, node.end_mark.column + _at(node.end_mark, first, shift))
        if style in ("single", "double"):
            start, end = (line, col + 1), (end[0], end[1] - 1)
        else:
            start = (line, col)
            while end > start and (end[1] == 0 or lines[end[0]][: end[1]][-1:].isspace()):
                end = (end[0] - 1, len(lines[end[0] - 1])) if end[1] == 0 else (end[0], end[1] - 1)
        value = yaml_unsafe(str(node.value))
        if style == "plain" and start[0] == end[0]:
            value = lines[line][start[1] : end[1]]  # read raw, as Marp reads it
        found.append(Scalar(str(key_node.value), value, style, start, end))
    return found


def _at(mark: yaml.Mark, line: int, shift: int) -> int:
    return shift if mark.line == line else 0


# --- answers remembered ---------------------------------------------------------------

_ANSWERS: Remembered[tuple[str, str, bool], object] = Remembered(8192)
"""(kind, text, flag) → answer: a course's decks ask about a few hundred texts."""


def _answer(kind: str, text: str, flag: bool, compute: Callable[[], T]) -> T:
    return _ANSWERS.answer((kind, text, flag), compute)  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class YamlAnswers:
    """The answers one deck's segmenting asked for, in a form the cache keeps (JSON)."""

    mappings: tuple[tuple[str, bool, str], ...] = ()
    """(text, duplicates_ok, the mapping as JSON, ``null`` for none)."""
    problems: tuple[tuple[str, tuple[int, str] | None], ...] = ()
    scalars: tuple[tuple[str, list[Scalar] | None], ...] = ()


def recording() -> AbstractContextManager[dict[tuple[str, str, bool], object]]:
    """The answers asked for inside the block (in this thread), to keep with a deck."""
    return _ANSWERS.recording()


def answers_of(asked: dict[tuple[str, str, bool], object]) -> YamlAnswers:
    """``recording``'s answers in the form the cache keeps."""
    mappings, problems, scalars = [], [], []
    for (kind, text, flag), value in asked.items():
        if kind == "mapping":
            mappings.append((text, flag, json.dumps(value, ensure_ascii=False)))
        elif kind == "problem":
            problems.append((text, value))
        else:
            scalars.append((text, value))
    return YamlAnswers(tuple(mappings), tuple(problems), tuple(scalars))  # type: ignore[arg-type]


def learn(answers: YamlAnswers) -> None:
    """Take answers an earlier run gave (authenticated by the cache)."""
    _ANSWERS.learn(_trusted(answers))


def kept_answers(store: Store, key: str) -> AbstractContextManager[None]:
    """The block's YAML questions answered from what ``store`` kept under ``key`` (a
    deck's, last time), and this block's answers kept there for the next run."""
    return kept(store, key, YamlAnswers, _ANSWERS, _trusted, answers_of)


def _trusted(answers: YamlAnswers) -> list[tuple[tuple[str, str, bool], object]]:
    """The answers as questions and answers; a mapping that is not what a FAILSAFE
    reading can give is passed over, and YAML asked again."""
    taken: list[tuple[tuple[str, str, bool], object]] = []
    for text, flag, encoded in answers.mappings:
        try:
            mapping = json.loads(encoded)
        except (ValueError, RecursionError):
            continue
        if mapping is None or (isinstance(mapping, dict) and _failsafe(mapping)):
            taken.append((("mapping", text, flag), mapping))
    taken += [(("problem", text, False), problem) for text, problem in answers.problems]
    taken += [(("scalars", text, False), found) for text, found in answers.scalars]
    return taken


def _failsafe(value: object) -> bool:
    """Strings, lists and string-keyed mappings of them: all a FAILSAFE reading makes."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if not all(isinstance(key, str) for key in item):
                return False
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif not isinstance(item, str):
            return False
    return True
