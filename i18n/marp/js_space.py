"""White space as JavaScript means it, which Marp's parsers (marpit, marp-core) match.

JavaScript's ``\\s`` and ``String.prototype.trim`` take the Unicode space separators,
the line terminators and U+FEFF; Python's ``str.isspace`` and ``\\s`` take other
characters (the C0 separators U+001C-U+001F, U+0085) and miss U+FEFF. Where we mirror
Marp, we use these.
"""

from __future__ import annotations

JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""The characters, for ``str.strip`` (what ``String.prototype.trim`` removes)."""

JS_SPACE_CLASS = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""The same characters as the inside of a regular expression's ``[...]``."""
