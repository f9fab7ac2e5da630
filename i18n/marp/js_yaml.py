"""Where js-yaml (Marp's YAML reader) and PyYAML (ours) disagree, js-yaml's reading.

PyYAML reads YAML 1.1, js-yaml 1.2 with the FAILSAFE schema (marpit
``lib/markdown/directives/yaml.js``). What PyYAML accepts but js-yaml rejects, Marp
ignores: a repeated key, a tag other than ``!``/``!!str``/``!!seq``/``!!map``, a
non-printable character in a plain or block scalar (js-yaml ``captureSegment``: quoted
scalars only refuse C0 controls, comments anything). What PyYAML rejects but js-yaml
reads (NEL, LS, PS, DEL and C1 controls, which PyYAML's reader refuses everywhere) is
hidden from PyYAML behind private-use characters of the same length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # PyYAML is imported by the reader that hands us its nodes
    import yaml

_HIDDEN_BASE = 0xF0000
"""Private-use plane 15: U+F0000 + code point stands for a character PyYAML refuses."""
_BREAKS = {"\x85": "\ue085", "\u2028": "\ue028", "\u2029": "\ue029"}
"""Line breaks in YAML 1.1, plain characters in js-yaml (kept as they were hidden before)."""
_REFUSED = [chr(c) for c in (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))] + [
    chr(c) for c in (*range(0x7F, 0x85), *range(0x86, 0xA0), 0xFFFE, 0xFFFF)
]
_PAIRS = {**_BREAKS, **{c: chr(_HIDDEN_BASE + ord(c)) for c in _REFUSED}}
_SAFE = str.maketrans(_PAIRS)
_UNSAFE = str.maketrans({v: k for k, v in _PAIRS.items()})
_C0 = frozenset(chr(_HIDDEN_BASE + c) for c in range(0x20))
_NON_PRINTABLE = frozenset(chr(_HIDDEN_BASE + ord(c)) for c in _REFUSED)
_FAILSAFE = {
    "tag:yaml.org,2002:str": "ScalarNode",
    "tag:yaml.org,2002:seq": "SequenceNode",
    "tag:yaml.org,2002:map": "MappingNode",
}
"""The FAILSAFE schema's tags and the kind of node each may stand on."""


def yaml_safe(text: str) -> str:
    """``text`` with the characters PyYAML refuses but js-yaml may read hidden."""
    return text.translate(_SAFE)


def yaml_unsafe(value: str) -> str:
    """Undo ``yaml_safe`` in a value read from the YAML."""
    return value.translate(_UNSAFE)


def js_yaml_problem(root: yaml.Node | None, text: str) -> tuple[int, str] | None:
    """(0-based line, message) of what js-yaml rejects in a tree PyYAML composed from
    ``text`` (already ``yaml_safe``), or None."""
    import yaml

    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        tag = str(node.tag)
        allowed = getattr(yaml, _FAILSAFE[tag]) if tag in _FAILSAFE else ()
        if tag != "!" and not isinstance(node, allowed):
            return node.start_mark.line, f"unknown tag {tag}"
        if isinstance(node, yaml.ScalarNode):
            raw = set(text[node.start_mark.index : node.end_mark.index])
            refused = _C0 if node.style in ("'", '"') else _NON_PRINTABLE
            if raw & refused:
                return node.start_mark.line, "the stream contains non-printable characters"
        elif isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key.start_mark.line, f"it repeats the key {yaml_unsafe(key.value)!r}"
                    seen.add(key.value)
                pending.extend((value, key))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(reversed(node.value))
    return None
