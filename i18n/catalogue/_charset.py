"""Catch a charset header that lies before its bytes are decoded into mojibake.

A translator's editor may save UTF-8 under a header that still says ISO-8859-1 (or
save Windows-1252 under ISO-8859-1). Decoding as declared "works", and ``update`` would
write ``VÃ¤lkommen`` back as UTF-8 for good. gettext cannot tell either; we can: real
single-byte text almost never forms valid UTF-8 multibyte sequences, and ISO-8859-x
bytes 0x80-0x9F are C1 control characters no translation holds.
"""

from __future__ import annotations

import re

from i18n.errors import CatalogueError

_UTF8 = frozenset({"utf-8", "utf-8-sig"})
_HIGH = re.compile(rb"[\x80-\xff]")
_C1 = re.compile("[\x80-\x9f]")
_WINDOWS = {
    "iso8859-1": "windows-1252",
    "latin-1": "windows-1252",
    "iso8859-15": "windows-1252",
    "iso8859-2": "windows-1250",
    "iso8859-5": "windows-1251",
    "iso8859-7": "windows-1253",
    "iso8859-9": "windows-1254",
    "iso8859-8": "windows-1255",
    "iso8859-6": "windows-1256",
    "iso8859-4": "windows-1257",
    "iso8859-13": "windows-1257",
}
"""The Windows code page each ISO-8859 part is confused with (C1 range filled in)."""


def _line(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def refuse_utf8_in_disguise(data: bytes, codec: str, charset: str, path: str, at: int) -> None:
    """Refuse UTF-8 bytes (with multibyte sequences) under a header naming another charset.

    ``at`` is the offset of the header's charset, named in the message.

    Raises:
        CatalogueError: at the first multibyte sequence's line.
    """
    if codec in _UTF8:
        return
    high = _HIGH.search(data)
    if high is None:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    raise CatalogueError(
        path,
        _line(data, high.start()),
        f"bytes that look like UTF-8, but the header (line {_line(data, at)}) declares "
        f"{charset}; read as {charset} they would become mojibake",
        "set charset=UTF-8 in the Content-Type header if the file is UTF-8 "
        f"(most editors save it so), or save it as {charset}",
    )


def refuse_c1(text: str, data: bytes, codec: str, charset: str, path: str) -> None:
    """Refuse C1 control characters that a single-byte charset made of bytes 0x80-0x9F.

    Raises:
        CatalogueError: at the first one's line, naming the charset they look like.
    """
    if codec in _UTF8:
        return
    found = _C1.search(text)
    if found is None:
        return
    line = text[: found.start()].count("\n") + 1
    looks = _WINDOWS.get(codec, "windows-1252")
    try:
        data.decode(looks)
    except UnicodeDecodeError:
        raise CatalogueError(
            path,
            line,
            f"bytes 0x80-0x9F, control characters in {charset}, the charset the header declares",
            "set the charset the file is really in, or save it as UTF-8",
        ) from None
    raise CatalogueError(
        path,
        line,
        f"bytes 0x80-0x9F that look like {looks} (curly quotes, dashes, €), but the header "
        f"declares {charset}, where they are control characters",
        f"set charset={looks} in the Content-Type header, or save the file as UTF-8",
    )
